import SchemaModel

/// CHECKs left to the database: what the engine cannot evaluate is evaluated
/// by the server for every generated row, and the failing rows are redrawn.
extension Planner {
    /// The note (or, when the database cannot evaluate it over generated
    /// rows either, the warning) for a CHECK that is not captured and not
    /// verified per row. Decided from the table alone, before generators exist.
    func describeUncaptured(_ u: DerivedConstraints.Unsupported, table: Table) -> (note: String?, warning: String?) {
        let label = u.column.map { "domain CHECK of \($0)" } ?? (u.name.map { "CHECK \($0)" } ?? "CHECK")
        let refs = ServerCheck.references(in: u.expression, columns: table.columns.map(\.name), valueColumn: u.column).columns
        let written = Set(table.writableColumns.map(\.name))
        if let computed = refs.first(where: { !written.contains($0) }) {
            return (nil, "\(table.name): \(label) (\(u.expression)) is not understood (\(u.reason)) and reads \(computed), which the database computes; values are generated without it and the database will reject any row that breaks it")
        }
        return (serverNote(table: table, label: label, u.expression, why: "dbsynth cannot evaluate it: " + u.reason), nil)
    }

    func serverNote(table: Table, label: String, _ expression: String, why: String) -> String {
        "\(table.name): \(label) (\(expression)) is checked by the server on every generated row (\(why))"
    }

    /// The server-checked predicates of a table: every uncaptured CHECK that
    /// is not verified per row, and the per-row checks `CheckEvaluator`
    /// cannot evaluate (probed on the table's first rows, each part of the
    /// expression on its own, so a short-circuit does not hide one), which
    /// leave `rowChecks`.
    func serverChecks(_ table: Table, _ columns: [ColumnPlan], rowChecks: inout [RowCheck], firstRow: Int64) -> [ServerCheck] {
        let index = Dictionary(columns.enumerated().map { ($1.column.name, $0) }, uniquingKeysWith: { a, _ in a })
        var out: [ServerCheck] = []
        let constraints = derived[table.name]
        let origins = Dictionary(table.checks.map { ($0.expression, $0.origin) }, uniquingKeysWith: { a, _ in a })
        for u in constraints?.unsupported ?? [] {
            // A rule read from a trigger: advisory, like the trigger's other conditions.
            if u.column == nil, let trigger = origins[u.expression] ?? nil {
                // Verified per row when dbsynth can evaluate it.
                let parsed = constraints?.checks.first { $0.text == u.expression }?.expression
                if let check = rowChecks.first(where: { $0.expression == parsed }),
                   unevaluable(check, columns: columns, firstRow: firstRow) == nil { continue }
                rowChecks.removeAll { $0.expression == parsed }
                guard !options.triggersDisabled else { continue }
                let refs = ServerCheck.references(in: u.expression, columns: table.columns.map(\.name), valueColumn: nil)
                let reads = refs.columns.compactMap { index[$0] }.sorted()
                let redraw = redrawable(reads, table: table, columns: columns)
                guard reads.count == refs.columns.count, !redraw.isEmpty else { continue }
                out.append(ServerCheck(name: nil, text: u.expression, predicate: refs.predicate, domainColumn: nil,
                                       reads: reads, redraw: redraw, trigger: trigger))
                continue
            }
            let parsed = constraints?.checks.first { $0.text == u.expression && $0.column == u.column }?.expression
            let label = u.column.map { "domain CHECK of \($0)" } ?? (u.name.map { "CHECK \($0)" } ?? "CHECK")
            let verified = "\(table.name): \(label) (\(u.expression)) is verified on every generated row"
            if u.column == nil, let parsed, let check = rowChecks.first(where: { $0.expression == parsed }) {
                guard let why = unevaluable(check, columns: columns, firstRow: firstRow) else { continue }
                notes.removeAll { $0 == verified }
                notes.append(serverNote(table: table, label: label, u.expression, why: "dbsynth cannot evaluate it: " + why))
                // Evaluated by the server instead: trying it per row would only cost time.
                rowChecks.removeAll { $0.expression == parsed }
            } else if notes.contains(verified) {
                // Noted as a row check, but no row check could redraw anything: the server checks it.
                notes.removeAll { $0 == verified }
                notes.append(serverNote(table: table, label: label, u.expression, why: "its columns are keys or uniques that are never redrawn, so a row that fails it stops the fill"))
            }
            let refs = ServerCheck.references(in: u.expression, columns: table.columns.map(\.name), valueColumn: u.column)
            let reads = refs.columns.compactMap { index[$0] }
            guard reads.count == refs.columns.count else {
                // A column left to its default: the rows cannot be evaluated before the load.
                notes.removeAll { $0 == serverNote(table: table, label: label, u.expression, why: "dbsynth cannot evaluate it: " + u.reason) }
                warnings.append("\(table.name): \(label) (\(u.expression)) is not understood (\(u.reason)) and reads a column the database fills; values are generated without it and the database will reject any row that breaks it")
                continue
            }
            out.append(ServerCheck(
                name: u.name, text: u.expression, predicate: refs.predicate, domainColumn: u.column,
                reads: reads.sorted(), redraw: redrawable(reads.sorted(), table: table, columns: columns)))
        }
        guard !options.triggersDisabled else { return out }
        for condition in table.triggerConditions {
            let reads = condition.columns.compactMap { index[$0] }
            // A column left to its default cannot be evaluated before the load: the trigger alone decides.
            guard reads.count == condition.columns.count else { continue }
            // Nor is a condition no redraw can change worth its cost (a key unique across a view).
            let redraw = redrawable(reads.sorted(), table: table, columns: columns)
            guard !redraw.isEmpty else { continue }
            out.append(ServerCheck(
                name: nil, text: condition.text, predicate: "NOT (\(condition.sql))", domainColumn: nil,
                reads: reads.sorted(), redraw: redraw, trigger: condition.trigger))
        }
        return out
    }

    /// Why `CheckEvaluator` cannot evaluate a row check, or nil when it can
    /// (for the table's first rows).
    func unevaluable(_ check: RowCheck, columns: [ColumnPlan], firstRow: Int64) -> String? {
        var value = Value()
        for row in firstRow..<(firstRow + 4) {
            var values: [String: CheckValue] = [:]
            for i in check.reads {
                columns[i].generator.generate(row: row, into: &value)
                values[columns[i].column.name] = DomainGuardGenerator.checkValue(value)
            }
            var reason: String?
            check.expression.visit { part in
                if reason == nil { reason = CheckEvaluator.unsupportedReason(part, row: values) }
            }
            if let reason { return reason }
        }
        return nil
    }
}

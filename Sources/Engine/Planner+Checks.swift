import Introspect

/// CHECK constraints: per-column domains, null-count groups, per-row checks
/// and the capacity a CHECK leaves a unique column.
extension Planner {
    // MARK: CHECK constraints

    /// Derives the column domains of a table's CHECKs (and its columns'
    /// domain CHECKs). What cannot be captured is reported now, before
    /// anything is written; an unsatisfiable NOT NULL column stops the plan.
    func deriveConstraints(_ table: Table) throws {
        let domainChecks = table.columns.flatMap { c in c.domainChecks.map { (column: c.name, expression: $0) } }
        guard !table.checks.isEmpty || !domainChecks.isEmpty else { return }
        let result = DomainDeriver.derive(
            checks: table.checks.map { (name: $0.name, expression: $0.expression) },
            columns: table.columns.map(\.name),
            domainChecks: domainChecks,
            nonNullable: Set(table.columns.filter { !$0.isNullable }.map(\.name)))
        for u in result.unsupported {
            let name = u.name.map { "CHECK \($0)" } ?? "CHECK"
            // Checks across several columns are verified per row (see `rowChecks`).
            if let parsed = result.checks.first(where: { $0.text == u.expression })?.expression,
               Set(parsed.columnReferences.map { $0.name.lowercased() }).count >= 2 {
                notes.append("\(table.name): \(name) (\(u.expression)) is verified on every generated row")
                continue
            }
            // The rest is evaluated by the database on every generated row (see `serverChecks`).
            let described = describeUncaptured(u, table: table)
            if let note = described.note { notes.append(note) }
            if let warning = described.warning { warnings.append(warning) }
        }
        for (columnName, domain) in result.domains {
            guard let column = table.column(named: columnName) else { continue }
            if let reason = domain.unsatisfiableReason, !column.isNullable || domain.notNull {
                throw PlanError("\(table.name).\(columnName): its CHECK constraints cannot be satisfied: \(reason)")
            }
        }
        derived[table.name] = result
    }

    /// Wraps a column of a `num_nonnulls(…)`-style group so each row has an
    /// allowed number of non-NULL columns.
    func inNullCountGroup(_ g: any ValueGenerator, table: Table, column: String) -> any ValueGenerator {
        guard let group = derived[table.name]?.groups.first(where: { $0.columns.contains(column) }),
              let index = group.columns.firstIndex(of: column) else { return g }
        let required = group.columns.map { table.column(named: $0)?.isNullable == false }
        return NullCountGroupGenerator(
            inner: g, groupStream: stream(table, "\u{1}nulls:" + group.columns.joined(separator: ",")), index: index,
            required: required, minNonNull: group.minNonNull, maxNonNull: group.maxNonNull)
    }

    /// The CHECKs that span several columns and that construction does not
    /// capture: verified per row, redrawing the free columns they read.
    func rowChecks(_ table: Table, _ columns: [ColumnPlan]) -> [RowCheck] {
        guard let constraints = derived[table.name] else { return [] }
        let unsupported = Set(constraints.unsupported.map(\.expression))
        let keyed = Set(uniqueSets(table).flatMap { $0 })
        let index = Dictionary(columns.enumerated().map { ($1.column.name.lowercased(), $0) }, uniquingKeysWith: { a, _ in a })
        var out: [RowCheck] = []
        for check in constraints.checks where unsupported.contains(check.text) {
            guard let expression = check.expression else { continue }
            let reads = Array(Set(expression.columnReferences.compactMap { index[$0.name.lowercased()] })).sorted()
            guard reads.count >= 2 else { continue }
            var redraw: Set<Int> = []
            for i in reads where !keyed.contains(columns[i].column.name) {
                if let fk = table.foreignKeys.first(where: { $0.columns.contains(columns[i].column.name) }) {
                    guard !fk.columns.contains(where: keyed.contains) else { continue }
                    for c in fk.columns { if let j = index[c.lowercased()] { redraw.insert(j) } }
                } else {
                    redraw.insert(i)
                }
            }
            guard !redraw.isEmpty else { continue }
            out.append(RowCheck(name: check.name, expression: expression, reads: reads, redraw: redraw.sorted()))
        }
        return out
    }

    /// A unique column whose generator has fewer distinct values than rows
    /// (a CHECK range, a short char(n)) caps the table, with a warning.
    func capUniqueColumns(_ table: Table, _ columns: [ColumnPlan]) throws {
        guard let rows = rowCounts[table.name] else { return }
        for c in columns {
            guard let u = c.generator as? any UniqueValueGenerator, !(c.generator is ForeignKeyGenerator),
                  let capacity = u.capacity, capacity < rows,
                  uniqueSets(table).contains(where: { carrier(of: $0, in: table) == c.column.name }) else { continue }
            let note = "\(table.name): \(capacity) rows instead of \(rows), because \(c.column.name) must be unique and has only \(capacity) possible values"
            warnings.append(note)
            capacityNotes[table.name] = note
            rowCounts[table.name] = capacity
        }
    }
}

import SchemaModel

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
        func derive(_ checks: [CheckConstraint]) -> DerivedConstraints {
            DomainDeriver.derive(
                checks: checks.map { (name: $0.name, expression: $0.expression) },
                columns: table.columns.map(\.name),
                domainChecks: domainChecks,
                nonNullable: Set(table.columns.filter { !$0.isNullable }.map(\.name)))
        }
        var result = derive(table.checks)
        // Rules read from triggers that no row can meet together with the
        // declared CHECKs are left to the triggers (which then reject, by name).
        let fromTriggers = table.checks.filter { $0.origin != nil }
        if !fromTriggers.isEmpty, result.domains.contains(where: { name, d in
            d.unsatisfiableReason != nil && (table.column(named: name).map { !$0.isNullable } ?? false || d.notNull)
        }) {
            result = derive(table.checks.filter { $0.origin == nil })
            let triggers = Set(fromTriggers.compactMap(\.origin)).sorted()
            warnings.append("\(table.name): the conditions of trigger \(triggers.joined(separator: ", ")) leave no value for some column together with the table's CHECKs; rows are generated without them and the trigger decides")
        }
        let origins = Dictionary(table.checks.map { ($0.expression, $0.origin) }, uniquingKeysWith: { a, _ in a })
        for u in result.unsupported {
            // A trigger's rule dbsynth cannot evaluate is the trigger's to enforce (see `serverChecks`): no note, no warning.
            if origins[u.expression] ?? nil != nil { continue }
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
        uniqueSetCache[table.name] = nil
        if result.branches.count > 1 {
            let dependent = result.branchDependentColumns
            branching[table.name] = TableBranches(constraints: result, dependent: dependent, weights: [])
            branching[table.name]!.weights = branchWeights(table, result, dependent: dependent)
        }
        uniqueSetCache[table.name] = nil
    }

    /// The per-row branches of a table. Branches are equally likely, except
    /// that a branch giving a value to the column that carries a unique set
    /// is dropped when that column has too few values for the rows (a
    /// `CHECK (active)` boolean under `UNIQUE (a, b, active)` stays NULL),
    /// as long as another branch remains.
    func branchWeights(_ table: Table, _ constraints: DerivedConstraints, dependent: Set<String>) -> [Double] {
        var weights = [Double](repeating: 1, count: constraints.branches.count)
        let rows = rowCounts[table.name] ?? options.rows(for: table.name)
        for set in uniqueSets(table) {
            guard let carrier = carrier(of: set, in: table), dependent.contains(carrier),
                  let column = table.column(named: carrier) else { continue }
            let few = constraints.branches.map { b -> Bool in
                let d = b.domains[carrier] ?? ColumnDomain()
                if d.mustBeNull { return false }
                if let allowed = d.allowed { return Int64(allowed.count) < rows }
                return column.type == .boolean && rows > 2
            }
            let null = constraints.branches.map { $0.domains[carrier]?.mustBeNull == true }
            guard few.contains(true), null.contains(true) else { continue }
            let kept = weights.indices.map { few[$0] ? 0 : weights[$0] }
            if kept.contains(where: { $0 > 0 }) { weights = kept }
        }
        return weights
    }

    /// The branches of a table as `inspect` shows them (those rows can take).
    func branchSummaries(_ table: Table) -> [BranchSummary] {
        guard let branches = branching[table.name], let chooser = branches.chooser else { return [] }
        let total = chooser.cumulative.last ?? 1
        return branches.constraints.branches.indices.compactMap { i in
            let width = chooser.cumulative[i] - (i == 0 ? 0 : chooser.cumulative[i - 1])
            guard width > 0 else { return nil }
            let choices = branches.constraints.branches[i].choices.map { c in
                "\(c.check ?? "CHECK"): \(c.branch + 1) of \(c.of): \(c.text)"
            }
            return BranchSummary(share: width / total, choices: choices)
        }
    }

    /// The per-row chooser of a table's branches, made once its parents are
    /// planned: a branch whose FK values no parent row has
    /// (`external_repo_id = 0` when no generated repo has id 0) is never taken.
    func branchChooser(_ table: Table) throws -> BranchChooser {
        guard var branches = branching[table.name] else { preconditionFailure("\(table.name) has no branches") }
        if let chooser = branches.chooser { return chooser }
        var weights = branches.weights
        let saved = derived[table.name]
        defer { derived[table.name] = saved }
        for i in weights.indices where weights[i] > 0 {
            derived[table.name] = branches.constraints.selecting(branch: i)
            for fk in table.foreignKeys where fk.referencedTable != table.name && fk.columns.contains(where: branches.dependent.contains) {
                let parentRows = parentRowCount(fk)
                if parentRows > 0, try parentsPassingChecks(fk, in: table, parentRows: parentRows, warn: false) == [] {
                    weights[i] = 0
                }
            }
        }
        if !weights.contains(where: { $0 > 0 }) { weights = branches.weights }
        let chooser = BranchChooser(stream: stream(table, "\u{1}branch"), weights: weights)
        branches.chooser = chooser
        branching[table.name] = branches
        let live = weights.filter { $0 > 0 }.count
        let shape = branches.constraints.branches[0].choices.map { c in "\(c.check.map { "CHECK \($0)" } ?? "CHECK") (\(c.of) branches)" }
        notes.append("\(table.name): each row takes one of \(live) branch\(live == 1 ? "" : "es") of \(shape.joined(separator: ", ")); per-row columns: \(branches.dependent.sorted().joined(separator: ", "))")
        return chooser
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
        let index = Dictionary(columns.enumerated().map { ($1.column.name.lowercased(), $0) }, uniquingKeysWith: { a, _ in a })
        var out: [RowCheck] = []
        for check in constraints.checks where unsupported.contains(check.text) {
            guard let expression = check.expression else { continue }
            let reads = Array(Set(expression.columnReferences.compactMap { index[$0.name.lowercased()] })).sorted()
            guard reads.count >= 2 else { continue }
            let redraw = redrawable(reads, table: table, columns: columns)
            guard !redraw.isEmpty else { continue }
            out.append(RowCheck(name: check.name, expression: expression, reads: reads, redraw: redraw))
        }
        return out
    }

    /// The columns (indices into `columns`) a per-row redraw may change among
    /// those a check `reads`: never a key or unique column (its bijection
    /// would break), nor a pinned one (`pinnedColumns`); a foreign key, a
    /// reference to a view of tables, and the columns copied from the
    /// parent a key picks, only whole, so the redrawn row still points at
    /// one parent and agrees with it.
    func redrawable(_ reads: [Int], table: Table, columns: [ColumnPlan]) -> [Int] {
        let keyed = Set(uniqueSets(table).flatMap { $0 })
        let pinned = pinnedColumns(table)
        let index = Dictionary(columns.enumerated().map { ($1.column.name.lowercased(), $0) }, uniquingKeysWith: { a, _ in a })
        // Columns written together from one pick of a parent row.
        var groups: [[String]] = table.foreignKeys.map { fk in
            fk.columns + table.equalities.filter { Set($0.viaColumns) == Set(fk.columns) }.map(\.column)
        }
        groups += table.polymorphicReferences.map(\.allColumns)
        var redraw: Set<Int> = []
        for i in reads {
            let name = columns[i].column.name
            guard !keyed.contains(name), !pinned.contains(name) else { continue }
            let together = groups.filter { $0.contains(name) }
            if together.isEmpty { redraw.insert(i); continue }
            let all = Set(together.flatMap { $0 })
            guard !all.contains(where: { keyed.contains($0) || pinned.contains($0) }) else { continue }
            for c in all { if let j = index[c.lowercased()] { redraw.insert(j) } }
        }
        return redraw.sorted()
    }

    /// Columns a per-row redraw must leave alone, because other columns of
    /// the row agree with their value at the row itself: per-row branch
    /// columns, and the FKs and columns of shared-key paths.
    func pinnedColumns(_ table: Table) -> Set<String> {
        var out = branching[table.name]?.dependent ?? []
        for p in sharedKeyPaths(table) {
            out.formUnion(p.direct)
            out.formUnion(p.driving.columns)
            for a in p.agreeing { out.formUnion(a.fk.columns) }
        }
        return out
    }

    /// A unique column whose generator has fewer distinct values than rows
    /// (a CHECK range, a short char(n)) caps the table, with a warning.
    func capUniqueColumns(_ table: Table, _ columns: [ColumnPlan]) throws {
        guard var rows = rowCounts[table.name] else { return }
        // On --append the existing rows hold the first indices of the bijection;
        // with several short columns the smallest capacity wins.
        let first = firstRows[table.name] ?? 0
        for c in columns {
            guard let u = c.generator as? any UniqueValueGenerator, !(c.generator is ForeignKeyGenerator),
                  let total = u.capacity, total - first < rows,
                  uniqueSets(table).contains(where: { carrier(of: $0, in: table) == c.column.name }) else { continue }
            let capacity = max(0, total - first)
            let held = first > 0 ? " (\(min(first, total)) of them already taken by the rows there)" : ""
            let note = "\(table.name): \(capacity) rows instead of \(rows), because \(c.column.name) must be unique and has only \(total) possible values\(held)"
            warnings.append(note)
            capacityNotes[table.name] = note
            rowCounts[table.name] = capacity
            rows = capacity
        }
    }
}

/// A table's per-row branches (see `DerivedConstraints.branches`).
struct TableBranches {
    var constraints: DerivedConstraints
    /// Columns whose requirements differ between branches.
    var dependent: Set<String>
    /// Before FK feasibility (see `Planner.branchChooser`).
    var weights: [Double]
    var chooser: BranchChooser?
}

import Introspect

/// Turns a `Schema` and the user's options into a `Plan`.
///
/// The planner decides, for every written column, a generator whose values
/// satisfy the column's type, keys, uniqueness, foreign keys and CHECKs by
/// construction. It never talks to a database.
package final class Planner {
    let schema: Schema
    let options: PlanOptions
    private var rowCounts: [QualifiedName: Int64] = [:]
    /// First generated row index per table (the existing rows on `--append`).
    private var firstRows: [QualifiedName: Int64] = [:]
    private var tablesByName: [QualifiedName: Table] = [:]
    /// Memoised generators by (table, column), so an FK reuses its parent
    /// column's generator, including across cycles loaded later.
    private var memo: [QualifiedName: [String: any ValueGenerator]] = [:]
    private var inProgress: Set<String> = []
    private var warnings: [String] = []
    /// How constraints outside the generators' construction are handled (shown by `inspect`).
    private var notes: [String] = []
    private var broken: [QualifiedName: [BrokenForeignKey]] = [:]
    /// CHECK constraints of each table, turned into per-column domains.
    private var derived: [QualifiedName: DerivedConstraints] = [:]
    /// What `now()` means in CHECKs during this fill (Unix seconds).
    private let now = CheckEvaluator.currentUnixTime()

    package init(schema: Schema, options: PlanOptions) {
        self.schema = schema
        self.options = options
        for t in schema.tables { tablesByName[t.name] = t }
    }

    package func plan() throws -> Plan {
        let order = TableOrder(schema: schema)
        var loadOrder: [QualifiedName] = []
        for component in order.components {
            loadOrder += breakCycles(in: component)
        }
        for name in loadOrder {
            rowCounts[name] = options.rows(for: name)
            if options.append { firstRows[name] = tablesByName[name]!.rowCount }
        }
        for name in loadOrder { try applyFanOut(tablesByName[name]!) }
        for name in loadOrder { try deriveConstraints(tablesByName[name]!) }
        // Caps must be known before any child picks a parent row.
        for name in loadOrder { applyCapacity(tablesByName[name]!) }

        var plans: [TablePlan] = []
        for name in loadOrder {
            let table = tablesByName[name]!
            var columns: [ColumnPlan] = []
            var omitted: [String] = []
            for column in table.writableColumns {
                // A type dbsynth cannot produce, with a default: leave the
                // column out of the load so the database fills it.
                if case .unknown(let type) = column.type, column.defaultExpression != nil,
                   !table.foreignKeys.contains(where: { $0.columns.contains(column.name) }),
                   !uniqueSets(table).contains(where: { $0.contains(column.name) }) {
                    warnings.append("\(table.name).\(column.name): type \(type) is not supported; its default (\(column.defaultExpression!)) fills it")
                    omitted.append(column.name)
                    continue
                }
                let generator = try generator(table: table, column: column.name)
                columns.append(ColumnPlan(column: column, generator: generator, kind: kindName(table: table, column: column)))
            }
            try capUniqueColumns(table, columns)
            var updates: [DeferredUpdate] = []
            for b in broken[name] ?? [] where b.strategy == .nullThenUpdate {
                updates.append(DeferredUpdate(
                    foreignKey: b.foreignKey,
                    keyColumns: try table.primaryKey.map { c in
                        ColumnPlan(column: table.column(named: c)!, generator: try generator(table: table, column: c), kind: nil)
                    },
                    setColumns: try b.foreignKey.columns.map { c in
                        ColumnPlan(column: table.column(named: c)!, generator: try foreignKeyGenerator(b.foreignKey, table: table, column: c), kind: nil)
                    }))
            }
            var plan = TablePlan(
                table: table, rows: rowCounts[name] ?? 0, columns: columns,
                brokenForeignKeys: broken[name] ?? [], capacityNote: capacityNotes[name], updates: updates)
            plan.firstRow = firstRows[name] ?? 0
            plan.omittedColumns = omitted
            plan.rowChecks = rowChecks(table, columns)
            plans.append(plan)
        }
        return Plan(tables: plans, warnings: warnings, seed: options.seed)
    }

    // MARK: Cycles

    /// Orders one strongly connected component and records which FK edges
    /// point "forward" (to a table loaded later) and how each is handled.
    ///
    /// Edges are dropped in order of cost: nullable first (NULL + UPDATE),
    /// then deferrable, then the rest (drop and re-create / SQLite deferral),
    /// until the remaining graph of the component is acyclic.
    func breakCycles(in component: [QualifiedName]) -> [QualifiedName] {
        guard component.count > 1 else { return component }
        let members = Set(component)
        struct Edge { let child: QualifiedName; let fk: ForeignKey; let cost: Int }
        var edges: [Edge] = []
        for name in component {
            let table = tablesByName[name]!
            for fk in table.foreignKeys where members.contains(fk.referencedTable) && fk.referencedTable != name {
                // NULL-then-UPDATE needs a primary key to find the rows again.
                let nullable = !table.primaryKey.isEmpty && fk.columns.allSatisfy { c in table.column(named: c)?.isNullable ?? false }
                edges.append(Edge(child: name, fk: fk, cost: nullable ? 0 : (fk.isDeferrable ? 1 : 2)))
            }
        }
        // Remove the edges of cost ≤ k for k = 0, 1, 2: the first k whose
        // remaining graph orders the component wins; then only the removed
        // edges that really point forward are broken.
        for removedCost in 0...2 {
            let kept = edges.filter { $0.cost > removedCost }
            if let order = Self.topologicalOrder(component, edges: kept.map { ($0.child, $0.fk.referencedTable) }) {
                let position = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0) })
                for edge in edges where position[edge.fk.referencedTable]! > position[edge.child]! {
                    let strategy: BrokenForeignKey.Strategy
                    switch edge.cost {
                    case 0: strategy = .nullThenUpdate
                    case 1: strategy = .deferConstraint
                    default: strategy = schema.dialect == .postgres ? .dropAndRecreate : .sqliteDeferForeignKeys
                    }
                    broken[edge.child, default: []].append(BrokenForeignKey(foreignKey: edge.fk, strategy: strategy))
                }
                return order
            }
        }
        // Only reachable when even without any edge there is no order, which cannot happen.
        return component
    }

    static func topologicalOrder(_ nodes: [QualifiedName], edges: [(child: QualifiedName, parent: QualifiedName)]) -> [QualifiedName]? {
        var pending: [QualifiedName: Set<QualifiedName>] = [:]
        for n in nodes { pending[n] = [] }
        for e in edges where e.child != e.parent { pending[e.child]!.insert(e.parent) }
        var order: [QualifiedName] = []
        var remaining = Set(nodes)
        while !remaining.isEmpty {
            guard let next = remaining.filter({ pending[$0]!.isEmpty }).min() else { return nil }
            order.append(next)
            remaining.remove(next)
            for n in remaining { pending[n]!.remove(next) }
        }
        return order
    }

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
            warnings.append("\(table.name): \(name) (\(u.expression)) is not understood (\(u.reason)); values are generated without it and the database will reject any row that breaks it")
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

    // MARK: Fan-out

    /// Per-table cumulative child counts of a configured fan-out, by FK.
    private var fanOuts: [QualifiedName: (fk: ForeignKey, cumulative: [Int64])] = [:]

    /// `per_parent`: draws each parent row's child count; the table's row
    /// count becomes their sum, and the FK walks the parents in order.
    func applyFanOut(_ table: Table) throws {
        guard let fanOut = options.overrides?.fanOut(for: table) else { return }
        guard let fk = table.foreignKeys.first(where: { $0.columns.contains(fanOut.foreignKeyColumn) }) else {
            throw PlanError("\(table.name): per_parent names \(fanOut.foreignKeyColumn), which is not a foreign key column")
        }
        let parentRows = rowCounts[fk.referencedTable] ?? 0
        var cumulative: [Int64] = []
        cumulative.reserveCapacity(Int(parentRows))
        var total: Int64 = 0
        var value = Value()
        for parent in 0..<parentRows {
            fanOut.count.generate(row: parent, into: &value)
            let n: Int64
            switch value.kind {
            case .int: n = value.int
            case .double: n = Int64(value.double.rounded())
            case .text: n = Int64(String(decoding: value.bytes.bytes, as: UTF8.self)) ?? 0
            default: n = 0
            }
            total += max(0, n)
            cumulative.append(total)
        }
        fanOuts[table.name] = (fk, cumulative)
        rowCounts[table.name] = total
    }

    // MARK: Capacity

    private var capacityNotes: [QualifiedName: String] = [:]

    /// Caps a table's rows where its keys cannot take more distinct values:
    /// a unique FK (1:1) cannot outnumber its parent, a key made only of FKs
    /// cannot outnumber the product of its parents' rows.
    func applyCapacity(_ table: Table) {
        guard var rows = rowCounts[table.name], rows > 0 else { return }
        var reasons: [String] = []
        for set in uniqueSets(table) {
            let fks = fkCover(table, set)
            guard !fks.isEmpty else { continue }
            let layout = tupleLayout(table, fks, ownRows: rows)
            let product = layout.radices.reduce(Int64(1)) { acc, n in
                acc.multipliedReportingOverflow(by: n).overflow ? Int64.max : acc * n
            }
            if product < rows {
                rows = product
                reasons.append("(\(set.joined(separator: ", "))) must be unique and takes its values from \(fks.map { $0.referencedTable.description }.joined(separator: " × "))")
            }
        }
        if rows < rowCounts[table.name]! {
            let note = "\(table.name): \(rows) rows instead of \(rowCounts[table.name]!), because " + reasons.joined(separator: "; ")
            warnings.append(note)
            capacityNotes[table.name] = note
            rowCounts[table.name] = rows
        }
    }

    /// The mixed-radix layout of a key made of FKs: one radix per FK (its
    /// parent's row count), one less for an FK that a `CHECK (a <> b)` keeps
    /// apart from an earlier FK to the same parent.
    func tupleLayout(_ table: Table, _ cover: [ForeignKey], ownRows: Int64) -> (radices: [Int64], distinctFrom: [Int?]) {
        var radices = cover.map { fk in fk.referencedTable == table.name ? ownRows : (rowCounts[fk.referencedTable] ?? 0) }
        var distinctFrom = [Int?](repeating: nil, count: cover.count)
        for (a, b) in notEqualPairs(table) {
            guard let i = cover.firstIndex(where: { $0.columns == [a] }), let j = cover.firstIndex(where: { $0.columns == [b] }),
                  i != j, cover[i].referencedTable == cover[j].referencedTable,
                  cover[i].referencedColumns == cover[j].referencedColumns else { continue }
            let (first, second) = (min(i, j), max(i, j))
            guard distinctFrom[second] == nil, distinctFrom[first] == nil else { continue }
            distinctFrom[second] = first
            radices[second] = max(0, radices[second] - 1)
        }
        return (radices, distinctFrom)
    }

    /// Column pairs of CHECKs of the form `a <> b`.
    func notEqualPairs(_ table: Table) -> [(String, String)] {
        guard let constraints = derived[table.name] else { return [] }
        return constraints.checks.compactMap { check in
            guard let e = check.expression?.strippingCasts,
                  case .comparison(.notEqual, let l, let r) = e,
                  case .column(let a, _) = l.strippingCasts, case .column(let b, _) = r.strippingCasts else { return nil }
            let resolve = { (n: String) in table.columns.first { $0.name == n || $0.name.lowercased() == n.lowercased() }?.name }
            guard let ca = resolve(a), let cb = resolve(b) else { return nil }
            return (ca, cb)
        }
    }

    /// The primary key and every unique constraint, as column lists.
    ///
    /// A partial index counts as a full one (stricter, so sound). An
    /// expression index (`lower(email)`) counts as unique over the columns its
    /// expressions mention: distinct values stay distinct under the
    /// expressions dbsynth's generators meet (case folding of values that are
    /// already lowercase, trimming of values without spaces at the ends).
    func uniqueSets(_ table: Table) -> [[String]] {
        if let cached = uniqueSetCache[table.name] { return cached }
        var sets: [[String]] = []
        if !table.primaryKey.isEmpty { sets.append(table.primaryKey) }
        for u in table.uniques {
            var columns = u.columns
            for expression in u.expressions {
                for token in SQLTokenizer.tokenize(expression) where token.kind == .word || token.kind == .quotedIdentifier {
                    if let c = table.columns.first(where: { token.kind == .quotedIdentifier ? $0.name == token.text : $0.name.caseInsensitiveEquals(token.text) }),
                       !columns.contains(c.name) {
                        columns.append(c.name)
                    }
                }
            }
            if !columns.isEmpty, !sets.contains(columns) { sets.append(columns) }
        }
        uniqueSetCache[table.name] = sets
        return sets
    }

    private var uniqueSetCache: [QualifiedName: [[String]]] = [:]

    /// When every column of a unique set belongs to some FK, the FKs covering
    /// it (their parent tuples must then be distinct per row); else empty.
    func fkCover(_ table: Table, _ set: [String]) -> [ForeignKey] {
        var cover: [ForeignKey] = []
        for column in set {
            guard let fk = table.foreignKeys.first(where: { $0.columns.contains(column) && isLive($0, in: table) }) else { return [] }
            if !cover.contains(fk) { cover.append(fk) }
        }
        // Every column of each covering FK must be inside the set, or the tuple
        // could repeat with a different value of the outside column.
        guard cover.allSatisfy({ $0.columns.allSatisfy(set.contains) }) else { return [] }
        return cover
    }

    /// An FK whose parent is being filled and that is not written as NULL.
    func isLive(_ fk: ForeignKey, in table: Table) -> Bool {
        tablesByName[fk.referencedTable] != nil
    }

    // MARK: Generators

    func stream(_ table: Table, _ part: String) -> UInt64 {
        RowRandom.streamKey(seed: seed(for: table), table: table.name.description, column: part)
    }

    /// The seed of a table: the config's per-table seed, else the global one.
    func seed(for table: Table) -> UInt64 {
        options.overrides?.seed(for: table) ?? options.seed
    }

    /// Rows planned for a table, once counts are known.
    func plannedRows(_ name: QualifiedName) -> Int64? { rowCounts[name] }

    /// The generator inference picks for a column, ignoring overrides.
    func inferredGenerator(table: Table, column: Column) throws -> any ValueGenerator {
        try build(table: table, column: column.name, allowOverride: false)
    }

    /// The generator of `column` in `table`, built once.
    func generator(table: Table, column: String) throws -> any ValueGenerator {
        if let g = memo[table.name]?[column] { return g }
        let key = "\(table.name.quoted).\(column)"
        guard inProgress.insert(key).inserted else {
            throw PlanError("\(table.name).\(column): its key depends on itself through foreign keys; give it a generator in the config")
        }
        defer { inProgress.remove(key) }
        let g = inNullCountGroup(try build(table: table, column: column), table: table, column: column)
        memo[table.name, default: [:]][column] = g
        return g
    }

    private func build(table: Table, column name: String, allowOverride: Bool = true) throws -> any ValueGenerator {
        guard let column = table.column(named: name) else {
            throw PlanError("\(table.name) has no column \(name)")
        }
        let rows = rowCounts[table.name] ?? options.rows(for: table.name)
        if allowOverride, let overrides = options.overrides {
            let context = OverrideContext(stream: stream(table, name), rows: rows, seed: seed(for: table), planner: self, table: table, column: column)
            if let g = try overrides.generator(for: table, column: column, context: context) { return g }
        }

        // Foreign key columns take the parent's value.
        if let fk = table.foreignKeys.first(where: { $0.columns.contains(name) }),
           let parent = tablesByName[fk.referencedTable] {
            let brokenFK = broken[table.name]?.first { $0.foreignKey == fk }
            if brokenFK?.strategy == .nullThenUpdate {
                return NullGenerator()
            }
            _ = parent
            return try foreignKeyGenerator(fk, table: table, column: name)
        }

        let uniqueAlone = uniqueSets(table).contains { set in
            set.contains(name) && carrier(of: set, in: table) == name
        }
        let constraints = derived[table.name]
        // A CHECK orders this column after another (`end_date > start_date`).
        if !uniqueAlone, let order = constraints?.orders.first(where: { $0.greater == name }),
           order.lesser != name, let lesser = table.column(named: order.lesser), lesser.type == column.type,
           let unit = Self.orderUnit(column.type) {
            let base = try generator(table: table, column: order.lesser)
            let minimum: Int64 = order.strict ? 1 : 0
            let span: Int64 = unit == .seconds ? 30 * 86_400 : (unit == .days ? 60 : 100)
            return OrderedAfterGenerator(base: base, unit: unit, gap: minimum...max(minimum, span), timeZoneSuffix: Self.hasTimeZone(column.type), stream: stream(table, name))
        }
        // Realistic order within the row, by name (updated_at after created_at…).
        if !uniqueAlone, let unit = Self.orderUnit(column.type), unit != .number,
           !(table.partitioning?.allKeyColumns.contains(name) ?? false),
           constraints?.domains[name]?.isUnconstrained ?? true,
           let pair = ColumnPairing.earlier(than: name, in: table),
           let earlier = table.column(named: pair.column), Self.canFollow(column.type, earlier.type),
           !table.foreignKeys.contains(where: { $0.columns.contains(name) }) {
            let base = try generator(table: table, column: pair.column)
            let scale: Int64 = unit == .seconds ? 86_400 : 1
            let ordered = OrderedAfterGenerator(base: base, unit: unit, gap: pair.minimumDays * scale...max(pair.minimumDays, pair.maximumDays) * scale,
                                                timeZoneSuffix: Self.hasTimeZone(column.type), stream: stream(table, name))
            // Open-ended rows (`deleted_at`, `effective_to`): mostly NULL for deletions, some for ends.
            let lower = name.lowercased()
            if column.isNullable, ["deleted_at", "archived_at", "cancelled_at", "canceled_at"].contains(lower) {
                return NullableGenerator(inner: ordered, nullFraction: 0.9, stream: stream(table, name) ^ 0xde1)
            }
            return ordered
        }
        if let partitioning = table.partitioning, partitioning.allKeyColumns.contains(name), !uniqueAlone {
            let leaves = PartitionLeaf.leaves(of: partitioning)
            if leaves.contains(where: { $0.requirements[name] != nil }) {
                var factory = ValueGeneratorFactory(table: table, column: column, rows: rows, unique: false, isPrimaryKey: false,
                                                    stream: stream(table, name), seed: seed(for: table))
                factory.now = now
        factory.window = options.dateWindow
                return PartitionKeyGenerator(
                    leaves: leaves, column: name, type: column.type, leafStream: stream(table, "\u{1}partition"),
                    stream: stream(table, name), fallback: try factory.make(warn: { warnings.append($0) }))
            }
        }
        var factory = ValueGeneratorFactory(
            table: table, column: column, rows: rows, unique: uniqueAlone,
            isPrimaryKey: table.primaryKey == [name],
            stream: stream(table, name), seed: seed(for: table))
        factory.firstRow = firstRows[table.name] ?? 0
        factory.keyFloor = options.keyFloors[table.name]?[name]
        if let domain = constraints?.domains[name] { factory.domain = domain }
        factory.now = now
        factory.window = options.dateWindow
        return try factory.make(warn: { warnings.append($0) })
    }

    /// The generator writing `column` of `fk`: the parent column's value at the picked parent row.
    func foreignKeyGenerator(_ fk: ForeignKey, table: Table, column name: String) throws -> any ValueGenerator {
        let parent = tablesByName[fk.referencedTable]!
        let parentColumn = fk.referencedColumns[fk.columns.firstIndex(of: name)!]
        let parentGenerator = try generator(table: parent, column: parentColumn)
        let picker = self.picker(for: fk, in: table)
        return ForeignKeyGenerator(picker: picker, parentColumn: parentGenerator, parentName: "\(parent.name).\(parentColumn)",
                                   childFirst: firstRows[table.name] ?? 0, parentFirst: firstRows[parent.name] ?? 0)
    }

    static func orderUnit(_ type: DataType) -> OrderedAfterGenerator.Unit? {
        switch type {
        case .date: return .days
        case .timestamp: return .seconds
        case .integer, .real, .double: return .number
        default: return nil
        }
    }

    /// Whether a column of type `later` can be generated as a column of type
    /// `earlier` plus a gap: the same type, or a timestamp after a date.
    static func canFollow(_ later: DataType, _ earlier: DataType) -> Bool {
        if later == earlier { return true }
        if case .timestamp = later, earlier == .date { return true }
        if case .timestamp = later, case .timestamp = earlier { return true }
        return false
    }

    static func hasTimeZone(_ type: DataType) -> Bool {
        if case .timestamp(true) = type { return true }
        return false
    }

    /// For a unique set not covered by FKs, the column that carries the
    /// uniqueness on its own (the first non-FK column); the other columns are free.
    func carrier(of set: [String], in table: Table) -> String? {
        if !fkCover(table, set).isEmpty { return nil }
        let free = set.filter { c in !table.foreignKeys.contains { $0.columns.contains(c) } }
        // Prefer a column whose distinct values are cheap and natural: a key
        // with an identity, then integers, uuids, text; never a partition key
        // (its values must stay inside the partition bounds).
        let partitionKeys = table.partitioning?.allKeyColumns ?? []
        func rank(_ name: String) -> Int {
            guard let c = table.column(named: name) else { return 9 }
            if partitionKeys.contains(name) { return 8 }
            if c.identity != nil { return 0 }
            switch c.type {
            case .integer: return 1
            case .uuid: return 2
            case .text, .char: return 3
            default: return 5
            }
        }
        return free.min { rank($0) < rank($1) }
    }

    func picker(for fk: ForeignKey, in table: Table) -> ParentRowPicker {
        let parentRows = rowCounts[fk.referencedTable] ?? 0
        let fkStream = stream(table, "fk:" + fk.columns.joined(separator: ","))
        let nullable = fk.columns.allSatisfy { table.column(named: $0)?.isNullable ?? false }
        if fk.referencedTable == table.name {
            return .earlierRow(stream: fkStream, nullable: nullable)
        }
        if let fan = fanOuts[table.name], fan.fk == fk {
            return .fanOut(cumulative: fan.cumulative)
        }
        guard parentRows > 0 else { return .none }
        // Part of a unique set made only of FKs: distinct tuples.
        for set in uniqueSets(table) {
            let cover = fkCover(table, set)
            guard let index = cover.firstIndex(of: fk) else { continue }
            if cover.count == 1 {
                return .injective(Permutation(count: UInt64(parentRows), key: fkStream))
            }
            let layout = tupleLayout(table, cover, ownRows: rowCounts[table.name] ?? 0)
            let radices = layout.radices.map { max(1, $0) }
            let product = radices.reduce(UInt64(1)) { acc, r in
                let (v, o) = acc.multipliedReportingOverflow(by: UInt64(r)); return o ? UInt64(Int64.max) : v
            }
            let setKey = stream(table, "key:" + set.joined(separator: ","))
            return .tupleComponent(Permutation(count: product, key: setKey), radices: radices, component: index, distinctFrom: layout.distinctFrom)
        }
        return .uniform(parentRows: parentRows, stream: fkStream)
    }

    func kindName(table: Table, column: Column) -> String? {
        (memo[table.name]?[column.name] as? SemanticGenerator)?.kind.rawValue
    }
}

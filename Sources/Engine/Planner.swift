import Introspect

/// Turns a `Schema` and the user's options into a `Plan`.
///
/// The planner decides, for every written column, a generator whose values
/// satisfy the column's type, keys, uniqueness, foreign keys and CHECKs by
/// construction. It never talks to a database.
package final class Planner {
    let schema: Schema
    let options: PlanOptions
    var rowCounts: [QualifiedName: Int64] = [:]
    /// First generated row index per table (the existing rows on `--append`).
    var firstRows: [QualifiedName: Int64] = [:]
    var tablesByName: [QualifiedName: Table] = [:]
    /// Memoised generators by (table, column), so an FK reuses its parent
    /// column's generator, including across cycles loaded later.
    var memo: [QualifiedName: [String: any ValueGenerator]] = [:]
    var inProgress: Set<String> = []
    var warnings: [String] = []
    /// How constraints outside the generators' construction are handled (shown by `inspect`).
    var notes: [String] = []
    var broken: [QualifiedName: [BrokenForeignKey]] = [:]
    /// CHECK constraints of each table, turned into per-column domains.
    var derived: [QualifiedName: DerivedConstraints] = [:]
    /// What `now()` means in CHECKs during this fill (Unix seconds).
    let now = CheckEvaluator.currentUnixTime()
    /// Per-table cumulative child counts of a configured fan-out, by FK.
    var fanOuts: [QualifiedName: (fk: ForeignKey, cumulative: [Int64])] = [:]
    var capacityNotes: [QualifiedName: String] = [:]
    var uniqueSetCache: [QualifiedName: [[String]]] = [:]
    /// Per table: the place source inherited from a parent place table, if any.
    var placeSources: [QualifiedName: PlaceSource?] = [:]

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
            plan.serverChecks = serverChecks(table, columns, rowChecks: &plan.rowChecks, firstRow: plan.firstRow)
            plans.append(plan)
        }
        var plan = Plan(tables: plans, warnings: warnings, seed: options.seed)
        plan.notes = notes
        return plan
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
        var g = inNullCountGroup(try build(table: table, column: column), table: table, column: column)
        if var semantic = g as? SemanticGenerator, SemanticGenerator.isPlaceKind(semantic.kind),
           let source = try inheritedPlace(of: table) {
            semantic.placeSource = source
            g = semantic
        }
        memo[table.name, default: [:]][column] = g
        return g
    }

    func build(table: Table, column name: String, allowOverride: Bool = true) throws -> any ValueGenerator {
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
            let windowEnd = unit == .seconds ? options.dateWindow.upperBound * 86_400 + 86_399 : options.dateWindow.upperBound
            let ordered = OrderedAfterGenerator(base: base, unit: unit, gap: pair.minimumDays * scale...max(pair.minimumDays, pair.maximumDays) * scale,
                                                timeZoneSuffix: Self.hasTimeZone(column.type), stream: stream(table, name), cap: windowEnd)
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
        if let match = try? placeMatch(fk, child: table, parentRows: parentRows, stream: fkStream) {
            return .matching(match)
        }
        return .uniform(parentRows: parentRows, stream: fkStream)
    }

    func kindName(table: Table, column: Column) -> String? {
        (memo[table.name]?[column.name] as? SemanticGenerator)?.kind.rawValue
    }
}

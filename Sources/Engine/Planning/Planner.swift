import SchemaModel

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
    /// Each table's position in the load order (parents before children).
    var loadIndex: [QualifiedName: Int] = [:]
    /// Origin columns kept from following their parent by a bound (see `Planner+Timeline`).
    var timelineNotes: [QualifiedName: [String: String]] = [:]
    /// Realistic sizes by table (`--shape realistic`), less the tables given a count.
    var sizes: [QualifiedName: TableSize] = [:]
    /// `originColumn` per table (nil inside: none), computed once.
    var originColumns: [QualifiedName: Column?] = [:]
    /// `originDepth` per table, computed once.
    var originDepths: [QualifiedName: Int] = [:]
    /// Tables some other table's foreign key points at (see `isLookup`).
    lazy var referencedTables: Set<QualifiedName> = Set(schema.tables.flatMap { t in
        t.foreignKeys.filter { $0.referencedTable != t.name }.map(\.referencedTable)
    })
    /// CHECK constraints of each table, turned into per-column domains.
    var derived: [QualifiedName: DerivedConstraints] = [:]
    /// Tables whose cross-column ORs branch per row: all branches, the
    /// columns that depend on the branch, and the per-row chooser.
    var branching: [QualifiedName: TableBranches] = [:]
    /// What `now()` means in CHECKs during this fill (Unix seconds).
    let now = CheckEvaluator.currentUnixTime()
    /// Per-table cumulative child counts of a configured fan-out, by FK.
    var fanOuts: [QualifiedName: (fk: ForeignKey, cumulative: [Int64], evenPartner: Bool)] = [:]
    var capacityNotes: [QualifiedName: String] = [:]
    var uniqueSetCache: [QualifiedName: [[String]]] = [:]
    /// Per table: the place source inherited from a parent place table, if any.
    var placeSources: [QualifiedName: PlaceSource?] = [:]
    var sharedKeyPathCache: [QualifiedName: [SharedKeyPath]] = [:]
    var referencingNameCache: [String: Set<String>] = [:]
    /// Pickers by FK and the state they depend on (see `picker(for:in:)`).
    var pickerCache: [String: ParentRowPicker] = [:]
    /// Tables left to the trigger that fills them (see `applyTriggerWrites`).
    var triggerFilled: [QualifiedName: String] = [:]
    /// Parent rows triggers' inserts point at, ensured by the loader.
    var requiredParentRows: [RequiredParentRow] = []
    /// Position of each table in the load order.
    var loadPosition: [QualifiedName: Int] = [:]
    /// Parent rows qualifying for trigger conditions, by child table and FK columns.
    var conditionedRows: [String: [Int64]?] = [:]
    /// Parent rows with distinct in-key values, by child, FK and key (see `keyRows`).
    var keyRowCache: [String: [Int64]?] = [:]

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
        for (i, name) in loadOrder.enumerated() { loadIndex[name] = i }
        if options.shape == .realistic {
            sizes = TableSizing(schema: schema, largest: options.defaultRows, fixed: options.tableRows, vocabulary: lookupVocabularySize).sizes
            for name in options.tableRows.keys { sizes[name] = nil }
        }
        for name in loadOrder {
            rowCounts[name] = options.rows(for: name, sized: sizes[name]?.rows)
            if options.append { firstRows[name] = tablesByName[name]!.rowCount }
        }
        applyTriggerWrites(loadOrder)
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
            plan.branches = branchSummaries(table)
            plan.sharedKeys = sharedKeyPaths(table).map { p in
                SharedKeySummary(key: "\(p.ancestor).\(p.ancestorColumns.joined(separator: ","))", drivingForeignKey: p.driving.columns,
                                 columns: p.direct, agreeingForeignKeys: p.agreeing.map(\.fk.columns))
            }
            plan.filledByTrigger = triggerFilled[name]
            plan.timelineNotes = timelineNotes[name] ?? [:]
            plan.size = sizes[name]
            plan.serverChecks = serverChecks(table, columns, rowChecks: &plan.rowChecks, firstRow: plan.firstRow)
            plans.append(plan)
        }
        var plan = Plan(tables: plans, warnings: warnings, seed: options.seed)
        plan.notes = notes
        plan.requiredParentRows = requiredParentRows.filter { tablesByName[$0.table] != nil }
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
        var g: any ValueGenerator
        if let branches = branching[table.name], branches.dependent.contains(column) {
            // One generator per branch, each built as if its branch were the
            // table's only one; nested columns rebuild the same way.
            let chooser = try branchChooser(table)
            let saved = derived[table.name]
            defer { derived[table.name] = saved }
            var choices: [any ValueGenerator] = []
            for i in branches.constraints.branches.indices {
                if chooser.cumulative[i] == (i == 0 ? 0 : chooser.cumulative[i - 1]) {
                    choices.append(NullGenerator())
                    continue
                }
                derived[table.name] = branches.constraints.selecting(branch: i)
                choices.append(inNullCountGroup(try build(table: table, column: column), table: table, column: column))
            }
            g = BranchGenerator(chooser: chooser, branches: choices)
        } else {
            g = inNullCountGroup(try build(table: table, column: column), table: table, column: column)
        }
        if var semantic = g as? SemanticGenerator, SemanticGenerator.isPlaceKind(semantic.kind),
           let source = try inheritedPlace(of: table) {
            semantic.placeSource = source
            g = semantic
        }
        memo[table.name, default: [:]][column] = g
        return g
    }

    func build(table: Table, column name: String, allowOverride: Bool = true, ordered: Bool = true, followsParent: Bool = true,
               checkStatusTie: Bool = true) throws -> any ValueGenerator {
        guard let column = table.column(named: name) else {
            throw PlanError("\(table.name) has no column \(name)")
        }
        let rows = rowCounts[table.name] ?? options.rows(for: table.name)
        if allowOverride, let overrides = options.overrides {
            var context = OverrideContext(stream: stream(table, name), rows: rows, seed: seed(for: table), planner: self, table: table, column: column)
            context.firstRow = firstRows[table.name] ?? 0
            if let g = try overrides.generator(for: table, column: column, context: context) {
                return try withinDomain(g, table: table, column: column)
            }
        }

        // NULL because a CHECK (or the row's branch of one) needs it.
        if column.isNullable, derived[table.name]?.domains[name]?.mustBeNull == true,
           table.foreignKeys.contains(where: { $0.columns.contains(name) }) || table.polymorphicReferences.contains(where: { $0.allColumns.contains(name) }) {
            return NullGenerator()
        }
        if let ruled = try triggerRuleGenerator(table: table, column: name) { return ruled }
        // NULL unless the row's status implies it (`shipped_at`); the tie
        // builds its own value with `checkStatusTie: false`, as do the
        // builds below that follow the decision.
        if checkStatusTie, let tied = try statusTiedGenerator(table: table, column: column, own: {
            try build(table: table, column: name, allowOverride: allowOverride, ordered: ordered, followsParent: followsParent, checkStatusTie: false)
        }) {
            return tied
        }
        // Foreign key columns take the parent's value (an existing one when the parent is kept).
        if let fk = table.foreignKeys.first(where: { $0.columns.contains(name) }), let keys = existingKeys(for: fk) {
            return try keptParentGenerator(fk, keys: keys, table: table, column: name)
        }
        if let fk = table.foreignKeys.first(where: { $0.columns.contains(name) }),
           tablesByName[fk.referencedTable] != nil {
            let brokenFK = broken[table.name]?.first { $0.foreignKey == fk }
            // NULL while loading (a broken cycle), filled by an UPDATE after.
            if brokenFK?.strategy == .nullThenUpdate {
                return NullGenerator()
            }
            if let appended = try appendedParentGenerator(fk, table: table, column: name) { return appended }
            if let shared = try sharedKeyColumn(table, column: name) { return shared }
            return try foreignKeyGenerator(fk, table: table, column: name)
        }

        let uniqueAlone = uniqueSets(table).contains { set in
            set.contains(name) && carrier(of: set, in: table) == name
        }
        let constraints = derived[table.name]
        // A CHECK orders this column after another (`end_date > start_date`).
        if ordered, !uniqueAlone, let order = constraints?.orders.first(where: { $0.greater == name }),
           order.lesser != name, let lesser = table.column(named: order.lesser), lesser.type == column.type,
           let unit = Self.orderUnit(column.type) {
            let base = try generator(table: table, column: order.lesser)
            let minimum: Int64 = order.strict ? 1 : 0
            let span: Int64 = unit == .seconds ? 30 * 86_400 : (unit == .days ? 60 : 100)
            let fallback = column.isNullable ? nil : try build(table: table, column: name, allowOverride: allowOverride, ordered: false, checkStatusTie: false)
            return OrderedAfterGenerator(base: base, unit: unit, gap: minimum...max(minimum, span), timeZoneSuffix: Self.hasTimeZone(column.type),
                                         stream: stream(table, name), whenBaseIsNull: fallback)
        }
        // Realistic order within the row, by name (updated_at after created_at…).
        if !uniqueAlone, let unit = Self.timeUnit(column.type),
           !(table.partitioning?.allKeyColumns.contains(name) ?? false),
           constraints?.domains[name]?.isUnconstrained ?? true,
           let pair = ColumnPairing.earlier(than: name, in: table),
           let earlier = table.column(named: pair.column), Self.canFollow(column.type, earlier.type),
           !table.foreignKeys.contains(where: { $0.columns.contains(name) }) {
            let base = try generator(table: table, column: pair.column)
            let scale: Int64 = unit == .seconds ? 86_400 : 1
            let ordered = OrderedAfterGenerator(base: base, unit: unit, gap: pair.minimumDays * scale...max(pair.minimumDays, pair.maximumDays) * scale,
                                                timeZoneSuffix: Self.hasTimeZone(column.type), stream: stream(table, name), cap: windowEnd(unit))
            // Open-ended rows (`deleted_at`, `effective_to`): mostly NULL for
            // deletions, some for ends (a status tie unwraps this).
            let lower = name.lowercased()
            if column.isNullable, ["deleted_at", "archived_at", "cancelled_at", "canceled_at"].contains(lower) {
                return NullableGenerator(inner: ordered, nullFraction: 0.9, stream: stream(table, name) ^ 0xde1)
            }
            return ordered
        }
        // The row's origin after its parent's (a rental after its customer joined).
        if followsParent, let after = try afterParentGenerator(table: table, column: column, unique: uniqueAlone, own: {
            try build(table: table, column: name, allowOverride: allowOverride, ordered: ordered, followsParent: false, checkStatusTie: false)
        }) {
            return after
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
        if uniqueAlone, let disjoint = try disjointKeyGenerator(table: table, column: name) { return disjoint }
        if !uniqueAlone, let lookup = lookupNameGenerator(table: table, column: column) { return lookup }
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
        let picker = try self.picker(for: fk, in: table)
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

    /// `orderUnit` of dates and timestamps only (days or seconds): the
    /// columns that can follow a time.
    static func timeUnit(_ type: DataType) -> OrderedAfterGenerator.Unit? {
        orderUnit(type).flatMap { $0 == .number ? nil : $0 }
    }

    /// The last instant of the date window in `unit` (days, or seconds of its last day).
    func windowEnd(_ unit: OrderedAfterGenerator.Unit) -> Int64 {
        unit == .seconds ? options.dateWindow.upperBound * 86_400 + 86_399 : options.dateWindow.upperBound
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
        // Columns a trigger rule writes (copied from a parent row) are not free either.
        let free = set.filter { c in !table.foreignKeys.contains { $0.columns.contains(c) } && !isWrittenByTriggerRule(table, c) }
        // Prefer a column whose distinct values are cheap and natural: a key
        // with an identity, then integers, uuids, text; never a partition key
        // (its values must stay inside the partition bounds).
        let partitionKeys = table.partitioning?.allKeyColumns ?? []
        func rank(_ name: String) -> Int {
            guard let c = table.column(named: name) else { return 9 }
            if partitionKeys.contains(name) { return 8 }
            if c.identity != nil { return 0 }
            // A CHECK's short list of values cannot carry distinct rows.
            if derived[table.name]?.domains[name]?.allowed != nil { return 7 }
            // So can a narrow range (`n BETWEEN 1 AND 50`) when the table wants more rows.
            if let d = derived[table.name]?.domains[name], let lo = d.lower?.value, let hi = d.upper?.value,
               hi - lo + 1 < Double(rowCounts[table.name] ?? 0) { return 6 }
            switch c.type {
            case .integer: return 1
            case .uuid: return 2
            // A short code (`char(1)`) holds few distinct values; a longer text more.
            case .text, .char: return (c.type.lengthLimit ?? 255) < 8 ? 4 : 3
            default: return 5
            }
        }
        return free.min { rank($0) < rank($1) }
    }

    /// The picker of `fk`, made once per state it depends on: every column
    /// of a composite FK, the shared-key paths and the branch chooser ask for
    /// it, and making one may scan or index up to a million parent rows.
    func picker(for fk: ForeignKey, in table: Table) throws -> ParentRowPicker {
        let domains = derived[table.name]?.domains ?? [:]
        let key = "\(table.name.quoted)|\(fk.columns)|\(fk.referencedTable.quoted)|\(rowCounts[table.name] ?? -1)|\(parentRowCount(fk))|"
            + fk.columns.map { String(describing: domains[$0]) }.joined(separator: "|")
        if let cached = pickerCache[key] { return cached }
        let made = try makePicker(for: fk, in: table)
        pickerCache[key] = made
        return made
    }

    func makePicker(for fk: ForeignKey, in table: Table) throws -> ParentRowPicker {
        let parentRows = parentRowCount(fk)
        let fkStream = stream(table, "fk:" + fk.columns.joined(separator: ","))
        let domains = derived[table.name]?.domains ?? [:]
        let nullable = fk.columns.allSatisfy { (table.column(named: $0)?.isNullable ?? false) && domains[$0]?.notNull != true }
        if fk.referencedTable == table.name {
            return .earlierRow(stream: fkStream, nullable: nullable)
        }
        if let fan = fanOuts[table.name], fan.fk == fk {
            return .fanOut(cumulative: fan.cumulative)
        }
        if let fan = fanOuts[table.name], joinPartner(of: fan.fk, in: table) == fk,
           let within = DistinctWithinParent(cumulative: fan.cumulative, otherParents: parentRows, evenly: fan.evenPartner, key: fkStream) {
            return .distinctWithinParent(within)
        }
        guard parentRows > 0 else { return .none }
        // Part of a unique set made only of FKs: distinct tuples. The
        // smallest such set decides (a UNIQUE FK alone is injective, which
        // keeps any wider key containing it distinct too).
        let sets = uniqueSets(table).filter { !fkCover(table, $0).isEmpty }.sorted { fkCover(table, $0).count < fkCover(table, $1).count }
        for set in sets {
            let cover = fkCover(table, set)
            guard let index = cover.firstIndex(of: fk) else { continue }
            if cover.count == 1 {
                return .injective(Permutation(count: UInt64(parentRows), key: fkStream))
            }
            let layout = tupleLayout(table, set, cover, ownRows: rowCounts[table.name] ?? 0)
            let radices = layout.radices.map { max(1, $0) }
            let product = radices.reduce(UInt64(1)) { acc, r in
                let (v, o) = acc.multipliedReportingOverflow(by: UInt64(r)); return o ? UInt64(Int64.max) : v
            }
            let setKey = stream(table, "key:" + set.joined(separator: ","))
            return .tupleComponent(Permutation(count: product, key: setKey), radices: radices, component: index, distinctFrom: layout.distinctFrom,
                                   rows: keyRows(fk, in: table, set: set))
        }
        if let agreement = try agreeingPicker(fk, in: table, parentRows: parentRows, stream: fkStream) {
            return .agreeing(agreement)
        }
        if let driving = try drivingPicker(fk, in: table, parentRows: parentRows, stream: fkStream) {
            return driving
        }
        if let allowed = try parentsPassingChecks(fk, in: table, parentRows: parentRows) {
            return among(allowed, fk: fk, in: table, stream: fkStream, why: "its CHECK allows")
        }
        if let quota = try profiledQuota(fk, in: table, parentRows: parentRows, stream: fkStream) {
            return .quota(quota)
        }
        // `try?` is meant: matching places is optional. A parent column that
        // cannot be built from here (it depends on this key through a cycle)
        // only means no match; the parent's own planning reports real errors.
        if let match = try? placeMatch(fk, child: table, parentRows: parentRows, stream: fkStream) {
            return .matching(match)
        }
        // A trigger that tests the parent row's values (`(SELECT type FROM
        // unit WHERE ...) != 'length'`): only the parents that pass.
        if let rows = try conditionedParentRows(fk, in: table) {
            return among(rows, fk: fk, in: table, stream: stream(table, "cond:" + fk.columns.joined(separator: ",")), why: "qualifying for the trigger's condition")
        }
        if !skews(fk, in: table) || parentRows <= 1 {
            return .uniform(parentRows: parentRows, stream: fkStream)
        }
        return .skewed(SkewedParents(parentRows: parentRows, stream: fkStream))
    }

    /// Whether children of `fk` pick parents by skewed popularity: the
    /// default, unless the config asks for `fan_out: uniform` or the FK is
    /// inside a key or unique set that no other column carries (its tuples
    /// must not crowd onto popular parents, where they would repeat).
    func skews(_ fk: ForeignKey, in table: Table) -> Bool {
        if options.overrides?.uniformFanOut(for: table) == true { return false }
        return !uniqueSets(table).contains { set in fk.columns.contains(where: set.contains) && carrier(of: set, in: table) == nil }
    }

    /// A pick among the listed parent rows, skewed like `makePicker`'s.
    func among(_ rows: [Int64], fk: ForeignKey, in table: Table, stream: UInt64, why: String) -> ParentRowPicker {
        guard rows.count > 1, skews(fk, in: table) else { return .among(rows: rows, stream: stream, why: why) }
        return .amongSkewed(rows: rows, skew: SkewedParents(parentRows: Int64(rows.count), stream: stream), why: why)
    }

    /// The parent rows whose key values pass the CHECK-derived domains of
    /// the FK's columns, when those domains restrict values (nil when they
    /// do not). The parent's keys are recomputed from its generators, never
    /// read; a scan of at most `parentScanLimit` rows.
    func parentsPassingChecks(_ fk: ForeignKey, in table: Table, parentRows: Int64, warn: Bool = true) throws -> [Int64]? {
        guard let domains = derived[table.name]?.domains else { return nil }
        var checks: [(parent: any ValueGenerator, domain: ColumnDomain)] = []
        for (c, p) in zip(fk.columns, fk.referencedColumns) {
            guard var d = domains[c] else { continue }
            d.notNull = false
            d.mustBeNull = false
            guard !d.isUnconstrained, let values = try parentValues(fk, parentColumn: p) else { continue }
            checks.append((values, d))
        }
        guard !checks.isEmpty else { return nil }
        var rows: [Int64] = []
        var value = Value()
        let parentFirst = existingKeys(for: fk) == nil ? firstRows[fk.referencedTable] ?? 0 : 0
        for row in 0..<min(parentRows, Self.parentScanLimit) {
            let passes = checks.allSatisfy { check in
                check.parent.generate(row: row + parentFirst, into: &value)
                return check.domain.contains(DomainGuardGenerator.checkValue(value), now: now)
            }
            if passes { rows.append(row) }
        }
        if rows.isEmpty {
            guard warn else { return [] }
            warnings.append("\(table.name): no generated \(fk.referencedTable) row has a key that the CHECKs on \(fk.columns.joined(separator: ", ")) allow")
            return nil
        }
        return rows
    }

    static let parentScanLimit: Int64 = 1_000_000

    func kindName(table: Table, column: Column) -> String? {
        (memo[table.name]?[column.name] as? SemanticGenerator)?.kind.rawValue
    }
}

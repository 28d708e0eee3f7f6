import SchemaModel

/// Consistency across foreign keys: when a table reaches the same ancestor
/// key through two paths under the same column name (its own `room_id`, and
/// the `room_id` of the event its `event_id` points at; a `tenant_id`
/// repeated down a hierarchy), one parent
/// drives: the shared key is taken from the driving parent's row, and the
/// other parents that carry the key are picked among those that agree.
/// Children still never read parents back: the driving parent's key column
/// is recomputed from its generator at the picked row.
extension Planner {
    /// One ancestor key that several of a table's foreign keys lead to.
    struct SharedKeyPath {
        /// The ancestor table and its key columns (`rooms (id)`).
        var ancestor: QualifiedName
        var ancestorColumns: [String]
        /// The FK whose parent row fixes the key, and that parent's column holding it.
        var driving: ForeignKey
        var drivingColumn: String
        /// The table's own columns that take the key (`room_id`).
        var direct: [String]
        /// Other FKs whose parents also carry the key, and their column holding it.
        var agreeing: [(fk: ForeignKey, parentColumn: String)]
    }

    /// Parents larger than this are not indexed by key; such an FK picks any parent.
    static let agreementIndexLimit: Int64 = 200_000

    /// The shared-key paths of a table, worked out once its keys and cycles are known.
    func sharedKeyPaths(_ table: Table) -> [SharedKeyPath] {
        if let cached = sharedKeyPathCache[table.name] { return cached }
        var paths: [SharedKeyPath] = []
        let keyed = Set(uniqueSets(table).flatMap { $0 })
        let brokenHere = Set((broken[table.name] ?? []).map(\.foreignKey))
        let partitionKeys = Set(table.partitioning?.allKeyColumns ?? [])
        func live(_ fk: ForeignKey) -> Bool {
            !brokenHere.contains(fk) && fk.referencedTable != table.name && tablesByName[fk.referencedTable] != nil
        }
        // Routes through a parent: (ancestor key) → (fk, the parent's column).
        // Keyed by name too: only columns of the same name hold the same key
        // (`tenant_id` and `tenant_id`); two FKs to one table under other
        // names (`gender_concept_id`, `specialty_concept_id`) are different roles.
        struct Ancestor: Hashable { var table: QualifiedName; var columns: [String]; var name: String }
        var routes: [Ancestor: [(fk: ForeignKey, parentColumn: String)]] = [:]
        var order: [Ancestor] = []
        for fk in table.foreignKeys where live(fk) {
            guard let parent = tablesByName[fk.referencedTable] else { continue }
            let parentBroken = Set((broken[parent.name] ?? []).map(\.foreignKey))
            for g in parent.foreignKeys where g.columns.count == 1 && g.referencedTable != parent.name && !parentBroken.contains(g) {
                // A composite FK already copies the whole parent key from one row.
                if fk.referencedColumns.contains(g.columns[0]) { continue }
                // A profile that saw this parent's key disagree with the
                // table's own column of that name or with the other parents'
                // (a customer's address is not its store's) drops the route.
                if options.overrides?.sharesKey(table: table, column: g.columns[0], through: fk) == false { continue }
                let a = Ancestor(table: g.referencedTable, columns: g.referencedColumns, name: g.columns[0].lowercased())
                if routes[a] == nil { order.append(a) }
                if !(routes[a]?.contains { $0.fk == fk } ?? false) { routes[a, default: []].append((fk, g.columns[0])) }
            }
        }
        // A key referenced under many names is a vocabulary (`concept` in
        // `gender_concept_id`, `specialty_concept_id`, ...), not an owner
        // shared down a hierarchy.
        order.removeAll { a in referencingNames(a.table, a.columns).count > Self.ownerNameLimit }
        var claimed: Set<String> = []
        // An FK has one role: a driving FK never has to agree elsewhere, and
        // an agreeing one never drives, so pickers never depend on each other in a loop.
        var driving: Set<ForeignKey> = [], agreeingFKs: Set<ForeignKey> = []
        for a in order {
            guard let through = routes[a]?.filter({ !agreeingFKs.contains($0.fk) }) else { continue }
            // The table's own single-column FKs to the ancestor key.
            let direct = table.foreignKeys.filter { f in
                live(f) && f.columns.count == 1 && f.referencedTable == a.table && f.referencedColumns == a.columns && f.columns[0].lowercased() == a.name
                    && !keyed.contains(f.columns[0]) && !partitionKeys.contains(f.columns[0]) && !claimed.contains(f.columns[0])

            }.map { $0.columns[0] }
            guard through.count + direct.count >= 2 else { continue }
            // The driving parent: the first route whose key column is never NULL
            // where a NOT NULL column of ours needs it.
            let needsValue = direct.contains { table.column(named: $0)?.isNullable == false }
            guard let lead = through.first(where: { route in
                !needsValue || tablesByName[route.fk.referencedTable]?.column(named: route.parentColumn)?.isNullable == false
            }) else { continue }
            let agreeing = through.filter {
                $0.fk != lead.fk && !driving.contains($0.fk) && !$0.fk.columns.contains(where: keyed.contains) && $0.fk.columns.count == 1
            }
            guard !direct.isEmpty || !agreeing.isEmpty else { continue }
            claimed.formUnion(direct)
            driving.insert(lead.fk)
            agreeingFKs.formUnion(agreeing.map(\.fk))
            paths.append(SharedKeyPath(ancestor: a.table, ancestorColumns: a.columns, driving: lead.fk, drivingColumn: lead.parentColumn,
                                       direct: direct, agreeing: agreeing))
        }
        sharedKeyPathCache[table.name] = paths
        for p in paths {
            let who = (p.direct + p.agreeing.map { $0.fk.columns.joined(separator: ", ") }).joined(separator: ", ")
            notes.append("\(table.name): \(who) agree\(p.direct.count + p.agreeing.count == 1 ? "s" : "") with the \(p.ancestor) of the \(p.driving.referencedTable) row that \(p.driving.columns.joined(separator: ", ")) points at")
        }
        return paths
    }

    /// An ancestor key referenced under more distinct column names than this is a vocabulary.
    static let ownerNameLimit = 3

    /// The distinct (lowercased) column names under which the schema's
    /// single-column FKs reference `table (columns)`.
    func referencingNames(_ table: QualifiedName, _ columns: [String]) -> Set<String> {
        let key = "\(table)|\(columns.joined(separator: ","))"
        if let cached = referencingNameCache[key] { return cached }
        var names: Set<String> = []
        for t in schema.tables {
            for fk in t.foreignKeys where fk.columns.count == 1 && fk.referencedTable == table && fk.referencedColumns == columns {
                names.insert(fk.columns[0].lowercased())
            }
        }
        referencingNameCache[key] = names
        return names
    }

    /// The generator of the shared key as the driving parent holds it.
    func sharedKeyGenerator(_ path: SharedKeyPath, table: Table) throws -> ForeignKeyGenerator {
        let parent = tablesByName[path.driving.referencedTable]!
        return ForeignKeyGenerator(
            picker: try picker(for: path.driving, in: table),
            parentColumn: try generator(table: parent, column: path.drivingColumn),
            parentName: "\(path.ancestor).\(path.ancestorColumns.joined(separator: ","))",
            childFirst: firstRows[table.name] ?? 0, parentFirst: firstRows[parent.name] ?? 0,
            route: "as its \(parent.name) row (\(path.driving.columns.joined(separator: ", ")))")
    }

    /// A configured `from_parent`: the value of a parent column at the row an FK of the table picks.
    func fromParent(table: Table, foreignKeyColumn: String, parentColumn: String) throws -> ForeignKeyGenerator {
        guard let fk = table.foreignKeys.first(where: { $0.columns.contains(foreignKeyColumn) }),
              let parent = tablesByName[fk.referencedTable] else {
            throw PlanError("\(table.name).\(foreignKeyColumn) is not a column of a foreign key")
        }
        guard parent.column(named: parentColumn) != nil else { throw PlanError("\(parent.name) has no column \(parentColumn)") }
        return ForeignKeyGenerator(
            picker: try picker(for: fk, in: table), parentColumn: try generator(table: parent, column: parentColumn),
            parentName: "\(parent.name).\(parentColumn)", childFirst: firstRows[table.name] ?? 0, parentFirst: firstRows[parent.name] ?? 0,
            route: "as its \(parent.name) row (\(fk.columns.joined(separator: ", ")))")
    }

    /// A column that takes its value from the driving parent of a shared key, if any.
    func sharedKeyColumn(_ table: Table, column: String) throws -> ForeignKeyGenerator? {
        guard let path = sharedKeyPaths(table).first(where: { $0.direct.contains(column) }) else { return nil }
        return try sharedKeyGenerator(path, table: table)
    }

    /// For the driving FK of a path with agreeing FKs: the parent rows whose
    /// key every agreeing parent table also carries, so an agreeing parent
    /// always exists (a tenant with orders but no products is never picked).
    func drivingPicker(_ fk: ForeignKey, in table: Table, parentRows: Int64, stream: UInt64) throws -> ParentRowPicker? {
        guard parentRows > 0, parentRows <= Self.agreementIndexLimit,
              let path = sharedKeyPaths(table).first(where: { $0.driving == fk && !$0.agreeing.isEmpty }),
              let parent = tablesByName[fk.referencedTable] else { return nil }
        var carried: Set<ValueKey>?
        var value = Value()
        for route in path.agreeing {
            guard let other = tablesByName[route.fk.referencedTable], let rows = rowCounts[other.name], rows > 0,
                  rows <= Self.agreementIndexLimit else { return nil }
            let key = try generator(table: other, column: route.parentColumn)
            let first = firstRows[other.name] ?? 0
            var keys: Set<ValueKey> = []
            for row in 0..<rows {
                key.generate(row: row + first, into: &value)
                if let k = ValueKey(value) { keys.insert(k) }
            }
            carried = carried.map { $0.intersection(keys) } ?? keys
        }
        guard let carried else { return nil }
        let key = try generator(table: parent, column: path.drivingColumn)
        let first = firstRows[parent.name] ?? 0
        var rows: [Int64] = []
        for row in 0..<parentRows {
            key.generate(row: row + first, into: &value)
            if let k = ValueKey(value), carried.contains(k) { rows.append(row) }
        }
        return rows.isEmpty || rows.count == parentRows ? nil : among(rows, fk: fk, in: table, stream: stream, why: "whose \(path.ancestor) the other parents share")
    }

    /// For an FK whose parent also carries a shared key: the parent rows by
    /// key value, so the child picks one that agrees with its driving parent.
    func agreeingPicker(_ fk: ForeignKey, in table: Table, parentRows: Int64, stream: UInt64) throws -> KeyAgreement? {
        guard parentRows > 0, parentRows <= Self.agreementIndexLimit,
              let path = sharedKeyPaths(table).first(where: { p in p.agreeing.contains { $0.fk == fk } }),
              let parentColumn = path.agreeing.first(where: { $0.fk == fk })?.parentColumn,
              let parent = tablesByName[fk.referencedTable] else { return nil }
        let key = try generator(table: parent, column: parentColumn)
        let first = firstRows[parent.name] ?? 0
        var rowsByKey: [ValueKey: [Int64]] = [:]
        var value = Value()
        for row in 0..<parentRows {
            key.generate(row: row + first, into: &value)
            if let k = ValueKey(value) { rowsByKey[k, default: []].append(row) }
        }
        guard !rowsByKey.isEmpty else { return nil }
        return KeyAgreement(rowsByKey: rowsByKey, childKey: try sharedKeyGenerator(path, table: table), childFirst: firstRows[table.name] ?? 0,
                            parentRows: parentRows, stream: stream, keyName: "\(path.ancestor)")
    }
}

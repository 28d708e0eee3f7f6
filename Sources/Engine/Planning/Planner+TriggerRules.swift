import SchemaModel

/// Rules read from triggers (see `TriggerRuleReader`), honoured by
/// construction: a column equal to its parent row's, a reference to a view
/// of several tables, keys unique across tables, and tables a trigger fills.
/// Plain foreign keys from triggers need nothing here: they are ordinary
/// `ForeignKey`s of the table.
extension Planner {
    /// The generator of a column that a trigger rule writes, if one does.
    func triggerRuleGenerator(table: Table, column name: String) throws -> (any ValueGenerator)? {
        if let rule = table.equalities.first(where: { $0.column == name }),
           let fk = table.foreignKeys.first(where: { $0.referencedTable == rule.parent && Set($0.columns) == Set(rule.viaColumns) }),
           let parent = tablesByName[rule.parent], (rowCounts[parent.name] ?? 0) > 0,
           broken[table.name]?.contains(where: { $0.foreignKey == fk }) != true {
            // The same picker as the FK's own columns: the value comes from the same parent row.
            return ForeignKeyGenerator(picker: try picker(for: fk, in: table), parentColumn: try generator(table: parent, column: rule.parentColumn),
                                       parentName: "\(parent.name).\(rule.parentColumn)",
                                       childFirst: firstRows[table.name] ?? 0, parentFirst: firstRows[parent.name] ?? 0,
                                       route: "same row as \(fk.columns.joined(separator: ", ")), from trigger \(rule.trigger)")
        }
        if let reference = table.polymorphicReferences.first(where: { $0.allColumns.contains(name) }) {
            let branches = liveBranches(reference, of: table)
            guard !branches.isEmpty else {
                warnings.append("\(table.name).\(name): trigger \(reference.trigger) requires a row of \(reference.view), but none of its tables is filled")
                return nil
            }
            var cumulative: [Int64] = []
            var total: Int64 = 0
            for b in branches { total += rowCounts[b.table] ?? 0; cumulative.append(total) }
            let output: PolymorphicReferenceGenerator.Output
            if name == reference.discriminator {
                output = .discriminator(branches.map { $0.literal ?? "" })
            } else {
                let k = reference.columns.firstIndex(of: name)!
                output = .column(try branches.map { b in try generator(table: tablesByName[b.table]!, column: b.columns[k]) })
            }
            // A discriminator written by an earlier reference: this one follows its choice of table.
            var leader: PolymorphicReferenceGenerator.Leader?
            if let d = reference.discriminator, reference.discriminator != name,
               let first = table.polymorphicReferences.first(where: { $0.discriminator == d }), first != reference {
                let theirs = liveBranches(first, of: table)
                if theirs.map(\.table) == branches.map(\.table) {
                    var total: Int64 = 0
                    leader = .init(cumulative: theirs.map { total += rowCounts[$0.table] ?? 0; return total },
                                   stream: stream(table, "ref:" + first.allColumns.joined(separator: ",")))
                }
            }
            return PolymorphicReferenceGenerator(
                cumulative: cumulative, parentFirst: branches.map { firstRows[$0.table] ?? 0 }, output: output,
                stream: stream(table, "ref:" + reference.allColumns.joined(separator: ",")),
                childFirst: firstRows[table.name] ?? 0, tables: branches.map(\.table.description), leader: leader)
        }
        return nil
    }

    /// For an FK whose parent row must satisfy trigger conditions, the parent
    /// rows whose generated values do (all conditions, else the unconditional
    /// ones); nil when there are none to honour or none qualify (warned).
    /// Only for FKs picked uniformly: distinct-parent pickers keep their own layout.
    func conditionedParentRows(_ fk: ForeignKey, in table: Table) throws -> [Int64]? {
        let key = "\(table.name.quoted)|\(fk.columns.joined(separator: ","))"
        if let cached = conditionedRows[key] { return cached }
        var result: [Int64]?
        defer { conditionedRows[key] = .some(result) }
        let pairs = Set(zip(fk.columns, fk.referencedColumns).map { "\($0)>\($1)" })
        let conditions = table.parentConditions.filter {
            $0.parent == fk.referencedTable && Set(zip($0.viaColumns, $0.parentKey).map { "\($0)>\($1)" }) == pairs
        }
        guard !conditions.isEmpty, let parent = tablesByName[fk.referencedTable], let n = rowCounts[parent.name], n > 0,
              broken[table.name]?.contains(where: { $0.foreignKey == fk }) != true else { return nil }
        guard n <= 5_000_000 else {
            warnings.append("\(table.name): \(parent.name) is too large to pick parents by the condition of trigger \(conditions[0].trigger)")
            return nil
        }
        let first = firstRows[parent.name] ?? 0
        func qualifying(_ conditions: [ParentCondition]) throws -> [Int64] {
            let generators = try conditions.map { try generator(table: parent, column: $0.column) }
            var value = Value()
            var rows: [Int64] = []
            outer: for row in 0..<n {
                for (c, g) in zip(conditions, generators) {
                    g.generate(row: row + first, into: &value)
                    if c.values.contains(where: { Self.valueEquals(value, $0) }) != c.equals { continue outer }
                }
                rows.append(row)
            }
            return rows
        }
        var rows = try qualifying(conditions)
        if rows.isEmpty, conditions.contains(where: \.conditional) { rows = try qualifying(conditions.filter { !$0.conditional }) }
        let describe = conditions.map { "\($0.column) \($0.equals ? "in" : "not in") (\($0.values.joined(separator: ", ")))" }.joined(separator: ", ")
        guard !rows.isEmpty else {
            warnings.append("\(table.name): trigger \(conditions[0].trigger) wants a \(parent.name) row with \(describe), and no generated row has it")
            return nil
        }
        notes.append("\(table.name) (\(fk.columns.joined(separator: ", "))): points at the \(rows.count) \(parent.name) rows with \(describe) (from trigger \(conditions.map(\.trigger).joined(separator: ", ")))")
        result = rows
        return rows
    }

    /// Whether a generated value equals a literal: numbers numerically (booleans as 0/1), text exactly.
    static func valueEquals(_ value: Value, _ literal: String) -> Bool {
        switch value.kind {
        case .null: return false
        case .int: return Double(literal).map { $0 == Double(value.int) } ?? false
        case .bool:
            let l = literal.lowercased()
            return value.int != 0 ? ["1", "true", "t"].contains(l) : ["0", "false", "f"].contains(l)
        case .double: return Double(literal).map { $0 == value.double } ?? false
        case .text, .bytes:
            let text = String(decoding: value.bytes.bytes, as: UTF8.self)
            if text == literal { return true }
            if let a = Double(text), let b = Double(literal) { return a == b }
            return false
        }
    }

    /// Whether a trigger rule decides the column's value (a polymorphic reference or a parent equality).
    func isWrittenByTriggerRule(_ table: Table, _ column: String) -> Bool {
        table.polymorphicReferences.contains { $0.allColumns.contains(column) } || table.equalities.contains { $0.column == column }
    }

    /// Branches of other tables that are filled and whose literal the child's CHECKs allow.
    func liveBranches(_ reference: PolymorphicReference, of table: Table) -> [PolymorphicReference.Branch] {
        let allowed = reference.discriminator.flatMap { derived[table.name]?.domains[$0]?.allowedValues }
        return reference.branches.filter { b in
            // Only tables loaded before this one (never itself): a row must not pick one inserted after it.
            guard b.table != table.name, tablesByName[b.table] != nil, (rowCounts[b.table] ?? 0) > 0,
                  let parentAt = loadPosition[b.table], let childAt = loadPosition[table.name], parentAt < childAt else { return false }
            if let allowed, let literal = b.literal { return allowed.contains(literal) }
            return true
        }
    }

    /// For the column carrying a key that must be unique across tables: one
    /// unique generator shared by all of them, each table reading it from
    /// its own offset, so their keys never meet.
    func disjointKeyGenerator(table: Table, column name: String) throws -> (any ValueGenerator)? {
        guard let group = schema.disjointKeys.first(where: { g in g.members.contains { $0.table == table.name && $0.columns.contains(name) } }),
              let me = group.members.first(where: { $0.table == table.name }),
              let position = me.columns.firstIndex(of: name) else { return nil }
        let column = table.column(named: name)!
        // Members of the same column type, in the group's order.
        let members = group.members.filter { m in
            guard let t = tablesByName[m.table], position < m.columns.count, let c = t.column(named: m.columns[position]) else { return false }
            return c.type == column.type
        }
        guard members.count >= 2, let first = members.first, let firstTable = tablesByName[first.table] else { return nil }
        var offset: Int64 = 0
        var total: Int64 = 0
        for m in members {
            let span = (firstRows[m.table] ?? 0) + (rowCounts[m.table] ?? 0)
            if m.table == table.name { offset = total }
            total += span
        }
        let sharedName = first.columns[position]
        let firstColumn = firstTable.column(named: sharedName)!
        var factory = ValueGeneratorFactory(
            table: firstTable, column: firstColumn, rows: max(total, 1), unique: true, isPrimaryKey: firstTable.primaryKey == [sharedName],
            stream: RowRandom.streamKey(seed: options.seed, table: "disjoint:" + group.relation.description, column: sharedName),
            seed: options.seed)
        if let domain = derived[firstTable.name]?.domains[sharedName] { factory.domain = domain }
        factory.now = now
        factory.window = options.dateWindow
        let shared = try factory.make(warn: { warnings.append($0) })
        if offset == 0 {
            notes.append("\(group.members.map(\.table.description).joined(separator: ", ")): keys (\(me.columns.joined(separator: ", "))) kept disjoint across the tables (from trigger \(group.triggers.joined(separator: ", ")))")
        }
        return OffsetRowGenerator(inner: shared, offset: offset)
    }

    /// Tables a trigger fills: when every row of a filled table makes a
    /// trigger insert a row whose whole key the trigger decides (`NEW.id`,
    /// `NEW.id, 0`), a generated row could collide with one of those (and
    /// certainly would when the constant's parent is the only one), so the
    /// table is left to the trigger. Constants the trigger writes into
    /// foreign keys name parent rows that must exist.
    func applyTriggerWrites(_ loadOrder: [QualifiedName]) {
        for (i, name) in loadOrder.enumerated() { loadPosition[name] = i }
        guard !options.triggersDisabled else { return }
        for name in loadOrder {
            guard let table = tablesByName[name] else { continue }
            // Only sources this fill inserts into fire the trigger.
            for write in table.triggerWrites where (rowCounts[write.source] ?? 0) > 0 {
                let keyByTrigger = uniqueSets(table).contains { set in
                    set.allSatisfy { c in
                        switch write.values[c] {
                        case .newColumn?, .constant?: return true
                        default: return false
                        }
                    }
                }
                if keyByTrigger {
                    if triggerFilled[name] == nil {
                        notes.append("\(name): filled by trigger \(write.trigger) (one row per \(write.source) row); no rows generated")
                        triggerFilled[name] = write.trigger
                    }
                    rowCounts[name] = 0
                } else {
                    notes.append("\(name): trigger \(write.trigger) adds a row for every \(write.source) row")
                }
                for fk in table.foreignKeys {
                    let values = fk.columns.map { write.values[$0] }
                    let constants = values.compactMap { v -> String? in if case .constant(let k)? = v { return k } else { return nil } }
                    guard constants.count == fk.columns.count else { continue }
                    requiredParentRows.append(RequiredParentRow(
                        table: fk.referencedTable, columns: fk.referencedColumns, values: constants,
                        reason: "trigger \(write.trigger) writes \(zip(fk.columns, constants).map { "\($0) = \($1)" }.joined(separator: ", ")) into \(name)", before: write.source))
                }
            }
        }
    }
}

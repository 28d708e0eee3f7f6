import SchemaModel

/// Turns what `TriggerRecognizer` finds in each trigger into rules of the
/// schema: foreign keys (with an `origin`), polymorphic references, parent
/// equalities, keys disjoint across tables, and the rows triggers write.
/// Only triggers that fire on INSERT into a table (not a view) matter: a
/// fill only inserts.
package enum TriggerRuleReader {
    package static func apply(to schema: inout Schema) {
        var index: [QualifiedName: Int] = [:]
        for (i, t) in schema.tables.enumerated() { index[t.name] = i }
        let names = schema.tables.map(\.name), views = schema.views
        func tableIndex(_ name: QualifiedName, near: QualifiedName) -> Int? {
            if let i = index[name] { return i }
            // Unqualified names resolve in the trigger table's schema, then anywhere, ignoring case.
            let candidates = names.indices.filter { names[$0].name.caseInsensitiveEquals(name.name) && (name.schema == nil || names[$0].schema == name.schema) }
            return candidates.first { names[$0].schema == near.schema } ?? candidates.first
        }
        func view(_ name: QualifiedName, near: QualifiedName) -> ViewDefinition? {
            let candidates = views.filter { $0.name.name.caseInsensitiveEquals(name.name) && (name.schema == nil || $0.name.schema == name.schema) }
            return candidates.first { $0.name.schema == near.schema } ?? candidates.first
        }
        // Each view is read once, however many triggers name it.
        var branchCache: [QualifiedName: ViewBranches?] = [:]
        func resolved(_ v: ViewDefinition) -> ViewBranches? {
            if let cached = branchCache[v.name] { return cached }
            let b = ViewBranches(v, views: views)
            branchCache[v.name] = .some(b)
            return b
        }
        // Values the row a reference to a view picks must have, applied once every reference is read.
        var viewConditions: [(table: Int, view: QualifiedName, via: [String], branches: ViewBranches, column: String, equals: Bool, values: [String])] = []
        for trigger in schema.triggers where trigger.firesOnInsert && trigger.timing != "INSTEAD OF" {
            guard let ci = tableIndex(trigger.table, near: trigger.table) else { continue }
            readConditions(of: trigger, into: &schema.tables[ci])
            for finding in TriggerRecognizer.findings(in: trigger) {
                let child = schema.tables[ci]
                switch finding {
                case .reference(let relation, let matches):
                    guard let childColumns = resolve(matches.map(\.newColumn), in: child) else { continue }
                    if let pi = tableIndex(relation, near: child.name) {
                        let parent = schema.tables[pi]
                        guard let parentColumns = resolve(matches.map(\.relationColumn), in: parent) else { continue }
                        addForeignKey(&schema.tables[ci], columns: childColumns, parent: parent.name, parentColumns: parentColumns, trigger: trigger.name)
                    } else if let v = view(relation, near: child.name), let branches = resolved(v) {
                        addPolymorphic(&schema, ci, view: v.name, branches: branches, childColumns: childColumns,
                                       viewColumns: matches.map(\.relationColumn), trigger: trigger.name, tableIndex: { tableIndex($0, near: child.name) })
                    }
                case .absent(let relation, let matches):
                    guard let childColumns = resolve(matches.map(\.newColumn), in: child) else { continue }
                    var members: [DisjointKeys.Member] = []
                    var relationName = relation
                    if let pi = tableIndex(relation, near: child.name), pi == ci {
                        // Must not exist in its own table: unique over those columns (stricter than any extra predicate).
                        addUnique(&schema.tables[ci], columns: childColumns, trigger: trigger.name)
                        continue
                    }
                    // Across tables, only a key of the row's own table is meant (not a parent's key it points at).
                    guard coversKey(child, childColumns) else { continue }
                    if let pi = tableIndex(relation, near: child.name), pi != ci {
                        guard let cols = resolve(matches.map(\.relationColumn), in: schema.tables[pi]) else { continue }
                        members = [.init(table: child.name, columns: childColumns), .init(table: schema.tables[pi].name, columns: cols)]
                        relationName = schema.tables[pi].name
                    } else if let v = view(relation, near: child.name), let branches = resolved(v) {
                        relationName = v.name
                        for b in branches.branches {
                            guard let ti = tableIndex(b.table, near: child.name) else { continue }
                            var cols: [String] = []
                            for m in matches {
                                guard let k = branches.columns.firstIndex(where: { $0.caseInsensitiveEquals(m.relationColumn) }),
                                      case .column(let c) = b.items[k], let real = resolve([c], in: schema.tables[ti]) else { cols = []; break }
                                cols += real
                            }
                            if cols.count == matches.count, !members.contains(where: { $0.table == schema.tables[ti].name }) {
                                members.append(.init(table: schema.tables[ti].name, columns: cols))
                            }
                        }
                        // The rule only constrains the trigger's own table against the others.
                        guard members.contains(where: { $0.table == child.name }) else { continue }
                    }
                    guard members.count >= 2 else { continue }
                    if let k = schema.disjointKeys.firstIndex(where: { $0.relation == relationName && Set($0.members) == Set(members) }) {
                        if !schema.disjointKeys[k].triggers.contains(trigger.name) { schema.disjointKeys[k].triggers.append(trigger.name) }
                    } else {
                        schema.disjointKeys.append(DisjointKeys(relation: relationName, members: members, triggers: [trigger.name]))
                    }
                case .equality(let column, let relation, let selected, let matches):
                    guard let pi = tableIndex(relation, near: child.name),
                          let col = resolve([column], in: child)?.first,
                          let via = resolve(matches.map(\.newColumn), in: child),
                          let key = resolve(matches.map(\.relationColumn), in: schema.tables[pi]),
                          let parentColumn = resolve([selected], in: schema.tables[pi])?.first, !via.contains(col) else { continue }
                    let parent = schema.tables[pi].name
                    // Copying from the parent needs the parent row: a missing FK is added (stricter, so sound).
                    addForeignKey(&schema.tables[ci], columns: via, parent: parent, parentColumns: key, trigger: trigger.name)
                    let rule = ParentEquality(column: col, viaColumns: via, parent: parent, parentKey: key, parentColumn: parentColumn, trigger: trigger.name)
                    if !schema.tables[ci].equalities.contains(where: { $0.column == col }) { schema.tables[ci].equalities.append(rule) }
                case .parentValue(let relation, let matches, let column, let equals, let values, let conditional):
                    if tableIndex(relation, near: child.name) == nil, !conditional, let v = view(relation, near: child.name),
                       let via = resolve(matches.map(\.newColumn), in: child), let branches = resolved(v) {
                        viewConditions.append((ci, v.name, via, branches, column, equals, values))
                        continue
                    }
                    guard let pi = tableIndex(relation, near: child.name),
                          let via = resolve(matches.map(\.newColumn), in: child),
                          let key = resolve(matches.map(\.relationColumn), in: schema.tables[pi]),
                          let parentColumn = resolve([column], in: schema.tables[pi])?.first else { continue }
                    let parent = schema.tables[pi].name
                    // The condition is on the row the FK picks: a missing FK is added (stricter, so sound),
                    // unless the columns already reference something else (the rule then names another table).
                    guard !child.foreignKeys.contains(where: { !($0.referencedTable == parent && Set($0.columns) == Set(via)) && !Set($0.columns).isDisjoint(with: via) }) else { continue }
                    addForeignKey(&schema.tables[ci], columns: via, parent: parent, parentColumns: key, trigger: trigger.name)
                    let rule = ParentCondition(viaColumns: via, parent: parent, parentKey: key, column: parentColumn, equals: equals,
                                               values: values, conditional: conditional, trigger: trigger.name)
                    if !schema.tables[ci].parentConditions.contains(rule) { schema.tables[ci].parentConditions.append(rule) }
                case .insert(let target, let values):
                    guard let ti = tableIndex(target, near: child.name) else { continue }
                    let columns = schema.tables[ti].columns
                    var written: [String: TriggerWrite.Value] = [:]
                    for (key, value) in values {
                        var name = key
                        if key.hasPrefix("#"), let k = Int(key.dropFirst()) {
                            guard k < columns.count else { continue }
                            name = columns[k].name
                        }
                        guard let real = resolve([name], in: schema.tables[ti])?.first else { continue }
                        var v = value
                        if case .newColumn(let c) = value { v = resolve([c], in: child).map { .newColumn($0[0]) } ?? .other }
                        written[real] = v
                    }
                    schema.tables[ti].triggerWrites.append(TriggerWrite(trigger: trigger.name, source: child.name, target: schema.tables[ti].name, values: written))
                }
            }
        }
        for c in viewConditions { narrowBranches(&schema.tables[c.table], view: c.view, via: c.via, branches: c.branches, column: c.column, equals: c.equals, values: c.values) }
        for i in schema.tables.indices { narrowReferences(&schema.tables[i]) }
    }

    /// A reference to a view whose picked row must have `column` (not) among
    /// `values`: the view's branches that give that column a literal keep
    /// only those the rule allows (`type IN ('geographic 2D', 'compound')`
    /// leaves the tables whose literal is `compound`, and the tables that
    /// read `type` from a column, for the database to check).
    static func narrowBranches(_ table: inout Table, view: QualifiedName, via: [String], branches: ViewBranches, column: String,
                               equals: Bool, values: [String]) {
        guard let k = branches.columns.firstIndex(where: { $0.caseInsensitiveEquals(column) }),
              let r = table.polymorphicReferences.firstIndex(where: { $0.view == view && Set($0.columns) == Set(via) }) else { return }
        let excluded = Set(branches.branches.compactMap { b -> String? in
            guard case .literal(let l) = b.items[k] else { return nil }
            return values.contains(l) == equals ? nil : b.table.name.lowercased()
        })
        let kept = table.polymorphicReferences[r].branches.filter { !excluded.contains($0.table.name.lowercased()) }
        // A rule no branch can meet is left to the database (and its message).
        guard !kept.isEmpty else { return }
        let reference = table.polymorphicReferences[r]
        if kept.count == 1, reference.discriminator == nil {
            // One table left: an ordinary foreign key to it.
            table.polymorphicReferences.remove(at: r)
            addForeignKey(&table, columns: reference.columns, parent: kept[0].table, parentColumns: kept[0].columns, trigger: reference.trigger)
            return
        }
        table.polymorphicReferences[r].branches = kept
    }

    /// A reference to a view of tables whose columns also hold a foreign key
    /// to one of those tables (`interpolation_crs` must be in `crs_view`, and
    /// a `geodetic_crs`): the foreign key alone satisfies both, so the
    /// reference is dropped. Only without a discriminator, which the key
    /// would not write.
    static func narrowReferences(_ table: inout Table) {
        let fks = table.foreignKeys
        table.polymorphicReferences.removeAll { reference in
            reference.discriminator == nil && fks.contains { fk in
                Set(fk.columns) == Set(reference.columns) && reference.branches.contains { b in
                    b.table == fk.referencedTable && zip(reference.columns, b.columns).allSatisfy { column, parentColumn in
                        fk.columns.firstIndex(of: column).map { fk.referencedColumns[$0] == parentColumn } ?? false
                    }
                }
            }
        }
    }

    /// Column names as the table spells them, or nil when one is missing.
    static func resolve(_ names: [String], in table: Table) -> [String]? {
        var out: [String] = []
        for n in names {
            guard let c = table.columns.first(where: { $0.name == n }) ?? table.columns.first(where: { $0.name.caseInsensitiveEquals(n) }) else { return nil }
            out.append(c.name)
        }
        return out
    }

    /// Whether `columns` include the table's primary key or a unique constraint.
    static func coversKey(_ table: Table, _ columns: [String]) -> Bool {
        let sets = [table.primaryKey] + table.uniques.filter { $0.predicate == nil && $0.expressions.isEmpty }.map(\.columns)
        return sets.contains { !$0.isEmpty && $0.allSatisfy(columns.contains) }
    }

    static func addUnique(_ table: inout Table, columns: [String], trigger: String) {
        guard !coversKey(table, columns) else { return }
        var unique = UniqueConstraint(name: nil, columns: columns)
        unique.origin = trigger
        table.uniques.append(unique)
    }

    static func addForeignKey(_ table: inout Table, columns: [String], parent: QualifiedName, parentColumns: [String], trigger: String) {
        let exists = table.foreignKeys.contains {
            $0.referencedTable == parent && Set(zip($0.columns, $0.referencedColumns).map { "\($0)>\($1)" }) == Set(zip(columns, parentColumns).map { "\($0)>\($1)" })
        }
        guard !exists, columns.count == parentColumns.count else { return }
        var fk = ForeignKey(name: nil, columns: columns, referencedTable: parent, referencedColumns: parentColumns)
        fk.origin = trigger
        table.foreignKeys.append(fk)
    }

    static func addPolymorphic(_ schema: inout Schema, _ ci: Int, view: QualifiedName, branches: ViewBranches, childColumns: [String],
                               viewColumns: [String], trigger: String, tableIndex: (QualifiedName) -> Int?) {
        var positions: [Int] = []
        for c in viewColumns {
            guard let k = branches.columns.firstIndex(where: { $0.caseInsensitiveEquals(c) }) else { return }
            positions.append(k)
        }
        // The discriminator: a matched view column that is a literal in every branch.
        let d = positions.firstIndex { k in
            !branches.branches.isEmpty && branches.branches.allSatisfy { if case .literal = $0.items[k] { return true } else { return false } }
        }
        var out: [PolymorphicReference.Branch] = []
        for b in branches.branches {
            guard let ti = tableIndex(b.table) else { continue }
            var literal: String?
            var cols: [String] = []
            var ok = true
            for (j, k) in positions.enumerated() {
                if j == d, case .literal(let l) = b.items[k] { literal = l; continue }
                guard case .column(let c) = b.items[k], let real = resolve([c], in: schema.tables[ti])?.first else { ok = false; break }
                cols.append(real)
            }
            if ok { out.append(.init(table: schema.tables[ti].name, literal: literal, columns: cols)) }
        }
        guard !out.isEmpty else { return }
        let discriminator = d.map { childColumns[$0] }
        let columns = childColumns.enumerated().filter { $0.offset != d }.map(\.element)
        // A view over one table without a discriminator is an ordinary foreign key to that table.
        if out.count == 1, discriminator == nil {
            addForeignKey(&schema.tables[ci], columns: columns, parent: out[0].table, parentColumns: out[0].columns, trigger: trigger)
            return
        }
        let reference = PolymorphicReference(view: view, columns: columns, discriminator: discriminator, branches: out, trigger: trigger)
        if !schema.tables[ci].polymorphicReferences.contains(where: { $0.allColumns == reference.allColumns }) {
            schema.tables[ci].polymorphicReferences.append(reference)
        }
    }
}

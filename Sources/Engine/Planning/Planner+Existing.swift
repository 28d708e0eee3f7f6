import SchemaModel

/// Parents that are kept, not filled: tables that already held rows. They are
/// left out of the planned schema; their key tuples, read back by the CLI,
/// arrive in `PlanOptions.existingKeys`, and a child's foreign key picks one
/// of those tuples the same way it picks a generated parent row.
extension Planner {
    /// The key tuples read from a kept parent for the columns `fk` references.
    func existingKeys(for fk: ForeignKey) -> ExistingKeys? {
        options.existingKeys[fk.referencedTable]?.first { $0.columns == fk.referencedColumns }
    }

    /// How many parent rows `fk` can point at: the planned rows of a filled
    /// parent, or the key tuples read from a kept one.
    func parentRowCount(_ fk: ForeignKey) -> Int64 {
        if let keys = existingKeys(for: fk) { return Int64(keys.tuples.count) }
        return rowCounts[fk.referencedTable] ?? 0
    }

    /// The values of `parentColumn` by parent row for `fk`: the kept parent's
    /// read-back keys, or the generated parent's generator.
    func parentValues(_ fk: ForeignKey, parentColumn: String) throws -> (any ValueGenerator)? {
        if let keys = existingKeys(for: fk) {
            guard let position = fk.referencedColumns.firstIndex(of: parentColumn), !keys.tuples.isEmpty else { return nil }
            return StoredValueGenerator(values: keys.tuples.map { $0[position] }, name: "\(fk.referencedTable).\(parentColumn)")
        }
        guard let parent = tablesByName[fk.referencedTable] else { return nil }
        return try generator(table: parent, column: parentColumn)
    }

    /// On `--append`, for an FK whose parent gets no new rows, or whose CHECK
    /// no new parent row passes (`entity_class IN (1, 2)` when the classes
    /// already exist): the existing parent keys that pass it, one tuple per
    /// row for every column of the FK (same stream, same list).
    func appendedParentGenerator(_ fk: ForeignKey, table: Table, column name: String) throws -> (any ValueGenerator)? {
        guard options.append, let keys = options.appendParentKeys[fk.referencedTable]?.first(where: { $0.columns == fk.referencedColumns }),
              !keys.tuples.isEmpty else { return nil }
        let domains = derived[table.name]?.domains ?? [:]
        let newParents = rowCounts[fk.referencedTable] ?? 0
        if newParents > 0 {
            guard fk.columns.contains(where: { domains[$0].map { d in var d = d; d.notNull = false; d.mustBeNull = false; return !d.isUnconstrained } ?? false }),
                  try parentsPassingChecks(fk, in: table, parentRows: newParents, warn: false) == [] else { return nil }
        }
        let passing = keys.tuples.filter { tuple in
            zip(fk.columns, tuple).allSatisfy { column, stored in
                guard var d = domains[column] else { return true }
                d.notNull = false
                d.mustBeNull = false
                var value = Value()
                StoredValueGenerator(values: [stored], name: "").generate(row: 0, into: &value)
                return d.contains(DomainGuardGenerator.checkValue(value), now: now)
            }
        }
        guard !passing.isEmpty else { return nil }
        let position = fk.columns.firstIndex(of: name)!
        return ForeignKeyGenerator(
            picker: .uniform(parentRows: Int64(passing.count), stream: stream(table, "fk-existing:" + fk.columns.joined(separator: ","))),
            parentColumn: StoredValueGenerator(values: passing.map { $0[position] }, name: "\(fk.referencedTable).\(fk.referencedColumns[position])"),
            parentName: "\(fk.referencedTable).\(fk.referencedColumns[position])", childFirst: firstRows[table.name] ?? 0,
            route: "one of the \(passing.count) existing rows its CHECK allows")
    }

    /// The generator writing `column` of an FK to a kept parent: the column's
    /// value in the picked existing tuple. Every column of a composite FK uses
    /// the same picker, so the tuple stays whole.
    func keptParentGenerator(_ fk: ForeignKey, keys: ExistingKeys, table: Table, column name: String) throws -> any ValueGenerator {
        let position = fk.columns.firstIndex(of: name)!
        let parentColumn = fk.referencedColumns[position]
        guard !keys.tuples.isEmpty else {
            let nullable = fk.columns.allSatisfy { table.column(named: $0)?.isNullable ?? false }
            if nullable { return NullGenerator() }
            throw PlanError("\(table.name).(\(fk.columns.joined(separator: ", "))) is a NOT NULL foreign key to \(fk.referencedTable), which is kept (it already holds rows) but has no non-NULL (\(fk.referencedColumns.joined(separator: ", "))) to point at; pass --truncate to fill it too")
        }
        let values = StoredValueGenerator(values: keys.tuples.map { $0[position] }, name: "\(fk.referencedTable).\(parentColumn)")
        return ForeignKeyGenerator(picker: try picker(for: fk, in: table), parentColumn: values,
                                   parentName: "\(fk.referencedTable).\(parentColumn) (kept)",
                                   childFirst: firstRows[table.name] ?? 0, parentFirst: 0)
    }
}

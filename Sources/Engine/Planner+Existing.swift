import Introspect

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

import Engine
import SchemaModel

/// The model's pools as generators, over the config's (or profile's)
/// overrides: a column with a pool gets a `PooledTextGenerator` on its own
/// stream; everything else is the base's to answer.
struct LLMOverrides: ColumnOverrides {
    struct Pool: Sendable {
        var values: [String]
        var mode: PooledTextGenerator.Mode
    }

    let pools: [QualifiedName: [String: Pool]]
    let base: (any ColumnOverrides)?

    func generator(for table: Table, column: Column, context: OverrideContext) throws -> (any ValueGenerator)? {
        if let pool = pools[table.name]?[column.name] {
            return PooledTextGenerator(values: pool.values, mode: pool.mode, stream: context.stream)
        }
        return try base?.generator(for: table, column: column, context: context)
    }

    func fanOut(for table: Table, parentRows: (ForeignKey) -> Int64) throws -> FanOut? { try base?.fanOut(for: table, parentRows: parentRows) }
    func seed(for table: Table) -> UInt64? { base?.seed(for: table) }
    func uniformFanOut(for table: Table) -> Bool { base?.uniformFanOut(for: table) ?? false }
    func childrenPerParent(for table: Table, foreignKey: ForeignKey, parentRows: Int64) throws -> (any ValueGenerator)? {
        try base?.childrenPerParent(for: table, foreignKey: foreignKey, parentRows: parentRows)
    }
    func sharesKey(table: Table, column: String, through: ForeignKey) -> Bool? {
        base?.sharesKey(table: table, column: column, through: through)
    }
}

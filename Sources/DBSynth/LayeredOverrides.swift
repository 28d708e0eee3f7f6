import Engine
import SchemaModel

/// Two sources of user-chosen generators, the first winning column by
/// column: a config over a profile (`fill --config X --profile Y`).
struct LayeredOverrides: ColumnOverrides {
    let first: any ColumnOverrides
    let then: any ColumnOverrides

    func generator(for table: Table, column: Column, context: OverrideContext) throws -> (any ValueGenerator)? {
        try first.generator(for: table, column: column, context: context) ?? then.generator(for: table, column: column, context: context)
    }

    func fanOut(for table: Table, parentRows: (ForeignKey) -> Int64) throws -> FanOut? {
        try first.fanOut(for: table, parentRows: parentRows) ?? then.fanOut(for: table, parentRows: parentRows)
    }

    func seed(for table: Table) -> UInt64? { first.seed(for: table) ?? then.seed(for: table) }

    func uniformFanOut(for table: Table) -> Bool { first.uniformFanOut(for: table) }

    func sharesKey(table: Table, column: String, through: ForeignKey) -> Bool? {
        first.sharesKey(table: table, column: column, through: through) ?? then.sharesKey(table: table, column: column, through: through)
    }

    func childrenPerParent(for table: Table, foreignKey: ForeignKey, parentRows: Int64) throws -> (any ValueGenerator)? {
        try first.childrenPerParent(for: table, foreignKey: foreignKey, parentRows: parentRows)
            ?? then.childrenPerParent(for: table, foreignKey: foreignKey, parentRows: parentRows)
    }
}

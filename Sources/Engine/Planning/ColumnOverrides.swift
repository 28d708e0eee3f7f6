import SchemaModel

/// Generators chosen by the user (a config file) instead of inference.
///
/// The planner asks for every written column; returning nil keeps the
/// inferred generator. Implemented by the Config module, so Engine stays
/// free of YAML.
package protocol ColumnOverrides: Sendable {
    /// The generator for `column` of `table`, or nil to infer it.
    func generator(for table: Table, column: Column, context: OverrideContext) throws -> (any ValueGenerator)?
    /// "Each parent gets a drawn number of children" for `table`, if configured.
    func fanOut(for table: Table) throws -> FanOut?
    /// Per-table seed, replacing the global one for that table's columns.
    func seed(for table: Table) -> UInt64?
}

/// `per_parent: {fk: COLUMN, count: GENERATOR}`: the parent row i gets
/// `count(i)` children (clamped at 0), so the child table's row count is the
/// sum of the counts.
package struct FanOut: Sendable {
    /// A column of the FK along which children are counted.
    package var foreignKeyColumn: String
    /// Generates the child count for each parent row index (integers).
    package var count: any ValueGenerator

    package init(foreignKeyColumn: String, count: any ValueGenerator) {
        self.foreignKeyColumn = foreignKeyColumn
        self.count = count
    }
}

/// What an override can use while it builds a generator.
package struct OverrideContext {
    /// The stream the inferred generator of this column would use.
    package let stream: UInt64
    /// Rows planned for this table.
    package let rows: Int64
    /// Seed in force for this table.
    package let seed: UInt64
    let planner: Planner
    let table: Table
    let column: Column

    /// Rows planned for another table (nil when it is not filled).
    package func rows(of table: QualifiedName) -> Int64? { planner.plannedRows(table) }

    /// The generator of a (key) column of another table: a `foreign_key`
    /// override reads the parent's key at a parent row index through it.
    package func generator(of table: QualifiedName, column: String) throws -> any ValueGenerator {
        guard let t = planner.schema.table(named: table) else { throw PlanError("no table \(table)") }
        return try planner.generator(table: t, column: column)
    }

    /// The value of `parentColumn` in the parent row that the FK holding
    /// `foreignKeyColumn` points at (the same row that FK's columns take).
    package func fromParent(foreignKeyColumn: String, parentColumn: String) throws -> any ValueGenerator {
        try planner.fromParent(table: table, foreignKeyColumn: foreignKeyColumn, parentColumn: parentColumn)
    }

    /// The generator inference would choose (to wrap it, e.g. in `optional`).
    package func inferred() throws -> any ValueGenerator {
        try planner.inferredGenerator(table: table, column: column)
    }

    /// A stream for a named part of this column (sub-generators of a json_object, …).
    package func stream(_ part: String) -> UInt64 {
        RowRandom.streamKey(seed: seed, table: table.name.description, column: column.name + "\u{1}" + part)
    }
}

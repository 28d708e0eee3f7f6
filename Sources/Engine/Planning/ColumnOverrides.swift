import SchemaModel

/// Generators chosen by the user (a config file) instead of inference.
///
/// The planner asks for every written column; returning nil keeps the
/// inferred generator. Implemented by the Config module, so Engine stays
/// free of YAML.
package protocol ColumnOverrides: Sendable {
    /// The generator for `column` of `table`, or nil to infer it.
    func generator(for table: Table, column: Column, context: OverrideContext) throws -> (any ValueGenerator)?
    /// "Each parent gets a drawn number of children" for `table`, if
    /// configured; `parentRows` tells how many rows a foreign key's parent
    /// will have, so counts can be spread over exactly that many.
    func fanOut(for table: Table, parentRows: (ForeignKey) -> Int64) throws -> FanOut?
    /// Per-table seed, replacing the global one for that table's columns.
    func seed(for table: Table) -> UInt64?
    /// `fan_out: uniform`: children pick parents uniformly instead of by
    /// the default skewed popularity.
    func uniformFanOut(for table: Table) -> Bool
    /// How many children each parent row should have along `foreignKey`
    /// of `table` (a generator of counts by parent row), for a foreign key
    /// that does not drive the table's fan-out, over `parentRows` parents; nil: the default pick.
    func childrenPerParent(for table: Table, foreignKey: ForeignKey, parentRows: Int64) throws -> (any ValueGenerator)?
    /// Whether the key `column` (a name: `tenant_id`) that the parent row
    /// `through` points at holds is the same key as the table's own column
    /// of that name, or the other parents' of that name (a `tenant_id`
    /// repeated down a hierarchy); nil: inference decides by the names.
    func sharesKey(table: Table, column: String, through: ForeignKey) -> Bool?
}

extension ColumnOverrides {
    package func uniformFanOut(for table: Table) -> Bool { false }
    package func childrenPerParent(for table: Table, foreignKey: ForeignKey, parentRows: Int64) throws -> (any ValueGenerator)? { nil }
    package func sharesKey(table: Table, column: String, through: ForeignKey) -> Bool? { nil }
}

/// `per_parent: {fk: COLUMN, count: GENERATOR}`: the parent row i gets
/// `count(i)` children (clamped at 0), so the child table's row count is the
/// sum of the counts.
package struct FanOut: Sendable {
    /// A column of the FK along which children are counted.
    package var foreignKeyColumn: String
    /// Generates the child count for each parent row index (integers).
    package var count: any ValueGenerator
    /// In a join table keyed by this FK and one other: whether the other
    /// side's parents should each get as nearly the same number of
    /// children as can be (`DistinctWithinParent.evenly`), rather than
    /// about a Poisson number.
    package var evenPartner: Bool

    package init(foreignKeyColumn: String, count: any ValueGenerator, evenPartner: Bool = false) {
        self.foreignKeyColumn = foreignKeyColumn
        self.count = count
        self.evenPartner = evenPartner
    }
}

/// What an override can use while it builds a generator: the few planner
/// answers a config generator needs (other tables' rows and key
/// generators, the parent row's values, the inferred generator), handed
/// over as functions so Config never holds the planner itself.
package struct OverrideContext {
    /// The stream the inferred generator of this column would use.
    package let stream: UInt64
    /// Rows planned for this table.
    package let rows: Int64
    /// The first row index generated (the rows already there on `--append`).
    package var firstRow: Int64 = 0
    /// Seed in force for this table.
    package let seed: UInt64
    let table: Table
    let column: Column
    let plannedRows: (QualifiedName) -> Int64?
    let generatorOf: (QualifiedName, String) throws -> any ValueGenerator
    let parentValue: (_ foreignKeyColumn: String, _ parentColumn: String) throws -> any ValueGenerator
    let inferredGenerator: () throws -> any ValueGenerator
    let childSum: (_ child: String, _ foreignKey: [String], _ terms: [[String]], _ scale: Int) throws -> (any ValueGenerator)?

    /// The context of `column` of `table`, answered by `planner`.
    init(stream: UInt64, rows: Int64, seed: UInt64, planner: Planner, table: Table, column: Column) {
        self.stream = stream
        self.rows = rows
        self.seed = seed
        self.table = table
        self.column = column
        plannedRows = { planner.plannedRows($0) }
        generatorOf = { name, column in
            guard let t = planner.schema.table(named: name) else { throw PlanError("no table \(name)") }
            return try planner.generator(table: t, column: column)
        }
        parentValue = { try planner.fromParent(table: table, foreignKeyColumn: $0, parentColumn: $1) }
        inferredGenerator = { try planner.inferredGenerator(table: table, column: column) }
        childSum = { try planner.childSum(of: table, child: $0, foreignKey: $1, terms: $2, scale: $3) }
    }

    /// This column as the sum over each row's children in `child` (a table
    /// as dbsynth prints its name, or its bare name; along
    /// its foreign key `foreignKey` to this table) of `terms`, each a list
    /// of child columns multiplied; nil unless that key lays the children
    /// out parent by parent (a fan-out) and every column exists.
    package func sum(ofChildren child: String, along foreignKey: [String], terms: [[String]], scale: Int) throws -> (any ValueGenerator)? {
        try childSum(child, foreignKey, terms, scale)
    }

    /// Rows planned for another table (nil when it is not filled).
    package func rows(of table: QualifiedName) -> Int64? { plannedRows(table) }

    /// The generator of a (key) column of another table: a `foreign_key`
    /// override reads the parent's key at a parent row index through it.
    package func generator(of table: QualifiedName, column: String) throws -> any ValueGenerator {
        try generatorOf(table, column)
    }

    /// The value of `parentColumn` in the parent row that the FK holding
    /// `foreignKeyColumn` points at (the same row that FK's columns take).
    package func fromParent(foreignKeyColumn: String, parentColumn: String) throws -> any ValueGenerator {
        try parentValue(foreignKeyColumn, parentColumn)
    }

    /// The generator inference would choose (to wrap it, e.g. in `optional`).
    package func inferred() throws -> any ValueGenerator {
        try inferredGenerator()
    }

    /// A stream for a named part of this column (sub-generators of a json_object, …).
    package func stream(_ part: String) -> UInt64 {
        RowRandom.streamKey(seed: seed, table: table.name.description, column: column.name + "\u{1}" + part)
    }
}

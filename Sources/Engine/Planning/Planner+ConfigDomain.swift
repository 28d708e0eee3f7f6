import SchemaModel

extension Planner {
    /// A config generator drawn inside the column's CHECK domain, as the
    /// inferred ones are: a `log_normal` price on `CHECK (price > 0)`, or a
    /// `normal` score on `CHECK (score BETWEEN 0 AND 100)`, keeps its shape
    /// where the domain allows it. A value outside is redrawn (up to twelve
    /// alternatives, each a pure function of the row), then replaced by the
    /// inferred generator's value for the row, which honours the domain by
    /// construction, so values never pile up on one fallback constant. The
    /// config validator refuses only a range that cannot meet the domain at
    /// all. A unique carrier keeps its generator as it is: redraws would
    /// break its bijection with the row.
    func withinDomain(_ g: any ValueGenerator, table: Table, column: Column) throws -> any ValueGenerator {
        guard let domain = derived[table.name]?.domains[column.name], !domain.isUnconstrained else { return g }
        let carriesUniqueKey = uniqueSets(table).contains { $0.contains(column.name) && carrier(of: $0, in: table) == column.name }
        guard !carriesUniqueKey else { return g }
        return DomainGuardGenerator(inner: g, domain: domain, fallback: try inferredGenerator(table: table, column: column), now: now)
    }
}

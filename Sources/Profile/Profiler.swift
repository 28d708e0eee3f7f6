import Introspect
import SchemaModel

/// Reads a live database into a `DataProfile`: per table one pass over at
/// most `sampleLimit` rows (every k-th row beyond that, so the sample spans
/// the table), and per foreign key one aggregate query for children per
/// parent. Read-only; nothing but aggregates leaves it.
package struct Profiler {
    package var sampleLimit = 100_000
    /// K: values seen fewer times are left out.
    package var minCount = 5
    /// `--epsilon`: Laplace noise on counts and frequencies (nil: none).
    package var epsilon: Double?
    var noise: LaplaceNoise? { epsilon.map(LaplaceNoise.init) }

    package init() {}

    package func profile(_ connection: DatabaseConnection, schema: Schema, source: String) throws -> DataProfile {
        var suppressed = 0
        var tables: [TableProfile] = []
        let names = Set(schema.tables.map(\.name))
        for table in schema.tables {
            let (profile, left) = try self.table(table, connection: connection, parents: names)
            tables.append(profile)
            suppressed += left
        }
        var profile = DataProfile(source: source, dialect: schema.dialect.rawValue, minCount: minCount, sampleLimit: sampleLimit,
                                  suppressedValues: suppressed, tables: tables)
        profile.epsilon = epsilon
        return profile
    }

    func table(_ table: Table, connection: DatabaseConnection, parents: Set<QualifiedName>) throws -> (TableProfile, Int) {
        let columns = table.columns
        var summaries = columns.map(ColumnSummary.init)
        var sampled = 0
        do {
            for row in try query(connection, sampleSQL(table)) {
                sampled += 1
                for (i, cell) in row.enumerated() where i < summaries.count { summaries[i].add(cell) }
            }
        } catch let error as DatabaseError {
            throw error.prefixed("profiling \(table.name)")
        }
        var suppressed = 0
        let profiles = summaries.map { s in
            let (p, left) = s.profile(k: minCount, noise: noise)
            suppressed += left
            return p
        }
        var foreignKeys: [ForeignKeyProfile] = []
        for fk in table.foreignKeys where parents.contains(fk.referencedTable) {
            do {
                foreignKeys.append(try foreignKey(fk, of: table, connection: connection))
            } catch let error as DatabaseError {
                throw error.prefixed("profiling the children per parent of \(table.name) (\(fk.columns.joined(separator: ", ")))")
            }
        }
        return (TableProfile(name: table.name.description, rows: table.rowCount, sampled: sampled, columns: profiles, foreignKeys: foreignKeys), suppressed)
    }

    /// Every row up to the limit, else every k-th row in the table's order.
    func sampleSQL(_ table: Table) -> String {
        let list = table.columns.map { quoteIdentifier($0.name) }.joined(separator: ", ")
        let stride = max(1, (table.rowCount + Int64(sampleLimit) - 1) / Int64(max(1, sampleLimit)))
        if stride == 1 { return "SELECT \(list) FROM \(table.name.quoted) LIMIT \(sampleLimit)" }
        return "SELECT \(list) FROM (SELECT \(list), row_number() OVER () AS dbsynth_n FROM \(table.name.quoted)) AS s "
            + "WHERE dbsynth_n % \(stride) = 0 LIMIT \(sampleLimit)"
    }

    /// Children per parent over every parent row (childless ones included),
    /// as a histogram the database computes, and the share of NULL keys.
    func foreignKey(_ fk: ForeignKey, of table: Table, connection: DatabaseConnection) throws -> ForeignKeyProfile {
        let children = try childrenPerParent(fk, of: table, connection: connection)
        let childless = children.prefix { $0 == 0 }.count
        let nulls = try query(connection, "SELECT count(*) FROM \(table.name.quoted) WHERE \(quoteIdentifier(fk.columns[0])) IS NULL")
            .first?.first.flatMap { $0.flatMap { Int($0) } } ?? 0
        return ForeignKeyProfile(
            columns: fk.columns, references: fk.referencedTable.description,
            nullFraction: table.rowCount > 0 ? Double(nulls) / Double(table.rowCount) : 0,
            childlessShare: children.isEmpty ? 0 : Double(childless) / Double(children.count),
            meanChildren: children.isEmpty ? 0 : children.reduce(0, +) / Double(children.count),
            childrenQuantiles: KAnonymousQuantiles.of(sorted: children, k: minCount) ?? [])
    }

    /// Each parent row's number of children along `fk`, sorted (a
    /// histogram computed by the database, expanded).
    func childrenPerParent(_ fk: ForeignKey, of table: Table, connection: DatabaseConnection) throws -> [Double] {
        let on = zip(fk.referencedColumns, fk.columns).map { "p.\(quoteIdentifier($0.0)) = c.\(quoteIdentifier($0.1))" }.joined(separator: " AND ")
        let keys = fk.referencedColumns.map { "p.\(quoteIdentifier($0))" }.joined(separator: ", ")
        let histogram = try query(connection, """
            SELECT n, count(*) FROM (SELECT count(c.\(quoteIdentifier(fk.columns[0]))) AS n FROM \(fk.referencedTable.quoted) p \
            LEFT JOIN \(table.name.quoted) c ON \(on) GROUP BY \(keys)) AS g GROUP BY n ORDER BY n
            """)
        var children: [Double] = []
        for row in histogram {
            guard let n = row[0].flatMap({ Int($0) }), let parents = row[1].flatMap({ Int($0) }) else { continue }
            children += repeatElement(Double(n), count: noise?.noisy(parents) ?? parents)
        }
        return children
    }

    func query(_ connection: DatabaseConnection, _ sql: String) throws -> [[String?]] {
        switch connection {
        case .postgres(let c): return try c.query(sql)
        case .sqlite(let c): return try c.query(sql)
        }
    }
}

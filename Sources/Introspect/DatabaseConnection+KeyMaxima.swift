import SchemaModel

extension DatabaseConnection {
    /// The largest value of every integer column of each table that is part
    /// of a key or unique constraint or has an identity: where `--append`
    /// starts new keys.
    public func integerKeyMaxima(_ schema: Schema) throws -> [QualifiedName: [String: Int64]] {
        var out: [QualifiedName: [String: Int64]] = [:]
        for table in schema.tables where table.rowCount > 0 {
            let keyed = Set(table.primaryKey + table.uniques.flatMap(\.columns))
            let columns = table.columns.filter { c in c.type.isInteger && (keyed.contains(c.name) || c.identity != nil) }
            guard !columns.isEmpty else { continue }
            let sql = "SELECT " + columns.map { "max(\(quoteIdentifier($0.name)))" }.joined(separator: ", ") + " FROM \(table.name.quoted)"
            let row: [String?]
            switch self {
            case .sqlite(let c): row = try c.query(sql).first ?? []
            case .postgres(let c): row = try c.query(sql).first ?? []
            }
            for (i, column) in columns.enumerated() where i < row.count {
                if let text = row[i], let value = Int64(text) { out[table.name, default: [:]][column.name] = value }
            }
        }
        return out
    }
}

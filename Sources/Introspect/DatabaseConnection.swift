/// An open database of either kind, and the one place that turns a
/// `DatabaseTarget` into a connection and a `Schema`.
public enum DatabaseConnection {
    case sqlite(SQLiteConnection)
    case postgres(PostgresConnection)

    /// Opens the target. A SQLite file must exist unless `create` is set (the
    /// `--schema` case), so a typo in a path is an error, not a new empty file.
    public static func open(_ target: DatabaseTarget, create: Bool = false) throws -> DatabaseConnection {
        switch target {
        case .sqlite(let path):
            if !create, !fileExists(path) {
                throw DatabaseError(.connection, "SQLite database \(path) does not exist (pass --schema FILE.sql to create it)")
            }
            return .sqlite(try SQLiteConnection(path: path, create: create))
        case .postgres(let conninfo):
            return .postgres(try PostgresConnection(conninfo: conninfo, redactedTarget: target.description))
        }
    }

    public var dialect: Dialect {
        switch self {
        case .sqlite: return .sqlite
        case .postgres: return .postgres
        }
    }

    /// Reads the live schema, with the rules its triggers enforce (see `TriggerRuleReader`).
    public func readSchema() throws -> Schema {
        var schema: Schema
        switch self {
        case .sqlite(let c): schema = try SQLiteIntrospector(connection: c).schema()
        case .postgres(let c): schema = try PostgresIntrospector(connection: c).schema()
        }
        TriggerRuleReader.apply(to: &schema)
        return schema
    }

    /// Runs DDL or other statements that return nothing.
    public func execute(_ sql: String) throws {
        switch self {
        case .sqlite(let c): try c.execute(sql)
        case .postgres(let c): try c.execute(sql)
        }
    }
}

#if canImport(Glibc)
import Glibc
import SchemaModel
#elseif canImport(Darwin)
import Darwin
#endif

func fileExists(_ path: String) -> Bool {
    access(path, F_OK) == 0
}

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

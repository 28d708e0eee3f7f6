#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SchemaModel

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

func fileExists(_ path: String) -> Bool {
    access(path, F_OK) == 0
}

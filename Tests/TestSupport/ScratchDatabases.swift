import Foundation
import Introspect
import SchemaModel

/// A SQLite file in a fresh temp directory, removed on `remove()`.
public struct ScratchSQLite {
    public let directory: URL
    public let path: String
    public var url: String { "sqlite:\(path)" }

    public init(schema: String? = nil, name: String = "test.db") throws {
        directory = try TestEnvironment.temporaryDirectory()
        path = directory.appendingPathComponent(name).path
        if let schema {
            let connection = try SQLiteConnection(path: path, create: true)
            try connection.execute(schema)
        }
    }

    public func open() throws -> SQLiteConnection { try SQLiteConnection(path: path) }

    public func remove() { try? FileManager.default.removeItem(at: directory) }
}

public struct TestSetupError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// A new database on the throwaway PostgreSQL server, dropped on `drop()`.
public struct ScratchPostgres {
    public let name: String
    public let url: String
    let adminURL: String

    /// Creates the database; throws (so the test fails) when no server is configured.
    public init(schema: String? = nil) throws {
        guard let admin = TestEnvironment.postgresURL else {
            throw TestSetupError("DBSYNTH_TEST_PG is not set: run the tests through scripts/test.sh, which starts a throwaway PostgreSQL")
        }
        adminURL = admin
        name = "dbsynth_t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased()
        let connection = try PostgresConnection(conninfo: admin, redactedTarget: "test server")
        try connection.execute("CREATE DATABASE \(name)")
        url = Self.replaceDatabase(in: admin, with: name)
        if let schema {
            try open().execute(schema)
        }
    }

    public func open() throws -> PostgresConnection {
        try PostgresConnection(conninfo: url, redactedTarget: name)
    }

    /// Environment for libpq tools (psql, the corpus loader) pointing at this database.
    public var libpqEnvironment: [String: String] {
        var env: [String: String] = ["PGDATABASE": name]
        if let components = URLComponents(string: url) {
            if let host = components.host { env["PGHOST"] = host }
            if let port = components.port { env["PGPORT"] = String(port) }
            if let user = components.user { env["PGUSER"] = user }
        }
        return env
    }

    public func drop() {
        if let connection = try? PostgresConnection(conninfo: adminURL, redactedTarget: "test server") {
            _ = try? connection.execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
        }
    }

    static func replaceDatabase(in url: String, with database: String) -> String {
        guard var components = URLComponents(string: url) else { return url }
        components.path = "/" + database
        return components.string ?? url
    }
}

import Foundation
import Testing
import TestSupport
import Introspect

/// Every schema of `../shared/corpus` (real schemas nobody here wrote) goes
/// through `inspect` and `fill --rows 300`: exit 0 and every table non-empty.
@Suite(.enabled(if: TestEnvironment.corpus != nil || TestEnvironment.isCI, "needs ../shared/corpus"))
struct CorpusTests {
    static let postgresSchemas = [
        "chinook", "employee", "neosync_alltypes", "neosync_complex", "neosync_edgecases", "neosync_fk_violations",
        "neosync_humanresources", "neosync_querybuilder", "neosync_schemainit", "neosync_sqlmanager", "neosync_subsetting",
        "northwind", "pagila", "sakila", "synth_arrays", "synth_complete_schema", "synth_hospital_schema",
    ]
    static let sqliteSchemas = ["chinook", "employee", "northwind", "sakila"]
    /// Schemas that ship rows (neosync_fk_violations even breaks its own FKs).
    static let postgresWithRows = ["chinook", "northwind", "neosync_edgecases", "neosync_fk_violations", "neosync_schemainit"]
    static let sqliteWithRows = ["chinook", "northwind"]

    static var loader: String {
        get throws {
            guard let corpus = TestEnvironment.corpus else { throw TestSetupError("../shared/corpus is missing") }
            return corpus.appendingPathComponent("load").path
        }
    }

    @Test(.enabled(if: TestEnvironment.postgresTestsEnabled), arguments: postgresSchemas)
    func fillsEveryPostgresTable(name: String) throws {
        let db = try ScratchPostgres()
        defer { db.drop() }
        let loaded = try CommandRunner.shell("\(try Self.loader) postgres \(name)", environment: db.libpqEnvironment)
        try #require(loaded.status == 0, "loading \(name): \(loaded.stderr)")

        let inspect = try CommandRunner.dbsynth(["inspect", db.url, "--json"])
        #expect(inspect.status == 0, "inspect \(name): \(inspect.stderr)")

        let fill = try CommandRunner.dbsynth(["fill", db.url, "--rows", "300", "--truncate", "--quiet"])
        #expect(fill.status == 0, "fill \(name): \(fill.stderr)")
        guard fill.status == 0 else { return }
        let schema = try PostgresIntrospector(connection: db.open()).schema()
        let empty = schema.tables.filter { $0.rowCount == 0 }.map(\.name.description)
        #expect(empty.isEmpty, "\(name): empty tables after fill: \(empty)")
    }

    @Test(arguments: sqliteSchemas)
    func fillsEverySQLiteTable(name: String) throws {
        let db = try ScratchSQLite()
        defer { db.remove() }
        let loaded = try CommandRunner.shell("\(try Self.loader) sqlite \(name) \(db.path)")
        try #require(loaded.status == 0, "loading \(name): \(loaded.stderr)")

        let inspect = try CommandRunner.dbsynth(["inspect", db.url])
        #expect(inspect.status == 0, "inspect \(name): \(inspect.stderr)")

        let fill = try CommandRunner.dbsynth(["fill", db.url, "--rows", "300", "--truncate", "--quiet"])
        #expect(fill.status == 0, "fill \(name): \(fill.stderr)")
        guard fill.status == 0 else { return }
        let connection = try db.open()
        let schema = try SQLiteIntrospector(connection: connection).schema()
        let empty = schema.tables.filter { $0.rowCount == 0 }.map(\.name.description)
        #expect(empty.isEmpty, "\(name): empty tables after fill: \(empty)")
        #expect(try connection.query("PRAGMA foreign_key_check").isEmpty, "\(name): foreign key violations")
    }

    @Test(.enabled(if: TestEnvironment.postgresTestsEnabled), arguments: postgresWithRows)
    func appendGrowsEveryPostgresTable(name: String) throws {
        let db = try ScratchPostgres()
        defer { db.drop() }
        let loaded = try CommandRunner.shell("\(try Self.loader) postgres \(name)", environment: db.libpqEnvironment)
        try #require(loaded.status == 0, "loading \(name): \(loaded.stderr)")
        let before = try PostgresIntrospector(connection: db.open()).schema()
        let fill = try CommandRunner.dbsynth(["fill", db.url, "--rows", "40", "--append", "--quiet"])
        #expect(fill.status == 0, "append \(name): \(fill.stderr)")
        let after = try PostgresIntrospector(connection: db.open()).schema()
        for table in before.tables {
            let grown = after.table(named: table.name)?.rowCount ?? 0
            #expect(grown == table.rowCount + 40, "\(name).\(table.name): \(table.rowCount) → \(grown)")
        }
    }

    @Test(arguments: sqliteWithRows)
    func appendGrowsEverySQLiteTable(name: String) throws {
        let db = try ScratchSQLite()
        defer { db.remove() }
        let loaded = try CommandRunner.shell("\(try Self.loader) sqlite \(name) \(db.path)")
        try #require(loaded.status == 0, "loading \(name): \(loaded.stderr)")
        let before = try SQLiteIntrospector(connection: db.open()).schema()
        let fill = try CommandRunner.dbsynth(["fill", db.url, "--rows", "40", "--append", "--quiet"])
        #expect(fill.status == 0, "append \(name): \(fill.stderr)")
        let after = try SQLiteIntrospector(connection: db.open()).schema()
        for table in before.tables {
            let grown = after.table(named: table.name)?.rowCount ?? 0
            #expect(grown == table.rowCount + 40, "\(name).\(table.name): \(table.rowCount) → \(grown)")
        }
    }
}

import Foundation
import Testing
import TestSupport
import Introspect
import SchemaModel

/// A fill that is interrupted or killed halfway leaves the database exactly
/// as it was; reset empties everything; reports are written.
@Suite struct SafetyTests {
    static let ddl = """
        CREATE TABLE parent (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
        CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER NOT NULL REFERENCES parent(id), note TEXT);
        INSERT INTO parent VALUES (1, 'kept');
        """

    /// Starts a long fill, waits, sends `signal`, returns the exit status and reason.
    static func interrupt(_ arguments: [String], signal: Int32, after seconds: Double) throws -> (status: Int32, reason: Process.TerminationReason) {
        let process = Process()
        process.executableURL = TestEnvironment.binary
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        Thread.sleep(forTimeInterval: seconds)
        #expect(process.isRunning, "the fill finished before it could be interrupted; make it bigger")
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        return (process.terminationStatus, process.terminationReason)
    }

    @Test(arguments: [SIGINT, SIGTERM, SIGKILL])
    func interruptedSQLiteFillChangesNothing(signal: Int32) throws {
        let db = try ScratchSQLite(schema: Self.ddl)
        defer { db.remove() }
        let outcome = try Self.interrupt(["fill", db.url, "--append", "--rows", "3000000", "--quiet"], signal: signal, after: 1.5)
        switch signal {
        case SIGKILL: #expect(outcome.reason == .uncaughtSignal)
        default:
            #expect(outcome.reason == .exit)
            #expect(outcome.status == 128 + signal)
        }
        let c = try db.open()
        #expect(try c.query("SELECT id, name FROM parent") == [["1", "kept"]])
        #expect(try c.scalarInt("SELECT count(*) FROM child") == 0)
        #expect(try c.query("PRAGMA integrity_check") == [["ok"]])
    }

    @Test(.enabled(if: TestEnvironment.postgresTestsEnabled), arguments: [SIGINT, SIGKILL])
    func interruptedPostgresFillChangesNothing(signal: Int32) throws {
        let db = try ScratchPostgres(schema: Self.ddl)
        defer { db.drop() }
        let outcome = try Self.interrupt(["fill", db.url, "--append", "--rows", "3000000", "--quiet"], signal: signal, after: 2)
        if signal == SIGINT {
            #expect(outcome.reason == .exit)
            #expect(outcome.status == 130)
        }
        // After SIGKILL the server notices the dropped connection and aborts.
        var remaining = 50
        while remaining > 0, (try db.open().query("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()").first?.first ?? "0") != "0" {
            Thread.sleep(forTimeInterval: 0.1)
            remaining -= 1
        }
        let c = try db.open()
        #expect(try c.query("SELECT id, name FROM parent") == [["1", "kept"]])
        #expect(try c.query("SELECT count(*) FROM child") == [["0"]])
    }

    /// A network drop mid-COPY, simulated by the server ending the backend.
    @Test(.enabled(if: TestEnvironment.postgresTestsEnabled))
    func droppedConnectionMidCopyChangesNothing() throws {
        let db = try ScratchPostgres(schema: Self.ddl)
        defer { db.drop() }
        let process = Process()
        process.executableURL = TestEnvironment.binary
        process.arguments = ["fill", db.url, "--append", "--rows", "3000000", "--quiet"]
        let errURL = db.name + ".err"
        let errPath = FileManager.default.temporaryDirectory.appendingPathComponent(errURL)
        _ = FileManager.default.createFile(atPath: errPath.path, contents: nil)
        process.standardError = try FileHandle(forWritingTo: errPath)
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        Thread.sleep(forTimeInterval: 2)
        let killed = try db.open().query("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'dbsynth' AND pid <> pg_backend_pid()")
        #expect(killed == [["1"]], "the fill's backend was running")
        process.waitUntilExit()
        let stderr = (try? String(contentsOf: errPath, encoding: .utf8)) ?? ""
        #expect(process.terminationStatus == 1, "\(stderr)")
        #expect(stderr.hasPrefix("error: "))
        #expect(stderr.contains("was lost") || stderr.contains("terminat"), "\(stderr)")
        let c = try db.open()
        #expect(try c.query("SELECT id, name FROM parent") == [["1", "kept"]])
        #expect(try c.query("SELECT count(*) FROM child") == [["0"]])
    }

    @Test func resetEmptiesEveryTableAndRestartsKeysButAsksFirst() throws {
        let db = try ScratchSQLite(schema: "CREATE TABLE a (id INTEGER PRIMARY KEY AUTOINCREMENT, x TEXT); CREATE TABLE b (id INTEGER PRIMARY KEY, a_id INTEGER REFERENCES a(id));")
        defer { db.remove() }
        #expect(try CommandRunner.dbsynth(["fill", db.url, "--rows", "25", "--quiet"]).status == 0)

        let refused = try CommandRunner.dbsynth(["reset", db.url])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("pass --yes"))
        #expect(try db.open().scalarInt("SELECT count(*) FROM a") == 25)

        let done = try CommandRunner.dbsynth(["reset", db.url, "--yes"])
        #expect(done.status == 0, "\(done.stderr)")
        #expect(done.stdout.contains("Emptied 2 tables"))
        let c = try db.open()
        #expect(try c.scalarInt("SELECT count(*) FROM a") == 0)
        #expect(try c.scalarInt("SELECT count(*) FROM b") == 0)
        try c.execute("INSERT INTO a (x) VALUES ('first')")
        #expect(try c.scalarInt("SELECT id FROM a") == 1, "AUTOINCREMENT restarted")
    }

    @Test(.enabled(if: TestEnvironment.postgresTestsEnabled))
    func resetRestartsPostgresIdentities() throws {
        let db = try ScratchPostgres(schema: "CREATE TABLE a (id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY, x text); CREATE TABLE b (id serial PRIMARY KEY, a_id int REFERENCES a(id));")
        defer { db.drop() }
        #expect(try CommandRunner.dbsynth(["fill", db.url, "--rows", "25", "--quiet"]).status == 0)
        let done = try CommandRunner.dbsynth(["reset", db.url, "--yes"])
        #expect(done.status == 0, "\(done.stderr)")
        #expect(try db.open().query("INSERT INTO a (x) VALUES ('n') RETURNING id") == [["1"]])
        #expect(try db.open().query("SELECT count(*) FROM b") == [["0"]])
    }

    @Test func reportDescribesTheFill() throws {
        let db = try ScratchSQLite(schema: """
            CREATE TABLE staff (id INTEGER PRIMARY KEY, store_id INTEGER NOT NULL REFERENCES store(id));
            CREATE TABLE store (id INTEGER PRIMARY KEY, manager_id INTEGER NOT NULL UNIQUE REFERENCES staff(id));
            """)
        defer { db.remove() }
        let report = db.directory.appendingPathComponent("report.json")
        let r = try CommandRunner.dbsynth(["fill", db.url, "--rows", "30", "--report", report.path, "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: report)) as! [String: Any]
        #expect(json["total_rows"] as? Int == 60)
        #expect(json["seed"] as? Int == 42)
        let tables = json["tables"] as! [[String: Any]]
        #expect(tables.map { $0["table"] as! String } .sorted() == ["staff", "store"])
        #expect(tables.allSatisfy { ($0["rows_per_second"] as? Double ?? 0) > 0 })
        let breaks = tables.flatMap { $0["cycle_breaks"] as! [[String: Any]] }
        #expect(breaks.map { $0["strategy"] as? String } == ["sqlite-defer-foreign-keys"])
    }
}

/// `--fast` drops and re-creates keys and indexes inside the transaction:
/// the schema afterwards is exactly the one before.
@Suite struct FastLoadTests {
    @Test func sqliteSchemaIsIdenticalAfterAFastFill() throws {
        let db = try ScratchSQLite(schema: """
            CREATE TABLE a (id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE, city TEXT);
            CREATE INDEX a_city ON a (city);
            CREATE UNIQUE INDEX a_lower_email ON a (lower(email));
            CREATE TABLE b (id INTEGER PRIMARY KEY, a_id INTEGER NOT NULL REFERENCES a(id), at DATETIME);
            CREATE INDEX b_a ON b (a_id, at);
            """)
        defer { db.remove() }
        let schema = { try db.open().query("SELECT type, name, sql FROM sqlite_master ORDER BY name") }
        let before = try schema()
        let r = try CommandRunner.dbsynth(["fill", db.url, "--rows", "2000", "--fast", "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try schema() == before)
        let c = try db.open()
        #expect(try c.scalarInt("SELECT count(*) FROM b") == 2000)
        #expect(try c.query("PRAGMA foreign_key_check").isEmpty)
        #expect(try c.query("PRAGMA integrity_check") == [["ok"]])
    }

    @Test(.enabled(if: TestEnvironment.postgresTestsEnabled && (TestEnvironment.corpus != nil || TestEnvironment.isCI)))
    func postgresSchemaIsIdenticalAfterAFastFill() throws {
        let corpus = try #require(TestEnvironment.corpus)
        let db = try ScratchPostgres()
        defer { db.drop() }
        try #require(try CommandRunner.shell("\(corpus.appendingPathComponent("load").path) postgres pagila", environment: db.libpqEnvironment).status == 0)
        // pg_dump's \restrict lines carry a random key per run; everything else must match.
        let dump = { try CommandRunner.shell("pg_dump --schema-only --no-owner \(db.name) | grep -v '^\\\\\\(un\\)\\{0,1\\}restrict '", environment: db.libpqEnvironment) }
        let before = try dump()
        try #require(before.status == 0, "\(before.stderr)")
        let r = try CommandRunner.dbsynth(["fill", db.url, "--rows", "500", "--fast", "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        let after = try dump()
        #expect(after.stdout == before.stdout)
        #expect(try db.open().query("SELECT count(*) FROM rental") == [["500"]])
        #expect(try db.open().query("SELECT count(*) FROM pg_constraint WHERE contype = 'f' AND NOT convalidated") == [["0"]])
    }
}

/// `--schema` DDL runs in the fill's transaction: a fill that fails later
/// leaves no tables behind (and no new SQLite file).
@Suite struct SchemaFileTransactionTests {
    static let ddl = """
        CREATE TABLE a (id INTEGER PRIMARY KEY, x TEXT);
        CREATE TABLE b (id INTEGER PRIMARY KEY, a_id INTEGER REFERENCES a(id));
        CREATE TRIGGER boom BEFORE INSERT ON b WHEN NEW.id = 3 BEGIN SELECT RAISE(ABORT, 'boom'); END;
        """

    @Test func sqliteFillFailingAfterTheDDLLeavesNoFile() throws {
        let dir = try TestEnvironment.temporaryDirectory()
        let ddl = dir.appendingPathComponent("schema.sql")
        try Self.ddl.write(to: ddl, atomically: true, encoding: .utf8)
        let path = dir.appendingPathComponent("new.db").path
        // Without the probe the load itself fails (exit 1); with it the probe does (exit 2).
        let r = try CommandRunner.dbsynth(["fill", "sqlite:\(path)", "--schema", ddl.path, "--rows", "10", "--probe-rows", "0"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("boom"))
        #expect(r.stderr.contains("(SQLITE_CONSTRAINT_TRIGGER)"), "the extended result code by name: \(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: path), "the file this run created is gone")
        let probed = try CommandRunner.dbsynth(["fill", "sqlite:\(path)", "--schema", ddl.path, "--rows", "10"])
        #expect(probed.status == 2)
        #expect(probed.stderr.contains("trigger boom"), "\(probed.stderr)")
        #expect(!FileManager.default.fileExists(atPath: path), "the file the probed run created is gone")
    }

    @Test(.enabled(if: TestEnvironment.postgresTestsEnabled))
    func postgresFillFailingAfterTheDDLLeavesNoTables() throws {
        let db = try ScratchPostgres()
        defer { db.drop() }
        let dir = try TestEnvironment.temporaryDirectory()
        let ddl = dir.appendingPathComponent("schema.sql")
        try """
            CREATE TABLE a (id int PRIMARY KEY, x text);
            CREATE TABLE b (id int PRIMARY KEY, a_id int REFERENCES a(id), n int CHECK (n % 7 = 3 AND n % 7 = 4));
            """.write(to: ddl, atomically: true, encoding: .utf8)
        let r = try CommandRunner.dbsynth(["fill", db.url, "--schema", ddl.path, "--rows", "50", "--probe-rows", "0"])
        // The server rejects every candidate for the CHECK: refused after the DDL ran.
        #expect(r.status == 2, "\(r.stderr)")
        #expect(try db.open().query("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'") == [["0"]])
        let probed = try CommandRunner.dbsynth(["fill", db.url, "--schema", ddl.path, "--rows", "50"])
        #expect(probed.status == 2)
        #expect(probed.stderr.contains("CHECK b_n_check"), "\(probed.stderr)")
        #expect(try db.open().query("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'") == [["0"]])
    }
}

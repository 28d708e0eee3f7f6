import Foundation
import Testing
import TestSupport
import Introspect
import SchemaModel

/// Before the long load, fill loads the first rows of every table in a
/// savepoint that is rolled back, and reports every table the database
/// rejects at once (exit 2, nothing changed). `--dry-run` probes too.
@Suite struct ProbeTests {
    /// Two tables whose triggers reject some rows, a table between them that
    /// is fine, and a child of a rejecting table.
    static let sqliteDDL = """
        CREATE TABLE author (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
        CREATE TRIGGER author_guard BEFORE INSERT ON author WHEN NEW.id % 4 = 0 BEGIN SELECT RAISE(ABORT, 'authors divisible by four are reserved'); END;
        CREATE TABLE shelf (id INTEGER PRIMARY KEY, label TEXT);
        CREATE TABLE book (id INTEGER PRIMARY KEY, author_id INTEGER NOT NULL REFERENCES author(id), title TEXT NOT NULL);
        CREATE TABLE loan (id INTEGER PRIMARY KEY, shelf_id INTEGER REFERENCES shelf(id), days INTEGER NOT NULL);
        CREATE TRIGGER loan_guard BEFORE INSERT ON loan WHEN NEW.id = 3 BEGIN SELECT RAISE(ABORT, 'loan 3 is forbidden'); END;
        """

    @Test func sqliteReportsEveryRejectedTableAtOnceAndChangesNothing() throws {
        let db = try ScratchSQLite(schema: Self.sqliteDDL)
        defer { db.remove() }
        let before = try db.open().query("SELECT type, name, sql FROM sqlite_master ORDER BY name")
        let r = try CommandRunner.dbsynth(["fill", db.url, "--rows", "5000"])
        #expect(r.status == 2, "\(r.stderr)")
        #expect(r.stdout.isEmpty)
        let lines = r.stderr.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("error: the database rejects rows of 3 tables") ?? false, "\(r.stderr)")
        let author = try #require(lines.first { $0.hasPrefix("  author: ") }, "\(r.stderr)")
        #expect(author.contains("trigger author_guard (SQLITE_CONSTRAINT_TRIGGER)"))
        #expect(author.contains("authors divisible by four are reserved"))
        #expect(author.contains("first rejected row: id=4, name="))
        let loan = try #require(lines.first { $0.hasPrefix("  loan: ") }, "\(r.stderr)")
        #expect(loan.contains("trigger loan_guard") && loan.contains("rejected 1 of 20 probe rows"))
        #expect(loan.contains("id=3"))
        // The child of a rejected table: its own rows are fine, its parents were rejected.
        let book = try #require(lines.first { $0.hasPrefix("  book: ") }, "\(r.stderr)")
        #expect(book.contains("SQLITE_CONSTRAINT_FOREIGNKEY") && book.contains("points at rejected rows of author"))
        #expect(!lines.contains { $0.hasPrefix("  shelf: ") })
        let c = try db.open()
        for table in ["author", "shelf", "book", "loan"] {
            #expect(try c.scalarInt("SELECT count(*) FROM \(table)") == 0, "\(table)")
        }
        #expect(try c.query("SELECT type, name, sql FROM sqlite_master ORDER BY name") == before)
    }

    @Test func sqliteDryRunProbesToo() throws {
        let db = try ScratchSQLite(schema: Self.sqliteDDL)
        defer { db.remove() }
        let rejected = try CommandRunner.dbsynth(["fill", db.url, "--rows", "100", "--dry-run"])
        #expect(rejected.status == 2)
        #expect(rejected.stderr.contains("author_guard") && rejected.stderr.contains("loan_guard"), "\(rejected.stderr)")
        #expect(try db.open().scalarInt("SELECT count(*) FROM author") == 0)

        try db.open().execute("DROP TRIGGER author_guard; DROP TRIGGER loan_guard")
        let accepted = try CommandRunner.dbsynth(["fill", db.url, "--rows", "100", "--dry-run"])
        #expect(accepted.status == 0, "\(accepted.stderr)")
        #expect(accepted.stdout.contains("Would fill 4 tables"))
        #expect(accepted.stdout.contains("Probe: the database accepted the first"), "\(accepted.stdout)")
        #expect(try db.open().scalarInt("SELECT count(*) FROM author") == 0, "the dry run's probe was rolled back")
        #expect(try CommandRunner.dbsynth(["fill", db.url, "--rows", "100", "--quiet"]).status == 0)
        #expect(try db.open().scalarInt("SELECT count(*) FROM book") == 100)
    }

    /// `--probe-rows 0` skips the probe: the load then stops at the first rejected table.
    @Test func sqliteWithoutTheProbeTheLoadStopsAtTheFirstRejection() throws {
        let db = try ScratchSQLite(schema: Self.sqliteDDL)
        defer { db.remove() }
        let r = try CommandRunner.dbsynth(["fill", db.url, "--rows", "100", "--probe-rows", "0"])
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("error: loading author failed: trigger author_guard on author rejected a row: authors divisible by four are reserved"), "\(r.stderr)")
    }

    /// A rule only the database knows (a trigger raising check_violation on
    /// odd values) on three tables, and a table whose identity keys the
    /// database numbers itself.
    static let postgresDDL = """
        CREATE FUNCTION refuse_odd() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF to_jsonb(NEW) ->> TG_ARGV[0] IS NOT NULL AND (to_jsonb(NEW) ->> TG_ARGV[0])::int % 2 = 1 THEN
            RAISE EXCEPTION 'odd % in %', TG_ARGV[0], TG_TABLE_NAME USING ERRCODE = 'check_violation';
          END IF;
          RETURN NEW;
        END $$;
        CREATE TABLE account (id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY, balance int NOT NULL);
        CREATE TABLE payment (id int PRIMARY KEY, account_id int NOT NULL REFERENCES account(id), cents int NOT NULL);
        CREATE TABLE ledger (id int PRIMARY KEY, amount int NOT NULL);
        CREATE TABLE note (id int PRIMARY KEY, body text);
        CREATE TRIGGER account_even BEFORE INSERT ON account FOR EACH ROW EXECUTE FUNCTION refuse_odd('balance');
        CREATE TRIGGER payment_even BEFORE INSERT ON payment FOR EACH ROW EXECUTE FUNCTION refuse_odd('cents');
        CREATE TRIGGER ledger_even BEFORE INSERT ON ledger FOR EACH ROW EXECUTE FUNCTION refuse_odd('amount');
        """

    @Test(.enabled(if: TestEnvironment.postgresTestsEnabled))
    func postgresReportsSQLStateConstraintAndRowForEveryRejectedTable() throws {
        let db = try ScratchPostgres(schema: Self.postgresDDL)
        defer { db.drop() }
        let report = try TestEnvironment.temporaryDirectory().appendingPathComponent("report.json")
        let r = try CommandRunner.dbsynth(["fill", db.url, "--rows", "2000", "--report", report.path])
        #expect(r.status == 2, "\(r.stderr)")
        let lines = r.stderr.split(separator: "\n").map(String.init)
        let error = try #require(lines.firstIndex { $0.hasPrefix("error: ") })
        #expect(lines[error].hasPrefix("error: the database rejects rows of 3 tables"), "\(r.stderr)")
        for (table, trigger) in [("account", "account_even"), ("payment", "payment_even"), ("ledger", "ledger_even")] {
            let line = try #require(lines.first { $0.hasPrefix("  \(table): trigger \(trigger)") }, "\(r.stderr)")
            #expect(line.contains("(SQLSTATE 23514)"), "\(line)")
            #expect(line.contains("odd "))
            #expect(line.contains("first rejected row: "))
        }
        let c = try db.open()
        for table in ["account", "payment", "ledger", "note"] {
            #expect(try c.query("SELECT count(*) FROM \(table)") == [["0"]], "\(table)")
        }
        // The probe's inserts through the identity were undone too.
        #expect(try c.query("INSERT INTO account (balance) VALUES (2) RETURNING id") == [["1"]])
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: report)) as! [String: Any]
        let probe = try #require(json["probe"] as? [String: Any])
        let rejected = try #require(probe["rejected"] as? [[String: Any]])
        #expect(Set(rejected.map { $0["table"] as? String ?? "" }) == ["account", "payment", "ledger"])
        #expect(rejected.allSatisfy { ($0["code"] as? String)?.hasPrefix("SQLSTATE 23") ?? false })
    }

    @Test(.enabled(if: TestEnvironment.postgresTestsEnabled))
    func postgresNamesTheTriggerAndDryRunProbes() throws {
        let db = try ScratchPostgres(schema: """
            CREATE TABLE a (id int PRIMARY KEY, n int);
            CREATE TABLE b (id int PRIMARY KEY, a_id int NOT NULL REFERENCES a(id));
            CREATE FUNCTION refuse_sevens() RETURNS trigger LANGUAGE plpgsql AS $$
              BEGIN IF NEW.id % 7 = 0 THEN RAISE EXCEPTION 'no sevens: %', NEW.id; END IF; RETURN NEW; END $$;
            CREATE TRIGGER b_guard BEFORE INSERT ON b FOR EACH ROW EXECUTE FUNCTION refuse_sevens();
            """)
        defer { db.drop() }
        let dry = try CommandRunner.dbsynth(["fill", db.url, "--rows", "500", "--dry-run"])
        #expect(dry.status == 2)
        #expect(dry.stderr.contains("  b: trigger b_guard (function refuse_sevens()) (SQLSTATE P0001) rejected 2 of 20 probe rows: no sevens: 7"), "\(dry.stderr)")
        #expect(dry.stdout.isEmpty)
        #expect(try db.open().query("SELECT count(*) FROM a") == [["0"]])
        try db.open().execute("DROP TRIGGER b_guard ON b")
        let ok = try CommandRunner.dbsynth(["fill", db.url, "--rows", "500", "--dry-run"])
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(ok.stdout.contains("Probe: the database accepted the first"))
        #expect(try db.open().query("SELECT count(*) FROM b") == [["0"]])
    }
}

import Foundation
import Testing
import TestSupport
import Introspect
import SchemaModel

/// End-to-end: the built binary against the throwaway PostgreSQL server.
@Suite(.enabled(if: TestEnvironment.postgresTestsEnabled, "needs DBSYNTH_TEST_PG (scripts/test.sh starts a server)"))
struct PostgresFillTests {
    static let shop = TestEnvironment.packageRoot.appendingPathComponent("Examples/shop.pg.sql").path

    func scalar(_ db: ScratchPostgres, _ sql: String) throws -> String? {
        try db.open().query(sql).first?.first ?? nil
    }

    @Test func fillsTheShopWithEveryRowValid() throws {
        let db = try ScratchPostgres()
        defer { db.drop() }
        let result = try CommandRunner.dbsynth(["fill", db.url, "--schema", Self.shop, "--rows", "5000"])
        #expect(result.status == 0, "\(result.stderr)")
        for table in ["customers", "products", "orders", "order_items"] {
            #expect(try scalar(db, "SELECT count(*) FROM \(table)") == "5000", "\(table)")
        }
        // Every constraint is enforced by the server; re-validate the FKs anyway.
        #expect(try scalar(db, "SELECT count(*) FROM orders o LEFT JOIN customers c ON c.id = o.customer_id WHERE c.id IS NULL") == "0")
        #expect(try scalar(db, "SELECT count(*) FROM order_items i LEFT JOIN products p ON p.id = i.product_id WHERE p.id IS NULL") == "0")
        #expect(try scalar(db, "SELECT count(DISTINCT email) FROM customers") == "5000")
        #expect(try scalar(db, "SELECT count(*) FROM customers WHERE email !~ '^[a-z0-9._-]+@[a-z0-9.-]+\\.[a-z]+$'") == "0")
        #expect(try scalar(db, "SELECT count(DISTINCT status) FROM orders") == "4")
    }

    @Test func sequencesAndIdentitiesContinueAfterTheLoad() throws {
        let db = try ScratchPostgres()
        defer { db.drop() }
        #expect(try CommandRunner.dbsynth(["fill", db.url, "--schema", Self.shop, "--rows", "250", "--quiet"]).status == 0)
        #expect(try scalar(db, "INSERT INTO customers (first_name, last_name, email, created_at) VALUES ('a', 'b', 'x@example.com', now()) RETURNING id") == "251")
        #expect(try scalar(db, "INSERT INTO products (name, sku, price) VALUES ('p', 'NEW-1', 1) RETURNING id") == "251")
        #expect(try scalar(db, "INSERT INTO orders (customer_id, status, ordered_at) VALUES (1, 'paid', now()) RETURNING id") == "251")
    }

    @Test func sameSeedGivesIdenticalRows() throws {
        func dump(_ seed: String) throws -> String {
            let db = try ScratchPostgres(schema: try String(contentsOfFile: Self.shop, encoding: .utf8))
            defer { db.drop() }
            #expect(try CommandRunner.dbsynth(["fill", db.url, "--rows", "200", "--seed", seed, "--quiet"]).status == 0)
            let c = try db.open()
            return try ["customers", "products", "orders", "order_items"].map { t in
                try c.query("SELECT t::text FROM \(t) t ORDER BY 1").map { $0[0] ?? "" }.joined(separator: "\n")
            }.joined(separator: "\n")
        }
        let first = try dump("11")
        #expect(try dump("11") == first)
        #expect(try dump("12") != first)
    }

    @Test func refusesNonEmptyTablesAndLeavesThemUnchanged() throws {
        let db = try ScratchPostgres()
        defer { db.drop() }
        #expect(try CommandRunner.dbsynth(["fill", db.url, "--schema", Self.shop, "--rows", "10", "--quiet"]).status == 0)
        let before = try db.open().query("SELECT * FROM orders ORDER BY id")
        let refused = try CommandRunner.dbsynth(["fill", db.url, "--rows", "10"])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("orders (10 rows)"))
        #expect(try db.open().query("SELECT * FROM orders ORDER BY id") == before)
        let again = try CommandRunner.dbsynth(["fill", db.url, "--rows", "15", "--truncate", "--quiet"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try scalar(db, "SELECT count(*) FROM orders") == "15")
        #expect(try scalar(db, "SELECT min(id) FROM orders") == "1")
    }

    /// A DDL file with PL/pgSQL bodies (their BEGIN and END are not
    /// transaction control) runs inside the fill's transaction: a fill that
    /// fails leaves nothing of it. Given again for a database with tables,
    /// it is skipped, and the run says so.
    @Test func schemaFileWithFunctionBodiesIsUndoneWithTheFill() throws {
        let db = try ScratchPostgres()
        defer { db.drop() }
        let dir = try TestEnvironment.temporaryDirectory()
        let file = dir.appendingPathComponent("app.sql")
        try """
            CREATE TABLE account (id serial PRIMARY KEY, balance int NOT NULL CHECK (balance > 10 AND balance < 5));
            CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              IF NEW.balance IS NULL THEN RAISE EXCEPTION 'no balance'; END IF;
              RETURN NEW;
            END $$;
            CREATE TRIGGER touch BEFORE INSERT ON account FOR EACH ROW EXECUTE FUNCTION touch();
            """.write(to: file, atomically: true, encoding: .utf8)
        let failed = try CommandRunner.dbsynth(["fill", db.url, "--schema", file.path, "--rows", "10", "--quiet"])
        #expect(failed.status != 0)
        #expect(failed.stderr.contains("balance"), "\(failed.stderr)")
        #expect(try scalar(db, "SELECT count(*) FROM pg_class WHERE relname = 'account'") == "0", "the DDL was rolled back with the fill")
        #expect(try scalar(db, "SELECT count(*) FROM pg_proc WHERE proname = 'touch'") == "0")

        #expect(try CommandRunner.dbsynth(["fill", db.url, "--schema", Self.shop, "--rows", "5", "--quiet"]).status == 0)
        let again = try CommandRunner.dbsynth(["fill", db.url, "--schema", file.path, "--rows", "5", "--truncate", "--quiet"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stderr.contains("--schema \(file.path): skipped: the database already has tables"), "\(again.stderr)")
        #expect(try scalar(db, "SELECT count(*) FROM pg_class WHERE relname = 'account'") == "0")
    }

    @Test func schemaFileWithItsOwnTransactionRunsOnceBeforeTheFill() throws {
        let db = try ScratchPostgres()
        defer { db.drop() }
        let dir = try TestEnvironment.temporaryDirectory()
        let file = dir.appendingPathComponent("migrate.sql")
        try """
            BEGIN;
            CREATE TABLE team (id serial PRIMARY KEY, name text NOT NULL);
            COMMIT;
            BEGIN;
            CREATE TABLE player (id serial PRIMARY KEY, team_id int NOT NULL REFERENCES team(id));
            COMMIT;
            """.write(to: file, atomically: true, encoding: .utf8)
        let result = try CommandRunner.dbsynth(["fill", db.url, "--schema", file.path, "--rows", "30", "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        // Read once and run once: the fill's own pass must not report it skipped.
        #expect(!result.stderr.contains("skipped"), "\(result.stderr)")
        #expect(try scalar(db, "SELECT count(*) FROM player") == "30")
    }

    @Test func loadErrorLineCarriesTheServerFieldsAndVerboseTheRest() throws {
        let db = try ScratchPostgres(schema: """
            CREATE TABLE a (id int PRIMARY KEY);
            CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$
              BEGIN IF NEW.id = 40 THEN
                RAISE EXCEPTION 'account % refused by policy', NEW.id
                  USING ERRCODE = 'check_violation', TABLE = 'a', COLUMN = 'id', HINT = 'ids under 40 only';
              END IF; RETURN NEW; END $$;
            CREATE TRIGGER refuse BEFORE INSERT ON a FOR EACH ROW EXECUTE FUNCTION refuse();
            """)
        defer { db.drop() }
        let dir = try TestEnvironment.temporaryDirectory()
        let reportPath = dir.appendingPathComponent("report.json").path
        let plain = try CommandRunner.dbsynth(["fill", db.url, "--rows", "50", "--quiet"])
        #expect(plain.status == 1)
        let lines = plain.stderr.split(separator: "\n")
        #expect(lines.count == 1, "one error line without --verbose: \(plain.stderr)")
        #expect(plain.stderr.contains("account 40 refused by policy"), "\(plain.stderr)")
        #expect(plain.stderr.contains("(SQLSTATE 23514, table a, column id)"), "\(plain.stderr)")

        let verbose = try CommandRunner.dbsynth(["fill", db.url, "--rows", "50", "--quiet", "--verbose", "--report", reportPath])
        #expect(verbose.status == 1)
        #expect(verbose.stderr.contains("\n  statement: COPY "), "\(verbose.stderr)")
        #expect(verbose.stderr.contains("\n  hint: ids under 40 only"), "\(verbose.stderr)")
        #expect(verbose.stderr.contains("\n  context: PL/pgSQL function refuse()"), "\(verbose.stderr)")
        let report = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: reportPath))) as? [String: Any]
        let error = report?["error"] as? [String: Any]
        #expect(error?["code"] as? String == "SQLSTATE 23514")
        #expect(error?["table"] as? String == "a")
        #expect(error?["hint"] as? String == "ids under 40 only")
        #expect((error?["statement"] as? String)?.hasPrefix("COPY") == true)
        #expect(try scalar(db, "SELECT count(*) FROM a") == "0")
    }

    @Test func failedLoadIsRolledBackCompletely() throws {
        // A trigger makes the second table's COPY fail after the first table is loaded.
        let db = try ScratchPostgres(schema: """
            CREATE TABLE a (id int PRIMARY KEY);
            CREATE TABLE b (id int PRIMARY KEY, a_id int REFERENCES a(id));
            CREATE FUNCTION boom() RETURNS trigger LANGUAGE plpgsql AS $$
              BEGIN IF NEW.id = 40 THEN RAISE EXCEPTION 'boom at row %', NEW.id; END IF; RETURN NEW; END $$;
            CREATE TRIGGER boom BEFORE INSERT ON b FOR EACH ROW EXECUTE FUNCTION boom();
            """)
        defer { db.drop() }
        let r = try CommandRunner.dbsynth(["fill", db.url, "--rows", "50"])
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("error: loading b failed: trigger boom on b rejected a row: boom at row 40"), "\(r.stderr)")
        #expect(try scalar(db, "SELECT count(*) FROM a") == "0", "the first table's rows were rolled back")
    }

    @Test func connectionErrorsNeverShowThePassword() throws {
        let admin = try #require(TestEnvironment.postgresURL)
        let url = admin.replacingOccurrences(of: "postgres@", with: "ghost:topsecret@")
        let r = try CommandRunner.dbsynth(["fill", url, "--rows", "1"])
        #expect(r.status == 3)
        #expect(r.stderr.hasPrefix("error: cannot connect to "))
        #expect(!r.stderr.contains("topsecret"))
        #expect(!r.stdout.contains("topsecret"))

        let missingDB = admin.replacingOccurrences(of: "/postgres", with: "/no_such_db").replacingOccurrences(of: "postgres@", with: "postgres:pw9@")
        let nodb = try CommandRunner.dbsynth(["fill", missingDB, "--rows", "1"])
        #expect(nodb.status == 3)
        #expect(nodb.stderr.contains("no_such_db"), "\(nodb.stderr)")
        #expect(!nodb.stderr.contains("pw9"))

        let closed = try CommandRunner.dbsynth(["inspect", "postgresql://u:pw@127.0.0.1:1/x"])
        #expect(closed.status == 3)
        #expect(closed.stderr.contains("127.0.0.1"))
        #expect(!closed.stderr.contains(":pw@"))
    }
}

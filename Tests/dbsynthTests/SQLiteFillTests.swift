import Foundation
import Testing
import TestSupport
import Introspect
import SchemaModel

/// End-to-end: the built binary against real SQLite files.
@Suite struct SQLiteFillTests {
    static let shop = TestEnvironment.packageRoot.appendingPathComponent("Examples/shop.sql").path

    func count(_ db: ScratchSQLite, _ table: String) throws -> Int64 {
        try db.open().scalarInt("SELECT count(*) FROM \(table)") ?? -1
    }

    @Test func fillsTheShopWithEveryRowValid() throws {
        let db = try ScratchSQLite()
        defer { db.remove() }
        let result = try CommandRunner.dbsynth(["fill", db.url, "--schema", Self.shop, "--rows", "5000"])
        #expect(result.status == 0, "\(result.stderr)")
        for table in ["customers", "products", "orders", "order_items"] {
            #expect(try count(db, table) == 5000, "\(table)")
            #expect(result.stdout.contains(table))
        }
        #expect(result.stdout.contains("rows/s"))
        let connection = try db.open()
        #expect(try connection.query("PRAGMA foreign_key_check").isEmpty)
        #expect(try connection.scalarInt("SELECT count(DISTINCT email) FROM customers") == 5000)
        #expect(try connection.scalarInt("SELECT count(*) FROM customers WHERE email NOT LIKE '%_@_%._%'") == 0)
        #expect(try connection.scalarInt("SELECT count(*) FROM orders WHERE status NOT IN ('pending', 'paid', 'shipped', 'cancelled')") == 0)
        #expect(try connection.scalarInt("SELECT count(*) FROM order_items WHERE quantity NOT BETWEEN 1 AND 50") == 0)
        #expect(try connection.scalarInt("SELECT count(*) FROM products WHERE price <= 0 OR stock < 0 OR stock > 10000") == 0)
        // Every CHECK holds: SQLite enforces them on insert, so re-check with a no-op UPDATE.
        try connection.execute("UPDATE products SET price = price; UPDATE order_items SET quantity = quantity")
    }

    @Test func sameSeedGivesIdenticalRowsAndAnotherSeedDoesNot() throws {
        func dump(seed: String) throws -> String {
            let db = try ScratchSQLite()
            defer { db.remove() }
            let r = try CommandRunner.dbsynth(["fill", db.url, "--schema", Self.shop, "--rows", "300", "--seed", seed, "--quiet"])
            #expect(r.status == 0, "\(r.stderr)")
            #expect(r.stdout.isEmpty, "--quiet prints nothing")
            let c = try db.open()
            return try ["customers", "products", "orders", "order_items"].map { t in
                try c.query("SELECT * FROM \(t) ORDER BY rowid").map { $0.map { $0 ?? "∅" }.joined(separator: "|") }.joined(separator: "\n")
            }.joined(separator: "\n")
        }
        let first = try dump(seed: "7")
        #expect(first.count > 10_000)
        #expect(try dump(seed: "7") == first)
        #expect(try dump(seed: "8") != first)
    }

    @Test func refusesTablesWithRowsUnlessTruncateOrAppend() throws {
        let db = try ScratchSQLite()
        defer { db.remove() }
        #expect(try CommandRunner.dbsynth(["fill", db.url, "--schema", Self.shop, "--rows", "20", "--quiet"]).status == 0)
        let before = try db.open().query("SELECT * FROM customers ORDER BY id")

        let refused = try CommandRunner.dbsynth(["fill", db.url, "--rows", "20"])
        #expect(refused.status == 2)
        #expect(refused.stderr.hasPrefix("error: tables already hold rows: "))
        #expect(refused.stderr.contains("customers (20 rows)"))
        #expect(refused.stderr.contains("--truncate"))
        #expect(try db.open().query("SELECT * FROM customers ORDER BY id") == before)

        let truncated = try CommandRunner.dbsynth(["fill", db.url, "--rows", "30", "--truncate", "--quiet"])
        #expect(truncated.status == 0, "\(truncated.stderr)")
        #expect(try count(db, "customers") == 30)
        #expect(try db.open().scalarInt("SELECT min(id) FROM customers") == 1, "--truncate restarts keys")
    }

    @Test func appendAddsRowsWithoutCollidingWithExistingKeys() throws {
        let db = try ScratchSQLite()
        defer { db.remove() }
        #expect(try CommandRunner.dbsynth(["fill", db.url, "--schema", Self.shop, "--rows", "20", "--quiet"]).status == 0)
        // A row the application added by hand, with a key beyond dbsynth's.
        try db.open().execute("INSERT INTO customers (id, first_name, last_name, email, created_at) VALUES (500, 'A', 'B', 'x@example.com', '2024-01-01')")
        let r = try CommandRunner.dbsynth(["fill", db.url, "--rows", "30", "--append", "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        let c = try db.open()
        #expect(try c.scalarInt("SELECT count(*) FROM customers") == 51)
        #expect(try c.scalarInt("SELECT min(id) FROM customers WHERE id > 500") == 501, "new keys start above the largest existing one")
        #expect(try c.scalarInt("SELECT count(DISTINCT email) FROM customers") == 51)
        #expect(try c.scalarInt("SELECT count(*) FROM orders") == 50)
        #expect(try c.query("PRAGMA foreign_key_check").isEmpty)
    }

    @Test func keysContinueAfterTheLoadSoTheAppCanInsert() throws {
        let db = try ScratchSQLite()
        defer { db.remove() }
        #expect(try CommandRunner.dbsynth(["fill", db.url, "--schema", Self.shop, "--rows", "100", "--quiet"]).status == 0)
        let c = try db.open()
        try c.execute("INSERT INTO customers (first_name, last_name, email, created_at) VALUES ('A', 'B', 'new@example.com', '2024-01-01')")
        #expect(try c.scalarInt("SELECT id FROM customers WHERE email = 'new@example.com'") == 101)
        #expect(try c.scalarInt("SELECT seq FROM sqlite_sequence WHERE name = 'customers'") == 101)
    }

    @Test func dryRunPlansEverythingAndWritesNothing() throws {
        let dir = try TestEnvironment.temporaryDirectory()
        let path = dir.appendingPathComponent("dry.db").path
        let r = try CommandRunner.dbsynth(["fill", "sqlite:\(path)", "--schema", Self.shop, "--rows", "100", "--table", "orders=250", "--dry-run"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Would fill 4 tables"))
        #expect(r.stdout.contains("orders") && r.stdout.contains("250"))
        #expect(r.stdout.contains("nothing was written"))
        #expect(!FileManager.default.fileExists(atPath: path), "--schema's DDL was rolled back with the dry run")

        let db = try ScratchSQLite()
        defer { db.remove() }
        #expect(try CommandRunner.dbsynth(["fill", db.url, "--schema", Self.shop, "--rows", "5", "--quiet"]).status == 0)
        let dry = try CommandRunner.dbsynth(["fill", db.url, "--rows", "50", "--truncate", "--dry-run"])
        #expect(dry.status == 0)
        #expect(try count(db, "customers") == 5, "--truncate did nothing in a dry run")
    }

    @Test func datesFallInTheChosenWindow() throws {
        let db = try ScratchSQLite()
        defer { db.remove() }
        let r = try CommandRunner.dbsynth(["fill", db.url, "--schema", Self.shop, "--rows", "500", "--dates", "2010-03-01..2010-05-31", "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        let c = try db.open()
        #expect(try c.query("SELECT min(created_at) >= '2010-03-01', max(created_at) < '2010-06-01' FROM customers") == [["1", "1"]])
        #expect(try c.query("SELECT min(ordered_at) >= '2010-03-01', max(ordered_at) < '2010-06-01' FROM orders") == [["1", "1"]])
        let bad = try CommandRunner.dbsynth(["fill", db.url, "--dates", "2010-05-01..2010-01-01"])
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("--dates 2010-05-01..2010-01-01"))
    }

    @Test func perTableCountsAndScale() throws {
        let db = try ScratchSQLite()
        defer { db.remove() }
        let r = try CommandRunner.dbsynth(["fill", db.url, "--schema", Self.shop, "--rows", "10", "--table", "orders=40", "--table", "ORDER_ITEMS=80", "--scale", "2", "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try count(db, "customers") == 20)
        #expect(try count(db, "orders") == 80)
        #expect(try count(db, "order_items") == 160)
    }

    @Test func inspectListsTablesInLoadOrderAsJSON() throws {
        let db = try ScratchSQLite()
        defer { db.remove() }
        #expect(try CommandRunner.dbsynth(["fill", db.url, "--schema", Self.shop, "--rows", "0", "--quiet"]).status == 0)
        let r = try CommandRunner.dbsynth(["inspect", db.url, "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        let tables = json["tables"] as! [[String: Any]]
        let names = tables.map { $0["name"] as! String }
        #expect(Set(names) == ["customers", "products", "orders", "order_items"])
        #expect(names.firstIndex(of: "customers")! < names.firstIndex(of: "orders")!)
        #expect(names.firstIndex(of: "orders")! < names.firstIndex(of: "order_items")!)
        #expect(names.firstIndex(of: "products")! < names.firstIndex(of: "order_items")!)
        let items = tables.first { $0["name"] as? String == "order_items" }!
        #expect(items["primary_key"] as? [String] == ["order_id", "line_no"])
        #expect((items["foreign_keys"] as! [[String: Any]]).count == 2)
        #expect((items["checks"] as! [[String: Any]]).count == 3)
        let customers = tables.first { $0["name"] as? String == "customers" }!
        let email = (customers["columns"] as! [[String: Any]]).first { $0["name"] as? String == "email" }!
        #expect(email["kind"] as? String == "email")

        let text = try CommandRunner.dbsynth(["inspect", db.url])
        #expect(text.status == 0)
        #expect(text.stdout.contains("foreign key (customer_id) → customers (id)"))
    }

    @Test func badInputGetsOneErrorLineAndTheRightExitCode() throws {
        let db = try ScratchSQLite()
        defer { db.remove() }
        #expect(try CommandRunner.dbsynth(["fill", db.url, "--schema", Self.shop, "--rows", "5", "--quiet"]).status == 0)

        let unknown = try CommandRunner.dbsynth(["fill", db.url, "--truncate", "--table", "custmers=5"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr == "error: --table custmers=5: no table named 'custmers'; did you mean 'customers'?\n")

        let missing = try CommandRunner.dbsynth(["fill", "sqlite:/nonexistent/dir/x.db", "--rows", "5"])
        #expect(missing.status == 3)
        #expect(missing.stderr.hasPrefix("error: SQLite database /nonexistent/dir/x.db does not exist"))

        let scheme = try CommandRunner.dbsynth(["fill", "mysql://root:pw123@localhost/db", "--rows", "5"])
        #expect(scheme.status == 2)
        #expect(scheme.stderr.contains("unsupported database URL scheme 'mysql'"))
        #expect(!scheme.stderr.contains("pw123"))

        let negative = try CommandRunner.dbsynth(["fill", db.url, "--rows=-3"])
        #expect(negative.status == 64)
        #expect(negative.stderr.contains("--rows must be 0 or more"))

        let words = try CommandRunner.dbsynth(["fill", db.url, "--rows", "many"])
        #expect(words.status == 64)
        #expect(words.stderr.contains("many"))

        let both = try CommandRunner.dbsynth(["fill", db.url, "--truncate", "--append"])
        #expect(both.status == 64)

        let empty = try ScratchSQLite(schema: "CREATE VIEW v AS SELECT 1 AS x;")
        defer { empty.remove() }
        let none = try CommandRunner.dbsynth(["fill", empty.url])
        #expect(none.status == 2)
        #expect(none.stderr.contains("has no tables to fill"))
    }

    @Test func brokenSchemaFileCreatesNothing() throws {
        let dir = try TestEnvironment.temporaryDirectory()
        let ddl = dir.appendingPathComponent("broken.sql")
        try "CREATE TABLE ok (id INTEGER PRIMARY KEY);\nCREATE TABLE broken (id INTEGER PRIMARY KEY,;".write(to: ddl, atomically: true, encoding: .utf8)
        let path = dir.appendingPathComponent("x.db").path
        let r = try CommandRunner.dbsynth(["fill", "sqlite:\(path)", "--schema", ddl.path])
        #expect(r.status == 2)
        #expect(r.stderr.contains("--schema \(ddl.path)"))
        #expect(r.stderr.contains("nothing was created"))
        #expect(!FileManager.default.fileExists(atPath: path), "the SQLite file this run would have created is not left behind")
    }
}

/// What dbsynth does on a terminal (a pseudo-terminal from `script`): progress on
/// stderr, and reset asking for confirmation.
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script"), "needs script(1) for a pseudo-terminal"))
struct TerminalInteractionTests {
    @Test func showsRowsRateAndETAOnATerminalOnly() throws {
        let db = try ScratchSQLite(schema: "CREATE TABLE a (id INTEGER PRIMARY KEY, v TEXT);")
        defer { db.remove() }
        let bin = TestEnvironment.binary.path
        let tty = try CommandRunner.shell("script -qec '\(bin) fill \(db.url) --rows 400000' /dev/null")
        #expect(tty.status == 0, "\(tty.stdout)")
        #expect(tty.stdout.contains("a: "), "\(tty.stdout.prefix(300))")
        #expect(tty.stdout.contains("rows/s, ETA"))
        let quiet = try CommandRunner.shell("script -qec '\(bin) fill \(db.url) --rows 400000 --truncate --quiet' /dev/null")
        #expect(quiet.status == 0)
        #expect(!quiet.stdout.contains("ETA"))
        let piped = try CommandRunner.dbsynth(["fill", db.url, "--rows", "400000", "--truncate"])
        #expect(piped.status == 0)
        #expect(piped.stderr.isEmpty, "no progress when stderr is not a terminal")
    }

    @Test func resetAsksOnATerminalNamingTheDatabase() throws {
        let db = try ScratchSQLite(schema: "CREATE TABLE a (id INTEGER PRIMARY KEY); INSERT INTO a VALUES (1), (2);")
        defer { db.remove() }
        let bin = TestEnvironment.binary.path
        let declined = try CommandRunner.shell("(sleep 0.5; echo no) | script -qec '\(bin) reset \(db.url)' /dev/null")
        #expect(declined.stdout.contains("This deletes all 2 rows of 1 tables in \(db.path)"))
        #expect(declined.stdout.contains("error: reset cancelled; nothing changed"))
        #expect(try db.open().scalarInt("SELECT count(*) FROM a") == 2)
        let confirmed = try CommandRunner.shell("(sleep 0.5; echo test.db) | script -qec '\(bin) reset \(db.url)' /dev/null")
        #expect(confirmed.stdout.contains("Emptied 1 tables"))
        #expect(try db.open().scalarInt("SELECT count(*) FROM a") == 0)
    }
}

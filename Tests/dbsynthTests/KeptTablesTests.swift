import Foundation
import Testing
import TestSupport
import Introspect
import SchemaModel

/// Without --truncate or --append, tables that already hold rows are kept as
/// they are and used as parents; only the empty tables are filled.
@Suite struct KeptTablesTests {
    /// Lookup tables with rows (a text key, a composite key, a UNIQUE column
    /// referenced instead of the key) and an empty table pointing at all three.
    static let ddl = """
        CREATE TABLE status (code VARCHAR(10) PRIMARY KEY, label TEXT NOT NULL);
        INSERT INTO status VALUES ('new', 'New'), ('open', 'Open'), ('done', 'Done');
        CREATE TABLE region (country CHAR(2) NOT NULL, n INTEGER NOT NULL, name TEXT, PRIMARY KEY (country, n));
        INSERT INTO region VALUES ('DE', 1, 'Bavaria'), ('DE', 2, 'Saxony'), ('FR', 7, 'Brittany');
        CREATE TABLE category (id INTEGER PRIMARY KEY, slug VARCHAR(20) NOT NULL UNIQUE);
        INSERT INTO category VALUES (100, 'books'), (200, 'music');
        CREATE TABLE ticket (
            id INTEGER PRIMARY KEY,
            status_code VARCHAR(10) NOT NULL REFERENCES status(code),
            country CHAR(2), n INTEGER,
            category_slug VARCHAR(20) NOT NULL REFERENCES category(slug),
            title TEXT,
            FOREIGN KEY (country, n) REFERENCES region (country, n));
        CREATE TABLE ticket_tag (ticket_id INTEGER NOT NULL REFERENCES ticket(id), tag TEXT NOT NULL);
        """

    static let keptQueries = [
        "SELECT code, label FROM status ORDER BY code",
        "SELECT country, n, name FROM region ORDER BY country, n",
        "SELECT id, slug FROM category ORDER BY id",
    ]

    /// The children point only at existing keys, composite and UNIQUE ones included.
    static let orphanQueries = [
        "SELECT count(*) FROM ticket WHERE status_code NOT IN (SELECT code FROM status)",
        "SELECT count(*) FROM ticket t WHERE t.country IS NOT NULL AND NOT EXISTS (SELECT 1 FROM region r WHERE r.country = t.country AND r.n = t.n)",
        "SELECT count(*) FROM ticket WHERE category_slug NOT IN (SELECT slug FROM category)",
    ]

    @Test func sqliteKeepsLookupTablesAndPointsChildrenAtTheirRows() throws {
        let db = try ScratchSQLite(schema: Self.ddl)
        defer { db.remove() }
        let before = try Self.keptQueries.map { try db.open().query($0) }
        let dry = try CommandRunner.dbsynth(["fill", db.url, "--rows", "200", "--dry-run"])
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.stdout.contains("Would fill 2 tables") && dry.stdout.contains("Kept 3 tables as they were"), "\(dry.stdout)")
        let report = db.directory.appendingPathComponent("report.json")
        let r = try CommandRunner.dbsynth(["fill", db.url, "--rows", "200", "--report", report.path])
        #expect(r.status == 0, "\(r.stderr)")
        let c = try db.open()
        #expect(try Self.keptQueries.map { try c.query($0) } == before, "kept tables are unchanged")
        #expect(try c.scalarInt("SELECT count(*) FROM ticket") == 200)
        #expect(try c.scalarInt("SELECT count(*) FROM ticket_tag") == 200)
        for q in Self.orphanQueries { #expect(try c.scalarInt(q) == 0, "\(q)") }
        #expect(try c.scalarInt("SELECT count(DISTINCT status_code) FROM ticket") == 3, "every existing key is used")
        #expect(try c.scalarInt("SELECT count(*) FROM ticket WHERE country = 'FR' AND n = 7") ?? 0 > 0)
        #expect(try c.query("PRAGMA foreign_key_check").isEmpty)
        #expect(r.stdout.contains("Kept 3 tables as they were"))
        #expect(r.stdout.contains("status"), "\(r.stdout)")
        #expect(r.stdout.contains("already held 3 rows; parent of ticket"))
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: report)) as! [String: Any]
        let kept = json["kept_tables"] as! [[String: Any]]
        #expect(kept.map { $0["table"] as! String }.sorted() == ["category", "region", "status"])
        #expect(kept.first { $0["table"] as? String == "region" }?["keys_read"] as? Int == 3)
        #expect((json["tables"] as! [[String: Any]]).map { $0["table"] as! String }.sorted() == ["ticket", "ticket_tag"])
    }

    @Test(.enabled(if: TestEnvironment.postgresTestsEnabled))
    func postgresKeepsLookupTablesAndPointsChildrenAtTheirRows() throws {
        let db = try ScratchPostgres(schema: Self.ddl)
        defer { db.drop() }
        let before = try Self.keptQueries.map { try db.open().query($0) }
        let r = try CommandRunner.dbsynth(["fill", db.url, "--rows", "200"])
        #expect(r.status == 0, "\(r.stderr)")
        let c = try db.open()
        #expect(try Self.keptQueries.map { try c.query($0) } == before, "kept tables are unchanged")
        #expect(try c.query("SELECT count(*) FROM ticket") == [["200"]])
        for q in Self.orphanQueries { #expect(try c.query(q) == [["0"]], "\(q)") }
        #expect(try c.query("SELECT count(DISTINCT (country, n)) FROM ticket WHERE country IS NOT NULL") == [["3"]])
        #expect(r.stdout.contains("Kept 3 tables as they were"))
    }

    /// A kept table larger than the key limit contributes an evenly spread sample.
    @Test func sqliteSamplesTheKeysOfALargeKeptTable() throws {
        let db = try ScratchSQLite(schema: """
            CREATE TABLE big (k INTEGER PRIMARY KEY);
            WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 250000) INSERT INTO big SELECT 3 * x FROM c;
            CREATE TABLE child (id INTEGER PRIMARY KEY, big_k INTEGER NOT NULL REFERENCES big(k));
            """)
        defer { db.remove() }
        let report = db.directory.appendingPathComponent("report.json")
        let r = try CommandRunner.dbsynth(["fill", db.url, "--rows", "3000", "--report", report.path, "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        let c = try db.open()
        #expect(try c.scalarInt("SELECT count(*) FROM big") == 250_000)
        #expect(try c.scalarInt("SELECT count(*) FROM child WHERE big_k NOT IN (SELECT k FROM big)") == 0)
        #expect(try c.scalarInt("SELECT max(big_k) FROM child") ?? 0 > 600_000, "the sample spans the whole key range")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: report)) as! [String: Any]
        let kept = try #require((json["kept_tables"] as? [[String: Any]])?.first)
        #expect(kept["sampled"] as? Bool == true)
        #expect(kept["keys_read"] as? Int == 83_333, "every third key of 250,000 (100,000 at most)")
        #expect((kept["reason"] as? String ?? "").contains("sampled"))
    }

    @Test func sqliteRefusesTablesNamedWithTableThatHoldRows() throws {
        let db = try ScratchSQLite(schema: Self.ddl)
        defer { db.remove() }
        let r = try CommandRunner.dbsynth(["fill", db.url, "--rows", "20", "--table", "status=10"])
        #expect(r.status == 2)
        #expect(r.stderr.hasPrefix("error: --table names tables that already hold rows: status (3 rows); pass --truncate"), "\(r.stderr)")
        #expect(r.stderr.contains("--append"))
        #expect(r.stderr.components(separatedBy: "\n").filter { !$0.isEmpty }.count == 1, "one error line")
        #expect(try db.open().scalarInt("SELECT count(*) FROM ticket") == 0)
        // Naming an empty table is fine: it is filled, the others kept.
        let ok = try CommandRunner.dbsynth(["fill", db.url, "--rows", "20", "--table", "ticket=40", "--quiet"])
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(try db.open().scalarInt("SELECT count(*) FROM ticket") == 40)
        #expect(try db.open().scalarInt("SELECT count(*) FROM status") == 3)
    }

    @Test func sqliteRefusesADatabaseWhoseEveryTableHoldsRows() throws {
        let db = try ScratchSQLite(schema: Self.ddl + "INSERT INTO ticket (id, status_code, category_slug) VALUES (1, 'new', 'books'); INSERT INTO ticket_tag VALUES (1, 'x');")
        defer { db.remove() }
        let r = try CommandRunner.dbsynth(["fill", db.url, "--rows", "20"])
        #expect(r.status == 2)
        #expect(r.stderr.hasPrefix("error: tables already hold rows: category (2 rows), region (3 rows), status (3 rows), ticket (1 rows), ticket_tag (1 rows); every table holds rows"), "\(r.stderr)")
        #expect(r.stderr.contains("pass --truncate to replace them or --append to add to them"))
        #expect(try db.open().scalarInt("SELECT count(*) FROM ticket") == 1)
        // The two flags keep their meaning.
        let appended = try CommandRunner.dbsynth(["fill", db.url, "--rows", "20", "--append", "--quiet"])
        #expect(appended.status == 0, "\(appended.stderr)")
        #expect(try db.open().scalarInt("SELECT count(*) FROM status") == 23)
        let truncated = try CommandRunner.dbsynth(["fill", db.url, "--rows", "20", "--truncate", "--quiet"])
        #expect(truncated.status == 0, "\(truncated.stderr)")
        #expect(try db.open().scalarInt("SELECT count(*) FROM status") == 20)
        #expect(try db.open().scalarInt("SELECT count(*) FROM status WHERE code = 'new'") == 0)
    }

    @Test(.enabled(if: TestEnvironment.postgresTestsEnabled))
    func postgresRefusesTablesNamedWithTableThatHoldRows() throws {
        let db = try ScratchPostgres(schema: Self.ddl)
        defer { db.drop() }
        let r = try CommandRunner.dbsynth(["fill", db.url, "--table", "region=5"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("region (3 rows)"), "\(r.stderr)")
        #expect(try db.open().query("SELECT count(*) FROM ticket") == [["0"]])
    }

    /// A kept parent whose referenced UNIQUE column holds only NULLs cannot
    /// parent a NOT NULL foreign key: refused before anything is written.
    @Test func sqliteRefusesANotNullForeignKeyToAKeptTableWithoutKeys() throws {
        let db = try ScratchSQLite(schema: """
            CREATE TABLE p (id INTEGER PRIMARY KEY, code TEXT UNIQUE);
            INSERT INTO p VALUES (1, NULL);
            CREATE TABLE c (id INTEGER PRIMARY KEY, p_code TEXT NOT NULL REFERENCES p(code));
            """)
        defer { db.remove() }
        let r = try CommandRunner.dbsynth(["fill", db.url, "--rows", "5"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("c.(p_code) is a NOT NULL foreign key to p, which is kept"), "\(r.stderr)")
    }
}

/// `--append` adds rows whose FKs point at new parents, except where no new
/// parent can do: a parent whose unique values are used up gets no rows, and
/// a CHECK on the FK column may allow only keys that are already there.
@Suite struct AppendParentTests {
    static let ddl = """
        CREATE TABLE kind (id INTEGER PRIMARY KEY CHECK (id IN (1, 2, 3)), name TEXT NOT NULL);
        INSERT INTO kind VALUES (1, 'customer'), (2, 'vendor'), (3, 'both');
        CREATE TABLE party (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
        INSERT INTO party VALUES (1, 'Acme'), (2, 'Globex');
        CREATE TABLE account (
            id INTEGER PRIMARY KEY,
            kind_id INTEGER NOT NULL REFERENCES kind(id),
            party_id INTEGER NOT NULL REFERENCES party(id) CHECK (party_id IN (1, 2)),
            label TEXT);
        INSERT INTO account VALUES (1, 1, 1, 'first');
        """

    @Test func childrenPointAtExistingParentsWhereNoNewOneFits() throws {
        let db = try ScratchSQLite(schema: Self.ddl)
        defer { db.remove() }
        let r = try CommandRunner.dbsynth(["fill", db.url, "--rows", "30", "--append", "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        let c = try db.open()
        #expect(try c.scalarInt("SELECT count(*) FROM kind") == 3, "every kind id was taken: no new kinds")
        #expect(try c.scalarInt("SELECT count(*) FROM party") == 32)
        #expect(try c.scalarInt("SELECT count(*) FROM account") == 31)
        #expect(try c.scalarInt("SELECT count(*) FROM account WHERE id > 1 AND kind_id NOT IN (1, 2, 3)") == 0)
        #expect(try c.scalarInt("SELECT count(DISTINCT kind_id) FROM account") ?? 0 >= 2)
        #expect(try c.scalarInt("SELECT count(*) FROM account WHERE party_id NOT IN (1, 2)") == 0)
        #expect(try c.scalarInt("SELECT count(DISTINCT party_id) FROM account") == 2)
        #expect(try c.query("PRAGMA foreign_key_check").isEmpty)
    }

    /// Shipped rows whose unique serial is not the primary key, and a link
    /// table over them (ledgersmb's shape): --append adds to both, and the
    /// probe never loads a shipped parent row a second time.
    @Test func theProbeLeavesExistingParentRowsAlone() throws {
        let db = try ScratchSQLite(schema: """
            CREATE TABLE unit_class (id INTEGER NOT NULL UNIQUE, label TEXT PRIMARY KEY, active BOOLEAN NOT NULL);
            INSERT INTO unit_class VALUES (1, 'Department', 1), (2, 'Project', 1), (3, 'Job', 0);
            CREATE TABLE unit (id INTEGER PRIMARY KEY, class_id INTEGER NOT NULL REFERENCES unit_class(id), name TEXT NOT NULL);
            CREATE TABLE module (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
            INSERT INTO module VALUES (1, 'AR'), (2, 'AP');
            CREATE TABLE class_to_module (class_id INTEGER NOT NULL REFERENCES unit_class(id), module_id INTEGER NOT NULL REFERENCES module(id),
                                          PRIMARY KEY (class_id, module_id));
            INSERT INTO class_to_module VALUES (1, 1), (2, 2);
            """)
        defer { db.remove() }
        let r = try CommandRunner.dbsynth(["fill", db.url, "--rows", "40", "--append", "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        let c = try db.open()
        #expect(try c.scalarInt("SELECT count(*) FROM unit_class") == 43)
        #expect(try c.scalarInt("SELECT count(*) FROM unit") == 40)
        #expect(try c.scalarInt("SELECT count(*) FROM class_to_module") == 42)
        #expect(try c.query("PRAGMA foreign_key_check").isEmpty)
    }
}

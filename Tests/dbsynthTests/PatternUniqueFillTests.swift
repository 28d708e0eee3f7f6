import Foundation
import Testing
import TestSupport
import Introspect
import SchemaModel

/// End-to-end (issue 15, items 2 and 3): unique columns stay unique inside
/// their CHECK domain (regex, length, case, range, IN), regex and function
/// CHECKs are generated from, and realistic values are kept inside patterns.
@Suite struct PatternUniqueFillTests {
    // MARK: PostgreSQL: regular expressions exist only there

    static let pgSchema = """
        CREATE EXTENSION IF NOT EXISTS citext;
        CREATE TABLE accounts (
          id serial PRIMARY KEY,
          username citext NOT NULL UNIQUE
            CHECK (length(username) >= 2 AND length(username) <= 24 AND username ~ '^[a-zA-Z]([_]?[a-zA-Z0-9])+$'),
          version text NOT NULL UNIQUE CHECK (version ~ '^[0-9]{14}$'),
          code varchar(6) NOT NULL UNIQUE CHECK (code ~* '^(ab|cd)-[0-9]{2,3}$'),
          slug text NOT NULL UNIQUE CHECK (slug = lower(slug) AND slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND char_length(slug) <= 12),
          tag text CHECK (tag ~ '^\\w{3,8}$' AND tag !~ '^[0-9]' AND tag !~* 'x'),
          avatar_url text CHECK (avatar_url ~ '^https?://[^/]+'),
          email citext NOT NULL CHECK (email ~ '[^@]+@[^@]+\\.[^@]+'),
          name varchar(255) NOT NULL CHECK (name::text = lower(name::text)),
          shout text NOT NULL CHECK (upper(shout) = shout AND btrim(shout) = shout AND octet_length(shout) BETWEEN 3 AND 20),
          rank int NOT NULL UNIQUE CHECK (rank BETWEEN 10 AND 20000),
          level numeric(6,0) UNIQUE CHECK (level > 0 AND level <= 9000),
          doc jsonb NOT NULL CHECK (jsonb_typeof(doc) = 'array'),
          meta json CHECK (json_typeof(meta) = 'object'),
          tags text[] NOT NULL CHECK (cardinality(tags) > 0 AND array_length(tags, 1) <= 3),
          low int CHECK (LEAST(low, 100) >= 5 AND GREATEST(low, 0) <= 50)
        );
        CREATE TABLE releases (
          id serial PRIMARY KEY,
          tag char(3) NOT NULL UNIQUE CHECK (tag ~ '^v[0-9]{2}$')
        );
        """

    func scalar(_ db: ScratchPostgres, _ sql: String) throws -> String? {
        try db.open().query(sql).first?.first ?? nil
    }

    @Test(.enabled(if: TestEnvironment.postgresTestsEnabled, "needs DBSYNTH_TEST_PG"))
    func postgresUniqueColumnsStayInsideTheirPatterns() throws {
        let db = try ScratchPostgres(schema: Self.pgSchema)
        defer { db.drop() }
        let r = try CommandRunner.dbsynth(["fill", db.url, "--rows", "3000", "--truncate"])
        #expect(r.status == 0, "\(r.stderr)")
        // The server checked every CHECK and UNIQUE; the counts say nothing was dropped.
        #expect(try scalar(db, "SELECT count(*) FROM accounts") == "3000")
        #expect(try scalar(db, "SELECT count(DISTINCT lower(username::text)) FROM accounts") == "3000")
        // Usernames are realistic, not codes: most hold a name of three letters or more.
        let realistic = Int(try scalar(db, "SELECT count(*) FROM accounts WHERE username ~ '^[a-z]{3,}'") ?? "0") ?? 0
        #expect(realistic > 2000, "only \(realistic) realistic usernames")
        #expect(try scalar(db, "SELECT count(*) FROM accounts WHERE rank NOT BETWEEN 10 AND 20000 OR level NOT BETWEEN 1 AND 9000") == "0")
        #expect(try scalar(db, "SELECT count(*) FROM accounts WHERE cardinality(tags) = 0 OR jsonb_typeof(doc) <> 'array'") == "0")
        #expect(try scalar(db, "SELECT count(*) FROM accounts WHERE email::text NOT LIKE '%@%.%'") == "0")
        // ^v[0-9]{2}$ has 100 strings: the table is capped to them, with a warning before loading.
        #expect(try scalar(db, "SELECT count(*) FROM releases") == "100")
        #expect(r.stderr.contains("releases") && r.stderr.contains("100 possible values"), "\(r.stderr)")
    }

    @Test(.enabled(if: TestEnvironment.postgresTestsEnabled, "needs DBSYNTH_TEST_PG"))
    func inspectShowsTheCapacityInsideTheDomain() throws {
        let db = try ScratchPostgres(schema: Self.pgSchema)
        defer { db.drop() }
        let r = try CommandRunner.dbsynth(["inspect", db.url])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.contains("version") && $0.contains("[capacity 100000000000000]") }, "\(r.stdout)")
        #expect(lines.contains { $0.contains("rank") && $0.contains("[capacity 19991]") }, "\(r.stdout)")
        #expect(lines.contains { $0.contains(" tag ") && $0.contains("[capacity 100]") }, "\(r.stdout)")
        // ~* '^(ab|cd)-[0-9]{2,3}$': four letter-case spellings of two prefixes, 1100 numbers.
        #expect(lines.contains { $0.contains("code") && $0.contains("[capacity 8800]") }, "\(r.stdout)")
    }

    // MARK: SQLite: lower(), length(), IN lists and ranges

    static let sqliteSchema = """
        CREATE TABLE items (
          id INTEGER PRIMARY KEY,
          code TEXT NOT NULL UNIQUE CHECK (lower(code) = code AND length(code) BETWEEN 3 AND 4),
          label TEXT NOT NULL UNIQUE CHECK (upper(label) = label AND length(label) <= 6 AND label NOT IN ('AAA', 'BBB')),
          n INTEGER NOT NULL UNIQUE CHECK (n BETWEEN 100 AND 5000),
          r REAL UNIQUE CHECK (r >= 1.5 AND r < 4000),
          title TEXT NOT NULL CHECK (title = lower(title) AND trim(title) = title AND length(title) > 0),
          low INTEGER CHECK (max(low, 0) <= 40 AND min(low, 100) >= 5)
        );
        CREATE TABLE sizes (
          id INTEGER PRIMARY KEY,
          size INTEGER NOT NULL UNIQUE CHECK (size IN (1, 2, 3, 5, 8, 13))
        );
        """

    @Test func sqliteUniqueColumnsStayInsideTheirChecks() throws {
        let db = try ScratchSQLite(schema: Self.sqliteSchema)
        defer { db.remove() }
        let r = try CommandRunner.dbsynth(["fill", db.url, "--rows", "2000"])
        #expect(r.status == 0, "\(r.stderr)")
        let c = try db.open()
        #expect(try c.scalarInt("SELECT count(*) FROM items") == 2000)
        #expect(try c.scalarInt("SELECT count(DISTINCT code) FROM items") == 2000)
        #expect(try c.scalarInt("SELECT count(*) FROM items WHERE code <> lower(code) OR length(code) NOT BETWEEN 3 AND 4") == 0)
        #expect(try c.scalarInt("SELECT count(*) FROM items WHERE label <> upper(label) OR length(label) > 6") == 0)
        #expect(try c.scalarInt("SELECT count(*) FROM items WHERE n NOT BETWEEN 100 AND 5000 OR r < 1.5 OR r >= 4000") == 0)
        #expect(try c.scalarInt("SELECT count(*) FROM items WHERE title <> lower(title) OR title <> trim(title)") == 0)
        // Six allowed sizes: six rows, and the capacity is said before loading.
        #expect(try c.scalarInt("SELECT count(*) FROM sizes") == 6)
        #expect(r.stderr.contains("sizes") && r.stderr.contains("6 possible values"), "\(r.stderr)")
    }

    @Test func sqliteRangeSmallerThanTheRowsCapsTheTable() throws {
        let db = try ScratchSQLite(schema: """
            CREATE TABLE seats (id INTEGER PRIMARY KEY, seat INTEGER NOT NULL UNIQUE CHECK (seat >= 1 AND seat <= 250));
            CREATE TABLE offsets (id INTEGER PRIMARY KEY, delta INTEGER NOT NULL UNIQUE CHECK (delta BETWEEN -3 AND 3 AND delta <> 0));
            CREATE TABLE days (id INTEGER PRIMARY KEY, d DATE NOT NULL UNIQUE CHECK (d BETWEEN '2024-01-01' AND '2024-01-31'));
            CREATE TABLE labels (kind INTEGER NOT NULL CHECK (kind = 2), name TEXT NOT NULL, PRIMARY KEY (kind, name));
            """)
        defer { db.remove() }
        let r = try CommandRunner.dbsynth(["fill", db.url, "--rows", "1000"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try db.open().scalarInt("SELECT count(*) FROM seats") == 250)
        #expect(try db.open().scalarInt("SELECT min(seat) FROM seats") == 1)
        #expect(try db.open().scalarInt("SELECT max(seat) FROM seats") == 250)
        #expect(r.stderr.contains("250 possible values"), "\(r.stderr)")
        // The excluded value is skipped, not just rejected: six distinct values, all of them.
        #expect(try db.open().scalarInt("SELECT count(DISTINCT delta) FROM offsets WHERE delta <> 0 AND delta BETWEEN -3 AND 3") == 6)
        // A unique date inside a CHECK's month: its 31 days.
        #expect(try db.open().scalarInt("SELECT count(DISTINCT d) FROM days WHERE d BETWEEN '2024-01-01' AND '2024-01-31'") == 31)
        // A key column the CHECK fixes does not carry the key: the other one does, all rows are kept.
        #expect(try db.open().scalarInt("SELECT count(DISTINCT name) FROM labels WHERE kind = 2") == 1000)
    }
}

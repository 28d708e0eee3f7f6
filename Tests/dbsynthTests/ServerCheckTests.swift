import Foundation
import Testing
import TestSupport
import Introspect
import SchemaModel

/// CHECKs dbsynth cannot evaluate itself are evaluated by the database on
/// every generated row; failing rows are redrawn, deterministically.
struct SQLiteServerCheckTests {
    /// `&` does not parse; `instr`, `typeof` and `unicode` are functions the
    /// engine does not evaluate. `m & 1 = 0` rejects half the values.
    static let schema = """
        CREATE TABLE owner (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
        CREATE TABLE item (
          id INTEGER PRIMARY KEY,
          owner_id INTEGER NOT NULL REFERENCES owner(id),
          email TEXT NOT NULL CHECK (instr(email, '@') > 1),
          m INTEGER NOT NULL CHECK (m & 1 = 0),
          score INTEGER CHECK (typeof(score) IN ('integer', 'null')),
          title TEXT,
          CHECK (unicode(title) IS NULL OR (unicode(title) + owner_id) % 3 <> 0)
        );
        """

    func dump(_ db: ScratchSQLite) throws -> [[String?]] {
        try db.open().query("SELECT * FROM item ORDER BY id")
    }

    @Test func fillsRowsThatPassChecksOnlySQLiteCanEvaluate() throws {
        let db = try ScratchSQLite(schema: Self.schema)
        defer { db.remove() }
        let inspect = try CommandRunner.dbsynth(["inspect", db.url])
        #expect(inspect.stdout.contains("item: CHECK (m & 1 = 0) is checked by the server"), "\(inspect.stdout)")
        #expect(inspect.stdout.contains("check m & 1 = 0  [checked by the server]"), "\(inspect.stdout)")
        // Parsed, across two columns, but with a function the engine cannot evaluate: the server, not a per-row check.
        #expect(inspect.stdout.contains("% 3 <> 0) is checked by the server"), "\(inspect.stdout)")
        #expect(!inspect.stdout.contains("is verified on every generated row"), "\(inspect.stdout)")
        #expect(!inspect.stdout.contains("not understood"), "\(inspect.stdout)")

        let fill = try CommandRunner.dbsynth(["fill", db.url, "--rows", "3000", "--jobs", "1"])
        #expect(fill.status == 0, "\(fill.stderr)")
        #expect(!fill.stderr.contains("not understood"), "\(fill.stderr)")
        let c = try db.open()
        #expect(try c.scalarInt("SELECT count(*) FROM item") == 3000)
        #expect(try c.scalarInt("SELECT count(*) FROM item WHERE m % 2 <> 0") == 0)
        #expect(try c.scalarInt("SELECT count(DISTINCT m) FROM item") ?? 0 > 100, "redraws keep values varied")
        let first = try dump(db)

        let again = try CommandRunner.dbsynth(["fill", db.url, "--rows", "3000", "--truncate", "--jobs", "3", "--quiet"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try dump(db) == first, "same seed, other --jobs: the same rows")

        // --out from the live schema asks the database too: the files hold the rows a load would.
        let out = db.directory.appendingPathComponent("out")
        let files = try CommandRunner.dbsynth(["fill", db.url, "--out", out.path, "--rows", "3000", "--quiet"])
        #expect(files.status == 0, "\(files.stderr)")
        let csv = try String(contentsOf: out.appendingPathComponent("item.csv"), encoding: .utf8)
        let written = csv.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).prefix(4).map(String.init) }
        #expect(written == first.map { $0.prefix(4).map { $0 ?? "" } })
    }

    @Test func aCheckNoCandidatePassesIsRefusedAndNothingChanges() throws {
        let db = try ScratchSQLite(schema: """
            CREATE TABLE keep (id INTEGER PRIMARY KEY, v TEXT);
            CREATE TABLE never (id INTEGER PRIMARY KEY, k INTEGER NOT NULL, CONSTRAINT no_value_fits CHECK (k & 0 = 1));
            INSERT INTO keep VALUES (1, 'original');
            """)
        defer { db.remove() }
        let r = try CommandRunner.dbsynth(["fill", db.url, "--rows", "50", "--truncate"])
        #expect(r.status == 2, "\(r.stderr)")
        let errors = r.stderr.split(separator: "\n").filter { $0.hasPrefix("error:") }
        #expect(errors.count == 1, "\(r.stderr)")
        #expect(r.stderr.contains("never") && r.stderr.contains("no_value_fits") && r.stderr.contains("k = "), "\(r.stderr)")
        let c = try db.open()
        #expect(try c.query("SELECT * FROM keep") == [["1", "original"]])
        #expect(try c.scalarInt("SELECT count(*) FROM never") == 0)
    }
}

@Suite(.enabled(if: TestEnvironment.postgresTestsEnabled, "needs DBSYNTH_TEST_PG (scripts/test.sh starts a server)"))
struct PostgresServerCheckTests {
    /// User-defined SQL and PL/pgSQL functions, each rejecting about half of
    /// the values; a domain whose CHECK does not parse (`&`); a CHECK over a
    /// foreign key and another column.
    static let schema = #"""
        CREATE FUNCTION even_length(t text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT length(t) % 2 = 0 $$;
        CREATE FUNCTION tidy(t text) RETURNS boolean LANGUAGE plpgsql IMMUTABLE AS $$
          BEGIN RETURN position('  ' in t) = 0 AND ascii(t) % 2 = 1; END $$;
        CREATE DOMAIN even_int AS integer CHECK ((VALUE & 1) = 0);
        CREATE TABLE team (id serial PRIMARY KEY, name text NOT NULL CONSTRAINT team_name_tidy CHECK (tidy(name)));
        CREATE TABLE player (
          id bigserial PRIMARY KEY,
          team_id int NOT NULL REFERENCES team,
          nick varchar(40) NOT NULL CONSTRAINT nick_even CHECK (even_length(nick)),
          shirt even_int NOT NULL,
          CONSTRAINT team_parity CHECK (even_length(repeat('x', team_id + shirt / 2)))
        );
        """#

    func dump(_ db: ScratchPostgres) throws -> String {
        try db.open().query("SELECT p::text FROM player p ORDER BY id").map { $0[0] ?? "" }.joined(separator: "\n")
    }

    @Test func fillsRowsThatPassUserDefinedFunctionChecks() throws {
        let db = try ScratchPostgres(schema: Self.schema)
        defer { db.drop() }
        let inspect = try CommandRunner.dbsynth(["inspect", db.url])
        #expect(inspect.stdout.contains("player: CHECK nick_even (even_length(nick::text)) is checked by the server"), "\(inspect.stdout)")
        #expect(inspect.stdout.contains("player: domain CHECK of shirt"), "\(inspect.stdout)")
        #expect(inspect.stdout.contains("check team_parity: even_length(repeat('x'::text, team_id + shirt::integer / 2))  [checked by the server]"), "\(inspect.stdout)")
        #expect(!inspect.stdout.contains("not understood"), "\(inspect.stdout)")

        let fill = try CommandRunner.dbsynth(["fill", db.url, "--rows", "3000", "--jobs", "1"])
        #expect(fill.status == 0, "\(fill.stderr)")
        #expect(!fill.stderr.contains("not understood"), "\(fill.stderr)")
        let c = try db.open()
        #expect(try c.query("SELECT count(*) FROM player").first?.first == "3000")
        #expect(try c.query("SELECT count(*) FROM team").first?.first == "3000")
        // The database enforced them; count anyway, and that values still vary.
        #expect(try c.query("SELECT count(*) FROM player WHERE NOT even_length(nick) OR shirt % 2 <> 0").first?.first == "0")
        #expect(try c.query("SELECT count(*) FROM team WHERE NOT tidy(name)").first?.first == "0")
        let distinct = try c.query("SELECT count(DISTINCT nick) FROM player").first?.first ?? nil
        #expect(Int(distinct ?? "0") ?? 0 > 1000, "redraws keep values varied: \(distinct ?? "-")")
        let first = try dump(db)

        let again = try CommandRunner.dbsynth(["fill", db.url, "--rows", "3000", "--truncate", "--jobs", "3", "--quiet"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try dump(db) == first, "same seed, other --jobs: the same rows")
    }

    @Test func aValueTheCheckRaisesAnErrorForIsRedrawnLikeAFailingOne() throws {
        let db = try ScratchPostgres(schema: #"""
            CREATE FUNCTION picky(t text) RETURNS boolean LANGUAGE plpgsql IMMUTABLE AS $$
              BEGIN IF length(t) % 3 = 0 THEN RAISE EXCEPTION 'picky rejects %', t; END IF; RETURN true; END $$;
            CREATE TABLE w (id int PRIMARY KEY, word text NOT NULL CONSTRAINT word_picky CHECK (picky(word)));
            """#)
        defer { db.drop() }
        let r = try CommandRunner.dbsynth(["fill", db.url, "--rows", "500", "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        let c = try db.open()
        #expect(try c.query("SELECT count(*), count(*) FILTER (WHERE length(word) % 3 = 0) FROM w") == [["500", "0"]])
    }

    @Test func aCheckNoCandidatePassesIsRefusedAndNothingChanges() throws {
        let db = try ScratchPostgres(schema: #"""
            CREATE FUNCTION never(t text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT false $$;
            CREATE TABLE keep (id int PRIMARY KEY, v text);
            CREATE TABLE hopeless (id int PRIMARY KEY, label text CONSTRAINT label_never CHECK (never(label)));
            INSERT INTO keep VALUES (1, 'original');
            """#)
        defer { db.drop() }
        let r = try CommandRunner.dbsynth(["fill", db.url, "--rows", "50", "--truncate"])
        #expect(r.status == 2, "\(r.stderr)")
        #expect(r.stderr.split(separator: "\n").filter { $0.hasPrefix("error:") }.count == 1, "\(r.stderr)")
        #expect(r.stderr.contains("hopeless") && r.stderr.contains("label_never") && r.stderr.contains("label = "), "\(r.stderr)")
        let c = try db.open()
        #expect(try c.query("SELECT * FROM keep") == [["1", "original"]])
        #expect(try c.query("SELECT count(*) FROM hopeless").first?.first == "0")
    }
}

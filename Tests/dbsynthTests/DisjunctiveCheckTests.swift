import Foundation
import Testing
import TestSupport
import Introspect
import SchemaModel

/// CHECKs that are ORs across columns (issue 15, item 1): each row takes one
/// branch, both NULL and non-NULL branches appear, and the database accepts
/// every row. The same schema runs on SQLite and PostgreSQL.
@Suite struct DisjunctiveCheckTests {
    /// Shapes taken from real schemas, written here in portable SQL.
    static let ddl = """
        CREATE TABLE account (id integer PRIMARY KEY, name text NOT NULL);
        CREATE TABLE build (
            id integer PRIMARY KEY,
            cg_id integer REFERENCES account (id),
            cg_version text,
            state integer NOT NULL CHECK (state IN (0, 1, 2, 3)),
            completion_time timestamp,
            amount numeric, curr char(3),
            CONSTRAINT cg_sane CHECK ((cg_id IS NULL AND cg_version IS NULL) OR (cg_id IS NOT NULL AND cg_version IS NOT NULL)),
            CONSTRAINT completion_sane CHECK ((state = 0 AND completion_time IS NULL) OR (state <> 0 AND completion_time IS NOT NULL)),
            CONSTRAINT money_sane CHECK ((amount IS NULL AND curr IS NULL) OR (amount IS NOT NULL AND curr IS NOT NULL))
        );
        CREATE TABLE grant_row (
            id integer PRIMARY KEY,
            account_id integer NOT NULL REFERENCES account (id),
            revoker_id integer REFERENCES account (id),
            revoke_event integer,
            active boolean CHECK (active),
            CONSTRAINT active_revoke_sane CHECK (
                (active IS NULL AND revoke_event IS NOT NULL AND revoker_id IS NOT NULL)
                OR (active IS NOT NULL AND revoke_event IS NULL AND revoker_id IS NULL)),
            UNIQUE (account_id, active)
        );
        CREATE TABLE invitation (
            id integer PRIMARY KEY,
            user_id integer REFERENCES account (id),
            email text,
            code text,
            CHECK ((user_id IS NULL) <> (email IS NULL)),
            CHECK ((code IS NULL) = (email IS NULL))
        );
        CREATE TABLE crs (
            id integer PRIMARY KEY,
            cs_auth text, cs_code integer, text_definition text,
            CHECK (NOT ((cs_auth IS NULL OR cs_code IS NULL) AND text_definition IS NULL)),
            CHECK (NOT ((NOT (cs_auth IS NULL OR cs_code IS NULL)) AND text_definition IS NOT NULL))
        );
        CREATE TABLE fixed (
            id integer PRIMARY KEY,
            a integer, b integer NOT NULL, c numeric,
            CHECK ((a IS NULL AND b = 0 AND c = 1.00) OR (a IS NOT NULL AND b >= 1))
        );
        """

    /// What every filled database must satisfy, beyond the CHECKs the database enforces itself.
    static let expectations: [(String, String)] = [
        ("builds with a generator", "SELECT count(*) FROM build WHERE cg_id IS NOT NULL"),
        ("builds without one", "SELECT count(*) FROM build WHERE cg_id IS NULL"),
        ("open builds", "SELECT count(*) FROM build WHERE state = 0"),
        ("completed builds", "SELECT count(*) FROM build WHERE completion_time IS NOT NULL"),
        ("priced builds", "SELECT count(*) FROM build WHERE amount IS NOT NULL"),
        ("revoked grants", "SELECT count(*) FROM grant_row WHERE active IS NULL"),
        ("invitations to users", "SELECT count(*) FROM invitation WHERE user_id IS NOT NULL"),
        ("invitations by email", "SELECT count(*) FROM invitation WHERE email IS NOT NULL AND code IS NOT NULL"),
        ("CRSs by coordinate system", "SELECT count(*) FROM crs WHERE cs_auth IS NOT NULL AND cs_code IS NOT NULL AND text_definition IS NULL"),
        ("CRSs by definition", "SELECT count(*) FROM crs WHERE text_definition IS NOT NULL"),
        ("fixed rows", "SELECT count(*) FROM fixed WHERE a IS NULL AND b = 0 AND c = 1"),
        ("free rows", "SELECT count(*) FROM fixed WHERE a IS NOT NULL AND b >= 1"),
    ]

    @Test func everyBranchAppearsOnSQLite() throws {
        let db = try ScratchSQLite(schema: Self.ddl)
        defer { db.remove() }
        let r = try CommandRunner.dbsynth(["fill", db.url, "--rows", "400", "--quiet"])
        try #require(r.status == 0, "\(r.stderr)")
        let c = try db.open()
        for (what, sql) in Self.expectations {
            let n = try c.scalarInt(sql) ?? 0
            #expect(n >= 40, "\(what): \(n) of 400")
        }
        // A revoked grant (active NULL) is the only branch that keeps UNIQUE (account_id, active) for 400 rows.
        #expect(try c.scalarInt("SELECT count(*) FROM grant_row WHERE active IS NOT NULL") == 0)
        #expect(try c.query("PRAGMA foreign_key_check").isEmpty)
        #expect(try c.scalarInt("SELECT count(*) FROM build WHERE (cg_id IS NULL) <> (cg_version IS NULL)") == 0)
    }

    @Test(.enabled(if: TestEnvironment.postgresTestsEnabled))
    func everyBranchAppearsOnPostgres() throws {
        let db = try ScratchPostgres(schema: Self.ddl)
        defer { db.drop() }
        let r = try CommandRunner.dbsynth(["fill", db.url, "--rows", "400", "--quiet"])
        try #require(r.status == 0, "\(r.stderr)")
        let c = try db.open()
        for (what, sql) in Self.expectations {
            let n = Int(try c.query(sql).first?.first.flatMap { $0 } ?? "") ?? 0
            #expect(n >= 40, "\(what): \(n) of 400")
        }
    }

    @Test func inspectShowsTheBranches() throws {
        let db = try ScratchSQLite(schema: Self.ddl)
        defer { db.remove() }
        let r = try CommandRunner.dbsynth(["inspect", db.url])
        try #require(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("per row:"), "\(r.stdout)")
        #expect(r.stderr.contains("build: each row takes one of") || r.stdout.contains("build: each row takes one of"), "\(r.stdout)\n\(r.stderr)")
    }

    @Test func sameSeedSameBranches() throws {
        func dump() throws -> String {
            let db = try ScratchSQLite(schema: Self.ddl)
            defer { db.remove() }
            let r = try CommandRunner.dbsynth(["fill", db.url, "--rows", "200", "--seed", "5", "--quiet"])
            #expect(r.status == 0, "\(r.stderr)")
            return try db.open().query("SELECT * FROM build ORDER BY id").map { $0.map { $0 ?? "∅" }.joined(separator: "|") }.joined(separator: "\n")
        }
        let first = try dump()
        #expect(first.contains("∅"))
        #expect(try dump() == first)
    }
}

import Foundation
import Testing
import TestSupport
import Introspect
import SchemaModel

/// One focused schema per construct of real PostgreSQL schemas.
@Suite(.enabled(if: TestEnvironment.postgresTestsEnabled, "needs DBSYNTH_TEST_PG (scripts/test.sh starts a server)"))
struct PostgresConstructTests {
    func fill(_ ddl: String, _ arguments: [String] = ["--rows", "200"]) throws -> (ScratchPostgres, CommandResult) {
        let db = try ScratchPostgres(schema: ddl)
        let r = try CommandRunner.dbsynth(["fill", db.url] + arguments)
        return (db, r)
    }

    func scalar(_ db: ScratchPostgres, _ sql: String) throws -> String {
        try db.open().query(sql).first?.first.flatMap { $0 } ?? ""
    }

    @Test func quotesEveryKindOfIdentifier() throws {
        let (db, r) = try fill("""
            CREATE SCHEMA "Odd Schema@x";
            CREATE DOMAIN "bıgınt" AS bigint CHECK (VALUE > 0);
            CREATE TABLE "Odd Schema@x"."User Table" ("Id" "bıgınt" PRIMARY KEY, "select" text NOT NULL, "quo""te" int);
            CREATE TABLE "order" ("from" "bıgınt" NOT NULL REFERENCES "Odd Schema@x"."User Table"("Id"), "Ünïcode" text, "group" int CHECK ("group" BETWEEN 1 AND 3));
            """)
        defer { db.drop() }
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try scalar(db, #"SELECT count(*) FROM "order" o JOIN "Odd Schema@x"."User Table" u ON u."Id" = o."from""#) == "200")
        #expect(try scalar(db, #"SELECT count(DISTINCT "group") FROM "order""#) == "3")
    }

    @Test func everyPartitionGetsRows() throws {
        let (db, r) = try fill("""
            CREATE TABLE events (id bigint, at timestamptz NOT NULL, region text NOT NULL, bucket int NOT NULL) PARTITION BY RANGE (at);
            CREATE TABLE events_2023 PARTITION OF events FOR VALUES FROM ('2023-01-01') TO ('2024-01-01') PARTITION BY LIST (region);
            CREATE TABLE events_2023_eu PARTITION OF events_2023 FOR VALUES IN ('eu', 'uk');
            CREATE TABLE events_2023_us PARTITION OF events_2023 FOR VALUES IN ('us');
            CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
            CREATE TABLE shards (id int, k int NOT NULL) PARTITION BY HASH (k);
            CREATE TABLE shards_0 PARTITION OF shards FOR VALUES WITH (modulus 3, remainder 0);
            CREATE TABLE shards_1 PARTITION OF shards FOR VALUES WITH (modulus 3, remainder 1);
            CREATE TABLE shards_2 PARTITION OF shards FOR VALUES WITH (modulus 3, remainder 2);
            """, ["--rows", "300"])
        defer { db.drop() }
        #expect(r.status == 0, "\(r.stderr)")
        for partition in ["events_2023_eu", "events_2023_us", "events_2024", "shards_0", "shards_1", "shards_2"] {
            #expect(Int(try scalar(db, "SELECT count(*) FROM \(partition)")) ?? 0 > 20, "\(partition)")
        }
    }

    @Test func tablesCappedByTheirKeysGetTheirCapacityAndAWarning() throws {
        let (db, r) = try fill("""
            CREATE TABLE flag (id int PRIMARY KEY, on_call boolean NOT NULL UNIQUE);
            CREATE TABLE size (code int PRIMARY KEY CHECK (code IN (1, 2, 3)));
            CREATE TABLE person (id int PRIMARY KEY);
            CREATE TABLE passport (person_id int PRIMARY KEY REFERENCES person(id), number text);
            CREATE TABLE friend (a int REFERENCES person(id), b int REFERENCES person(id), PRIMARY KEY (a, b), CHECK (a <> b));
            """, ["--rows", "50", "--table", "person=5", "--table", "friend=100"])
        defer { db.drop() }
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try scalar(db, "SELECT count(*) FROM flag") == "2")
        #expect(try scalar(db, "SELECT count(*) FROM size") == "3")
        #expect(try scalar(db, "SELECT count(*) FROM passport") == "5")
        #expect(try scalar(db, "SELECT count(*) FROM friend") == "20", "5 × 4 ordered pairs with a <> b")
        for table in ["flag", "size", "passport", "friend"] {
            #expect(r.stderr.contains("warning: \(table): "), "\(table) is capped with a warning")
        }
        let inspect = try CommandRunner.dbsynth(["inspect", db.url, "--json"])
        let json = try JSONSerialization.jsonObject(with: Data(inspect.stdout.utf8)) as? [String: Any]
        #expect((json?["notes"] as? [String])?.contains { $0.contains("friend") && $0.contains("a <> b") } == true)
    }

    @Test func typesDbsynthCannotProduceUseTheirDefaultOrNull() throws {
        let (db, r) = try fill("""
            CREATE EXTENSION IF NOT EXISTS hstore;
            CREATE TABLE t (id int PRIMARY KEY, attrs hstore NOT NULL DEFAULT 'a=>1', extra hstore);
            """, ["--rows", "20"])
        defer { db.drop() }
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("t.attrs: type hstore is not supported; its default"))
        #expect(r.stderr.contains("t.extra: type hstore is not supported; the column is left NULL"))
        #expect(try scalar(db, "SELECT count(*) FROM t WHERE attrs = 'a=>1'::hstore AND extra IS NULL") == "20")

        let strict = try ScratchPostgres(schema: "CREATE EXTENSION IF NOT EXISTS hstore; CREATE TABLE s (id int PRIMARY KEY, attrs hstore NOT NULL);")
        defer { strict.drop() }
        let refused = try CommandRunner.dbsynth(["fill", strict.url, "--rows", "5"])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("s.attrs: type hstore is not supported and the column is NOT NULL"))
    }

    @Test func unsatisfiableChecksAreRefusedBeforeWriting() throws {
        let (db, r) = try fill("""
            CREATE TABLE ok (id int PRIMARY KEY);
            CREATE TABLE bad (id int PRIMARY KEY, x int NOT NULL CONSTRAINT impossible CHECK (x > 5 AND x < 3));
            """)
        defer { db.drop() }
        #expect(r.status == 2)
        #expect(r.stderr.hasPrefix("error: bad.x: its CHECK constraints cannot be satisfied"), "\(r.stderr)")
        #expect(try scalar(db, "SELECT count(*) FROM ok") == "0")
    }

    @Test func identityAlwaysGeneratedColumnsAndEveryCommonType() throws {
        let (db, r) = try fill("""
            CREATE TYPE mood AS ENUM ('sad', 'ok');
            CREATE TYPE pair AS (x int, label text);
            CREATE TABLE t (
                id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                price numeric(6,2), total numeric GENERATED ALWAYS AS (price * 2) STORED,
                m mood NOT NULL, tags text[] NOT NULL, grid int[][], p pair NOT NULL, r int4range NOT NULL, dr daterange,
                ip inet, net cidr, mac macaddr, iv interval, money money, b bit(4), vb varbit(8), ts tsvector, q tsquery,
                pt point, bx box, circ circle, doc jsonb NOT NULL, x xml, u uuid UNIQUE, t timetz, c char(3) NOT NULL
            );
            """, ["--rows", "300"])
        defer { db.drop() }
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try scalar(db, "SELECT count(*) FROM t WHERE total = price * 2") == "300")
        #expect(try scalar(db, "INSERT INTO t (m, tags, p, r, doc, c) VALUES ('ok', '{}', '(1,a)', '[1,2)', '{}', 'abc') RETURNING id") == "301")
    }
}

import Testing
import TestSupport
import Introspect
import SchemaModel
@testable import Engine
@testable import Loader

/// Loads plans through the real sinks and checks what the database holds.
@Suite struct SQLiteSinkTests {
    static let ddl = """
        CREATE TABLE staff (id INTEGER PRIMARY KEY, store_id INTEGER NOT NULL REFERENCES store(id), name TEXT NOT NULL);
        CREATE TABLE store (id INTEGER PRIMARY KEY, manager_id INTEGER NOT NULL UNIQUE REFERENCES staff(id));
        CREATE TABLE doc (id INTEGER PRIMARY KEY, body BLOB, note TEXT);
        """

    @Test func loadsAHardCycleWithDeferredForeignKeys() throws {
        let db = try ScratchSQLite(schema: Self.ddl)
        defer { db.remove() }
        let connection = try db.open()
        let schema = try SQLiteIntrospector(connection: connection).schema()
        let plan = try Planner(schema: schema, options: PlanOptions(defaultRows: 40)).plan()
        #expect(plan.tables.flatMap(\.brokenForeignKeys).map(\.strategy) == [.sqliteDeferForeignKeys])
        let reports = try Filler(sink: SQLiteSink(connection: connection)).run(plan, truncate: false)
        #expect(reports.map(\.rows) == [40, 40, 40])
        #expect(try connection.query("PRAGMA foreign_key_check").isEmpty)
        #expect(try connection.scalarInt("SELECT count(*) FROM doc WHERE typeof(body) <> 'blob'") == 0)
    }

    @Test func aFailureRollsBackEveryTable() throws {
        let db = try ScratchSQLite(schema: """
            CREATE TABLE a (id INTEGER PRIMARY KEY);
            CREATE TABLE b (id INTEGER PRIMARY KEY, a_id INTEGER REFERENCES a(id));
            CREATE TRIGGER boom BEFORE INSERT ON b WHEN NEW.id = 7 BEGIN SELECT RAISE(ABORT, 'boom'); END;
            """)
        defer { db.remove() }
        let connection = try db.open()
        let plan = try Planner(schema: try SQLiteIntrospector(connection: connection).schema(), options: PlanOptions(defaultRows: 10)).plan()
        #expect(throws: DatabaseError.self) { try Filler(sink: SQLiteSink(connection: connection)).run(plan, truncate: false) }
        #expect(try connection.scalarInt("SELECT count(*) FROM a") == 0)
        #expect(try connection.scalarInt("SELECT count(*) FROM b") == 0)
    }
}

@Suite(.enabled(if: TestEnvironment.postgresTestsEnabled, "needs DBSYNTH_TEST_PG (scripts/test.sh starts a server)"))
struct PostgresSinkTests {
    @Test func loadsCyclesWithEachStrategy() throws {
        let db = try ScratchPostgres(schema: """
            CREATE TABLE staff (id int PRIMARY KEY, store_id int NOT NULL, name text NOT NULL);
            CREATE TABLE store (id int PRIMARY KEY, manager_id int NOT NULL UNIQUE REFERENCES staff(id));
            ALTER TABLE staff ADD CONSTRAINT staff_store FOREIGN KEY (store_id) REFERENCES store(id);
            CREATE TABLE a (id int PRIMARY KEY, b_id int NOT NULL);
            CREATE TABLE b (id int PRIMARY KEY, a_id int REFERENCES a(id));
            ALTER TABLE a ADD CONSTRAINT a_b FOREIGN KEY (b_id) REFERENCES b(id);
            CREATE TABLE x (id int PRIMARY KEY, y_id int NOT NULL);
            CREATE TABLE y (id int PRIMARY KEY, x_id int NOT NULL REFERENCES x(id));
            ALTER TABLE x ADD CONSTRAINT x_y FOREIGN KEY (y_id) REFERENCES y(id) DEFERRABLE;
            """)
        defer { db.drop() }
        let connection = try db.open()
        let plan = try Planner(schema: try PostgresIntrospector(connection: connection).schema(), options: PlanOptions(defaultRows: 30)).plan()
        let strategies = Dictionary(uniqueKeysWithValues: plan.tables.flatMap(\.brokenForeignKeys).map { ($0.foreignKey.name!, $0.strategy) })
        #expect(strategies["b_a_id_fkey"] == .nullThenUpdate)
        #expect(strategies["x_y"] == .deferConstraint)
        #expect(strategies.values.contains(.dropAndRecreate))
        _ = try Filler(sink: PostgresSink(connection: connection)).run(plan, truncate: false)
        for t in ["staff", "store", "a", "b", "x", "y"] {
            #expect(try connection.query("SELECT count(*) FROM \(t)").first?.first == "30")
        }
        #expect(try connection.query("SELECT count(*) FROM b WHERE a_id IS NULL").first?.first == "0", "the UPDATE filled the broken FK")
        // The dropped constraint is back, validated.
        #expect(try connection.query("SELECT count(*) FROM pg_constraint WHERE contype = 'f' AND convalidated").first?.first == "6")
    }
}

@Suite struct CheckConstraintLoadTests {
    /// Every construct the CHECK support promises, loaded into real SQLite,
    /// which enforces each CHECK on insert.
    @Test func satisfiesEveryKindOfCheckOnARealDatabase() throws {
        let db = try ScratchSQLite(schema: """
            CREATE TABLE t (
                id INTEGER PRIMARY KEY,
                code TEXT NOT NULL CHECK (length(code) = 3 AND code = upper(code)),
                kind TEXT NOT NULL CHECK (kind IN ('a', 'b', 'c')),
                pct REAL CHECK (pct BETWEEN 0 AND 100),
                qty INTEGER NOT NULL CHECK (qty > 10 AND qty <= 12),
                sku TEXT CHECK (sku LIKE 'SKU-%'),
                start_date DATE NOT NULL,
                end_date DATE NOT NULL,
                email TEXT, phone TEXT,
                lo INTEGER NOT NULL, hi INTEGER NOT NULL,
                CHECK (end_date > start_date),
                CHECK ((email IS NOT NULL) + (phone IS NOT NULL) = 1),
                CHECK (lo <> hi)
            );
            """)
        defer { db.remove() }
        let connection = try db.open()
        let plan = try Planner(schema: try SQLiteIntrospector(connection: connection).schema(), options: PlanOptions(defaultRows: 500)).plan()
        _ = try Filler(sink: SQLiteSink(connection: connection)).run(plan, truncate: false)
        #expect(try connection.scalarInt("SELECT count(*) FROM t") == 500)
        #expect(try connection.scalarInt("SELECT count(DISTINCT kind) FROM t") == 3)
        #expect(try connection.scalarInt("SELECT count(*) FROM t WHERE email IS NULL") ?? 0 > 100)
        #expect(try connection.scalarInt("SELECT count(*) FROM t WHERE phone IS NULL") ?? 0 > 100)
        #expect(try connection.scalarInt("SELECT count(DISTINCT qty) FROM t") == 2)
    }
}

@Suite struct ExpressionUniqueTests {
    @Test func expressionAndPartialUniqueIndexesHoldOnSQLite() throws {
        let db = try ScratchSQLite(schema: """
            CREATE TABLE account (id INTEGER PRIMARY KEY, label TEXT NOT NULL, handle TEXT, deleted INTEGER NOT NULL DEFAULT 0);
            CREATE UNIQUE INDEX account_label ON account (upper(label));
            CREATE UNIQUE INDEX account_handle ON account (handle) WHERE deleted = 0;
            """)
        defer { db.remove() }
        let connection = try db.open()
        let schema = try SQLiteIntrospector(connection: connection).schema()
        #expect(schema.tables.first?.uniques.contains { $0.expressions == ["upper(label)"] } == true)
        let plan = try Planner(schema: schema, options: PlanOptions(defaultRows: 3000)).plan()
        _ = try Filler(sink: SQLiteSink(connection: connection)).run(plan, truncate: false)
        #expect(try connection.scalarInt("SELECT count(DISTINCT upper(label)) FROM account") == 3000)
        #expect(try connection.scalarInt("SELECT count(DISTINCT handle) FROM account") == 3000)
    }
}

@Suite struct SQLiteSettingsTests {
    @Test func loadSettingsAreRestoredAfterSuccessAndFailure() throws {
        let db = try ScratchSQLite(schema: """
            CREATE TABLE a (id INTEGER PRIMARY KEY, v TEXT);
            CREATE TABLE b (id INTEGER PRIMARY KEY, a_id INTEGER REFERENCES a(id));
            """)
        defer { db.remove() }
        let connection = try db.open()
        let settings = { try ["journal_mode", "synchronous", "cache_size"].map { try connection.query("PRAGMA \($0)").first?.first ?? nil } }
        let before = try settings()
        #expect(before.first == "delete")
        let plan = try Planner(schema: try SQLiteIntrospector(connection: connection).schema(), options: PlanOptions(defaultRows: 100)).plan()
        _ = try Filler(sink: SQLiteSink(connection: connection)).run(plan, truncate: false)
        #expect(try settings() == before)
        try connection.execute("CREATE TRIGGER boom BEFORE INSERT ON b BEGIN SELECT RAISE(ABORT, 'boom'); END")
        #expect(throws: DatabaseError.self) { try Filler(sink: SQLiteSink(connection: connection)).run(plan, truncate: true) }
        #expect(try settings() == before)
        #expect(try connection.scalarInt("SELECT count(*) FROM a") == 100, "the failed fill changed nothing")
    }
}

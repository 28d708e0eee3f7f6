import Testing
import TestSupport
@testable import Introspect
@testable import SchemaModel

@Suite(.enabled(if: TestEnvironment.postgresTestsEnabled, "needs DBSYNTH_TEST_PG (scripts/test.sh starts a server)"))
struct PostgresIntrospectorTests {
    static let ddl = """
        CREATE SCHEMA "Sales";
        CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
        CREATE DOMAIN year AS integer CHECK (VALUE >= 1901 AND VALUE <= 2155);
        CREATE DOMAIN recent_year AS year CHECK (VALUE >= 2000);
        CREATE TABLE "Sales"."Customer" (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            email varchar(200) NOT NULL UNIQUE,
            feeling mood NOT NULL DEFAULT 'ok',
            since recent_year,
            tags text[],
            amount numeric(8,3) CHECK (amount > 0),
            doubled numeric GENERATED ALWAYS AS (amount * 2) STORED
        );
        CREATE TABLE item (
            order_id integer NOT NULL,
            line integer NOT NULL,
            PRIMARY KEY (order_id, line)
        );
        CREATE TABLE note (
            id serial PRIMARY KEY,
            parent_id integer REFERENCES note(id),
            customer_id bigint REFERENCES "Sales"."Customer"(id) DEFERRABLE INITIALLY DEFERRED,
            order_id integer, line integer,
            body text,
            FOREIGN KEY (order_id, line) REFERENCES item(order_id, line)
        );
        CREATE UNIQUE INDEX note_lower_body ON note (lower(body)) WHERE parent_id IS NULL;
        CREATE TABLE events (at date NOT NULL, v int) PARTITION BY RANGE (at);
        CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
        CREATE VIEW note_view AS SELECT * FROM note;
        """

    @Test func readsTablesKeysTypesAndConstraints() throws {
        let db = try ScratchPostgres(schema: Self.ddl)
        defer { db.drop() }
        let schema = try PostgresIntrospector(connection: db.open()).schema()

        #expect(Set(schema.tables.map(\.name.description)) == ["Sales.Customer", "item", "note", "events"])
        #expect(schema.skipped.contains { $0.name.name == "events_2024" && $0.reason.contains("partition of events") })
        #expect(schema.skipped.contains { $0.name.name == "note_view" && $0.reason == "view" })

        let customer = try #require(schema.table(named: QualifiedName(schema: "Sales", "Customer")))
        #expect(customer.column(named: "id")?.identity == .always)
        #expect(customer.column(named: "id")?.sequence != nil)
        #expect(customer.column(named: "email")?.type == .text(maxLength: 200))
        #expect(customer.column(named: "feeling")?.type == .enumeration(name: "mood", labels: ["sad", "ok", "happy"]))
        let since = try #require(customer.column(named: "since"))
        #expect(since.type == .integer(bytes: 4))
        #expect(since.domain == "recent_year")
        #expect(Set(since.domainChecks) == ["VALUE::integer >= 2000", "VALUE >= 1901 AND VALUE <= 2155"])
        #expect(customer.column(named: "tags")?.type == .array(element: .text(maxLength: nil), dimensions: 1))
        #expect(customer.column(named: "amount")?.type == .numeric(precision: 8, scale: 3))
        #expect(customer.column(named: "doubled")?.isGenerated == true)
        #expect(!customer.writableColumns.contains { $0.name == "doubled" })
        #expect(customer.checks.map(\.expression) == ["amount > 0::numeric"])
        #expect(customer.uniques.map(\.columns) == [["email"]])

        let item = try #require(schema.table(named: QualifiedName(schema: "public", "item")))
        #expect(item.primaryKey == ["order_id", "line"])

        let note = try #require(schema.table(named: QualifiedName(schema: "public", "note")))
        #expect(note.column(named: "id")?.identity == .serial)
        let selfRef = try #require(note.foreignKeys.first { $0.columns == ["parent_id"] })
        #expect(selfRef.referencedTable == note.name)
        let deferred = try #require(note.foreignKeys.first { $0.columns == ["customer_id"] })
        #expect(deferred.isDeferrable && deferred.isInitiallyDeferred)
        #expect(deferred.definition?.contains("REFERENCES \"Sales\".\"Customer\"(id)") == true)
        let composite = try #require(note.foreignKeys.first { $0.columns.count == 2 })
        #expect(composite.referencedColumns == ["order_id", "line"])
        let expressionIndex = try #require(note.uniques.first)
        #expect(expressionIndex.expressions == ["lower(body)"])
        #expect(expressionIndex.predicate == "parent_id IS NULL")
    }

    @Test func countsExistingRowsIncludingPartitions() throws {
        let db = try ScratchPostgres(schema: Self.ddl + "INSERT INTO events VALUES ('2024-03-01', 1), ('2024-04-01', 2);")
        defer { db.drop() }
        let schema = try PostgresIntrospector(connection: db.open()).schema()
        #expect(schema.table(named: QualifiedName(schema: "public", "events"))?.rowCount == 2)
        #expect(schema.table(named: QualifiedName(schema: "public", "item"))?.rowCount == 0)
    }

    @Test func wrongPasswordFailsWithoutShowingIt() throws {
        let admin = try #require(TestEnvironment.postgresURL)
        let bad = admin.replacingOccurrences(of: "postgres@", with: "nosuchuser:hunter2@")
        do {
            _ = try DatabaseConnection.open(.postgres(conninfo: bad))
            Issue.record("connected as a role that does not exist")
        } catch let error as DatabaseError {
            #expect(error.kind == .connection)
            #expect(!error.message.contains("hunter2"))
            #expect(error.message.contains("nosuchuser"))
        }
    }
}

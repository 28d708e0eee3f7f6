import Testing
import TestSupport
@testable import Introspect
@testable import SchemaModel

@Suite struct SQLiteIntrospectorTests {
    static let ddl = """
        CREATE TABLE [Customer Accounts] (
            [Account Id] INTEGER PRIMARY KEY AUTOINCREMENT,
            email TEXT NOT NULL COLLATE NOCASE UNIQUE,
            status TEXT CHECK (status IN ('open', 'closed')),
            balance DECIMAL(10,2) NOT NULL DEFAULT 0,
            CONSTRAINT positive CHECK (balance >= 0)
        );
        CREATE TABLE employee (
            id INTEGER PRIMARY KEY,
            manager_id INTEGER REFERENCES employee(id),
            name VARCHAR(40) NOT NULL
        );
        CREATE TABLE line (
            order_no INT NOT NULL,
            line_no INT NOT NULL,
            sku CHAR(8),
            PRIMARY KEY (order_no, line_no)
        ) WITHOUT ROWID;
        CREATE TABLE shipment (
            id INTEGER PRIMARY KEY,
            order_no INT, line_no INT,
            account INTEGER NOT NULL REFERENCES [Customer Accounts],
            FOREIGN KEY (order_no, line_no) REFERENCES line (order_no, line_no) DEFERRABLE INITIALLY DEFERRED
        );
        CREATE UNIQUE INDEX one_open ON shipment (account) WHERE order_no IS NULL;
        CREATE VIEW v AS SELECT * FROM employee;
        CREATE VIRTUAL TABLE docs USING fts5(body);
        """

    @Test func readsTablesKeysAndConstraints() throws {
        let db = try ScratchSQLite(schema: Self.ddl)
        defer { db.remove() }
        let schema = try SQLiteIntrospector(connection: db.open()).schema()

        #expect(Set(schema.tables.map(\.name.name)) == ["Customer Accounts", "employee", "line", "shipment"])
        #expect(schema.skipped.contains { $0.name.name == "v" && $0.reason == "view" })
        #expect(schema.skipped.contains { $0.name.name == "docs" && $0.reason == "virtual table" })
        #expect(schema.skipped.contains { $0.name.name == "docs_data" })

        let accounts = try #require(schema.table(named: QualifiedName("Customer Accounts")))
        #expect(accounts.primaryKey == ["Account Id"])
        #expect(accounts.column(named: "Account Id")?.identity == .autoincrement)
        #expect(accounts.column(named: "email")?.collation == "NOCASE")
        #expect(accounts.uniques.map(\.columns) == [["email"]])
        #expect(accounts.checks.map(\.expression) == ["status IN ('open', 'closed')", "balance >= 0"])
        #expect(accounts.checks.map(\.name) == [nil, "positive"])
        #expect(accounts.column(named: "balance")?.type == .numeric(precision: 10, scale: 2))

        let employee = try #require(schema.table(named: QualifiedName("employee")))
        #expect(employee.column(named: "id")?.identity == .rowid)
        #expect(employee.foreignKeys.first?.referencedTable == QualifiedName("employee"))
        #expect(employee.column(named: "name")?.type == .text(maxLength: 40))

        let line = try #require(schema.table(named: QualifiedName("line")))
        #expect(line.withoutRowid)
        #expect(line.primaryKey == ["order_no", "line_no"])
        #expect(line.column(named: "sku")?.type == .char(length: 8))

        let shipment = try #require(schema.table(named: QualifiedName("shipment")))
        let composite = try #require(shipment.foreignKeys.first { $0.columns.count == 2 })
        #expect(composite.referencedColumns == ["order_no", "line_no"])
        #expect(composite.isDeferrable)
        let implicit = try #require(shipment.foreignKeys.first { $0.columns == ["account"] })
        #expect(implicit.referencedColumns == ["Account Id"], "REFERENCES without columns means the parent's primary key")
        let partial = try #require(shipment.uniques.first)
        #expect(partial.predicate == "order_no IS NULL")
    }

    @Test func countsExistingRows() throws {
        let db = try ScratchSQLite(schema: "CREATE TABLE t (a INT); INSERT INTO t VALUES (1), (2), (3);")
        defer { db.remove() }
        let schema = try SQLiteIntrospector(connection: db.open()).schema()
        #expect(schema.tables.first?.rowCount == 3)
    }

    @Test func mapsDeclaredTypesByAffinity() {
        #expect(SQLiteIntrospector.dataType(declared: "NVARCHAR(40)") == .text(maxLength: 40))
        #expect(SQLiteIntrospector.dataType(declared: "BIGINT") == .integer(bytes: 8))
        #expect(SQLiteIntrospector.dataType(declared: "INTEGER") == .integer(bytes: 8))
        #expect(SQLiteIntrospector.dataType(declared: "SMALLINT") == .integer(bytes: 2))
        #expect(SQLiteIntrospector.dataType(declared: "DOUBLE PRECISION") == .double)
        #expect(SQLiteIntrospector.dataType(declared: "BLOB") == .bytes)
        #expect(SQLiteIntrospector.dataType(declared: "DATETIME") == .timestamp(withTimeZone: false))
        #expect(SQLiteIntrospector.dataType(declared: "BOOLEAN") == .boolean)
        #expect(SQLiteIntrospector.dataType(declared: "NUMERIC(5,2)") == .numeric(precision: 5, scale: 2))
    }

    @Test func missingFileIsAnErrorNotANewDatabase() throws {
        let dir = try TestEnvironment.temporaryDirectory()
        let path = dir.appendingPathComponent("nope.db").path
        #expect(throws: DatabaseError.self) { try DatabaseConnection.open(.sqlite(path: path)) }
        #expect(!fileExists(path))
    }
}

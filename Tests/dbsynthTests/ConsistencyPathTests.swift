import Foundation
import Testing
import TestSupport
import Introspect
import SchemaModel

/// Consistency across foreign keys (issue 15, item 6): a key that a row
/// reaches by two paths (its own `room_id` and its event's; a `tenant_id`
/// repeated down a hierarchy) is the same on both, by default, on both
/// databases, and a config can route any column through a parent.
@Suite struct ConsistencyPathTests {
    static let ddl = """
        CREATE TABLE rooms (id integer PRIMARY KEY, name text NOT NULL);
        CREATE TABLE events (id integer PRIMARY KEY, room_id integer NOT NULL REFERENCES rooms (id), body text);
        CREATE TABLE event_edges (
            id integer PRIMARY KEY,
            event_id integer NOT NULL REFERENCES events (id),
            prev_event_id integer NOT NULL REFERENCES events (id),
            room_id integer NOT NULL REFERENCES rooms (id));
        CREATE TABLE tenants (id integer PRIMARY KEY, name text NOT NULL);
        CREATE TABLE customers (id integer PRIMARY KEY, tenant_id integer NOT NULL REFERENCES tenants (id), name text);
        CREATE TABLE products (id integer PRIMARY KEY, tenant_id integer NOT NULL REFERENCES tenants (id), title text);
        CREATE TABLE orders (id integer PRIMARY KEY, tenant_id integer NOT NULL REFERENCES tenants (id), customer_id integer NOT NULL REFERENCES customers (id));
        CREATE TABLE order_lines (id integer PRIMARY KEY, order_id integer NOT NULL REFERENCES orders (id),
            product_id integer NOT NULL REFERENCES products (id), qty integer);
        CREATE TABLE labels (id integer PRIMARY KEY, name text NOT NULL);
        CREATE TABLE notes (id integer PRIMARY KEY, event_id integer NOT NULL REFERENCES events (id), label_id integer REFERENCES labels (id));
        """

    /// Rows where the two paths disagree: each must be 0.
    static let disagreements: [(String, String)] = [
        ("edge room vs its event's", "SELECT count(*) FROM event_edges x JOIN events e ON e.id = x.event_id WHERE e.room_id <> x.room_id"),
        ("edge room vs its previous event's", "SELECT count(*) FROM event_edges x JOIN events e ON e.id = x.prev_event_id WHERE e.room_id <> x.room_id"),
        ("order tenant vs its customer's", "SELECT count(*) FROM orders o JOIN customers c ON c.id = o.customer_id WHERE c.tenant_id <> o.tenant_id"),
        ("order line's product vs its order's tenant",
         "SELECT count(*) FROM order_lines l JOIN orders o ON o.id = l.order_id JOIN products p ON p.id = l.product_id WHERE p.tenant_id <> o.tenant_id"),
    ]

    func check(_ count: (String) throws -> Int) throws {
        for (what, sql) in Self.disagreements {
            #expect(try count(sql) == 0, "\(what)")
        }
        // The paths do not collapse the data: many rooms and products are used.
        #expect(try count("SELECT count(DISTINCT room_id) FROM event_edges") > 50)
        #expect(try count("SELECT count(DISTINCT product_id) FROM order_lines") > 50)
    }

    @Test func sharedKeysAgreeOnSQLite() throws {
        let db = try ScratchSQLite(schema: Self.ddl)
        defer { db.remove() }
        let r = try CommandRunner.dbsynth(["fill", db.url, "--rows", "500", "--quiet"])
        try #require(r.status == 0, "\(r.stderr)")
        let c = try db.open()
        try check { Int(try c.scalarInt($0) ?? -1) }
        #expect(try c.query("PRAGMA foreign_key_check").isEmpty)
    }

    @Test(.enabled(if: TestEnvironment.postgresTestsEnabled))
    func sharedKeysAgreeOnPostgres() throws {
        let db = try ScratchPostgres(schema: Self.ddl)
        defer { db.drop() }
        let r = try CommandRunner.dbsynth(["fill", db.url, "--rows", "500", "--quiet"])
        try #require(r.status == 0, "\(r.stderr)")
        let c = try db.open()
        try check { Int(try c.query($0).first?.first.flatMap { $0 } ?? "") ?? -1 }
    }

    @Test func inspectShowsTheConsistencyPaths() throws {
        let db = try ScratchSQLite(schema: Self.ddl)
        defer { db.remove() }
        let r = try CommandRunner.dbsynth(["inspect", db.url])
        try #require(r.status == 0, "\(r.stderr)")
        let all = r.stdout + r.stderr
        #expect(all.contains("orders: tenant_id agrees with the tenants of the customers row that customer_id points at"), "\(all)")
        #expect(all.contains("(as its customers row (customer_id))"), "\(all)")
    }

    @Test func configRoutesAColumnThroughAParent() throws {
        let db = try ScratchSQLite(schema: Self.ddl)
        defer { db.remove() }
        let dir = try TestEnvironment.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        // notes.label_id has no path of its own; route it through nothing
        // valid first (an error naming the line), then through the event's room.
        let bad = dir.appendingPathComponent("bad.yml")
        try "tables:\n  notes:\n    columns:\n      label_id: { type: from_parent, fk: evnt_id, column: room_id }\n".write(to: bad, atomically: true, encoding: .utf8)
        let refused = try CommandRunner.dbsynth(["fill", db.url, "--config", bad.path, "--rows", "50"])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("bad.yml:4") && refused.stderr.contains("evnt_id") && refused.stderr.contains("event_id"), "\(refused.stderr)")
        #expect(try db.open().scalarInt("SELECT count(*) FROM rooms") == 0)

        let good = dir.appendingPathComponent("good.yml")
        try "tables:\n  notes:\n    columns:\n      label_id: { type: from_parent, fk: event_id, column: room_id }\n".write(to: good, atomically: true, encoding: .utf8)
        let r = try CommandRunner.dbsynth(["fill", db.url, "--config", good.path, "--rows", "300", "--quiet"])
        try #require(r.status == 0, "\(r.stderr)")
        let c = try db.open()
        #expect(try c.scalarInt("SELECT count(*) FROM notes n JOIN events e ON e.id = n.event_id WHERE n.label_id <> e.room_id") == 0)
        #expect(try c.scalarInt("SELECT count(DISTINCT label_id) FROM notes") ?? 0 > 50)
    }
}

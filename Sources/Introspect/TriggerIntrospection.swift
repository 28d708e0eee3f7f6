import SchemaModel

/// Reading triggers and view definitions, for both dialects. Kept apart from
/// the table introspection: triggers only feed the recogniser and
/// `fill --disable-triggers`.
extension SQLiteIntrospector {
    /// `sqlite_master` type = 'trigger': the CREATE TRIGGER text is the body.
    func triggers() throws -> [Trigger] {
        try connection.query("SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'trigger' AND sql IS NOT NULL ORDER BY name").compactMap { row in
            guard let name = row[0], let table = row[1], let sql = row[2] else { return nil }
            let header = TriggerHeader(sql: sql)
            return Trigger(name: name, table: QualifiedName(table), timing: header.timing, events: header.events, body: sql)
        }
    }

    func views() throws -> [ViewDefinition] {
        try connection.query("SELECT name, sql FROM sqlite_master WHERE type = 'view' AND sql IS NOT NULL ORDER BY name").compactMap { row in
            guard let name = row[0], let sql = row[1] else { return nil }
            return ViewDefinition(name: QualifiedName(name), query: sql)
        }
    }
}

extension PostgresIntrospector {
    /// `pg_trigger` (user triggers only) with the function's source; `tgtype`
    /// bits: 2 BEFORE, 4 INSERT, 8 DELETE, 16 UPDATE, 32 TRUNCATE, 64 INSTEAD OF.
    func triggers() throws -> [Trigger] {
        let rows = try connection.query("""
            SELECT n.nspname, c.relname, t.tgname, t.tgtype, pg_get_triggerdef(t.oid), p.prosrc
            FROM pg_trigger t
            JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_proc p ON p.oid = t.tgfoid
            WHERE NOT t.tgisinternal AND \(Self.systemSchemaFilter)
            ORDER BY n.nspname, c.relname, t.tgname
            """)
        return rows.compactMap { row in
            guard let nsp = row[0], let rel = row[1], let name = row[2], let type = Int(row[3] ?? "") else { return nil }
            let timing = type & 64 != 0 ? "INSTEAD OF" : (type & 2 != 0 ? "BEFORE" : "AFTER")
            var events: [String] = []
            if type & 4 != 0 { events.append("INSERT") }
            if type & 8 != 0 { events.append("DELETE") }
            if type & 16 != 0 { events.append("UPDATE") }
            if type & 32 != 0 { events.append("TRUNCATE") }
            return Trigger(name: name, table: QualifiedName(schema: nsp, rel), timing: timing, events: events,
                           body: row[5] ?? "", definition: row[4])
        }
    }

    func views() throws -> [ViewDefinition] {
        try connection.query("""
            SELECT n.nspname, c.relname, pg_get_viewdef(c.oid)
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('v', 'm') AND \(Self.systemSchemaFilter)
            ORDER BY n.nspname, c.relname
            """).compactMap { row in
            guard let nsp = row[0], let rel = row[1], let query = row[2] else { return nil }
            return ViewDefinition(name: QualifiedName(schema: nsp, rel), query: query)
        }
    }
}

/// Timing and events from the head of a SQLite CREATE TRIGGER statement
/// (`CREATE TRIGGER t BEFORE INSERT ON x`, `AFTER UPDATE OF a, b ON x`).
struct TriggerHeader {
    var timing = "BEFORE"
    var events: [String] = []

    init(sql: String) {
        let tokens = SQLTokenizer.tokenize(sql)
        guard let on = tokens.firstIndex(where: { $0.isWord("ON") }) else { return }
        for (i, t) in tokens[..<on].enumerated() {
            if t.isWord("AFTER") { timing = "AFTER" }
            if t.isWord("INSTEAD") { timing = "INSTEAD OF" }
            for event in ["INSERT", "UPDATE", "DELETE"] where t.isWord(event) && i > 2 { events.append(event) }
        }
    }
}

import Introspect
import SchemaModel

/// `--fast` on PostgreSQL: inside the fill's transaction, drop the filled
/// tables' foreign keys, primary keys, unique constraints and secondary
/// indexes, load, then re-create them exactly as they were (foreign keys
/// validated in one pass each, indexes built once), so a failure still
/// changes nothing and the final schema is identical.
///
/// Partitioned tables keep their keys and indexes (they cascade to the
/// partitions), and so does any key that a foreign key from outside the
/// simple tables depends on.
struct PostgresFastLoad {
    struct Saved {
        /// The table as `regclass` prints it, ready for SQL.
        var table: String
        var name: String
        var definition: String
        /// The filled table it belongs to, when it is one.
        var owner: QualifiedName? = nil
    }

    private(set) var foreignKeys: [Saved] = []
    private(set) var keys: [Saved] = []
    private(set) var indexes: [Saved] = []

    /// Drops what can be re-created, remembering every definition.
    static func drop(tables: [Table], connection: PostgresConnection) throws -> PostgresFastLoad {
        var stash = PostgresFastLoad()
        let names = PostgresArray.text(tables.map(\.name.quoted))
        let oidQuery = """
            SELECT c.oid, t.ord FROM unnest($1::text[]) WITH ORDINALITY t(name, ord) JOIN pg_class c ON c.oid = to_regclass(t.name)
            WHERE c.relkind = 'r' AND NOT c.relispartition
            """
        var owners: [String: QualifiedName] = [:]
        for row in try connection.query(oidQuery, [names]) {
            if let oid = row[0], let ord = Int(row[1] ?? ""), ord >= 1, ord <= tables.count { owners[oid] = tables[ord - 1].name }
        }
        let oids = Array(owners.keys)
        guard !oids.isEmpty else { return stash }
        let oidArray = "{" + oids.joined(separator: ",") + "}"

        // Foreign keys of or to the simple tables, when they sit on simple tables themselves.
        for row in try connection.query("""
            SELECT con.conrelid::regclass::text, con.conname, pg_get_constraintdef(con.oid), con.conrelid::text
            FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid
            WHERE con.contype = 'f' AND con.conparentid = 0 AND c.relkind = 'r' AND NOT c.relispartition
              AND (con.conrelid = ANY($1::oid[]) OR con.confrelid = ANY($1::oid[]))
            ORDER BY 1, 2
            """, [oidArray]) {
            stash.foreignKeys.append(Saved(table: row[0] ?? "", name: row[1] ?? "", definition: row[2] ?? "", owner: owners[row[3] ?? ""]))
        }
        // Keys still referenced by a foreign key that stays must stay too.
        let pinned = Set(try connection.query("""
            SELECT DISTINCT con.confrelid::text FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid
            WHERE con.contype = 'f' AND con.confrelid = ANY($1::oid[]) AND (c.relkind <> 'r' OR c.relispartition OR con.conparentid <> 0)
            """, [oidArray]).compactMap { $0[0] })
        for row in try connection.query("""
            SELECT con.conrelid::regclass::text, con.conname, pg_get_constraintdef(con.oid), con.conrelid::text
            FROM pg_constraint con WHERE con.contype IN ('p', 'u') AND con.conrelid = ANY($1::oid[])
            ORDER BY 1, 2
            """, [oidArray]) where !pinned.contains(row[3] ?? "") {
            stash.keys.append(Saved(table: row[0] ?? "", name: row[1] ?? "", definition: row[2] ?? ""))
        }
        for row in try connection.query("""
            SELECT i.indrelid::regclass::text, i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid)
            FROM pg_index i
            WHERE i.indrelid = ANY($1::oid[]) AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
              AND NOT i.indisclustered AND NOT i.indisreplident
            ORDER BY 2
            """, [oidArray]) {
            stash.indexes.append(Saved(table: row[0] ?? "", name: row[1] ?? "", definition: row[2] ?? ""))
        }

        for fk in stash.foreignKeys { try connection.execute("ALTER TABLE \(fk.table) DROP CONSTRAINT \(quoteIdentifier(fk.name))") }
        for key in stash.keys { try connection.execute("ALTER TABLE \(key.table) DROP CONSTRAINT \(quoteIdentifier(key.name))") }
        for index in stash.indexes { try connection.execute("DROP INDEX \(index.name)") }
        return stash
    }

    /// Re-creates keys, then indexes, then foreign keys (which need the keys).
    func recreate(connection: PostgresConnection) throws {
        for key in keys {
            try connection.execute("ALTER TABLE \(key.table) ADD CONSTRAINT \(quoteIdentifier(key.name)) \(key.definition)")
        }
        for index in indexes { try connection.execute(index.definition) }
        for fk in foreignKeys {
            try connection.execute("ALTER TABLE \(fk.table) ADD CONSTRAINT \(quoteIdentifier(fk.name)) \(fk.definition)")
        }
    }

    /// Whether `--fast` already dropped (and will re-create) this foreign key of `table`.
    func covers(_ fk: ForeignKey, of table: Table) -> Bool {
        foreignKeys.contains { $0.name == fk.name && $0.owner == table.name }
    }
}

/// PostgreSQL array literals for parameters.
enum PostgresArray {
    /// `{"a","b \"c\""}`: every element quoted, `"` and `\` escaped.
    static func text(_ items: [String]) -> String {
        "{" + items.map { "\"" + $0.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\"" }.joined(separator: ",") + "}"
    }
}

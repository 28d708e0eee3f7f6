import Engine
import Introspect
import SchemaModel

/// Without `--truncate` or `--append`, a table that already holds rows is
/// kept as it is: a freshly migrated application database has rows in its
/// lookup and bookkeeping tables (migration versions, types, a default
/// group) that neither wiping nor appending junk would respect. Kept tables
/// are not written; their existing keys are read back and the filled tables
/// point at them.
package struct KeptTables {
    /// One kept table, for the summary, `--dry-run` and `--report`.
    package struct Entry: Encodable {
        package var table: String
        var rows: Int64
        var reason: String
        /// Key tuples read for its children (over all referenced column lists).
        var keysRead: Int
        /// True when the table has more keys than were read (a sample).
        var sampled: Bool

        enum CodingKeys: String, CodingKey {
            case table, rows, reason, sampled
            case keysRead = "keys_read"
        }
    }

    /// At most this many key tuples are read per referenced column list; a
    /// larger table contributes an evenly spaced sample of its keys.
    static let keyLimit = 100_000

    /// The schema to fill (the tables without rows) and the tables kept.
    ///
    /// Refuses a table named with `--table` that holds rows (the user asked
    /// for rows there, which only `--truncate` or `--append` can give) and a
    /// schema whose every table holds rows (there would be nothing to fill).
    static func split(_ schema: Schema, named: [QualifiedName: Int64]) throws -> (fill: Schema, kept: [Table]) {
        let busy = schema.tables.filter { $0.rowCount > 0 }
        guard !busy.isEmpty else { return (schema, []) }
        let suggestion = "pass --truncate to replace them or --append to add to them"
        let asked = busy.filter { (named[$0.name] ?? 0) > 0 }
        if !asked.isEmpty {
            throw DBSynthError.refused("--table names tables that already hold rows: \(describe(asked)); \(suggestion) (without either, tables that hold rows are kept as they are and only empty tables are filled)")
        }
        if busy.count == schema.tables.count {
            throw DBSynthError.refused("tables already hold rows: \(describe(busy)); every table holds rows, so there is nothing to fill: \(suggestion)")
        }
        var fill = schema
        fill.tables.removeAll { $0.rowCount > 0 }
        return (fill, busy)
    }

    static func describe(_ tables: [Table]) -> String {
        tables.map { "\($0.name) (\(TextLayout.grouped($0.rowCount)) rows)" }.joined(separator: ", ")
    }

    /// Reads, for every kept table, the key tuples the filled tables' foreign
    /// keys reference (each distinct referenced column list once).
    /// On `--append`, new rows point at new parents. When a parent gets no
    /// new rows (its unique values are used up) or an FK column's CHECK
    /// allows only parents that are already there (`entity_class IN (1, 2)`),
    /// children point at existing parents, so the parents' keys are read.
    static func appendParentKeys(_ schema: Schema, connection: DatabaseConnection) throws -> [QualifiedName: [ExistingKeys]] {
        var keys: [QualifiedName: [ExistingKeys]] = [:]
        for table in schema.tables {
            for fk in table.foreignKeys where fk.referencedTable != table.name {
                guard let parent = schema.table(named: fk.referencedTable), parent.rowCount > 0,
                      !(keys[parent.name] ?? []).contains(where: { $0.columns == fk.referencedColumns }) else { continue }
                keys[parent.name, default: []].append(try connection.existingKeys(of: parent, columns: fk.referencedColumns, limit: keyLimit))
            }
        }
        return keys
    }

    static func readKeys(kept: [Table], filling schema: Schema, connection: DatabaseConnection) throws
        -> (keys: [QualifiedName: [ExistingKeys]], entries: [Entry]) {
        var keys: [QualifiedName: [ExistingKeys]] = [:]
        var entries: [Entry] = []
        for table in kept {
            var children: [String] = []
            var lists: [[String]] = []
            for child in schema.tables {
                for fk in child.foreignKeys where fk.referencedTable == table.name {
                    if !children.contains(child.name.description) { children.append(child.name.description) }
                    if !lists.contains(fk.referencedColumns) { lists.append(fk.referencedColumns) }
                }
            }
            var read: [ExistingKeys] = []
            for columns in lists {
                read.append(try connection.existingKeys(of: table, columns: columns, limit: keyLimit))
            }
            keys[table.name] = read
            let count = read.reduce(0) { $0 + $1.tuples.count }
            let sampled = read.contains(where: \.sampled)
            var reason = "already held \(TextLayout.grouped(table.rowCount)) rows"
            if !children.isEmpty {
                let shown = children.prefix(3).joined(separator: ", ") + (children.count > 3 ? " and \(children.count - 3) more" : "")
                reason += "; parent of \(shown), which point at its \(sampled ? "sampled " : "")existing keys"
                if sampled { reason += " (\(TextLayout.grouped(Int64(keyLimit))) per key, evenly spread)" }
            }
            entries.append(Entry(table: table.name.description, rows: table.rowCount, reason: reason, keysRead: count, sampled: sampled))
        }
        return (keys, entries)
    }

    /// The summary's lines about kept tables (none when nothing was kept).
    package static func lines(_ entries: [Entry]) -> [String] {
        guard !entries.isEmpty else { return [] }
        let width = max(5, entries.map(\.table.count).max() ?? 0)
        var lines = ["Kept \(entries.count) table\(entries.count == 1 ? "" : "s") as they were (they already held rows; pass --truncate or --append to fill them):"]
        for e in entries {
            lines.append("  " + TextLayout.pad(e.table, width, left: true) + "  " + e.reason)
        }
        return lines
    }
}

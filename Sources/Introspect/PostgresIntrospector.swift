import Foundation
import SchemaModel

/// Reads a live PostgreSQL database into a `Schema` from `pg_catalog`.
///
/// Every query covers all tables at once (no per-table round trips), so a
/// schema of thousands of tables is read in a handful of statements.
/// `information_schema` is avoided: it hides constraints on tables the role
/// does not own, partial index predicates, domains and deferrability.
public struct PostgresIntrospector {
    let connection: PostgresConnection

    public init(connection: PostgresConnection) {
        self.connection = connection
    }

    /// Schemas that never hold user tables.
    static let systemSchemaFilter = """
        n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'
        """

    public func schema() throws -> Schema {
        let types = try PostgresTypeCatalog(connection: connection)
        var skipped: [SkippedObject] = []

        // Tables: ordinary and partitioned, not partitions (filled through their
        // parent) and not tables owned by an extension.
        let tableRows = try connection.query("""
            SELECT c.oid, n.nspname, c.relname, c.relkind, c.relispartition,
                   (SELECT p.relname FROM pg_inherits i JOIN pg_class p ON p.oid = i.inhparent WHERE i.inhrelid = c.oid LIMIT 1)
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND \(Self.systemSchemaFilter)
              AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
            ORDER BY n.nspname, c.relname
            """)
        var order: [String] = []
        var names: [String: QualifiedName] = [:]
        for row in tableRows {
            guard let oid = row[0], let nsp = row[1], let rel = row[2], let kind = row[3] else { continue }
            let name = QualifiedName(schema: nsp, rel)
            switch kind {
            case "v": skipped.append(.init(name: name, reason: "view"))
            case "m": skipped.append(.init(name: name, reason: "materialized view"))
            case "f": skipped.append(.init(name: name, reason: "foreign table"))
            default:
                if row[4] == "t" {
                    skipped.append(.init(name: name, reason: "partition of \(row[5] ?? "?"), filled through its parent"))
                } else {
                    order.append(oid)
                    names[oid] = name
                }
            }
        }
        guard !order.isEmpty else { return Schema(dialect: .postgres, tables: [], skipped: skipped) }
        let oidArray = "{" + order.joined(separator: ",") + "}"

        // Columns.
        var columnsByTable: [String: [(attnum: Int, column: Column)]] = [:]
        let columnRows = try connection.query("""
            SELECT a.attrelid, a.attnum, a.attname, a.atttypid, a.atttypmod, format_type(a.atttypid, a.atttypmod),
                   a.attnotnull, pg_get_expr(d.adbin, d.adrelid), a.attidentity, a.attgenerated,
                   CASE WHEN a.attcollation <> t.typcollation THEN co.collname END,
                   pg_get_serial_sequence(a.attrelid::regclass::text, a.attname),
                   col_description(a.attrelid, a.attnum)
            FROM pg_attribute a
            JOIN pg_type t ON t.oid = a.atttypid
            LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
            LEFT JOIN pg_collation co ON co.oid = a.attcollation
            WHERE a.attrelid = ANY($1::oid[]) AND a.attnum > 0 AND NOT a.attisdropped
            ORDER BY a.attrelid, a.attnum
            """, [oidArray])
        for row in columnRows {
            guard let rel = row[0], let attnum = Int(row[1] ?? ""), let name = row[2],
                  let typeOid = UInt32(row[3] ?? ""), let typmod = Int(row[4] ?? "-1") else { continue }
            let resolved = types.resolve(oid: typeOid, typmod: typmod)
            let defaultExpr = row[7]
            var identity: Identity?
            switch row[8] {
            case "a": identity = .always
            case "d": identity = .byDefault
            default: if defaultExpr?.hasPrefix("nextval(") == true { identity = .serial }
            }
            var column = Column(
                name: name, type: resolved.type, declaredType: row[5] ?? "",
                isNullable: row[6] != "t" && !resolved.notNull,
                defaultExpression: defaultExpr, identity: identity, sequence: row[11],
                isGenerated: (row[9] ?? "") == "s", collation: row[10],
                domain: resolved.domain, domainChecks: resolved.checks)
            column.elementChecks = resolved.elementChecks
            column.comment = row[12]
            columnsByTable[rel, default: []].append((attnum, column))
        }

        // Constraints: primary keys, uniques, foreign keys, checks. Constraints
        // cloned onto partitions (conparentid <> 0) are the parent's business.
        var tables: [String: Table] = [:]
        for oid in order {
            let cols = columnsByTable[oid] ?? []
            tables[oid] = Table(name: names[oid]!, columns: cols.map(\.column))
        }
        func columnNames(_ rel: String, _ keys: String?) -> [String] {
            let byNum = Dictionary(uniqueKeysWithValues: (columnsByTable[rel] ?? []).map { ($0.attnum, $0.column.name) })
            return Self.intArray(keys).compactMap { byNum[$0] }
        }
        let constraintRows = try connection.query("""
            SELECT con.conrelid, con.conname, con.contype, con.conkey::text, con.confrelid, con.confkey::text,
                   con.condeferrable, con.condeferred, con.convalidated, con.confdeltype, pg_get_constraintdef(con.oid, true)
            FROM pg_constraint con
            WHERE con.conrelid = ANY($1::oid[]) AND con.contype IN ('p', 'u', 'f', 'c')
            ORDER BY con.conrelid, con.contype, con.conname
            """, [oidArray])
        var unknownParents: [String] = []
        for row in constraintRows {
            guard let rel = row[0], var table = tables[rel], let type = row[2] else { continue }
            let cols = columnNames(rel, row[3])
            switch type {
            case "p":
                table.primaryKey = cols
                for c in cols { if let i = table.columns.firstIndex(where: { $0.name == c }) { table.columns[i].isNullable = false } }
            case "u":
                let def = row[10] ?? ""
                table.uniques.append(UniqueConstraint(name: row[1], columns: cols, nullsNotDistinct: def.contains("NULLS NOT DISTINCT")))
            case "f":
                guard let parentOid = row[4] else { continue }
                guard let parent = names[parentOid] else { unknownParents.append(parentOid); continue }
                let parentCols = columnNames(parentOid, row[5])
                table.foreignKeys.append(ForeignKey(
                    name: row[1], columns: cols, referencedTable: parent, referencedColumns: parentCols,
                    isDeferrable: row[6] == "t", isInitiallyDeferred: row[7] == "t", isValidated: row[8] == "t",
                    onDelete: row[9], definition: row[10]))
            case "c":
                var def = row[10] ?? ""
                if def.hasPrefix("CHECK ") { def = String(def.dropFirst(6)) }
                for suffix in [" NOT VALID", " NO INHERIT"] where def.hasSuffix(suffix) { def = String(def.dropLast(suffix.count)) }
                table.checks.append(CheckConstraint(name: row[1], expression: Self.stripOuterParens(def)))
            default: break
            }
            tables[rel] = table
        }

        // Foreign keys declared on partitions only (not on the parent): the
        // parent's rows must satisfy them too, so they join the parent's.
        for row in try connection.query("""
            SELECT pg_partition_root(con.conrelid)::oid, con.conname, con.confrelid,
                   (SELECT string_agg(a.attname, E'\\x1f' ORDER BY k.ord) FROM unnest(con.conkey) WITH ORDINALITY k(num, ord)
                      JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.num),
                   (SELECT string_agg(a.attname, E'\\x1f' ORDER BY k.ord) FROM unnest(con.confkey) WITH ORDINALITY k(num, ord)
                      JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.num),
                   con.condeferrable, con.condeferred, con.convalidated, pg_get_constraintdef(con.oid, true)
            FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid
            WHERE c.relispartition AND con.contype = 'f' AND con.conparentid = 0
            """) {
            guard let root = row[0], var table = tables[root], let parentOid = row[2] else { continue }
            let parentName = names[parentOid] ?? names[(try? connection.query("SELECT pg_partition_root($1::oid)::oid", [parentOid]).first?[0] ?? nil) ?? ""]
            guard let parentName else { continue }
            let cols = (row[3] ?? "").split(separator: "\u{1f}").map(String.init)
            let refCols = (row[4] ?? "").split(separator: "\u{1f}").map(String.init)
            if table.foreignKeys.contains(where: { $0.columns == cols && $0.referencedTable == parentName }) { continue }
            table.foreignKeys.append(ForeignKey(
                name: row[1], columns: cols, referencedTable: parentName, referencedColumns: refCols,
                isDeferrable: row[5] == "t", isInitiallyDeferred: row[6] == "t", isValidated: row[7] == "t",
                definition: nil))
            tables[root] = table
        }

        // EXCLUDE constraints: rows equal on the `WITH =` columns may conflict
        // (overlapping ranges…), so those columns are treated as a unique set,
        // which is sound: rows that never share them never conflict.
        for row in try connection.query("""
            SELECT con.conrelid, con.conname,
                   (SELECT string_agg(a.attname, E'\\x1f' ORDER BY k.ord)
                      FROM unnest(con.conkey, con.conexclop) WITH ORDINALITY k(num, op, ord)
                      JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.num
                      JOIN pg_operator o ON o.oid = k.op
                     WHERE o.oprname = '=')
            FROM pg_constraint con
            WHERE con.conrelid = ANY($1::oid[]) AND con.contype = 'x'
            """, [oidArray]) {
            guard let rel = row[0], var table = tables[rel], let list = row[2], !list.isEmpty else { continue }
            let cols = list.split(separator: "\u{1f}").map(String.init)
            table.uniques.append(UniqueConstraint(name: row[1], columns: cols, predicate: nil, expressions: [], nullsNotDistinct: false))
            tables[rel] = table
        }

        // Unique indexes that are not constraints: partial and expression ones.
        let indexRows = try connection.query("""
            SELECT i.indrelid, ic.relname, i.indkey::text, pg_get_expr(i.indpred, i.indrelid, true),
                   pg_get_indexdef(i.indexrelid, 0, true), i.indnkeyatts,
                   array_to_string(ARRAY(SELECT pg_get_indexdef(i.indexrelid, k, true) FROM generate_series(1, i.indnkeyatts) k), E'\\x1f')
            FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid
            WHERE i.indrelid = ANY($1::oid[]) AND i.indisunique AND NOT i.indisprimary
              AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.contype IN ('u', 'p', 'x'))
            ORDER BY ic.relname
            """, [oidArray])
        for row in indexRows {
            guard let rel = row[0], var table = tables[rel] else { continue }
            let keyCount = Int(row[5] ?? "0") ?? 0
            let nums = (row[2] ?? "").split(separator: " ").compactMap { Int($0) }.prefix(keyCount)
            let defs = (row[6] ?? "").split(separator: "\u{1f}", omittingEmptySubsequences: false).map(String.init)
            var cols: [String] = []
            var expressions: [String] = []
            let byNum = Dictionary(uniqueKeysWithValues: (columnsByTable[rel] ?? []).map { ($0.attnum, $0.column.name) })
            for (k, num) in nums.enumerated() {
                if num == 0 { expressions.append(k < defs.count ? defs[k] : "?") } else if let c = byNum[num] { cols.append(c) }
            }
            let def = row[4] ?? ""
            table.uniques.append(UniqueConstraint(
                name: row[1], columns: cols, predicate: row[3], expressions: expressions,
                nullsNotDistinct: def.contains("NULLS NOT DISTINCT")))
            tables[rel] = table
        }

        try readPartitioning(into: &tables, oids: oidArray)

        // Existing rows: exact counts, all tables in one statement.
        var counts: [Int64] = []
        for chunk in stride(from: 0, to: order.count, by: 200) {
            let slice = order[chunk..<min(chunk + 200, order.count)]
            let sql = "SELECT " + slice.map { "(SELECT count(*) FROM ONLY \(names[$0]!.quoted))" }.joined(separator: ", ")
            // ONLY is wrong for partitioned parents (their rows live in partitions).
            let fixed = sql.replacingOccurrences(of: "FROM ONLY", with: "FROM")
            let row = try connection.query(fixed).first ?? []
            counts += row.map { Int64($0 ?? "0") ?? 0 }
        }
        for (i, oid) in order.enumerated() { tables[oid]?.rowCount = i < counts.count ? counts[i] : 0 }

        var schema = Schema(dialect: .postgres, tables: order.compactMap { tables[$0] }, skipped: skipped)
        schema.triggers = try triggers()
        schema.views = try views()
        return schema
    }

    /// Reads partition keys and bounds for every partitioned table, nested
    /// levels included.
    func readPartitioning(into tables: inout [String: Table], oids: String) throws {
        let keyQuery = """
            SELECT pt.partrelid, pt.partstrat,
                   (SELECT string_agg(a.attname, E'\\x1f' ORDER BY k.ord)
                      FROM unnest(pt.partattrs::int2[]) WITH ORDINALITY k(num, ord)
                      JOIN pg_attribute a ON a.attrelid = pt.partrelid AND a.attnum = k.num),
                   pt.partnatts, n.nspname, c.relname
            FROM pg_partitioned_table pt JOIN pg_class c ON c.oid = pt.partrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            """
        var keys: [String: Partitioning] = [:]
        for row in try connection.query(keyQuery) {
            guard let oid = row[0] else { continue }
            let strategy: Partitioning.Strategy = row[1] == "l" ? .list : (row[1] == "h" ? .hash : .range)
            let columns = (row[2] ?? "").split(separator: "\u{1f}").map(String.init)
            keys[oid] = Partitioning(strategy: strategy, keyColumns: columns, hasExpressionKey: columns.count < Int(row[3] ?? "0") ?? 0)
        }
        guard !keys.isEmpty else { return }
        var children: [String: [(oid: String, partition: Partition)]] = [:]
        for row in try connection.query("""
            SELECT c.oid, i.inhparent, n.nspname, c.relname, pg_get_expr(c.relpartbound, c.oid)
            FROM pg_class c JOIN pg_inherits i ON i.inhrelid = c.oid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relispartition ORDER BY n.nspname, c.relname
            """) {
            guard let oid = row[0], let parent = row[1] else { continue }
            children[parent, default: []].append((oid, Partition(name: QualifiedName(schema: row[2], row[3] ?? ""), boundText: row[4] ?? "")))
        }
        func build(_ oid: String, depth: Int) -> Partitioning? {
            guard var p = keys[oid], depth < 8 else { return nil }
            p.partitions = (children[oid] ?? []).map { child in
                var partition = child.partition
                partition.subpartitioning = build(child.oid, depth: depth + 1)
                return partition
            }
            return p
        }
        for oid in tables.keys {
            if let p = build(oid, depth: 0) { tables[oid]?.partitioning = p }
        }
    }

    static func intArray(_ text: String?) -> [Int] {
        guard let text else { return [] }
        return text.trimmingCharacters(in: CharacterSet(charactersIn: "{}")).split(separator: ",").compactMap { Int($0) }
    }

    /// `(a > 0)` → `a > 0`, only when the outer parentheses enclose everything.
    static func stripOuterParens(_ text: String) -> String {
        var s = text.trimmingSpaces()
        while s.hasPrefix("("), s.hasSuffix(")") {
            var depth = 0
            var closesEarly = false
            for (i, ch) in s.enumerated() {
                if ch == "(" { depth += 1 }
                if ch == ")" { depth -= 1; if depth == 0 && i < s.count - 1 { closesEarly = true; break } }
            }
            if closesEarly { break }
            s = String(s.dropFirst().dropLast()).trimmingSpaces()
        }
        return s
    }
}

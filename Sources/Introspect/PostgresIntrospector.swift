import Foundation

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
                   pg_get_serial_sequence(a.attrelid::regclass::text, a.attname)
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
            let column = Column(
                name: name, type: resolved.type, declaredType: row[5] ?? "",
                isNullable: row[6] != "t" && !resolved.notNull,
                defaultExpression: defaultExpr, identity: identity, sequence: row[11],
                isGenerated: (row[9] ?? "") == "s", collation: row[10],
                domain: resolved.domain, domainChecks: resolved.checks)
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
                if def.hasSuffix(" NOT VALID") { def = String(def.dropLast(10)) }
                table.checks.append(CheckConstraint(name: row[1], expression: Self.stripOuterParens(def)))
            default: break
            }
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

        return Schema(dialect: .postgres, tables: order.compactMap { tables[$0] }, skipped: skipped)
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

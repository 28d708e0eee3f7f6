import Foundation
import SchemaModel

/// Reads a live SQLite database into a `Schema` through the `pragma_*`
/// table-valued functions and the CREATE TABLE text in `sqlite_master`.
public struct SQLiteIntrospector {
    let connection: SQLiteConnection

    public init(connection: SQLiteConnection) {
        self.connection = connection
    }

    public func schema() throws -> Schema {
        var tables: [Table] = []
        var skipped: [SkippedObject] = []
        // pragma_table_list (3.37+) tells virtual and shadow tables apart.
        let kinds = (try? connection.query("SELECT name, type FROM pragma_table_list WHERE schema = 'main'")) ?? []
        var typeOf: [String: String] = [:]
        for row in kinds { if let n = row[0], let t = row[1] { typeOf[n] = t } }

        let master = try connection.query(
            "SELECT type, name, sql FROM sqlite_master WHERE type IN ('table', 'view') ORDER BY name")
        let virtualNames = master.compactMap { row -> String? in
            guard let sql = row[2], let name = row[1], sql.uppercased().hasPrefix("CREATE VIRTUAL TABLE") else { return nil }
            return name
        }
        for row in master {
            guard let type = row[0], let name = row[1] else { continue }
            let qname = QualifiedName(name)
            let sql = row[2] ?? ""
            if type == "view" { skipped.append(.init(name: qname, reason: "view")); continue }
            if name.hasPrefix("sqlite_") { continue }
            if typeOf[name] == "virtual" || sql.uppercased().hasPrefix("CREATE VIRTUAL TABLE") {
                skipped.append(.init(name: qname, reason: "virtual table")); continue
            }
            if typeOf[name] == "shadow" || virtualNames.contains(where: { name.hasPrefix($0 + "_") }) {
                skipped.append(.init(name: qname, reason: "shadow table of a virtual table")); continue
            }
            tables.append(try table(name: name, sql: sql))
        }
        var schema = Schema(dialect: .sqlite, tables: tables, skipped: skipped)
        schema.triggers = try triggers()
        schema.views = try views()
        return schema
    }

    func table(name: String, sql: String) throws -> Table {
        let ddl = SQLiteDDL(sql: sql)
        let columnRows = try connection.query(
            "SELECT cid, name, type, \"notnull\", dflt_value, pk, hidden FROM pragma_table_xinfo(?) ORDER BY cid", [name])
        var pkColumns: [(Int, String)] = []
        var columns: [Column] = []
        for row in columnRows {
            let colName = row[1] ?? ""
            let declared = row[2] ?? ""
            let pkIndex = Int(row[5] ?? "0") ?? 0
            let hidden = Int(row[6] ?? "0") ?? 0
            if hidden == 1 { continue } // hidden columns of virtual tables
            if pkIndex > 0 { pkColumns.append((pkIndex, colName)) }
            columns.append(Column(
                name: colName,
                type: Self.dataType(declared: declared),
                declaredType: declared,
                isNullable: row[3] == "0",
                defaultExpression: row[4],
                isGenerated: hidden == 2 || hidden == 3,
                collation: ddl.collations[colName.lowercased()]))
        }
        let primaryKey = pkColumns.sorted { $0.0 < $1.0 }.map(\.1)
        // INTEGER PRIMARY KEY is an alias of the rowid: it can never be NULL,
        // and SQLite assigns it when omitted.
        if primaryKey.count == 1, !ddl.withoutRowid,
           let i = columns.firstIndex(where: { $0.name == primaryKey[0] }),
           columns[i].declaredType.uppercased() == "INTEGER" {
            columns[i].identity = ddl.autoincrement ? .autoincrement : .rowid
            columns[i].isNullable = false
        }
        // Primary key columns of WITHOUT ROWID tables are implicitly NOT NULL;
        // in rowid tables SQLite allows NULL, but a generated key never needs it.
        for name in primaryKey {
            if let i = columns.firstIndex(where: { $0.name == name }) { columns[i].isNullable = false }
        }

        var uniques: [UniqueConstraint] = []
        let indexes = try connection.query(
            "SELECT name, \"unique\", origin, partial FROM pragma_index_list(?)", [name])
        for index in indexes where index[1] == "1" && index[2] != "pk" {
            guard let indexName = index[0] else { continue }
            let parts = try connection.query(
                "SELECT seqno, cid, name FROM pragma_index_xinfo(?) WHERE key = 1 ORDER BY seqno", [indexName])
            var cols: [String] = []
            var expressions: [String] = []
            for p in parts {
                if p[1] == "-2" { expressions.append("expression") } else if let c = p[2] { cols.append(c) }
            }
            var predicate: String?
            if index[3] == "1",
               let isql = try connection.query("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?", [indexName]).first?[0] ?? nil {
                predicate = Self.whereClause(of: isql)
            }
            if !expressions.isEmpty,
               let isql = try connection.query("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?", [indexName]).first?[0] ?? nil {
                expressions = [Self.indexedTerms(of: isql) ?? isql]
            }
            uniques.append(UniqueConstraint(name: index[2] == "c" ? indexName : nil, columns: cols, predicate: predicate, expressions: expressions))
        }

        var fksByID: [Int: ForeignKey] = [:]
        let fkRows = try connection.query(
            "SELECT id, seq, \"table\", \"from\", \"to\", on_delete FROM pragma_foreign_key_list(?) ORDER BY id, seq", [name])
        for row in fkRows {
            let id = Int(row[0] ?? "0") ?? 0
            var fk = fksByID[id] ?? ForeignKey(name: nil, columns: [], referencedTable: QualifiedName(row[2] ?? ""), referencedColumns: [], onDelete: row[5])
            fk.columns.append(row[3] ?? "")
            fk.referencedColumns.append(row[4] ?? "") // empty: the parent's primary key, resolved below
            fksByID[id] = fk
        }
        var foreignKeys = fksByID.keys.sorted().map { fksByID[$0]! }
        for i in foreignKeys.indices {
            let deferred = ddl.deferredForeignKeys.contains(foreignKeys[i].columns.map { $0.lowercased() })
            foreignKeys[i].isDeferrable = deferred
            foreignKeys[i].isInitiallyDeferred = deferred
        }
        foreignKeys = try foreignKeys.map(resolveParentColumns)

        let count = try connection.scalarInt("SELECT count(*) FROM \(quoteIdentifier(name))") ?? 0
        return Table(
            name: QualifiedName(name), columns: columns, primaryKey: primaryKey, uniques: uniques,
            foreignKeys: foreignKeys, checks: ddl.checks, rowCount: count, withoutRowid: ddl.withoutRowid)
    }

    /// `REFERENCES parent` without columns means the parent's primary key; the
    /// parent's name is matched case-insensitively, as SQLite does.
    func resolveParentColumns(_ fk: ForeignKey) throws -> ForeignKey {
        var fk = fk
        let actual = try connection.query(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND lower(name) = lower(?)", [fk.referencedTable.name])
        if let real = actual.first?[0] ?? nil { fk.referencedTable = QualifiedName(real) }
        if fk.referencedColumns.contains("") {
            let pk = try connection.query(
                "SELECT name FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk", [fk.referencedTable.name]).compactMap { $0[0] }
            if pk.count == fk.columns.count { fk.referencedColumns = pk }
        }
        // Match referenced column spelling to the parent's declared names.
        let parentColumns = try connection.query("SELECT name FROM pragma_table_info(?)", [fk.referencedTable.name]).compactMap { $0[0] }
        fk.referencedColumns = fk.referencedColumns.map { col in
            parentColumns.first { $0.caseInsensitiveEquals(col) } ?? col
        }
        return fk
    }

    /// The parenthesised key list of a CREATE INDEX statement (`lower(email), b`).
    static func indexedTerms(of sql: String) -> String? {
        let tokens = SQLTokenizer.tokenize(sql)
        guard let on = tokens.firstIndex(where: { $0.isWord("ON") }),
              let open = tokens[on...].firstIndex(where: { $0.isSymbol("(") }) else { return nil }
        var depth = 0
        for i in open..<tokens.count {
            if tokens[i].isSymbol("(") { depth += 1 }
            if tokens[i].isSymbol(")") {
                depth -= 1
                if depth == 0 {
                    let bytes = Array(sql.utf8)
                    return String(decoding: bytes[tokens[open].range.upperBound..<tokens[i].range.lowerBound], as: UTF8.self)
                }
            }
        }
        return nil
    }

    /// The text after the top-level WHERE of a CREATE INDEX statement.
    static func whereClause(of sql: String) -> String? {
        let tokens = SQLTokenizer.tokenize(sql)
        guard let w = tokens.lastIndex(where: { $0.isWord("WHERE") }), w + 1 < tokens.count else { return nil }
        let start = tokens[w + 1].range.lowerBound
        return String(decoding: Array(sql.utf8)[start...], as: UTF8.self).trimmingSpaces()
    }

    /// Maps a declared SQLite type to a `DataType`, recognising the common
    /// names first and then SQLite's affinity rules (section 3.1 of its docs).
    static func dataType(declared: String) -> DataType {
        let upper = declared.uppercased()
        let args = Self.arguments(upper)
        let base = upper.split(separator: "(").first.map { String($0).trimmingSpaces() } ?? upper
        switch base {
        case "BOOLEAN", "BOOL": return .boolean
        case "DATE": return .date
        case "DATETIME", "TIMESTAMP": return .timestamp(withTimeZone: false)
        case "TIME": return .time(withTimeZone: false)
        case "UUID", "GUID": return .uuid
        case "JSON", "JSONB": return .json
        case "TINYINT", "SMALLINT", "INT2": return .integer(bytes: 2)
        case "MEDIUMINT", "INT", "INT4": return .integer(bytes: 4)
        case "DECIMAL", "NUMERIC", "NUMBER", "MONEY":
            return .numeric(precision: args.first, scale: args.count > 1 ? args[1] : (args.isEmpty ? nil : 0))
        default: break
        }
        if upper.contains("INT") { return .integer(bytes: 8) }
        if upper.contains("CHAR") || upper.contains("CLOB") || upper.contains("TEXT") {
            if base.hasPrefix("CHAR") || base.hasPrefix("NCHAR") || base == "CHARACTER", let n = args.first { return .char(length: n) }
            return .text(maxLength: args.first)
        }
        if upper.contains("BLOB") || upper.isEmpty { return upper.isEmpty ? .text(maxLength: nil) : .bytes }
        if upper.contains("REAL") || upper.contains("FLOA") || upper.contains("DOUB") { return .double }
        if upper.contains("BIT") { return .boolean }
        return .numeric(precision: nil, scale: nil)
    }

    static func arguments(_ type: String) -> [Int] {
        guard let open = type.firstIndex(of: "("), let close = type.lastIndex(of: ")"), open < close else { return [] }
        return type[type.index(after: open)..<close].split(separator: ",").compactMap { Int($0.trimmingSpaces()) }
    }
}

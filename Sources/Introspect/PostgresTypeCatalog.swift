import Foundation
import SchemaModel

/// `pg_type`, enums and domain constraints, read once, so column types
/// resolve in memory: domains to their base type (nested domains too) with
/// every CHECK collected on the way, arrays to their element type.
struct PostgresTypeCatalog {
    struct Entry {
        var name: String
        var schema: String
        var kind: Character        // typtype: b base, d domain, e enum, c composite, r range, m multirange, p pseudo
        var category: Character    // typcategory: A array, ...
        var element: UInt32
        var baseType: UInt32
        var baseTypmod: Int
        var notNull: Bool
        var dimensions: Int
    }

    struct Resolved {
        var type: DataType
        var domain: String?
        var checks: [String]
        var notNull: Bool
        /// CHECKs of the element domain, for an array of a domain.
        var elementChecks: [String] = []
    }

    private var entries: [UInt32: Entry] = [:]
    private var enumLabels: [UInt32: [String]] = [:]
    private var domainChecks: [UInt32: [String]] = [:]
    /// Standalone composite types: their fields (name, type oid, typmod) in order.
    private var compositeFields: [UInt32: [(name: String, type: UInt32, typmod: Int)]] = [:]
    /// Range type → its subtype; multirange type → its range type.
    private var rangeSubtypes: [UInt32: UInt32] = [:]
    private var multiranges: [UInt32: UInt32] = [:]

    init(connection: PostgresConnection) throws {
        for row in try connection.query("""
            SELECT t.oid, t.typname, n.nspname, t.typtype, t.typcategory, t.typelem, t.typbasetype, t.typtypmod, t.typnotnull, t.typndims
            FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
            """) {
            guard let oid = UInt32(row[0] ?? "") else { continue }
            entries[oid] = Entry(
                name: row[1] ?? "", schema: row[2] ?? "", kind: row[3]?.first ?? "b", category: row[4]?.first ?? "U",
                element: UInt32(row[5] ?? "0") ?? 0, baseType: UInt32(row[6] ?? "0") ?? 0,
                baseTypmod: Int(row[7] ?? "-1") ?? -1, notNull: row[8] == "t", dimensions: Int(row[9] ?? "0") ?? 0)
        }
        for row in try connection.query("SELECT enumtypid, enumlabel FROM pg_enum ORDER BY enumtypid, enumsortorder") {
            guard let oid = UInt32(row[0] ?? ""), let label = row[1] else { continue }
            enumLabels[oid, default: []].append(label)
        }
        for row in try connection.query("""
            SELECT t.oid, a.attname, a.atttypid, a.atttypmod
            FROM pg_type t JOIN pg_class c ON c.oid = t.typrelid AND c.relkind = 'c'
            JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
            ORDER BY t.oid, a.attnum
            """) {
            guard let oid = UInt32(row[0] ?? ""), let name = row[1], let type = UInt32(row[2] ?? "") else { continue }
            compositeFields[oid, default: []].append((name, type, Int(row[3] ?? "-1") ?? -1))
        }
        let multirangeColumn = connection.serverVersion >= 140000 ? "rngmultitypid" : "0"
        for row in try connection.query("SELECT rngtypid, rngsubtype, \(multirangeColumn) FROM pg_range") {
            guard let range = UInt32(row[0] ?? ""), let sub = UInt32(row[1] ?? "") else { continue }
            rangeSubtypes[range] = sub
            if let multi = UInt32(row[2] ?? ""), multi != 0 { multiranges[multi] = range }
        }
        for row in try connection.query("""
            SELECT contypid, pg_get_constraintdef(oid, true) FROM pg_constraint WHERE contypid <> 0 AND contype = 'c' ORDER BY contypid, conname
            """) {
            guard let oid = UInt32(row[0] ?? ""), var def = row[1] else { continue }
            if def.hasPrefix("CHECK ") { def = String(def.dropFirst(6)) }
            if def.hasSuffix(" NOT VALID") { def = String(def.dropLast(10)) }
            domainChecks[oid, default: []].append(PostgresIntrospector.stripOuterParens(def))
        }
    }

    func qualifiedName(_ entry: Entry) -> String {
        entry.schema == "public" || entry.schema == "pg_catalog" ? entry.name : "\(entry.schema).\(entry.name)"
    }

    /// Resolves a column's type, following domains down to their base.
    func resolve(oid: UInt32, typmod: Int) -> Resolved {
        var checks: [String] = []
        var notNull = false
        var domain: String?
        var oid = oid
        var typmod = typmod
        var guardCount = 0
        while let entry = entries[oid], entry.kind == "d", guardCount < 32 {
            if domain == nil { domain = qualifiedName(entry) }
            checks += domainChecks[oid] ?? []
            notNull = notNull || entry.notNull
            oid = entry.baseType
            if entry.baseTypmod != -1 { typmod = entry.baseTypmod }
            guardCount += 1
        }
        var resolved = Resolved(type: dataType(oid: oid, typmod: typmod), domain: domain, checks: checks, notNull: notNull)
        if let entry = entries[oid], entry.category == "A", entry.element != 0 {
            resolved.elementChecks = resolve(oid: entry.element, typmod: typmod).checks
        }
        return resolved
    }

    func dataType(oid: UInt32, typmod: Int) -> DataType {
        guard let entry = entries[oid] else { return .unknown("oid \(oid)") }
        if entry.category == "A", entry.element != 0 {
            // A domain over an array, or an array of a domain: resolve the element.
            let element = resolve(oid: entry.element, typmod: typmod).type
            return .array(element: element, dimensions: 1)
        }
        if entry.kind == "e" { return .enumeration(name: qualifiedName(entry), labels: enumLabels[oid] ?? []) }
        if entry.kind == "c", let fields = compositeFields[oid] {
            return .composite(name: qualifiedName(entry), fieldNames: fields.map(\.name),
                              fieldTypes: fields.map { resolve(oid: $0.type, typmod: $0.typmod).type })
        }
        if entry.kind == "r", let sub = rangeSubtypes[oid] {
            return .range(name: qualifiedName(entry), subtype: dataType(oid: sub, typmod: -1), multirange: false)
        }
        if entry.kind == "m", let range = multiranges[oid], let sub = rangeSubtypes[range] {
            return .range(name: qualifiedName(entry), subtype: dataType(oid: sub, typmod: -1), multirange: true)
        }
        switch entry.name {
        case "bool": return .boolean
        case "int2": return .integer(bytes: 2)
        case "int4", "oid", "xid", "cid", "regclass", "regproc", "regtype": return .integer(bytes: 4)
        case "int8": return .integer(bytes: 8)
        case "numeric":
            if typmod >= 4 { return .numeric(precision: ((typmod - 4) >> 16) & 0xffff, scale: (typmod - 4) & 0xffff) }
            return .numeric(precision: nil, scale: nil)
        case "float4": return .real
        case "float8": return .double
        case "money": return .money
        case "text", "name", "citext": return .text(maxLength: nil)
        case "varchar": return .text(maxLength: typmod >= 4 ? typmod - 4 : nil)
        case "bpchar": return .char(length: typmod >= 4 ? typmod - 4 : 1)
        case "char": return .char(length: 1)
        case "date": return .date
        case "time": return .time(withTimeZone: false)
        case "timetz": return .time(withTimeZone: true)
        case "timestamp": return .timestamp(withTimeZone: false)
        case "timestamptz": return .timestamp(withTimeZone: true)
        case "interval": return .interval
        case "uuid": return .uuid
        case "json": return .json
        case "jsonb": return .jsonb
        case "bytea": return .bytes
        case "inet": return .inet
        case "cidr": return .cidr
        case "macaddr", "macaddr8": return .macaddr
        case "bit": return .bit(length: typmod > 0 ? typmod : 1, varying: false)
        case "varbit": return .bit(length: typmod > 0 ? typmod : 16, varying: true)
        case "xml": return .xml
        case "tsvector": return .tsvector
        case "tsquery": return .tsquery
        case "point", "line", "lseg", "box", "path", "polygon", "circle": return .geometric(entry.name)
        default: return .unknown(qualifiedName(entry))
        }
    }
}

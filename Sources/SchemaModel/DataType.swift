/// A column type normalised across SQLite and PostgreSQL.
///
/// The database's own spelling stays on `Column.declaredType`; this is what the
/// generators need to decide how a value looks. Types dbsynth cannot produce
/// land in `.unknown` so the plan can report them before anything is written.
public indirect enum DataType: Sendable, Hashable, Codable {
    case boolean
    /// Signed integer of `bytes` width (2, 4 or 8).
    case integer(bytes: Int)
    /// Exact decimal; `nil` precision means unconstrained.
    case numeric(precision: Int?, scale: Int?)
    case real
    case double
    case money
    /// Variable-length text; `nil` means unbounded.
    case text(maxLength: Int?)
    /// Blank-padded fixed length text (`char(n)`).
    case char(length: Int)
    case date
    case time(withTimeZone: Bool)
    case timestamp(withTimeZone: Bool)
    case interval
    case uuid
    case json
    case jsonb
    case bytes
    case inet
    case cidr
    case macaddr
    case bit(length: Int, varying: Bool)
    case xml
    case tsvector
    case tsquery
    /// A geometric type by name: point, line, lseg, box, path, polygon, circle.
    case geometric(String)
    /// A composite (row) type with its fields in order.
    case composite(name: String, fieldNames: [String], fieldTypes: [DataType])
    /// A range over `subtype` (`int4range`, `tstzrange`…), or a multirange of it.
    case range(name: String, subtype: DataType, multirange: Bool)
    /// A PostgreSQL enum with its labels in declaration order.
    case enumeration(name: String, labels: [String])
    /// An array of `element` with `dimensions` (1 for `int[]`).
    case array(element: DataType, dimensions: Int)
    /// Anything else, by the database's name for it.
    case unknown(String)

    /// Human-readable short name used by `inspect`.
    public var summary: String {
        switch self {
        case .boolean: return "boolean"
        case .integer(let b): return "int\(b * 8)"
        case .numeric(let p, let s):
            if let p { return "numeric(\(p),\(s ?? 0))" }
            return "numeric"
        case .real: return "real"
        case .double: return "double"
        case .money: return "money"
        case .text(let n): return n.map { "varchar(\($0))" } ?? "text"
        case .char(let n): return "char(\(n))"
        case .date: return "date"
        case .time(let tz): return tz ? "timetz" : "time"
        case .timestamp(let tz): return tz ? "timestamptz" : "timestamp"
        case .interval: return "interval"
        case .uuid: return "uuid"
        case .json: return "json"
        case .jsonb: return "jsonb"
        case .bytes: return "bytes"
        case .inet: return "inet"
        case .cidr: return "cidr"
        case .macaddr: return "macaddr"
        case .bit(let n, let v): return v ? "varbit(\(n))" : "bit(\(n))"
        case .xml: return "xml"
        case .tsvector: return "tsvector"
        case .tsquery: return "tsquery"
        case .geometric(let name): return name
        case .composite(let name, _, _): return name
        case .range(let name, _, _): return name
        case .enumeration(let name, _): return "enum \(name)"
        case .array(let e, let d): return e.summary + String(repeating: "[]", count: d)
        case .unknown(let name): return name
        }
    }

    /// True for the integer family (what a rowid alias or serial column holds).
    public var isInteger: Bool {
        if case .integer = self { return true }
        return false
    }

    /// True when values of this type are text-like for length limits and patterns.
    public var isTextual: Bool {
        switch self {
        case .text, .char: return true
        default: return false
        }
    }

    /// The most characters a value may have: `varchar(n)` and `char(n)`; nil otherwise.
    public var lengthLimit: Int? {
        switch self {
        case .text(let n): return n
        case .char(let n): return n
        default: return nil
        }
    }
}

/// A fixed value with its type (`1` is an integer, `"1"` text, `null` NULL):
/// what `constant`, `one_of` and `weighted_choice` write, and the labels of
/// enums and CHECK IN-lists.
package enum Literal: Sendable, Hashable, CustomStringConvertible {
    case null
    case int(Int64)
    case double(Double)
    case bool(Bool)
    case text(String)

    package var description: String {
        switch self {
        case .null: return "null"
        case .int(let i): return String(i)
        case .double(let d): return String(d)
        case .bool(let b): return b ? "true" : "false"
        case .text(let s): return s
        }
    }

    /// The value as a CHECK evaluator sees it.
    package var checkValue: CheckValue {
        switch self {
        case .null: return .null
        case .int(let i): return .number(Double(i))
        case .double(let d): return .number(d)
        case .bool(let b): return .bool(b)
        case .text(let s): return .text(s)
        }
    }

    /// The value a generator wrote, kept (a linked pool's entries).
    package init(_ value: Value) {
        switch value.kind {
        case .null: self = .null
        case .int: self = .int(value.int)
        case .double: self = .double(value.double)
        case .bool: self = .bool(value.int != 0)
        case .text, .bytes: self = .text(String(decoding: value.bytes.bytes, as: UTF8.self))
        }
    }

    @inline(__always)
    package func write(into value: inout Value) {
        switch self {
        case .null: value.setNull()
        case .int(let i): value.setInt(i)
        case .double(let d): value.setDouble(d)
        case .bool(let b): value.setBool(b)
        case .text(let s): value.setText(s)
        }
    }
}

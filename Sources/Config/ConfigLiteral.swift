import Engine

/// A literal value from the config (`constant`, `one_of`, `weighted_choice`),
/// keeping its YAML type so `1` goes out as an integer and `"1"` as text.
package enum ConfigLiteral: Sendable, Hashable, CustomStringConvertible {
    case null
    case int(Int64)
    case double(Double)
    case bool(Bool)
    case text(String)

    /// Plain scalars are typed like YAML 1.2's core schema; quoted ones are text.
    package init(yamlScalar s: String, quoted: Bool) {
        if quoted { self = .text(s); return }
        switch s {
        case "", "~", "null", "Null", "NULL": self = .null
        case "true", "True", "TRUE": self = .bool(true)
        case "false", "False", "FALSE": self = .bool(false)
        default:
            if let i = Int64(s) { self = .int(i) } else if let d = Double(s), d.isFinite, s.contains(where: \.isNumber) { self = .double(d) } else { self = .text(s) }
        }
    }

    /// A map key from `weighted_choice.values` (YAML keys are scalars, typed the same way).
    package init(key: String) { self.init(yamlScalar: key, quoted: false) }

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

    package var valueClass: ValueClass {
        switch self {
        case .null: return .text
        case .int: return .integer
        case .double: return .float
        case .bool: return .boolean
        case .text: return .text
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

/// The shape of a generator's values: decides the column type a dataset
/// column gets in file mode and which live column types a generator may fill.
package enum ValueClass: String, Sendable {
    case integer, float, text, boolean, date, timestamp, uuid, json
}

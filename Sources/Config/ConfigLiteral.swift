import Engine

/// A literal value from the config (`constant`, `one_of`, `weighted_choice`),
/// keeping its YAML type so `1` goes out as an integer and `"1"` as text:
/// Engine's `Literal`, read from YAML here.
package typealias ConfigLiteral = Literal

extension Literal {
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

    package var valueClass: ValueClass {
        switch self {
        case .null: return .text
        case .int: return .integer
        case .double: return .float
        case .bool: return .boolean
        case .text: return .text
        }
    }
}

/// The shape of a generator's values: decides the column type a dataset
/// column gets in file mode and which live column types a generator may fill.
package enum ValueClass: String, Sendable {
    case integer, float, text, boolean, date, timestamp, uuid, json
}

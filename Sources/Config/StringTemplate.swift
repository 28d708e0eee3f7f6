import Introspect
import SchemaModel
/// A `string_pattern` template split into literal text and placeholders:
/// `{sequential_id}` (row + 1), `{uuid}`, `{uniform_int:MIN-MAX}` (MIN
/// inclusive, MAX exclusive, as smelt-datagen does) and `{one_of:a,b,c}`.
package struct StringTemplate: Sendable {
    package enum Part: Sendable {
        case literal(String)
        case sequentialID
        case uuid
        case uniformInt(min: Int64, max: Int64)
        case oneOf([String])
    }

    package let parts: [Part]
    package let source: String

    /// Parses `text`; the error message names the bad placeholder.
    package static func parse(_ text: String) throws(TemplateError) -> StringTemplate {
        var parts: [Part] = []
        var literal = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            literal += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { throw TemplateError("unclosed '{' in the template") }
            let body = rest[rest.index(after: open)..<close]
            if !literal.isEmpty { parts.append(.literal(literal)); literal = "" }
            let name = body.prefix { $0 != ":" }
            let argument = body.dropFirst(name.count + 1)
            switch name {
            case "sequential_id": parts.append(.sequentialID)
            case "uuid": parts.append(.uuid)
            case "uniform_int":
                // MIN-MAX, where MIN may be negative: split at the last '-' not at the start.
                guard let dash = argument.dropFirst().lastIndex(of: "-"),
                      let lo = Int64(argument[..<dash]), let hi = Int64(argument[argument.index(after: dash)...]) else {
                    throw TemplateError("{uniform_int:\(argument)}: expected {uniform_int:MIN-MAX}, e.g. {uniform_int:1-100}")
                }
                guard lo < hi else { throw TemplateError("{uniform_int:\(argument)}: MIN must be below MAX (MAX is exclusive)") }
                parts.append(.uniformInt(min: lo, max: hi))
            case "one_of":
                let values = argument.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                guard !argument.isEmpty else { throw TemplateError("{one_of:}: expected {one_of:a,b,c}") }
                parts.append(.oneOf(values))
            default:
                let known = ["sequential_id", "uuid", "uniform_int", "one_of"]
                throw TemplateError("unknown placeholder {\(body)}\(Suggest.hint(String(name), among: known)) (known: {sequential_id}, {uuid}, {uniform_int:MIN-MAX}, {one_of:a,b,c})")
            }
            rest = rest[rest.index(after: close)...]
        }
        literal += rest
        if !literal.isEmpty { parts.append(.literal(literal)) }
        return StringTemplate(parts: parts, source: text)
    }

    package struct TemplateError: Error {
        package var message: String
        init(_ message: String) { self.message = message }
    }

    /// True when every value is made only of digits (`{sequential_id}`, `{uniform_int:…}` with no text around).
    package var isNumeric: Bool {
        parts.allSatisfy { part in
            switch part {
            case .sequentialID: return true
            case .uniformInt(let lo, _): return lo >= 0
            case .literal(let s): return s.allSatisfy(\.isNumber)
            default: return false
            }
        }
    }
}

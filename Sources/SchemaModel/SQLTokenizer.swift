/// A minimal SQL lexer shared by the SQLite DDL reader and the CHECK parser.
///
/// It knows exactly what is needed to find constraint text inside DDL safely:
/// string literals, the four identifier quotings (`"x"`, `[x]`, `` `x` ``),
/// comments, numbers, and punctuation. Anything else is a word.
package struct SQLToken: Sendable, Equatable {
    package enum Kind: Sendable, Equatable {
        case word          // keyword or bare identifier
        case quotedIdentifier
        case string        // '...'
        case number
        case symbol        // ( ) , . ; operators
    }

    package var kind: Kind
    /// Unquoted text for identifiers and strings; the raw text otherwise.
    package var text: String
    /// Byte range of the token in the source (UTF-8 offsets).
    package var range: Range<Int>

    package init(kind: Kind, text: String, range: Range<Int>) {
        self.kind = kind
        self.text = text
        self.range = range
    }

    package func isWord(_ w: String) -> Bool {
        kind == .word && text.caseInsensitiveEquals(w)
    }

    package func isSymbol(_ s: String) -> Bool { kind == .symbol && text == s }
}

package enum SQLTokenizer {
    package static func tokenize(_ source: String) -> [SQLToken] {
        let bytes = Array(source.utf8)
        var tokens: [SQLToken] = []
        var i = 0
        var arrayDepth = 0
        func text(_ r: Range<Int>) -> String { String(decoding: bytes[r], as: UTF8.self) }
        while i < bytes.count {
            let c = bytes[i]
            if c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D { i += 1; continue }
            // -- comment
            if c == UInt8(ascii: "-"), i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "-") {
                while i < bytes.count, bytes[i] != 0x0A { i += 1 }
                continue
            }
            // /* comment */
            if c == UInt8(ascii: "/"), i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "*") {
                i += 2
                while i + 1 < bytes.count, !(bytes[i] == UInt8(ascii: "*") && bytes[i + 1] == UInt8(ascii: "/")) { i += 1 }
                i = min(i + 2, bytes.count)
                continue
            }
            let start = i
            switch c {
            case UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "`"):
                let close = c
                var value: [UInt8] = []
                i += 1
                while i < bytes.count {
                    if bytes[i] == close {
                        if i + 1 < bytes.count, bytes[i + 1] == close { value.append(close); i += 2; continue }
                        i += 1
                        break
                    }
                    value.append(bytes[i]); i += 1
                }
                let kind: SQLToken.Kind = c == UInt8(ascii: "'") ? .string : .quotedIdentifier
                tokens.append(SQLToken(kind: kind, text: String(decoding: value, as: UTF8.self), range: start..<i))
            case UInt8(ascii: "["):
                // `[` quotes an identifier in SQLite (`[Order Details]`) but is an
                // array bracket in PostgreSQL: after ARRAY, inside an array
                // literal, in `text[]`, and in subscripts like `a[1]` / `a[1:2]`.
                var j = i + 1
                while j < bytes.count, bytes[j] != UInt8(ascii: "]") { j += 1 }
                let inner = bytes[(i + 1)..<min(j, bytes.count)]
                let previous = tokens.last
                let isArrayBracket = arrayDepth > 0
                    || previous?.isWord("ARRAY") == true
                    || inner.isEmpty
                    || inner.allSatisfy { ($0 >= 48 && $0 <= 57) || $0 == UInt8(ascii: ":") || $0 == 0x20 }
                if isArrayBracket {
                    arrayDepth += 1
                    i += 1
                    tokens.append(SQLToken(kind: .symbol, text: "[", range: start..<i))
                } else {
                    i = j
                    tokens.append(SQLToken(kind: .quotedIdentifier, text: text(start + 1..<min(i, bytes.count)), range: start..<min(i + 1, bytes.count)))
                    i += 1
                }
            case UInt8(ascii: "]") where arrayDepth > 0:
                arrayDepth -= 1
                i += 1
                tokens.append(SQLToken(kind: .symbol, text: "]", range: start..<i))
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                while i < bytes.count, isNumberByte(bytes[i]) ||
                        ((bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-")) && (bytes[i - 1] | 0x20) == UInt8(ascii: "e")) {
                    i += 1
                }
                tokens.append(SQLToken(kind: .number, text: text(start..<i), range: start..<i))
            case UInt8(ascii: "."):
                if i + 1 < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[i + 1]) {
                    i += 1
                    while i < bytes.count, isNumberByte(bytes[i]) { i += 1 }
                    tokens.append(SQLToken(kind: .number, text: text(start..<i), range: start..<i))
                } else {
                    i += 1
                    tokens.append(SQLToken(kind: .symbol, text: ".", range: start..<i))
                }
            default:
                if isWordByte(c) {
                    while i < bytes.count, isWordByte(bytes[i]) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[i]) || bytes[i] == UInt8(ascii: "$") { i += 1 }
                    tokens.append(SQLToken(kind: .word, text: text(start..<i), range: start..<i))
                } else {
                    // Two-character operators first.
                    let two = i + 1 < bytes.count ? text(i..<i + 2) : ""
                    if ["<=", ">=", "<>", "!=", "::", "||", "~*", "!~"].contains(two) {
                        i += 2
                        if two == "!~", i < bytes.count, bytes[i] == UInt8(ascii: "*") { i += 1 }
                        tokens.append(SQLToken(kind: .symbol, text: text(start..<i), range: start..<i))
                    } else {
                        i += 1
                        tokens.append(SQLToken(kind: .symbol, text: text(start..<i), range: start..<i))
                    }
                }
            }
        }
        return tokens
    }

    private static func isNumberByte(_ b: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b) || b == UInt8(ascii: ".") || b == UInt8(ascii: "e") || b == UInt8(ascii: "E")
    }

    private static func isWordByte(_ b: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(b) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(b) || b == UInt8(ascii: "_") || b >= 0x80
    }
}

extension String {
    package func caseInsensitiveEquals(_ other: String) -> Bool {
        guard utf8.count == other.utf8.count else { return false }
        return zip(utf8, other.utf8).allSatisfy { a, b in
            a == b || (a | 0x20 == b | 0x20 && (a | 0x20) >= UInt8(ascii: "a") && (a | 0x20) <= UInt8(ascii: "z"))
        }
    }
}

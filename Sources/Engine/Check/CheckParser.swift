import SchemaModel

/// A CHECK expression that could not be parsed.
package struct CheckParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// 1-based character position in the text (one past the last character
    /// when the input ended too early).
    package var position: Int
    /// What went wrong, without the position.
    package var reason: String
    /// Whether the input ended where more was expected.
    package var atEnd: Bool

    package init(position: Int, reason: String, atEnd: Bool = false) {
        self.position = position
        self.reason = reason
        self.atEnd = atEnd
    }

    /// The reason with the position: `unexpected ')' at position 6`,
    /// `expected an expression at end of input (position 4)`.
    package var message: String {
        atEnd ? "\(reason) at end of input (position \(position))" : "\(reason) at position \(position)"
    }

    package var description: String { message }
}

/// Parses the text of a CHECK expression, as PostgreSQL prints it
/// (`pg_get_constraintdef(oid, true)` without the outer `CHECK (...)`) or as
/// it stands in a SQLite `CREATE TABLE` (the text inside `CHECK(...)`).
/// A trailing `NOT VALID` / `NO INHERIT` (as PostgreSQL prints them after the
/// parentheses) is ignored.
///
/// Precedence (lowest first), following PostgreSQL: OR; AND; NOT; IS /
/// ISNULL / NOTNULL; comparisons; BETWEEN / IN / LIKE / ILIKE / GLOB /
/// REGEXP; other operators (`~`, `~*`, `!~`, `!~*`, `~~`, `||`); `+ -`;
/// `* / %`; `^`; unary minus; `::` and COLLATE.
package enum CheckParser {
    package static func parse(_ text: String) throws -> CheckExpression {
        var parser = CheckSyntaxParser(source: text)
        if parser.tokens.isEmpty {
            throw CheckParseError(position: 1, reason: "empty CHECK expression", atEnd: true)
        }
        let e = try parser.parseExpression(0)
        // pg_get_constraintdef appends these after the closing parenthesis.
        while parser.atWord("NOT"), parser.atWord("VALID", 1) { parser.index += 2 }
        while parser.atWord("NO"), parser.atWord("INHERIT", 1) { parser.index += 2 }
        while parser.atWord("NOT"), parser.atWord("VALID", 1) { parser.index += 2 }
        if parser.index < parser.tokens.count {
            throw parser.error("unexpected \(parser.describe(parser.tokens[parser.index]))", at: parser.tokens[parser.index])
        }
        return e
    }

    /// The items of a flat PostgreSQL array literal (`{a,"b c",NULL}` →
    /// ["a", "b c", nil]); nil when the text is not one.
    package static func parseArrayLiteral(_ s: String) -> [String?]? {
        CheckSyntaxParser.parseArrayLiteral(s)
    }
}

private struct CheckSyntaxParser {
    let source: String
    let bytes: [UInt8]
    var tokens: [SQLToken]
    var index = 0

    init(source: String) {
        self.source = source
        self.bytes = Array(source.utf8)
        self.tokens = Self.lex(source, bytes: bytes)
    }

    // MARK: Lexing on top of SQLTokenizer

    /// Runs `SQLTokenizer` and fixes up what a CHECK needs beyond it:
    /// - `[` after `ARRAY`, after `]`, or enclosing nothing / a subscript is a
    ///   bracket, not a SQLite `[identifier]` (PostgreSQL `ARRAY['a', 'b']`,
    ///   `text[]`); the rest of the text is tokenized again from there;
    /// - adjacent operator characters are joined into PostgreSQL's
    ///   multi-character operators (`~~`, `~~*`, `!~~`, `!~~*`, `==`, ...);
    /// - `E'...'` / `N'...'` become plain strings (`E` ones unescaped).
    static func lex(_ source: String, bytes: [UInt8]) -> [SQLToken] {
        var raw: [SQLToken] = []
        var offset = 0
        outer: while offset <= bytes.count {
            let rest = String(decoding: bytes[offset...], as: UTF8.self)
            let part = SQLTokenizer.tokenize(rest)
            for var t in part {
                t.range = (t.range.lowerBound + offset)..<(t.range.upperBound + offset)
                if t.kind == .quotedIdentifier, t.range.lowerBound < bytes.count, bytes[t.range.lowerBound] == UInt8(ascii: "["),
                   isBracket(t, previous: raw.last) {
                    var bracket = t
                    bracket.kind = .symbol
                    bracket.text = "["
                    bracket.range = t.range.lowerBound..<t.range.lowerBound + 1
                    raw.append(bracket)
                    offset = t.range.lowerBound + 1
                    continue outer
                }
                raw.append(t)
            }
            break
        }

        let operators = ["!~~*", "!~~", "~~*", "!~*", "~~", "!~", "~*", "==", "<>", "!=", "<=", ">=", "||", "::"]
        var out: [SQLToken] = []
        var i = 0
        while i < raw.count {
            let t = raw[i]
            if t.kind == .symbol {
                // Longest known operator made of whole, adjacent symbol tokens.
                var best: (text: String, count: Int)? = nil
                var text = t.text
                var j = i + 1
                if operators.contains(text) { best = (text, 1) }
                while j < raw.count, j - i < 4, raw[j].kind == .symbol, raw[j].range.lowerBound == raw[j - 1].range.upperBound {
                    text += raw[j].text
                    j += 1
                    if operators.contains(text) { best = (text, j - i) }
                }
                if let best, best.count > 1 {
                    var op = t
                    op.text = best.text
                    op.range = t.range.lowerBound..<raw[i + best.count - 1].range.upperBound
                    out.append(op)
                    i += best.count
                    continue
                }
                out.append(t)
                i += 1
                continue
            }
            if t.kind == .word, i + 1 < raw.count, raw[i + 1].kind == .string, raw[i + 1].range.lowerBound == t.range.upperBound {
                let prefix = t.text.lowercased()
                if prefix == "e" || prefix == "n" {
                    var s = raw[i + 1]
                    if prefix == "e" { s.text = unescapeE(s.text) }
                    s.range = t.range.lowerBound..<s.range.upperBound
                    out.append(s)
                    i += 2
                    continue
                }
            }
            out.append(t)
            i += 1
        }
        return out
    }

    private static func isBracket(_ t: SQLToken, previous: SQLToken?) -> Bool {
        if let p = previous {
            if p.isWord("ARRAY") || p.isSymbol("]") || p.isSymbol("[") { return true }
        }
        let content = t.text.filter { $0 != " " }
        if content.isEmpty { return true }
        // A subscript or slice (`x[1]`, `x[1:2]`) right after an operand.
        if let p = previous, p.kind == .word || p.kind == .quotedIdentifier || p.isSymbol(")"),
           content.allSatisfy({ $0.isNumber || $0 == ":" }) {
            return true
        }
        return false
    }

    private static func unescapeE(_ s: String) -> String {
        var out = ""
        var it = s.makeIterator()
        while let c = it.next() {
            guard c == "\\" else { out.append(c); continue }
            guard let n = it.next() else { out.append(c); break }
            switch n {
            case "n": out.append("\n")
            case "t": out.append("\t")
            case "r": out.append("\r")
            case "b": out.append("\u{8}")
            case "f": out.append("\u{c}")
            default: out.append(n)
            }
        }
        return out
    }

    // MARK: Errors

    func charPosition(byteOffset: Int) -> Int {
        String(decoding: bytes[0..<min(byteOffset, bytes.count)], as: UTF8.self).count + 1
    }

    func error(_ reason: String, at token: SQLToken?) -> CheckParseError {
        if let token {
            return CheckParseError(position: charPosition(byteOffset: token.range.lowerBound), reason: reason)
        }
        return CheckParseError(position: charPosition(byteOffset: bytes.count), reason: reason, atEnd: true)
    }

    func describe(_ t: SQLToken) -> String {
        switch t.kind {
        case .string: return "string '\(t.text)'"
        case .quotedIdentifier: return "identifier \"\(t.text)\""
        default: return "'\(t.text)'"
        }
    }

    // MARK: Token helpers

    var current: SQLToken? { index < tokens.count ? tokens[index] : nil }

    func peek(_ offset: Int = 0) -> SQLToken? {
        index + offset < tokens.count ? tokens[index + offset] : nil
    }

    func atWord(_ w: String, _ offset: Int = 0) -> Bool { peek(offset)?.isWord(w) ?? false }
    func atSymbol(_ s: String, _ offset: Int = 0) -> Bool { peek(offset)?.isSymbol(s) ?? false }

    mutating func advance() -> SQLToken {
        let t = tokens[index]
        index += 1
        return t
    }

    mutating func expectSymbol(_ s: String, context: String = "") throws {
        guard atSymbol(s) else {
            let what = context.isEmpty ? "expected '\(s)'" : "expected '\(s)' \(context)"
            if let t = current { throw error(what + ", found \(describe(t))", at: t) }
            throw error(what, at: nil)
        }
        index += 1
    }

    mutating func expectWord(_ w: String, context: String = "") throws {
        guard atWord(w) else {
            let what = context.isEmpty ? "expected \(w)" : "expected \(w) \(context)"
            if let t = current { throw error(what + ", found \(describe(t))", at: t) }
            throw error(what, at: nil)
        }
        index += 1
    }

    // MARK: Precedence climbing

    enum Infix {
        case or, and, isTest, isNullWord(negated: Bool), notNullPostfix
        case comparison(CheckExpression.ComparisonOperator)
        case between(negated: Bool), inList(negated: Bool), match(CheckExpression.MatchOperator, negated: Bool, words: Int)
        case arithmetic(CheckExpression.ArithmeticOperator)
        case cast, collate, arraySubscript
    }

    func peekInfix() -> (Int, Infix)? {
        guard let t = current else { return nil }
        switch t.kind {
        case .word:
            let w = t.text.uppercased()
            switch w {
            case "OR": return (1, .or)
            case "AND": return (2, .and)
            case "IS": return (4, .isTest)
            case "ISNULL": return (4, .isNullWord(negated: false))
            case "NOTNULL": return (4, .isNullWord(negated: true))
            case "IN": return (6, .inList(negated: false))
            case "BETWEEN": return (6, .between(negated: false))
            case "LIKE": return (6, .match(.like, negated: false, words: 1))
            case "ILIKE": return (6, .match(.ilike, negated: false, words: 1))
            case "GLOB": return (6, .match(.glob, negated: false, words: 1))
            case "REGEXP": return (6, .match(.regex, negated: false, words: 1))
            case "COLLATE": return (12, .collate)
            case "NOT":
                guard let n = peek(1), n.kind == .word else { return nil }
                switch n.text.uppercased() {
                case "IN": return (6, .inList(negated: true))
                case "BETWEEN": return (6, .between(negated: true))
                case "LIKE": return (6, .match(.like, negated: true, words: 2))
                case "ILIKE": return (6, .match(.ilike, negated: true, words: 2))
                case "GLOB": return (6, .match(.glob, negated: true, words: 2))
                case "REGEXP": return (6, .match(.regex, negated: true, words: 2))
                case "NULL": return (4, .notNullPostfix)
                default: return nil
                }
            default: return nil
            }
        case .symbol:
            switch t.text {
            case "=", "==": return (5, .comparison(.equal))
            case "<>", "!=": return (5, .comparison(.notEqual))
            case "<": return (5, .comparison(.less))
            case "<=": return (5, .comparison(.lessOrEqual))
            case ">": return (5, .comparison(.greater))
            case ">=": return (5, .comparison(.greaterOrEqual))
            case "~": return (7, .match(.regex, negated: false, words: 1))
            case "~*": return (7, .match(.regexCaseInsensitive, negated: false, words: 1))
            case "!~": return (7, .match(.regex, negated: true, words: 1))
            case "!~*": return (7, .match(.regexCaseInsensitive, negated: true, words: 1))
            case "~~": return (7, .match(.like, negated: false, words: 1))
            case "~~*": return (7, .match(.ilike, negated: false, words: 1))
            case "!~~": return (7, .match(.like, negated: true, words: 1))
            case "!~~*": return (7, .match(.ilike, negated: true, words: 1))
            case "||": return (7, .arithmetic(.concat))
            case "+": return (8, .arithmetic(.add))
            case "-": return (8, .arithmetic(.subtract))
            case "*": return (9, .arithmetic(.multiply))
            case "/": return (9, .arithmetic(.divide))
            case "%": return (9, .arithmetic(.modulo))
            case "^": return (10, .arithmetic(.power))
            case "::": return (12, .cast)
            case "[": return (12, .arraySubscript)
            default: return nil
            }
        default:
            return nil
        }
    }

    mutating func parseExpression(_ minPrec: Int) throws -> CheckExpression {
        var lhs = try parsePrefix()
        while let (prec, op) = peekInfix(), prec >= minPrec {
            lhs = try parseInfix(lhs, op, prec)
        }
        return lhs
    }

    mutating func parsePrefix() throws -> CheckExpression {
        guard let t = current else { throw error("expected an expression", at: nil) }
        if t.isWord("NOT") {
            index += 1
            return .not(try parseExpression(4))
        }
        if t.isSymbol("-") {
            index += 1
            let operand = try parseExpression(11)
            if case .number(let v, let text) = operand {
                return .number(-v, text: text.hasPrefix("-") ? String(text.dropFirst()) : "-" + text)
            }
            return .negate(operand)
        }
        if t.isSymbol("+") {
            index += 1
            return try parseExpression(11)
        }
        return try parsePrimary()
    }

    mutating func parseInfix(_ lhs: CheckExpression, _ op: Infix, _ prec: Int) throws -> CheckExpression {
        let opToken = advance()
        switch op {
        case .or:
            return .or(lhs, try parseExpression(prec + 1))
        case .and:
            return .and(lhs, try parseExpression(prec + 1))
        case .isNullWord(let negated):
            return .isNull(lhs, negated: negated)
        case .notNullPostfix:
            index += 1 // NULL
            return .isNull(lhs, negated: true)
        case .isTest:
            var negated = false
            if atWord("NOT") { index += 1; negated = true }
            if atWord("NULL") || atWord("UNKNOWN") { index += 1; return .isNull(lhs, negated: negated) }
            if atWord("TRUE") { index += 1; return .isDistinct(lhs, .bool(true), negated: !negated) }
            if atWord("FALSE") { index += 1; return .isDistinct(lhs, .bool(false), negated: !negated) }
            if atWord("DISTINCT") {
                index += 1
                try expectWord("FROM", context: "after IS DISTINCT")
                return .isDistinct(lhs, try parseExpression(prec + 2), negated: negated)
            }
            // SQLite: `a IS b` is `a IS NOT DISTINCT FROM b`.
            return .isDistinct(lhs, try parseExpression(prec + 2), negated: !negated)
        case .comparison(let cmp):
            if let q = current, q.isWord("ANY") || q.isWord("SOME") || q.isWord("ALL"), atSymbol("(", 1) {
                return try parseQuantified(lhs, cmp, quantifier: advance())
            }
            return .comparison(cmp, lhs, try parseExpression(prec + 1))
        case .between(let negated):
            if negated { index += 1 }
            if atWord("SYMMETRIC") { throw error("BETWEEN SYMMETRIC is not supported", at: current) }
            let low = try parseExpression(prec + 1)
            try expectWord("AND", context: "in BETWEEN")
            let high = try parseExpression(prec + 1)
            return .between(lhs, low: low, high: high, negated: negated)
        case .inList(let negated):
            if negated { index += 1 }
            guard atSymbol("(") else {
                throw error("expected '(' after IN", at: current)
            }
            let open = advance()
            if atWord("SELECT") || atWord("VALUES") { throw error("subqueries are not supported", at: current) }
            var items: [CheckExpression] = []
            if !atSymbol(")") {
                repeat {
                    items.append(try parseExpression(0))
                } while try consumeComma()
            }
            guard atSymbol(")") else {
                throw error("unclosed IN list from position \(charPosition(byteOffset: open.range.lowerBound)): expected ')'"
                            + (current.map { ", found \(describe($0))" } ?? ""), at: current)
            }
            index += 1
            return .inList(lhs, items, negated: negated)
        case .match(let m, let negated, let words):
            if words == 2 { index += 1 }
            let pattern = try parseExpression(prec + 1)
            if atWord("ESCAPE") { throw error("LIKE ... ESCAPE is not supported", at: current) }
            return .match(m, lhs, pattern: pattern, negated: negated)
        case .arithmetic(let a):
            return .arithmetic(a, lhs, try parseExpression(prec + 1))
        case .cast:
            return .cast(lhs, type: try parseTypeName())
        case .collate:
            guard let n = current, n.kind == .word || n.kind == .quotedIdentifier else {
                throw error("expected a collation name after COLLATE", at: current)
            }
            index += 1
            var name = n.text
            while atSymbol("."), let m = peek(1), m.kind == .word || m.kind == .quotedIdentifier {
                index += 2
                name += "." + m.text
            }
            return .collate(lhs, name)
        case .arraySubscript:
            throw error("array subscripts are not supported", at: opToken)
        }
    }

    mutating func consumeComma() throws -> Bool {
        if atSymbol(",") { index += 1; return true }
        return false
    }

    /// `x = ANY (ARRAY[...])`, `x <> ALL (...)`; the only quantified forms a
    /// CHECK needs are IN and NOT IN in PostgreSQL's spelling.
    mutating func parseQuantified(_ lhs: CheckExpression, _ cmp: CheckExpression.ComparisonOperator, quantifier: SQLToken) throws -> CheckExpression {
        let isAll = quantifier.isWord("ALL")
        let negated: Bool
        switch (cmp, isAll) {
        case (.equal, false): negated = false
        case (.notEqual, true): negated = true
        default:
            throw error("only '= ANY' and '<> ALL' are supported, not '\(cmp.rawValue) \(quantifier.text.uppercased())'", at: quantifier)
        }
        let open = advance() // (
        if atWord("SELECT") || atWord("VALUES") { throw error("subqueries are not supported", at: current) }
        let inner = try parseExpression(0)
        guard atSymbol(")") else {
            throw error("unclosed \(quantifier.text.uppercased()) (...) from position \(charPosition(byteOffset: open.range.lowerBound)): expected ')'"
                        + (current.map { ", found \(describe($0))" } ?? ""), at: current)
        }
        index += 1
        guard let items = Self.arrayItems(inner) else {
            throw error("\(quantifier.text.uppercased()) needs an ARRAY[...] or '{...}' list", at: quantifier)
        }
        return .inList(lhs, items, negated: negated)
    }

    /// The elements of `ARRAY[...]` or of a `'{a,b}'::type[]` literal, under
    /// any casts.
    static func arrayItems(_ e: CheckExpression) -> [CheckExpression]? {
        var node = e
        var arrayType: String? = nil
        while true {
            switch node {
            case .cast(let inner, let t):
                if arrayType == nil, CheckExpression.baseTypeName(t).isArray { arrayType = t }
                node = inner
                continue
            case .collate(let inner, _):
                node = inner
                continue
            default: break
            }
            break
        }
        switch node {
        case .function("array", let items): return items
        case .string(let s) where arrayType != nil:
            let elementType = String(arrayType!.dropLast(2))
            guard let parts = parseArrayLiteral(s) else { return nil }
            return parts.map { part in
                guard let part else { return .null }
                switch CheckExpression.typeFamily(elementType) {
                case .integer, .decimal:
                    if let v = Double(part) { return .number(v, text: part) }
                    return .cast(.string(part), type: elementType)
                case .text: return .string(part)
                default: return .cast(.string(part), type: elementType)
                }
            }
        default: return nil
        }
    }

    /// `{a,"b c",NULL}` → ["a", "b c", nil]; nil when not a flat array literal.
    static func parseArrayLiteral(_ s: String) -> [String?]? {
        let chars = Array(s.trimmingSpaces())
        guard chars.first == "{", chars.last == "}" else { return nil }
        var out: [String?] = []
        var i = 1
        let end = chars.count - 1
        if chars[1..<end].allSatisfy({ $0 == " " }) { return [] }
        while i <= end {
            while i < end, chars[i] == " " { i += 1 }
            var item = ""
            var quoted = false
            if i < end, chars[i] == "\"" {
                quoted = true
                i += 1
                while i < end, chars[i] != "\"" {
                    if chars[i] == "\\", i + 1 < end { i += 1 }
                    item.append(chars[i]); i += 1
                }
                guard i < end else { return nil }
                i += 1
                while i < end, chars[i] == " " { i += 1 }
            } else {
                while i < end, chars[i] != "," {
                    if chars[i] == "{" || chars[i] == "\"" { return nil }
                    if chars[i] == "\\", i + 1 < end { i += 1 }
                    item.append(chars[i]); i += 1
                }
                item = item.trimmingSpaces()
            }
            out.append(!quoted && item.caseInsensitiveEquals("NULL") ? nil : item)
            if i == end { break }
            guard chars[i] == "," else { return nil }
            i += 1
        }
        return out
    }

    // MARK: Primaries

    mutating func parsePrimary() throws -> CheckExpression {
        guard let t = current else { throw error("expected an expression", at: nil) }
        switch t.kind {
        case .number:
            index += 1
            guard let v = Double(t.text) else { throw error("malformed number '\(t.text)'", at: t) }
            return .number(v, text: t.text)
        case .string:
            index += 1
            return .string(t.text)
        case .quotedIdentifier:
            index += 1
            return try parseNameTail(first: t)
        case .symbol:
            if t.isSymbol("(") {
                index += 1
                if atWord("SELECT") || atWord("VALUES") { throw error("subqueries are not supported", at: current) }
                let e = try parseExpression(0)
                if atSymbol(",") { throw error("row constructors are not supported", at: current) }
                guard atSymbol(")") else {
                    throw error("unclosed '(' from position \(charPosition(byteOffset: t.range.lowerBound)): expected ')'"
                                + (current.map { ", found \(describe($0))" } ?? ""), at: current)
                }
                index += 1
                return e
            }
            throw error("expected an expression, found \(describe(t))", at: t)
        case .word:
            return try parseWord(t)
        }
    }

    static let reserved: Set<String> = [
        "AND", "OR", "IS", "IN", "BETWEEN", "LIKE", "ILIKE", "GLOB", "REGEXP", "THEN", "WHEN", "ELSE", "END",
        "FROM", "AS", "ESCAPE", "COLLATE", "ISNULL", "NOTNULL", "SELECT", "ANY", "ALL", "SOME",
    ]

    mutating func parseWord(_ t: SQLToken) throws -> CheckExpression {
        let w = t.text.uppercased()
        if Self.reserved.contains(w) { throw error("expected an expression, found '\(t.text)'", at: t) }
        let callFollows = atSymbol("(", 1)
        switch w {
        case "NULL": index += 1; return .null
        case "TRUE": index += 1; return .bool(true)
        case "FALSE": index += 1; return .bool(false)
        case "CURRENT_DATE":
            index += 1
            return .currentTime(.date)
        case "CURRENT_TIMESTAMP", "LOCALTIMESTAMP", "CURRENT_TIME", "LOCALTIME":
            index += 1
            if atSymbol("(") { // precision
                index += 1
                if current?.kind == .number { index += 1 }
                try expectSymbol(")", context: "after the precision of \(w)")
            }
            return .currentTime(w.hasSuffix("TIME") ? .time : .timestamp)
        case "CAST" where callFollows:
            index += 2
            let e = try parseExpression(0)
            try expectWord("AS", context: "in CAST")
            let type = try parseTypeName()
            try expectSymbol(")", context: "to close CAST")
            return .cast(e, type: type)
        case "CASE":
            index += 1
            return try parseCase(t)
        case "ARRAY":
            index += 1
            if atSymbol("(") { throw error("ARRAY subqueries are not supported", at: current) }
            try expectSymbol("[", context: "after ARRAY")
            var items: [CheckExpression] = []
            if !atSymbol("]") {
                repeat { items.append(try parseArrayElement()) } while try consumeComma()
            }
            try expectSymbol("]", context: "to close ARRAY[")
            return .function("array", items)
        case "EXISTS":
            throw error("subqueries are not supported", at: t)
        case "INTERVAL" where peek(1)?.kind == .string, "DATE" where peek(1)?.kind == .string,
             "TIMESTAMP" where peek(1)?.kind == .string, "TIME" where peek(1)?.kind == .string,
             "TIMESTAMPTZ" where peek(1)?.kind == .string:
            index += 2
            let type = w == "TIMESTAMPTZ" ? "timestamp with time zone" : w.lowercased()
            return .cast(.string(peek(-1)!.text), type: type)
        case "EXTRACT" where callFollows:
            index += 2
            guard let f = current, f.kind == .word || f.kind == .string else { throw error("expected a field name in EXTRACT", at: current) }
            index += 1
            try expectWord("FROM", context: "in EXTRACT")
            let e = try parseExpression(0)
            try expectSymbol(")", context: "to close EXTRACT")
            return .function("extract", [.string(f.text.lowercased()), e])
        case "TRIM" where callFollows:
            index += 2
            return try parseTrim()
        case "SUBSTRING" where callFollows:
            index += 2
            let e = try parseExpression(0)
            if atWord("FROM") || atWord("FOR") {
                var from: CheckExpression = .number(1, text: "1")
                var count: CheckExpression? = nil
                if atWord("FROM") { index += 1; from = try parseExpression(0) }
                if atWord("FOR") { index += 1; count = try parseExpression(0) }
                try expectSymbol(")", context: "to close SUBSTRING")
                return .function("substring", [e, from] + (count.map { [$0] } ?? []))
            }
            var args = [e]
            while try consumeComma() { args.append(try parseExpression(0)) }
            try expectSymbol(")", context: "to close SUBSTRING")
            return .function("substring", args)
        case "POSITION" where callFollows:
            index += 2
            let needle = try parseExpression(7)
            try expectWord("IN", context: "in POSITION")
            let hay = try parseExpression(0)
            try expectSymbol(")", context: "to close POSITION")
            return .function("position", [needle, hay])
        default:
            index += 1
            return try parseNameTail(first: t)
        }
    }

    /// An element of `ARRAY[...]`: an expression, or a nested `[...]` row.
    mutating func parseArrayElement() throws -> CheckExpression {
        if atSymbol("[") {
            index += 1
            var items: [CheckExpression] = []
            if !atSymbol("]") {
                repeat { items.append(try parseArrayElement()) } while try consumeComma()
            }
            try expectSymbol("]", context: "to close a nested array")
            return .function("array", items)
        }
        return try parseExpression(0)
    }

    /// After an identifier: a qualified name, a function call, or a column.
    mutating func parseNameTail(first: SQLToken) throws -> CheckExpression {
        var parts = [first]
        while atSymbol("."), let n = peek(1), n.kind == .word || n.kind == .quotedIdentifier {
            index += 2
            parts.append(n)
        }
        if atSymbol(".") { throw error("expected a name after '.'", at: peek(1) ?? nil) }
        let last = parts[parts.count - 1]
        if atSymbol("(") {
            let open = advance()
            var name = last.kind == .word ? last.text.lowercased() : last.text
            var args: [CheckExpression] = []
            if atWord("DISTINCT") { throw error("DISTINCT in a function call is not supported", at: current) }
            if atSymbol("*") {
                index += 1
                args = []
            } else if !atSymbol(")") {
                repeat { args.append(try parseExpression(0)) } while try consumeComma()
            }
            guard atSymbol(")") else {
                throw error("unclosed call to \(name) from position \(charPosition(byteOffset: open.range.lowerBound)): expected ')'"
                            + (current.map { ", found \(describe($0))" } ?? ""), at: current)
            }
            index += 1
            if parts.count > 1, !(parts[0].isWord("pg_catalog") || parts[0].isWord("main")) {
                name = parts.map { $0.kind == .word ? $0.text.lowercased() : $0.text }.joined(separator: ".")
            }
            if args.isEmpty, ["now", "transaction_timestamp", "statement_timestamp", "clock_timestamp", "current_timestamp", "localtimestamp"].contains(name) {
                return .currentTime(.timestamp)
            }
            if args.isEmpty, name == "current_date" { return .currentTime(.date) }
            if name == "trim" { name = "btrim" }
            return .function(name, args)
        }
        return .column(last.text, quoted: last.kind == .quotedIdentifier)
    }

    mutating func parseTrim() throws -> CheckExpression {
        var name = "btrim"
        if atWord("BOTH") { index += 1 } else if atWord("LEADING") { index += 1; name = "ltrim" } else if atWord("TRAILING") { index += 1; name = "rtrim" }
        var chars: CheckExpression? = nil
        var subject: CheckExpression
        if atWord("FROM") {
            index += 1
            subject = try parseExpression(0)
        } else {
            let first = try parseExpression(0)
            if atWord("FROM") {
                index += 1
                chars = first
                subject = try parseExpression(0)
            } else if try consumeComma() { // SQLite trim(x, chars)
                subject = first
                chars = try parseExpression(0)
            } else {
                subject = first
            }
        }
        try expectSymbol(")", context: "to close TRIM")
        return .function(name, [subject] + (chars.map { [$0] } ?? []))
    }

    mutating func parseCase(_ caseToken: SQLToken) throws -> CheckExpression {
        var operand: CheckExpression? = nil
        if !atWord("WHEN") { operand = try parseExpression(0) }
        var conditions: [CheckExpression] = []
        var results: [CheckExpression] = []
        while atWord("WHEN") {
            index += 1
            conditions.append(try parseExpression(0))
            try expectWord("THEN", context: "in CASE")
            results.append(try parseExpression(0))
        }
        if conditions.isEmpty { throw error("expected WHEN in CASE", at: current) }
        var otherwise: CheckExpression? = nil
        if atWord("ELSE") {
            index += 1
            otherwise = try parseExpression(0)
        }
        guard atWord("END") else {
            throw error("unclosed CASE from position \(charPosition(byteOffset: caseToken.range.lowerBound)): expected END"
                        + (current.map { ", found \(describe($0))" } ?? ""), at: current)
        }
        index += 1
        return .caseWhen(operand: operand, conditions: conditions, results: results, otherwise: otherwise)
    }

    /// A type name after `::` or `AS`: multi-word names (`character varying`,
    /// `double precision`, `timestamp with time zone`), schema qualification,
    /// modifiers `(n[, m])` and array brackets, lowercased (quoted parts keep
    /// their case).
    mutating func parseTypeName() throws -> String {
        guard let t = current, t.kind == .word || t.kind == .quotedIdentifier else {
            throw error("expected a type name", at: current)
        }
        index += 1
        func part(_ t: SQLToken) -> String { t.kind == .word ? t.text.lowercased() : "\"" + t.text + "\"" }
        var name = part(t)
        while atSymbol("."), let n = peek(1), n.kind == .word || n.kind == .quotedIdentifier {
            index += 2
            name += "." + part(n)
        }
        let first = t.kind == .word ? t.text.lowercased() : ""
        switch first {
        case "character", "char", "bit", "nchar":
            if atWord("varying") { index += 1; name += " varying" }
        case "national":
            if atWord("character") || atWord("char") { name += " " + advance().text.lowercased() }
            if atWord("varying") { index += 1; name += " varying" }
        case "double":
            if atWord("precision") { index += 1; name += " precision" }
        case "interval":
            let fields: Set<String> = ["year", "month", "day", "hour", "minute", "second", "to"]
            while let n = current, n.kind == .word, fields.contains(n.text.lowercased()) {
                index += 1
                name += " " + n.text.lowercased()
            }
        default: break
        }
        if atSymbol("(") {
            index += 1
            var mods: [String] = []
            while let n = current, !n.isSymbol(")") {
                index += 1
                if n.isSymbol(",") { continue }
                mods.append(n.kind == .word ? n.text.lowercased() : n.text)
            }
            try expectSymbol(")", context: "to close the type modifier")
            name += "(" + mods.joined(separator: ",") + ")"
        }
        if first == "timestamp" || first == "time", atWord("with") || atWord("without"), atWord("time", 1), atWord("zone", 2) {
            name += " " + advance().text.lowercased() + " time zone"
            index += 2
        }
        while atSymbol("[") {
            index += 1
            if current?.kind == .number { index += 1 }
            try expectSymbol("]", context: "in an array type")
            name += "[]"
        }
        return name
    }
}

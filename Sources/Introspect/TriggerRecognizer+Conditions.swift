import SchemaModel

/// Reading a rejection condition as SQL of its own: which parts read only
/// the new row, which columns and relations it reads, and the text to
/// evaluate it with (see `TriggerCondition`).
extension TriggerRecognizer {
    /// Words that are SQL, not names, in an expression over the new row.
    static let expressionKeywords: Set<String> = [
        "AND", "OR", "NOT", "IS", "NULL", "IN", "LIKE", "ILIKE", "GLOB", "REGEXP", "MATCH", "BETWEEN",
        "TRUE", "FALSE", "UNKNOWN", "DISTINCT", "FROM", "CASE", "WHEN", "THEN", "ELSE", "END", "CAST", "AS",
        "ESCAPE", "COLLATE", "SIMILAR", "TO", "ANY", "ALL", "SOME", "ARRAY", "NOTNULL", "ISNULL",
    ]

    /// Whether `t` reads nothing but the new row and literals: no subquery,
    /// no `OLD`, no name that is not `NEW.x`, a keyword, a function called,
    /// a type (after `::` or a CAST's `AS`) or a collation. A PL/pgSQL
    /// variable or `TG_OP` makes it false, so such a condition is never
    /// taken for a rule over the row.
    static func readsOnlyNewRow(_ t: [SQLToken]) -> Bool {
        var i = 0
        var typeName = false
        while i < t.count {
            let token = t[i]
            defer { i += 1 }
            if token.isSymbol("::") || token.isWord("COLLATE") { typeName = true; continue }
            if token.isWord("AS") { typeName = true; continue }
            guard token.kind == .word || token.kind == .quotedIdentifier else {
                if token.kind == .symbol, token.text != "." { typeName = false }
                continue
            }
            if token.isWord("SELECT") || token.isWord("OLD") { return false }
            if token.isWord("NEW"), i + 2 < t.count, t[i + 1].isSymbol(".") { i += 2; continue }
            if typeName { continue }
            if token.kind == .word, expressionKeywords.contains(token.text.uppercased()) { continue }
            if i + 1 < t.count, t[i + 1].isSymbol("(") { continue }
            return false
        }
        return true
    }

    /// The parts of a query joined by top-level `UNION [ALL]`.
    static func unionParts(_ t: [SQLToken]) -> [[SQLToken]] {
        var parts: [[SQLToken]] = []
        var depth = 0, start = 0
        for (i, token) in t.enumerated() {
            if token.isSymbol("(") { depth += 1 }
            if token.isSymbol(")") { depth -= 1 }
            if depth == 0, token.isWord("UNION") {
                parts.append(Array(t[start..<i]))
                start = i + 1 < t.count && t[i + 1].isWord("ALL") ? i + 2 : i + 1
            }
        }
        parts.append(Array(t[min(start, t.count)...]))
        return parts
    }

    /// The columns `NEW.x` names, in order of first use.
    static func newColumns(in t: [SQLToken]) -> [String] {
        var out: [String] = []
        for i in t.indices where i + 2 < t.count && t[i].isWord("NEW") && t[i + 1].isSymbol(".") {
            if !out.contains(t[i + 2].text) { out.append(t[i + 2].text) }
        }
        return out
    }

    /// The relations named after `FROM` or `JOIN` (and in a `FROM a, b` list).
    static func relations(in t: [SQLToken]) -> [QualifiedName] {
        var out: [QualifiedName] = []
        var i = 0
        while i < t.count {
            guard t[i].isWord("FROM") || t[i].isWord("JOIN") || (t[i].isSymbol(",") && inFromList(t, i)),
                  i + 1 < t.count, t[i + 1].kind == .word || t[i + 1].kind == .quotedIdentifier, !t[i + 1].isWord("SELECT") else { i += 1; continue }
            var name = QualifiedName(t[i + 1].text)
            if i + 3 < t.count, t[i + 2].isSymbol("."), t[i + 3].kind == .word || t[i + 3].kind == .quotedIdentifier {
                name = QualifiedName(schema: t[i + 1].text, t[i + 3].text)
            }
            if !out.contains(name) { out.append(name) }
            i += 2
        }
        return out
    }

    /// Whether the comma at `i` separates items of a FROM list (the last
    /// clause word before it, at its depth, is FROM).
    static func inFromList(_ t: [SQLToken], _ i: Int) -> Bool {
        var depth = 0
        var j = i - 1
        while j >= 0 {
            if t[j].isSymbol(")") { depth += 1 }
            if t[j].isSymbol("(") { if depth == 0 { return false }; depth -= 1 }
            if depth == 0, t[j].kind == .word {
                if t[j].isWord("FROM") { return true }
                if ["SELECT", "WHERE", "ON", "GROUP", "ORDER", "BY", "VALUES", "IN"].contains(where: { t[j].isWord($0) }) { return false }
            }
            j -= 1
        }
        return false
    }

    /// The tokens as SQL text, each `NEW.x` written as `newPrefix` + the
    /// column (quoted, spelled as `resolve` returns it); nil when a column
    /// does not resolve. `display` leaves simple lower-case names unquoted,
    /// for messages.
    static func render(_ t: [SQLToken], newPrefix: String, display: Bool = false, resolve: (String) -> String?) -> String? {
        func name(_ n: String) -> String {
            let simple = !n.isEmpty && n.utf8.allSatisfy { ($0 >= 97 && $0 <= 122) || $0 == 95 || ($0 >= 48 && $0 <= 57) } && !(n.utf8.first! >= 48 && n.utf8.first! <= 57)
            return display && simple ? n : quoteIdentifier(n)
        }
        var out = ""
        var previous: SQLToken?
        var i = 0
        while i < t.count {
            let token = t[i]
            let text: String
            var width = 1
            if token.isWord("NEW"), i + 2 < t.count, t[i + 1].isSymbol(".") {
                guard let column = resolve(t[i + 2].text) else { return nil }
                text = newPrefix + name(column)
                width = 3
            } else {
                switch token.kind {
                case .string: text = quoteLiteral(token.text)
                case .quotedIdentifier: text = quoteIdentifier(token.text)
                case .word, .number, .symbol: text = token.text
                }
            }
            // Spaces between tokens, except around `.` and inside parentheses and before a comma.
            let call = token.isSymbol("(") && previous.map { $0.kind == .word && !expressionKeywords.contains($0.text.uppercased()) && !$0.isWord("EXISTS") } == true
            let tight = token.isSymbol(".") || token.isSymbol(",") || token.isSymbol(")") || token.isSymbol("::") || call
                || previous.map { $0.isSymbol(".") || $0.isSymbol("(") || $0.isSymbol("::") } ?? true
            if !out.isEmpty, !tight { out += " " }
            out += text
            previous = width == 3 ? t[i + 2] : token
            i += width
        }
        return out
    }
}

extension TriggerRecognizer {
    /// The new row's columns of `NOT EXISTS (SELECT … FROM r WHERE r.a = NEW.x …)`
    /// or `(SELECT … WHERE r.a = NEW.x) IS NULL` when the subquery is exactly
    /// a reference (nothing but matches), else nil.
    static func exactReference(_ term: [SQLToken]) -> [String]? {
        let t = stripParens(term)
        guard t.count >= 4 else { return nil }
        if t[0].isWord("NOT"), t[1].isWord("EXISTS"), t[2].isSymbol("("), closing(t, 2) == t.count - 1,
           let q = Subquery(Array(t[3..<(t.count - 1)])), q.isExactReference {
            return q.matches.map(\.newColumn)
        }
        if t[0].isSymbol("("), let close = closing(t, 0), close + 3 == t.count, t[close + 1].isWord("IS"), t[close + 2].isWord("NULL"),
           let q = Subquery(Array(t[1..<close])), q.isExactReference {
            return q.matches.map(\.newColumn)
        }
        return nil
    }
}

import SchemaModel

/// Rows a trigger body inserts (`INSERT INTO t (a, b) VALUES (NEW.id, 0)`).
extension TriggerRecognizer {

    /// `INSERT [OR …] INTO t [(cols)] VALUES (…)` statements.
    static func inserts(_ t: [SQLToken]) -> [Finding] {
        var out: [Finding] = []
        var i = 0
        while i < t.count {
            defer { i += 1 }
            guard t[i].isWord("INSERT"), let into = t[i...].prefix(4).firstIndex(where: { $0.isWord("INTO") }) else { continue }
            var j = into + 1
            guard j < t.count, t[j].kind == .word || t[j].kind == .quotedIdentifier else { continue }
            var target = QualifiedName(t[j].text)
            if j + 2 < t.count, t[j + 1].isSymbol("."), t[j + 2].kind == .word || t[j + 2].kind == .quotedIdentifier {
                target = QualifiedName(schema: t[j].text, t[j + 2].text)
                j += 2
            }
            j += 1
            var columns: [String]?
            if j < t.count, t[j].isSymbol("("), let close = closing(t, j) {
                columns = t[(j + 1)..<close].filter { $0.kind == .word || $0.kind == .quotedIdentifier }.map(\.text)
                j = close + 1
            }
            guard j < t.count, t[j].isWord("VALUES"), j + 1 < t.count, t[j + 1].isSymbol("("), let close = closing(t, j + 1) else { continue }
            let exprs = split(Array(t[(j + 2)..<close]))
            var values: [(String, TriggerWrite.Value)] = []
            for (k, e) in exprs.enumerated() {
                let key = columns.flatMap { k < $0.count ? $0[k] : nil } ?? "#\(k)"
                values.append((key, value(e)))
            }
            out.append(.insert(target: target, values: values))
            i = close
        }
        return out
    }

    static func value(_ e: [SQLToken]) -> TriggerWrite.Value {
        let e = stripParens(e)
        if let c = newColumn(e) { return .newColumn(c) }
        if e.count == 1, e[0].kind == .string || e[0].kind == .number { return .constant(e[0].text) }
        if e.count == 2, e[0].isSymbol("-"), e[1].kind == .number { return .constant("-" + e[1].text) }
        return .other
    }

    /// Top-level comma-separated parts.
    static func split(_ t: [SQLToken]) -> [[SQLToken]] {
        var out: [[SQLToken]] = []
        var depth = 0, start = 0
        for (i, token) in t.enumerated() {
            if token.isSymbol("(") { depth += 1 }
            if token.isSymbol(")") { depth -= 1 }
            if depth == 0, token.isSymbol(",") { out.append(Array(t[start..<i])); start = i + 1 }
        }
        if start < t.count { out.append(Array(t[start...])) }
        return out
    }
}

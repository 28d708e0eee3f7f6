import SchemaModel

/// Reads the common rule shapes out of a trigger body, as text, without a
/// database. What it does not recognise it ignores: those triggers still run
/// during a fill (and `fill --disable-triggers` turns them off).
///
/// Shapes, where a *rejection* is SQLite's `SELECT RAISE(ABORT, …) WHERE c`
/// (with the trigger's `WHEN` joined to `c`) or PL/pgSQL's
/// `IF c THEN RAISE EXCEPTION …`, and `c` is a conjunction in which one term is:
/// - `NOT EXISTS (SELECT … FROM r WHERE r.a = NEW.x AND …)` or
///   `(SELECT a FROM r WHERE a = NEW.x) IS NULL`: a reference (foreign key);
/// - `EXISTS (SELECT … FROM r WHERE r.a = NEW.a AND …)`: the key must not exist in `r`
///   (other predicates inside only narrow it; the reader keeps it only for the row's own key);
/// - `NEW.a != (SELECT b FROM r WHERE r.id = NEW.r_id)`: `a` equals the parent's `b`.
/// Other terms of the conjunction only narrow when the trigger rejects, so
/// honouring the rule for every row is stricter and still sound.
/// Also `INSERT INTO t (cols) VALUES (NEW.x, 0, …)`: rows the trigger writes.
package enum TriggerRecognizer {
    /// One column of a relation matched to a column of the new row.
    package struct Match: Sendable, Hashable {
        package var relationColumn: String
        package var newColumn: String
    }

    package enum Finding: Sendable, Hashable {
        case reference(relation: QualifiedName, matches: [Match])
        case absent(relation: QualifiedName, matches: [Match])
        case equality(column: String, relation: QualifiedName, selected: String, matches: [Match])
        /// The parent row must have `column` among (or, `equals == false`, not among) `values`;
        /// `conditional` when the rejection also depends on other terms (honoured when it can be).
        case parentValue(relation: QualifiedName, matches: [Match], column: String, equals: Bool, values: [String], conditional: Bool)
        /// Target column (or `#i` for the i-th of a VALUES list without columns) → value.
        case insert(target: QualifiedName, values: [(String, TriggerWrite.Value)])

        package static func == (a: Finding, b: Finding) -> Bool { a.description == b.description }
        package func hash(into h: inout Hasher) { h.combine(description) }
    }

    /// Everything recognised in one trigger's body.
    package static func findings(in trigger: Trigger) -> [Finding] {
        let tokens = SQLTokenizer.tokenize(trigger.body)
        var out: [Finding] = []
        for condition in rejections(tokens) {
            let terms = conjuncts(condition)
            for (i, term) in terms.enumerated() {
                // NOT EXISTS (… r.a = NEW.x AND r.kind IN ('p', 'q')): a reference to a row with those values.
                let unconditional = terms.indices.allSatisfy { $0 == i || isNotNullGuard(terms[$0]) }
                if unconditional, let q = negatedExists(term), !q.matches.isEmpty, q.others == 0, q.guards.isEmpty, q.alternatives.isEmpty, !q.predicates.isEmpty {
                    out.append(.reference(relation: q.relation, matches: q.matches))
                    for p in q.predicates {
                        out.append(.parentValue(relation: q.relation, matches: q.matches, column: p.column, equals: p.equals, values: p.values, conditional: false))
                    }
                    continue
                }
                guard var f = classify(term) else { continue }
                if case .parentValue(let r, let m, let c, let e, let v, _) = f {
                    let others = terms.enumerated().filter { $0.offset != i && !isNotNullGuard($0.element) }
                    f = .parentValue(relation: r, matches: m, column: c, equals: e, values: v, conditional: !others.isEmpty)
                }
                out.append(f)
            }
        }
        out += inserts(tokens)
        var seen: Set<String> = []
        return out.filter { seen.insert($0.description).inserted }
    }

    // MARK: Rejections

    /// The conditions under which the body rejects the row.
    static func rejections(_ t: [SQLToken]) -> [[SQLToken]] {
        var out: [[SQLToken]] = []
        // The SQLite trigger's WHEN clause (before BEGIN) applies to every statement.
        var when: [SQLToken] = []
        if let begin = t.firstIndex(where: { $0.isWord("BEGIN") }), t.first?.isWord("CREATE") == true,
           let w = t[..<begin].firstIndex(where: { $0.isWord("WHEN") }) {
            when = Array(t[(w + 1)..<begin])
        }
        var i = 0
        while i < t.count {
            // SELECT RAISE(ABORT|FAIL|ROLLBACK, …) [WHERE c]
            if t[i].isWord("SELECT"), i + 2 < t.count, t[i + 1].isWord("RAISE"), t[i + 2].isSymbol("("),
               i + 3 < t.count, !t[i + 3].isWord("IGNORE"), let close = closing(t, i + 2) {
                var condition: [SQLToken] = []
                var j = close + 1
                if j < t.count, t[j].isWord("WHERE") {
                    j += 1
                    let end = statementEnd(t, j)
                    condition = Array(t[j..<end])
                    j = end
                }
                if condition.isEmpty && when.isEmpty { i = j; continue }
                out.append(joinAnd(when, condition))
                i = j
                continue
            }
            // IF c THEN RAISE [EXCEPTION] … (PL/pgSQL); not END IF, not DDL's IF [NOT] EXISTS.
            if t[i].isWord("IF") || t[i].isWord("ELSIF"), i == 0 || !t[i - 1].isWord("END"),
               let then = topLevel(t, from: i + 1, word: "THEN"), then + 1 < t.count, t[then + 1].isWord("RAISE") {
                let level = then + 2 < t.count ? t[then + 2] : nil
                let quiet = ["NOTICE", "WARNING", "INFO", "LOG", "DEBUG"].contains { level?.isWord($0) == true }
                if !quiet { out.append(foundCondition(t, ifAt: i, Array(t[(i + 1)..<then])) ?? Array(t[(i + 1)..<then])) }
                i = then
                continue
            }
            i += 1
        }
        return out
    }

    /// PL/pgSQL's `PERFORM 1 FROM r WHERE …; IF NOT FOUND THEN RAISE …` (or
    /// `SELECT … INTO v FROM r WHERE …`): the condition as `NOT EXISTS (SELECT …)`.
    static func foundCondition(_ t: [SQLToken], ifAt i: Int, _ condition: [SQLToken]) -> [SQLToken]? {
        let negated = condition.count == 2 && condition[0].isWord("NOT") && condition[1].isWord("FOUND")
        guard negated || (condition.count == 1 && condition[0].isWord("FOUND")), i >= 2, t[i - 1].isSymbol(";") else { return nil }
        var start = i - 2
        while start > 0, !t[start - 1].isSymbol(";"), !["BEGIN", "THEN", "ELSE", "LOOP"].contains(where: { t[start - 1].isWord($0) }) { start -= 1 }
        var statement = Array(t[start..<(i - 1)])
        guard let first = statement.first, first.isWord("PERFORM") || first.isWord("SELECT") else { return nil }
        statement[0] = SQLToken(kind: .word, text: "SELECT", range: first.range)
        // Drop `INTO target[, target…]` (before FROM).
        if let into = statement.firstIndex(where: { $0.isWord("INTO") }), let from = topLevel(statement, from: into, word: "FROM") {
            statement.removeSubrange(into..<from)
        }
        let word = { (w: String) in SQLToken(kind: .word, text: w, range: 0..<0) }
        let open = SQLToken(kind: .symbol, text: "(", range: 0..<0), shut = SQLToken(kind: .symbol, text: ")", range: 0..<0)
        return (negated ? [word("NOT")] : []) + [word("EXISTS"), open] + statement + [shut]
    }

    static func joinAnd(_ a: [SQLToken], _ b: [SQLToken]) -> [SQLToken] {
        if a.isEmpty { return b }
        if b.isEmpty { return a }
        let and = SQLToken(kind: .word, text: "AND", range: 0..<0)
        let open = SQLToken(kind: .symbol, text: "(", range: 0..<0), shut = SQLToken(kind: .symbol, text: ")", range: 0..<0)
        return [open] + a + [shut, and, open] + b + [shut]
    }

    /// Index of the `)` matching the `(` at `open`.
    static func closing(_ t: [SQLToken], _ open: Int) -> Int? {
        var depth = 0
        for i in open..<t.count {
            if t[i].isSymbol("(") { depth += 1 }
            if t[i].isSymbol(")") { depth -= 1; if depth == 0 { return i } }
        }
        return nil
    }

    /// The end of the statement starting at `from`: a top-level `;` or `END`.
    static func statementEnd(_ t: [SQLToken], _ from: Int) -> Int {
        var depth = 0
        for i in from..<t.count {
            if t[i].isSymbol("(") { depth += 1 }
            if t[i].isSymbol(")") { depth -= 1 }
            if depth == 0, t[i].isSymbol(";") || t[i].isWord("END") { return i }
        }
        return t.count
    }

    /// The first `word` at parenthesis depth 0 from `from`.
    static func topLevel(_ t: [SQLToken], from: Int, word: String) -> Int? {
        var depth = 0
        for i in from..<t.count {
            if t[i].isSymbol("(") { depth += 1 }
            if t[i].isSymbol(")") { depth -= 1 }
            if depth < 0 || (depth == 0 && t[i].isSymbol(";")) { return nil }
            if depth == 0, t[i].isWord(word) { return i }
        }
        return nil
    }

    /// The terms of a top-level conjunction; a condition with a top-level OR is one opaque term.
    static func conjuncts(_ t: [SQLToken]) -> [[SQLToken]] {
        let t = stripParens(t)
        var out: [[SQLToken]] = []
        var depth = 0, start = 0
        for (i, token) in t.enumerated() {
            if token.isSymbol("(") { depth += 1 }
            if token.isSymbol(")") { depth -= 1 }
            if depth == 0, token.isWord("OR") { return [t] }
            // `BETWEEN a AND b` is not a conjunction.
            if depth == 0, token.isWord("AND"), !t[start..<i].contains(where: { $0.isWord("BETWEEN") }) {
                out.append(Array(t[start..<i]))
                start = i + 1
            }
        }
        out.append(Array(t[start...]))
        // A parenthesised conjunction inside a conjunction is flattened.
        return out.flatMap { term -> [[SQLToken]] in
            let inner = stripParens(term)
            return inner.count < term.count ? conjuncts(inner) : [term]
        }
    }

    static func stripParens(_ t: [SQLToken]) -> [SQLToken] {
        var t = t
        while t.count >= 2, t.first!.isSymbol("("), closing(t, 0) == t.count - 1 { t = Array(t[1..<(t.count - 1)]) }
        return t
    }

    // MARK: Terms

    static func classify(_ term: [SQLToken]) -> Finding? {
        let t = stripParens(term)
        guard !t.isEmpty else { return nil }
        // NOT EXISTS (subquery) / EXISTS (subquery)
        var k = 0
        let negated = t[0].isWord("NOT")
        if negated { k = 1 }
        if !negated, k < t.count, t[k].isWord("EXISTS"), k + 1 < t.count, t[k + 1].isSymbol("("), closing(t, k + 1) == t.count - 1,
           let q = Subquery(Array(t[(k + 2)..<(t.count - 1)])), !q.matches.isEmpty, q.predicates.count == 1, q.others == 0 {
            // Rejected when the parent row has `col op v`: it must not.
            let p = q.predicates[0]
            return .parentValue(relation: q.relation, matches: q.matches, column: p.column, equals: !p.equals, values: p.values, conditional: false)
        }
        if k < t.count, t[k].isWord("EXISTS"), k + 1 < t.count, t[k + 1].isSymbol("("), closing(t, k + 1) == t.count - 1,
           let q = Subquery(Array(t[(k + 2)..<(t.count - 1)])), !q.matches.isEmpty, q.onlyMatches || !negated {
            // A reference needs a parent row with exactly those values; "must not exist"
            // with extra predicates is honoured as "must not exist at all" (stricter).
            return negated ? .reference(relation: q.relation, matches: q.matches) : .absent(relation: q.relation, matches: q.matches)
        }
        // (subquery) IS NULL
        if t.count >= 4, t[0].isSymbol("("), let close = closing(t, 0), close + 2 == t.count - 1 || close + 2 < t.count,
           t[close + 1].isWord("IS"), t[close + 2].isWord("NULL"), close + 3 == t.count,
           let q = Subquery(Array(t[1..<close])), q.onlyMatches, !q.matches.isEmpty {
            return .reference(relation: q.relation, matches: q.matches)
        }
        // (subquery) [NOT] IN ('a', 'b'): the parent's value must be (not) one of them.
        if t.count >= 4, t[0].isSymbol("("), let close = closing(t, 0), close + 2 < t.count {
            var j = close + 1
            let not = t[j].isWord("NOT")
            if not { j += 1 }
            if j + 1 < t.count, t[j].isWord("IN"), t[j + 1].isSymbol("("), closing(t, j + 1) == t.count - 1,
               let q = Subquery(Array(t[1..<close])), q.onlyMatches, !q.matches.isEmpty, let selected = q.selectedColumn {
                let items = split(Array(t[(j + 2)..<(t.count - 1)])).map(literal)
                if !items.isEmpty, items.allSatisfy({ $0 != nil }) {
                    return .parentValue(relation: q.relation, matches: q.matches, column: selected, equals: not, values: items.compactMap { $0 }, conditional: false)
                }
            }
        }
        // (subquery) != 'v' / (subquery) = 'v': the parent's value must be (or must not be) 'v'.
        if let op = topLevelSymbol(t, ["!=", "<>", "="]) {
            let left = Array(t[..<op]), right = Array(t[(op + 1)...])
            for (side, other) in [(left, right), (right, left)] {
                guard let value = literal(other), side.count >= 2, side.first!.isSymbol("("), closing(side, 0) == side.count - 1,
                      let q = Subquery(Array(side[1..<(side.count - 1)])), q.onlyMatches, !q.matches.isEmpty,
                      let selected = q.selectedColumn else { continue }
                return .parentValue(relation: q.relation, matches: q.matches, column: selected, equals: !t[op].isSymbol("="), values: [value], conditional: false)
            }
        }
        // NEW.a != (subquery) / (subquery) != NEW.a
        if let op = topLevelSymbol(t, ["!=", "<>"]) {
            let left = stripParens(Array(t[..<op])), right = Array(t[(op + 1)...])
            for (side, other) in [(left, right), (right, left)] {
                guard let column = newColumn(stripParens(side)) else { continue }
                let o = other
                guard o.count >= 2, o.first!.isSymbol("("), closing(o, 0) == o.count - 1,
                      let q = Subquery(Array(o[1..<(o.count - 1)])), q.onlyMatches, !q.matches.isEmpty,
                      let selected = q.selectedColumn else { continue }
                return .equality(column: column, relation: q.relation, selected: selected, matches: q.matches)
            }
        }
        return nil
    }

    /// The subquery of `NOT EXISTS (subquery)`.
    static func negatedExists(_ term: [SQLToken]) -> Subquery? {
        let t = stripParens(term)
        guard t.count >= 4, t[0].isWord("NOT"), t[1].isWord("EXISTS"), t[2].isSymbol("("), closing(t, 2) == t.count - 1 else { return nil }
        return Subquery(Array(t[3..<(t.count - 1)]))
    }

    /// The first of `symbols` at parenthesis depth 0.
    static func topLevelSymbol(_ t: [SQLToken], _ symbols: [String]) -> Int? {
        var depth = 0
        for (i, token) in t.enumerated() {
            if token.isSymbol("(") { depth += 1 }
            if token.isSymbol(")") { depth -= 1 }
            if depth == 0, token.kind == .symbol, symbols.contains(token.text) { return i }
        }
        return nil
    }

    /// A string or number literal (`'length'`, `3`, `-1`), as text.
    static func literal(_ t: [SQLToken]) -> String? {
        let t = stripParens(t)
        if t.count == 1, t[0].kind == .string || t[0].kind == .number { return t[0].text }
        if t.count == 2, t[0].isSymbol("-"), t[1].kind == .number { return "-" + t[1].text }
        return nil
    }

    /// `NEW.x IS NOT NULL`: a guard that only narrows when the rule applies.
    static func isNotNullGuard(_ t: [SQLToken]) -> Bool {
        let t = stripParens(t)
        return t.count == 6 && newColumn(Array(t[0..<3])) != nil && t[3].isWord("IS") && t[4].isWord("NOT") && t[5].isWord("NULL")
    }

    /// `NEW.col` (any case), as the column name.
    static func newColumn(_ t: [SQLToken]) -> String? {
        guard t.count == 3, t[0].isWord("NEW"), t[1].isSymbol("."), t[2].kind == .word || t[2].kind == .quotedIdentifier else { return nil }
        return t[2].text
    }
}

extension TriggerRecognizer.Finding: CustomStringConvertible {
    package var description: String {
        func m(_ ms: [TriggerRecognizer.Match]) -> String { ms.map { "\($0.relationColumn)=NEW.\($0.newColumn)" }.joined(separator: ",") }
        switch self {
        case .reference(let r, let ms): return "reference \(r) \(m(ms))"
        case .absent(let r, let ms): return "absent \(r) \(m(ms))"
        case .equality(let c, let r, let s, let ms): return "equality \(c)=\(r).\(s) \(m(ms))"
        case .parentValue(let r, let ms, let c, let e, let v, let conditional):
            return "parent \(r).\(c) \(e ? "in" : "not in") \(v.joined(separator: "|")) \(m(ms))\(conditional ? " (conditional)" : "")"
        case .insert(let t, let vs):
            return "insert \(t) " + vs.map { k, v in
                switch v {
                case .newColumn(let c): return "\(k)=NEW.\(c)"
                case .constant(let c): return "\(k)=\(c)"
                case .other: return "\(k)=?"
                }
            }.joined(separator: ",")
        }
    }
}

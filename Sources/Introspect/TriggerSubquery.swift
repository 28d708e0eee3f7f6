/// The subquery of a trigger rule, read by `TriggerRecognizer`.
extension TriggerRecognizer {
    /// `SELECT items FROM rel [AS] [alias] WHERE a = NEW.x AND …`, no joins.
    struct Subquery {
        var relation: QualifiedName
        var selectedColumn: String?
        var matches: [Match] = []
        /// Whether every WHERE term is a match (no other predicate on the relation).
        var onlyMatches = true
        /// Terms `r.col = 'v'` / `r.col != 'v'` on the relation's own columns.
        var predicates: [(column: String, equals: Bool, value: String)] = []
        /// Terms that are neither matches nor such predicates.
        var others = 0

        init?(_ t: [SQLToken]) {
            guard t.first?.isWord("SELECT") == true, let from = TriggerRecognizer.topLevel(t, from: 1, word: "FROM") else { return nil }
            let items = Array(t[1..<from])
            var i = from + 1
            guard i < t.count, t[i].kind == .word || t[i].kind == .quotedIdentifier else { return nil }
            var name = QualifiedName(t[i].text)
            if i + 2 < t.count, t[i + 1].isSymbol("."), t[i + 2].kind == .word || t[i + 2].kind == .quotedIdentifier {
                name = QualifiedName(schema: t[i].text, t[i + 2].text)
                i += 2
            }
            relation = name
            i += 1
            var alias: String?
            if i < t.count, t[i].isWord("AS") { i += 1 }
            if i < t.count, t[i].kind == .quotedIdentifier || (t[i].kind == .word && !t[i].isWord("WHERE")) {
                alias = t[i].text
                i += 1
            }
            guard i < t.count, t[i].isWord("WHERE") else { return nil } // joins, GROUP BY…: not recognised
            let qualifiers = [alias, name.name].compactMap { $0 }
            func relationColumn(_ s: [SQLToken]) -> String? {
                if s.count == 1, s[0].kind == .word || s[0].kind == .quotedIdentifier, !s[0].isWord("NEW") { return s[0].text }
                if s.count == 3, s[1].isSymbol("."), qualifiers.contains(where: { $0.caseInsensitiveEquals(s[0].text) }) { return s[2].text }
                return nil
            }
            for term in TriggerRecognizer.conjuncts(Array(t[(i + 1)...])) {
                let term = TriggerRecognizer.stripParens(term)
                if let ne = TriggerRecognizer.topLevelSymbol(term, ["!=", "<>", "="]),
                   let c = relationColumn(TriggerRecognizer.stripParens(Array(term[..<ne]))),
                   let v = TriggerRecognizer.literal(Array(term[(ne + 1)...])) {
                    predicates.append((c, term[ne].isSymbol("="), v))
                    onlyMatches = false
                    continue
                }
                guard let eq = term.firstIndex(where: { $0.isSymbol("=") }) else { onlyMatches = false; others += 1; continue }
                let l = TriggerRecognizer.stripParens(Array(term[..<eq])), r = TriggerRecognizer.stripParens(Array(term[(eq + 1)...]))
                if let n = TriggerRecognizer.newColumn(r), let c = relationColumn(l) {
                    matches.append(Match(relationColumn: c, newColumn: n))
                } else if let n = TriggerRecognizer.newColumn(l), let c = relationColumn(r) {
                    matches.append(Match(relationColumn: c, newColumn: n))
                } else {
                    onlyMatches = false
                    others += 1
                }
            }
            selectedColumn = relationColumn(items)
        }
    }
}

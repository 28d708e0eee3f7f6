import SchemaModel

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
        /// (`r.col IN ('a', 'b')` / `NOT IN`: one predicate with several values.)
        var predicates: [(column: String, equals: Bool, values: [String])] = []
        /// Terms that are neither matches nor such predicates.
        var others = 0

        /// Terms of the WHERE that read only the new row (`NEW.a IS NOT NULL`):
        /// the subquery finds a row only when they hold.
        var guards: [[SQLToken]] = []
        /// Branches `UNION ALL SELECT 1 WHERE <only the new row>` after the
        /// first: the subquery also finds a row when one of them holds.
        var alternatives: [[SQLToken]] = []

        /// Whether the subquery is exactly "a row of `relation` with these
        /// values" (no guards, no alternatives, no other predicate).
        var isExactReference: Bool { onlyMatches && guards.isEmpty && alternatives.isEmpty && !matches.isEmpty }

        init?(_ tokens: [SQLToken]) {
            // `… UNION ALL SELECT 1 WHERE NEW.x IS NULL`: alternatives that read only the new row.
            var parts = TriggerRecognizer.unionParts(tokens)
            let t = parts.removeFirst()
            for part in parts {
                guard part.first?.isWord("SELECT") == true, let w = TriggerRecognizer.topLevel(part, from: 1, word: "WHERE"),
                      TriggerRecognizer.topLevel(part, from: 1, word: "FROM") == nil,
                      TriggerRecognizer.readsOnlyNewRow(Array(part[(w + 1)...])) else { return nil }
                alternatives.append(Array(part[(w + 1)...]))
            }
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
                if TriggerRecognizer.readsOnlyNewRow(term) {
                    guards.append(term)
                    continue
                }
                if let ne = TriggerRecognizer.topLevelSymbol(term, ["!=", "<>", "="]),
                   let c = relationColumn(TriggerRecognizer.stripParens(Array(term[..<ne]))),
                   let v = TriggerRecognizer.literal(Array(term[(ne + 1)...])) {
                    predicates.append((c, term[ne].isSymbol("="), [v]))
                    onlyMatches = false
                    continue
                }
                // r.col [NOT] IN ('a', 'b')
                if let k = term.firstIndex(where: { $0.isWord("IN") }), k + 1 < term.count, term[k + 1].isSymbol("("),
                   TriggerRecognizer.closing(term, k + 1) == term.count - 1 {
                    let not = k > 0 && term[k - 1].isWord("NOT")
                    let items = TriggerRecognizer.split(Array(term[(k + 2)..<(term.count - 1)])).map(TriggerRecognizer.literal)
                    if let c = relationColumn(Array(term[..<(not ? k - 1 : k)])), !items.isEmpty, items.allSatisfy({ $0 != nil }) {
                        predicates.append((c, !not, items.compactMap { $0 }))
                        onlyMatches = false
                        continue
                    }
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

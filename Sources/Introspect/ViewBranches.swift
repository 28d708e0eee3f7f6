import SchemaModel

/// A view read as the union of the tables under it: `SELECT 'a' AS kind, x, y
/// FROM a UNION ALL SELECT 'b', x, y FROM b`, nested views expanded. Only
/// branches whose rows are exactly a table's rows count (no WHERE, no inner
/// join; LEFT JOINs keep every row); other branches are left out.
package struct ViewBranches: Sendable {
    package enum Item: Sendable, Hashable {
        case literal(String)
        case column(String)
        case other
    }

    package struct Branch: Sendable, Hashable {
        package var table: QualifiedName
        /// One item per output column of the view.
        package var items: [Item]
    }

    /// The view's output column names (from its first branch).
    package var columns: [String]
    package var branches: [Branch]

    /// Resolves `view`; `views` are all views of the schema, for nesting.
    package init?(_ view: ViewDefinition, views: [ViewDefinition], depth: Int = 0) {
        guard depth < 8 else { return nil }
        var t = SQLTokenizer.tokenize(view.query)
        if t.first?.isWord("CREATE") == true {
            guard let view = t.firstIndex(where: { $0.isWord("VIEW") }),
                  let asIndex = t[view...].firstIndex(where: { $0.isWord("AS") }) else { return nil }
            t = Array(t[(asIndex + 1)...])
        }
        while t.last?.isSymbol(";") == true { t.removeLast() }
        let parts = TriggerRecognizer.unionParts(t)
        var names: [String] = []
        var branches: [Branch] = []
        for (index, part) in parts.enumerated() {
            guard let select = Self.select(TriggerRecognizer.stripParens(part)) else {
                if index == 0 { return nil }
                continue
            }
            if index == 0 { names = select.names }
            guard select.items.count == names.count, select.plain else { continue }
            if let inner = views.first(where: { $0.name.name.caseInsensitiveEquals(select.relation.name) && (select.relation.schema == nil || $0.name.schema == select.relation.schema) }) {
                guard let nested = ViewBranches(inner, views: views, depth: depth + 1) else { continue }
                for b in nested.branches {
                    let items = select.items.map { item -> Item in
                        guard case .column(let c) = item else { return item }
                        guard let k = nested.columns.firstIndex(where: { $0.caseInsensitiveEquals(c) }) else { return .other }
                        return b.items[k]
                    }
                    branches.append(Branch(table: b.table, items: items))
                }
            } else {
                branches.append(Branch(table: select.relation, items: select.items))
            }
        }
        columns = names
        self.branches = branches
    }

    struct Select {
        var relation: QualifiedName
        var items: [Item]
        var names: [String]
        /// The branch's rows are the relation's rows.
        var plain: Bool
    }

    static func select(_ t: [SQLToken]) -> Select? {
        guard t.first?.isWord("SELECT") == true, let from = TriggerRecognizer.topLevel(t, from: 1, word: "FROM") else { return nil }
        var i = from + 1
        guard i < t.count, t[i].kind == .word || t[i].kind == .quotedIdentifier else { return nil }
        var relation = QualifiedName(t[i].text)
        if i + 2 < t.count, t[i + 1].isSymbol("."), t[i + 2].kind == .word || t[i + 2].kind == .quotedIdentifier {
            relation = QualifiedName(schema: t[i].text, t[i + 2].text)
            i += 2
        }
        i += 1
        var alias: String?
        if i < t.count, t[i].isWord("AS") { i += 1 }
        let keywords = ["WHERE", "LEFT", "JOIN", "INNER", "GROUP", "ORDER", "LIMIT", "CROSS", "NATURAL", "RIGHT", "FULL"]
        if i < t.count, t[i].kind == .quotedIdentifier || (t[i].kind == .word && !keywords.contains(where: { t[i].isWord($0) })) {
            alias = t[i].text
            i += 1
        }
        // Only LEFT [OUTER] JOIN … ON … may follow: they keep every row of the relation.
        var plain = true
        var k = i
        var depth = 0
        while k < t.count {
            if t[k].isSymbol("(") { depth += 1 }
            if t[k].isSymbol(")") { depth -= 1 }
            if depth == 0 {
                if t[k].isWord("JOIN"), !(k > 0 && (t[k - 1].isWord("LEFT") || (t[k - 1].isWord("OUTER") && k > 1 && t[k - 2].isWord("LEFT")))) { plain = false }
                if ["WHERE", "GROUP", "LIMIT", "HAVING", "DISTINCT"].contains(where: { t[k].isWord($0) }) { plain = false }
                if t[k].isSymbol(",") { plain = false }
            }
            k += 1
        }
        if t.count > 1, t[1].isWord("DISTINCT") { plain = false }
        let qualifiers = [alias, relation.name].compactMap { $0 }
        var items: [Item] = []
        var names: [String] = []
        for part in TriggerRecognizer.split(Array(t[1..<from])) {
            var expr = part
            var name: String?
            if let asIndex = part.lastIndex(where: { $0.isWord("AS") }), asIndex == part.count - 2,
               !(part.first?.isWord("CAST") == true && TriggerRecognizer.closing(part, 1) == part.count - 1) {
                name = part[part.count - 1].text
                expr = Array(part[..<asIndex])
            }
            let item = Self.item(expr, qualifiers: qualifiers)
            if name == nil, case .column(let c) = item { name = c }
            items.append(item)
            names.append(name ?? "?column?")
        }
        return Select(relation: relation, items: items, names: names, plain: plain)
    }

    /// A string literal (`'x'`, `CAST('x' AS TEXT)`, `('x'::character varying)::text`),
    /// a column of the relation (`c`, `alias.c`), or something else.
    static func item(_ e: [SQLToken], qualifiers: [String]) -> Item {
        var e = TriggerRecognizer.stripParens(e)
        if e.first?.isWord("CAST") == true, e.count > 3, e[1].isSymbol("("), TriggerRecognizer.closing(e, 1) == e.count - 1,
           let asIndex = e.lastIndex(where: { $0.isWord("AS") }) {
            e = TriggerRecognizer.stripParens(Array(e[2..<asIndex]))
        }
        // Trailing casts: `x::text`.
        while let cast = e.lastIndex(where: { $0.isSymbol("::") }), TriggerRecognizer.topLevelIndex(e, cast) {
            e = TriggerRecognizer.stripParens(Array(e[..<cast]))
        }
        if e.count == 1, e[0].kind == .string { return .literal(e[0].text) }
        if e.count == 1, e[0].kind == .word || e[0].kind == .quotedIdentifier { return .column(e[0].text) }
        if e.count == 3, e[1].isSymbol("."), qualifiers.contains(where: { $0.caseInsensitiveEquals(e[0].text) }) { return .column(e[2].text) }
        return .other
    }
}

extension TriggerRecognizer {
    /// Whether token `index` is at parenthesis depth 0.
    static func topLevelIndex(_ t: [SQLToken], _ index: Int) -> Bool {
        var depth = 0
        for i in 0..<index {
            if t[i].isSymbol("(") { depth += 1 }
            if t[i].isSymbol(")") { depth -= 1 }
        }
        return depth == 0
    }
}

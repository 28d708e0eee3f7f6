import SchemaModel

/// What `pragma_*` does not tell about a SQLite table, read from its CREATE TABLE text:
/// CHECK constraints, AUTOINCREMENT, WITHOUT ROWID, deferrable foreign keys.
struct SQLiteDDL {
    var checks: [CheckConstraint] = []
    var autoincrement = false
    var withoutRowid = false
    /// From-column lists (lowercased) of FKs declared DEFERRABLE INITIALLY DEFERRED.
    var deferredForeignKeys: Set<[String]> = []
    /// Column name (lowercased) → collation, for case-insensitive uniques.
    var collations: [String: String] = [:]

    init(sql: String) {
        let tokens = SQLTokenizer.tokenize(sql)
        let bytes = Array(sql.utf8)
        guard let open = tokens.firstIndex(where: { $0.isSymbol("(") }) else { return }
        // Split the body into top-level items.
        var items: [[SQLToken]] = []
        var current: [SQLToken] = []
        var depth = 0
        var end = tokens.count
        for index in (open + 1)..<tokens.count {
            let t = tokens[index]
            if t.isSymbol("(") { depth += 1 }
            if t.isSymbol(")") {
                if depth == 0 { end = index; break }
                depth -= 1
            }
            if depth == 0, t.isSymbol(",") {
                items.append(current); current = []
            } else {
                current.append(t)
            }
        }
        if !current.isEmpty { items.append(current) }
        let tail = tokens[min(end + 1, tokens.count)...]
        withoutRowid = tail.contains { $0.isWord("WITHOUT") } && tail.contains { $0.isWord("ROWID") }

        for item in items {
            guard let first = item.first else { continue }
            let isConstraint = ["CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK", "FOREIGN"].contains { first.isWord($0) }
            let columnName = isConstraint ? nil : first.text
            if item.contains(where: { $0.isWord("AUTOINCREMENT") }) { autoincrement = true }
            if let columnName, let c = item.firstIndex(where: { $0.isWord("COLLATE") }), c + 1 < item.count {
                collations[columnName.lowercased()] = item[c + 1].text
            }
            var pendingName: String?
            var i = 0
            while i < item.count {
                let t = item[i]
                if t.isWord("CONSTRAINT"), i + 1 < item.count { pendingName = item[i + 1].text; i += 2; continue }
                if t.isWord("CHECK"), i + 1 < item.count, item[i + 1].isSymbol("(") {
                    var d = 0
                    var j = i + 1
                    while j < item.count {
                        if item[j].isSymbol("(") { d += 1 }
                        if item[j].isSymbol(")") { d -= 1; if d == 0 { break } }
                        j += 1
                    }
                    if j < item.count {
                        let lo = item[i + 1].range.upperBound, hi = item[j].range.lowerBound
                        let text = String(decoding: bytes[lo..<hi], as: UTF8.self).trimmingSpaces()
                        checks.append(CheckConstraint(name: pendingName, expression: text))
                    }
                    pendingName = nil
                    i = j + 1
                    continue
                }
                i += 1
            }
            if item.contains(where: { $0.isWord("DEFERRABLE") }),
               let d = item.firstIndex(where: { $0.isWord("DEFERRABLE") }),
               d + 2 < item.count, item[d + 1].isWord("INITIALLY"), item[d + 2].isWord("DEFERRED") {
                if let columnName {
                    deferredForeignKeys.insert([columnName.lowercased()])
                } else if let fk = item.firstIndex(where: { $0.isWord("FOREIGN") }) {
                    var cols: [String] = []
                    var k = fk + 2
                    if k < item.count, item[k].isSymbol("(") { k += 1 }
                    while k < item.count, !item[k].isSymbol(")") {
                        if !item[k].isSymbol(",") { cols.append(item[k].text.lowercased()) }
                        k += 1
                    }
                    deferredForeignKeys.insert(cols)
                }
            }
        }
    }
}

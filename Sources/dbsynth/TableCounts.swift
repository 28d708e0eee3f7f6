import Introspect

/// Resolves `--table NAME=N` options against the live schema.
enum TableCounts {
    static func resolve(_ options: [String], schema: Schema) throws -> [QualifiedName: Int64] {
        var counts: [QualifiedName: Int64] = [:]
        for option in options {
            guard let eq = option.lastIndex(of: "=") else {
                throw CLIError.refused("--table \(option): expected NAME=N, e.g. --table orders=20000")
            }
            let name = String(option[..<eq])
            let countText = String(option[option.index(after: eq)...])
            guard let count = Int64(countText), count >= 0 else {
                throw CLIError.refused("--table \(option): row count '\(countText)' is not a non-negative integer")
            }
            let table = try find(name, in: schema, option: "--table \(option)")
            counts[table.name] = count
        }
        return counts
    }

    /// Finds a table by `name` or `schema.name`, exact first, then case-insensitively.
    static func find(_ name: String, in schema: Schema, option: String) throws -> Table {
        let exact = schema.tables.filter { $0.name.matches(name) }
        if exact.count == 1 { return exact[0] }
        if exact.count > 1 {
            throw CLIError.refused("\(option): '\(name)' is ambiguous (\(exact.map(\.name.description).joined(separator: ", "))); qualify it with its schema")
        }
        let loose = schema.tables.filter { $0.name.matches(name, caseInsensitive: true) }
        if loose.count == 1 { return loose[0] }
        let suggestion = Suggest.closest(to: name, among: schema.tables.map(\.name.description))
        throw CLIError.refused("\(option): no table named '\(name)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? ""))
    }
}

/// "Did you mean" by edit distance.
enum Suggest {
    static func closest(to word: String, among candidates: [String]) -> String? {
        let scored = candidates.map { ($0, distance(word.lowercased(), $0.lowercased())) }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= max(2, word.count / 3) else { return nil }
        return best.0
    }

    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}

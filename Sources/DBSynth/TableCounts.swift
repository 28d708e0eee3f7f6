import Introspect
import SchemaModel

/// Resolves `--table NAME=N` options against the live schema.
package enum TableCounts {
    /// Splits `--table NAME=N`; a malformed one is refused naming it.
    package static func parse(_ option: String) throws -> (name: String, rows: Int64) {
        guard let eq = option.lastIndex(of: "=") else {
            throw DBSynthError.refused("--table \(option): expected NAME=N, e.g. --table orders=20000")
        }
        let countText = String(option[option.index(after: eq)...])
        guard let count = Int64(countText), count >= 0 else {
            throw DBSynthError.refused("--table \(option): row count '\(countText)' is not a non-negative integer")
        }
        return (String(option[..<eq]), count)
    }

    /// The tables named in `FillOptions.tableRows`, resolved in name order.
    static func resolve(_ rows: [String: Int64], schema: Schema) throws -> [QualifiedName: Int64] {
        var counts: [QualifiedName: Int64] = [:]
        for (name, count) in rows.sorted(by: { $0.key < $1.key }) {
            guard count >= 0 else { throw DBSynthError.refused("--table \(name)=\(count): the row count must be 0 or more") }
            let table = try find(name, in: schema, option: "--table \(name)=\(count)")
            counts[table.name] = count
        }
        return counts
    }

    /// Finds a table by `name` or `schema.name`, exact first, then case-insensitively.
    static func find(_ name: String, in schema: Schema, option: String) throws -> Table {
        let exact = schema.tables.filter { $0.name.matches(name) }
        if exact.count == 1 { return exact[0] }
        if exact.count > 1 {
            throw DBSynthError.refused("\(option): '\(name)' is ambiguous (\(exact.map(\.name.description).joined(separator: ", "))); qualify it with its schema")
        }
        let loose = schema.tables.filter { $0.name.matches(name, caseInsensitive: true) }
        if loose.count == 1 { return loose[0] }
        let suggestion = Suggest.closest(to: name, among: schema.tables.map(\.name.description))
        throw DBSynthError.refused("\(option): no table named '\(name)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? ""))
    }
}

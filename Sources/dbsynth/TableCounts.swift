import Introspect
import SchemaModel

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

import Foundation
import Introspect
import SchemaModel

/// Folds warnings about CHECKs that differ only in names into one line per
/// shape: a schema with 300 tables that all use the same
/// `controlled_for_whitespace(name)` rule warns once, with a count, instead
/// of 300 times. Every single warning still goes to `--report`.
enum WarningGroups {
    /// The lines to print, in the order their first warning came.
    static func lines(_ warnings: [String], schema: Schema) -> [String] {
        var order: [String] = []
        var groups: [String: [(warning: String, table: String)]] = [:]
        for warning in warnings {
            let key = shape(of: warning, schema: schema) ?? warning
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append((warning, tableName(of: warning, schema: schema)?.name.description ?? ""))
        }
        return order.map { key in
            let members = groups[key]!
            guard members.count > 1 else { return members[0].warning }
            var tables: [String] = []
            for m in members where !tables.contains(m.table) { tables.append(m.table) }
            let shown = tables.prefix(5).joined(separator: ", ") + (tables.count > 5 ? " and \(tables.count - 5) more" : "")
            return "\(members.count) CHECKs of this shape: \(key) (in \(shown); each one is listed in --report)"
        }
    }

    /// The table a warning is about (it starts with `table: `).
    static func tableName(of warning: String, schema: Schema) -> Table? {
        guard let colon = warning.range(of: ": ") else { return nil }
        let prefix = String(warning[..<colon.lowerBound])
        return schema.tables.first { $0.name.description == prefix }
    }

    /// A CHECK warning with its table, constraint and column names replaced
    /// by placeholders; nil for other warnings, which are never folded.
    static func shape(of warning: String, schema: Schema) -> String? {
        guard warning.contains("CHECK"), let table = tableName(of: warning, schema: schema) else { return nil }
        var text = "<table>" + warning.dropFirst(table.name.description.count)
        let checkNames = table.checks.compactMap(\.name)
        for name in checkNames.sorted(by: { $0.count > $1.count }) { text = replaceWord(name, with: "<check>", in: text) }
        for column in table.columns.map(\.name).sorted(by: { $0.count > $1.count }) {
            text = replaceWord(column, with: "<column>", in: text)
        }
        return text
    }

    static func replaceWord(_ word: String, with placeholder: String, in text: String) -> String {
        guard !word.isEmpty, text.contains(word) else { return text }
        let pattern = "(?<![A-Za-z0-9_<])" + NSRegularExpression.escapedPattern(for: word) + "(?![A-Za-z0-9_>])"
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return text }
        return regex.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: NSRegularExpression.escapedTemplate(for: placeholder))
    }
}

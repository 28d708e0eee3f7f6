import Foundation

/// A table's name together with the schema (PostgreSQL namespace) it lives in.
///
/// SQLite tables have no schema here (`schema == nil`): the attached-database
/// prefix `main.` is never needed for the single file dbsynth works on.
public struct QualifiedName: Hashable, Sendable, Comparable, CustomStringConvertible, Codable {
    public var schema: String?
    public var name: String

    public init(schema: String? = nil, _ name: String) {
        self.schema = schema
        self.name = name
    }

    /// `schema.name` without quoting, for messages and `--table` matching.
    public var description: String {
        if let schema, schema != "public" { return "\(schema).\(name)" }
        return name
    }

    /// The name quoted for SQL in either dialect (`"schema"."name"`).
    public var quoted: String {
        if let schema { return "\(quoteIdentifier(schema)).\(quoteIdentifier(name))" }
        return quoteIdentifier(name)
    }

    /// Whether `text` names this table: `name`, `schema.name`, case-sensitive first,
    /// then case-insensitive so `--table Customer=5` finds `customer`.
    public func matches(_ text: String, caseInsensitive: Bool = false) -> Bool {
        let candidates = [name, "\(schema ?? "").\(name)", description]
        if caseInsensitive {
            let lower = text.lowercased()
            return candidates.contains { $0.lowercased() == lower }
        }
        return candidates.contains(text)
    }

    public static func < (lhs: QualifiedName, rhs: QualifiedName) -> Bool {
        ((lhs.schema ?? ""), lhs.name) < ((rhs.schema ?? ""), rhs.name)
    }
}

/// Quotes an SQL identifier with double quotes, doubling embedded quotes.
///
/// Both PostgreSQL and SQLite accept the standard form, so every identifier
/// dbsynth writes goes through here: mixed case, spaces, `@`, reserved words
/// and non-ASCII names all survive.
public func quoteIdentifier(_ name: String) -> String {
    "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
}

/// Quotes an SQL string literal with single quotes, doubling embedded quotes.
public func quoteLiteral(_ text: String) -> String {
    "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
}

import SchemaModel

/// An error from a database or from reading its schema, with enough context to
/// act on: what was being done, the server's message, and the SQL when useful.
///
/// `description` is one sentence for the `error:` line, closed by what the
/// server said the error is (`(SQLSTATE 23514, table accounts)`, or SQLite's
/// extended result code name), as postgres-nio's `PSQLError` reads; the
/// statement, detail, hint and context go to `verboseLines` and `--report`.
/// It never contains a password because connection strings only ever reach
/// it redacted.
public struct DatabaseError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable {
        /// Could not open or connect (bad path, host, port, password, database).
        case connection
        /// A statement failed.
        case statement
        /// The schema could not be read or has something dbsynth does not handle.
        case schema
    }

    public var kind: Kind
    public var message: String
    /// SQLSTATE (PostgreSQL: `23514`) or the extended result code name
    /// (SQLite: `SQLITE_CONSTRAINT_CHECK`) when known.
    public var code: String?
    /// The statement that failed, shortened.
    public var sql: String?
    /// What the server says the error is about, when it says (PostgreSQL's
    /// CONSTRAINT_NAME, TABLE_NAME, COLUMN_NAME, DETAIL, HINT and CONTEXT
    /// fields), for reports that name the constraint or trigger.
    public var constraint: String? = nil
    public var table: String? = nil
    public var column: String? = nil
    public var detail: String? = nil
    public var hint: String? = nil
    public var context: String? = nil

    public init(_ kind: Kind, _ message: String, code: String? = nil, sql: String? = nil) {
        self.kind = kind
        self.message = message
        self.code = code
        self.sql = sql.map { $0.count > 200 ? String($0.prefix(200)) + "…" : $0 }
    }

    /// The same error, said as part of `what` was being done
    /// (`loading accounts failed: …`), every server field kept.
    public func prefixed(_ what: String) -> DatabaseError {
        var error = self
        error.message = "\(what): \(message)"
        return error
    }

    /// The code as a reader can look it up: `SQLSTATE 23514`, or the name of
    /// a SQLite result code (`SQLITE_CONSTRAINT_CHECK`).
    public var codeName: String? {
        guard let code else { return nil }
        return SQLiteResultCode.isName(code) ? code : "SQLSTATE \(code)"
    }

    /// `(SQLSTATE 23514, table accounts, column balance)`, or "" when the
    /// server said none of it.
    public var serverFields: String {
        var parts: [String] = []
        if let codeName { parts.append(codeName) }
        if let table { parts.append("table \(table)") }
        if let column { parts.append("column \(column)") }
        if let constraint, !message.contains(constraint) { parts.append("constraint \(constraint)") }
        return parts.isEmpty ? "" : " (" + parts.joined(separator: ", ") + ")"
    }

    public var description: String { message + serverFields }

    /// What `--verbose` prints after the `error:` line: the statement (never
    /// a connection string) and the server's detail, hint and context.
    public var verboseLines: [String] {
        var lines: [String] = []
        if let sql { lines.append("statement: \(sql)") }
        if let detail { lines.append("detail: \(detail)") }
        if let hint { lines.append("hint: \(hint)") }
        if let context { lines.append("context: \(context.replacingOccurrences(of: "\n", with: " / "))") }
        return lines
    }
}

import SchemaModel

/// An error from a database or from reading its schema, with enough context to
/// act on: what was being done, the server's message, and the SQL when useful.
///
/// `description` is one sentence for the `error:` line; it never contains a
/// password because connection strings only ever reach it redacted.
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
    /// SQLSTATE (PostgreSQL) or result code name (SQLite) when known.
    public var code: String?
    /// The statement that failed, shortened.
    public var sql: String?
    /// What the server says the error is about, when it says (PostgreSQL's
    /// CONSTRAINT_NAME, TABLE_NAME, COLUMN_NAME, DETAIL and CONTEXT fields),
    /// for reports that name the constraint or trigger.
    public var constraint: String? = nil
    public var table: String? = nil
    public var column: String? = nil
    public var detail: String? = nil
    public var context: String? = nil

    public init(_ kind: Kind, _ message: String, code: String? = nil, sql: String? = nil) {
        self.kind = kind
        self.message = message
        self.code = code
        self.sql = sql.map { $0.count > 200 ? String($0.prefix(200)) + "…" : $0 }
    }

    public var description: String { message }
}

/// A user trigger as the database reports it. dbsynth never runs trigger
/// code itself: the recogniser (`TriggerRecognizer`) reads the body for the
/// rules it can honour by construction, and `fill --disable-triggers` turns
/// the rest off for the load.
public struct Trigger: Sendable, Hashable {
    public var name: String
    /// The table the trigger is attached to.
    public var table: QualifiedName
    /// `BEFORE`, `AFTER` or `INSTEAD OF`.
    public var timing: String
    /// `INSERT`, `UPDATE`, `DELETE`, `TRUNCATE`.
    public var events: [String]
    /// SQLite: the whole `CREATE TRIGGER` text (re-run to re-create it).
    /// PostgreSQL: the body of the trigger function (`pg_proc.prosrc`).
    public var body: String
    /// PostgreSQL: the trigger definition (`pg_get_triggerdef`); SQLite: nil.
    public var definition: String?

    public init(name: String, table: QualifiedName, timing: String, events: [String], body: String, definition: String? = nil) {
        self.name = name
        self.table = table
        self.timing = timing
        self.events = events
        self.body = body
        self.definition = definition
    }

    /// Whether the trigger fires on INSERT (the only event a fill causes).
    public var firesOnInsert: Bool { events.contains { $0.caseInsensitiveEquals("INSERT") } }
}

/// A view's defining query, read so that a trigger rule naming a view (a
/// `UNION ALL` of tables) can be resolved to the tables under it.
public struct ViewDefinition: Sendable, Hashable {
    public var name: QualifiedName
    /// The query text after `AS` (SQLite: the whole CREATE VIEW is accepted too).
    public var query: String

    public init(name: QualifiedName, query: String) {
        self.name = name
        self.query = query
    }
}

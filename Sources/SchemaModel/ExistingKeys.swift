/// One value read back from a table, typed the way the database stored it,
/// so a child row can be written with exactly the parent's key.
public enum StoredValue: Sendable, Hashable {
    case int(Int64)
    case real(Double)
    /// PostgreSQL values are always text (their output form, which COPY
    /// accepts back); SQLite text cells.
    case text(String)
    case blob([UInt8])
}

/// The key tuples of a table that a fill keeps (it already held rows), for
/// one list of referenced columns: the values its children may point at.
public struct ExistingKeys: Sendable {
    public var table: QualifiedName
    public var columns: [String]
    /// Distinct tuples with no NULL, each `columns.count` long, in key order.
    public var tuples: [[StoredValue]]
    /// True when the table holds more keys than were read: `tuples` is an
    /// evenly spaced sample of the ordered keys.
    public var sampled: Bool

    public init(table: QualifiedName, columns: [String], tuples: [[StoredValue]], sampled: Bool) {
        self.table = table
        self.columns = columns
        self.tuples = tuples
        self.sampled = sampled
    }
}

import SchemaModel

/// A parent row that must exist before a table is loaded because a trigger
/// inserts rows pointing at it (`INSERT INTO a_by_group VALUES (NEW.id, 0)`
/// needs the group with id 0). The loader inserts it, generated like the
/// parent's other rows but with this key, when it is missing.
package struct RequiredParentRow: Sendable, Hashable {
    package var table: QualifiedName
    package var columns: [String]
    /// The key values as SQL literal text without quotes.
    package var values: [String]
    /// Why it is needed, for messages.
    package var reason: String
    /// The table whose inserts fire the trigger: the row must exist before it is loaded.
    package var before: QualifiedName

    package init(table: QualifiedName, columns: [String], values: [String], reason: String, before: QualifiedName) {
        self.before = before
        self.table = table
        self.columns = columns
        self.values = values
        self.reason = reason
    }
}

import SchemaModel

/// SQLite's (extended) result codes by name, for messages: `SQLITE_CONSTRAINT_CHECK`
/// says what failed where the number 275 does not.
public enum SQLiteResultCode {
    static let names: [Int32: String] = [
        1: "SQLITE_ERROR", 5: "SQLITE_BUSY", 6: "SQLITE_LOCKED", 13: "SQLITE_FULL", 18: "SQLITE_TOOBIG",
        19: "SQLITE_CONSTRAINT", 20: "SQLITE_MISMATCH", 25: "SQLITE_RANGE",
        275: "SQLITE_CONSTRAINT_CHECK", 531: "SQLITE_CONSTRAINT_COMMITHOOK", 787: "SQLITE_CONSTRAINT_FOREIGNKEY",
        1043: "SQLITE_CONSTRAINT_FUNCTION", 1299: "SQLITE_CONSTRAINT_NOTNULL", 1555: "SQLITE_CONSTRAINT_PRIMARYKEY",
        1811: "SQLITE_CONSTRAINT_TRIGGER", 2067: "SQLITE_CONSTRAINT_UNIQUE", 2323: "SQLITE_CONSTRAINT_VTAB",
        2579: "SQLITE_CONSTRAINT_ROWID", 2835: "SQLITE_CONSTRAINT_PINNED", 3091: "SQLITE_CONSTRAINT_DATATYPE",
    ]

    /// The name of a code as `DatabaseError.code` holds it (`"275"`), or the
    /// text itself when it is not a known number.
    public static func name(_ code: String) -> String {
        guard let n = Int32(code) else { return code }
        return names[n] ?? names[n & 0xff].map { "\($0) (\(n))" } ?? "SQLite code \(n)"
    }

    /// Whether the code is a foreign key violation.
    public static func isForeignKey(_ code: String?) -> Bool { code == "787" }
}

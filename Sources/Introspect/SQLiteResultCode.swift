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

    /// The name `DatabaseError.code` holds for a result code: 275 is
    /// `SQLITE_CONSTRAINT_CHECK`; an extended code without a name of its own
    /// keeps its number beside its primary code's name.
    public static func name(_ code: Int32) -> String {
        names[code] ?? names[code & 0xff].map { "\($0) (\(code))" } ?? "SQLITE_ERROR (\(code))"
    }

    /// Whether `DatabaseError.code` holds a SQLite result code name.
    public static func isName(_ code: String) -> Bool { code.hasPrefix("SQLITE_") }

    public static let foreignKey = "SQLITE_CONSTRAINT_FOREIGNKEY"
    public static let trigger = "SQLITE_CONSTRAINT_TRIGGER"
}

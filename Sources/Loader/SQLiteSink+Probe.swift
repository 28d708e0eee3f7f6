import Engine
import Introspect
import SchemaModel

/// The probe on SQLite: savepoints nest inside the fill's transaction, and
/// each probe row is one INSERT, so a rejected row names itself.
extension SQLiteSink: ProbingSink {
    package func savepoint(_ name: String) throws { try connection.execute("SAVEPOINT \(name)") }
    package func rollback(toSavepoint name: String) throws { try connection.execute("ROLLBACK TO SAVEPOINT \(name)") }
    package func release(_ name: String) throws { try connection.execute("RELEASE SAVEPOINT \(name)") }

    package func probeLoad(_ table: TablePlan, ranges: [Range<Int64>]) throws {
        let columns = table.columns.map { quoteIdentifier($0.column.name) }.joined(separator: ", ")
        let placeholders = Array(repeating: "?", count: table.columns.count).joined(separator: ", ")
        let statement = try connection.prepare("INSERT INTO \(table.table.name.quoted) (\(columns)) VALUES (\(placeholders))")
        // Rows the load would redraw for CHECKs only SQLite evaluates are redrawn here too.
        let checker = table.serverChecks.isEmpty ? nil : ServerCheckRunner(plan: table, evaluator: try SQLiteServerChecks(plan: table, connection: connection))
        for range in ranges {
            try insert(table.batch(range), firstRow: range.lowerBound, settledBy: checker, with: statement)
        }
    }

    /// Everything SQLite changes is undone by the rollback.
    package func probeWillStart(_ plan: Plan) throws -> [String] { [] }
    package func probeDidEnd(_ restore: [String]) throws {}

    /// SQLite names the constraint in its message (`CHECK constraint failed:
    /// name`, `NOT NULL constraint failed: t.c`); a `RAISE(ABORT, …)` names
    /// only its text, so the trigger on the table whose body holds that text is looked up.
    package func cause(of error: DatabaseError, in table: TablePlan) -> ProbeFailure.Cause {
        let code = error.code
        var object: String?
        let message = error.message
        if let colon = message.range(of: "constraint failed: ") {
            object = "\(message[..<colon.lowerBound])constraint \(message[colon.upperBound...])"
        } else if error.code == SQLiteResultCode.trigger {
            let sql = "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ? AND instr(sql, ?) > 0 ORDER BY name"
            if let names = try? connection.query(sql, [table.table.name.name, message]).compactMap({ $0.first ?? nil }), !names.isEmpty {
                object = "trigger \(names.joined(separator: " or "))"
            } else {
                object = "a trigger"
            }
        }
        return ProbeFailure.Cause(code: code, object: object, message: message, foreignKey: error.code == SQLiteResultCode.foreignKey)
    }
}

import Engine
import Foundation
import Introspect
import SchemaModel

/// The probe on PostgreSQL: savepoints inside the fill's transaction, COPY
/// for the rows, and the error fields the server sends (SQLSTATE,
/// CONSTRAINT_NAME, TABLE_NAME, CONTEXT).
extension PostgresSink: ProbingSink {
    package func savepoint(_ name: String) throws { try connection.execute("SAVEPOINT \(name)") }
    package func rollback(toSavepoint name: String) throws { try connection.execute("ROLLBACK TO SAVEPOINT \(name)") }
    package func release(_ name: String) throws { try connection.execute("RELEASE SAVEPOINT \(name)") }

    package func probeLoad(_ table: TablePlan, ranges: [Range<Int64>]) throws {
        let columns = table.columns.map { quoteIdentifier($0.column.name) }.joined(separator: ", ")
        let sql = "COPY \(table.table.name.quoted) (\(columns)) FROM STDIN (FORMAT csv)"
        // Rows the load would redraw for CHECKs the server evaluates are redrawn here too.
        let checker = table.serverChecks.isEmpty ? nil : ServerCheckRunner(plan: table, evaluator: try PostgresServerChecks(plan: table, connection: connection))
        let batches = try ranges.map { range in try checker?.settle(table.batch(range), firstRow: range.lowerBound) ?? table.batch(range) }
        let encoder = CSVEncoder(style: .postgresCopy)
        var buffer: [UInt8] = []
        for batch in batches { encoder.encode(batch, into: &buffer) }
        try copyIn(sql, table: nil, abort: "dbsynth aborted the probe") {
            try buffer.withUnsafeBytes { try connection.putCopyData($0) }
        }
    }

    /// Sequences are not transactional: rows the probe inserts through a
    /// column's default (`GENERATED ALWAYS` identities, omitted serials) move
    /// them on for good. Their positions are read now and set back after.
    package func probeWillStart(_ plan: Plan) throws -> [String] {
        var restore: [String] = []
        for t in plan.tables {
            let written = Set(t.columns.map(\.column.name))
            for c in t.table.columns where !written.contains(c.name) {
                guard let sequence = c.sequence,
                      let row = try connection.query("SELECT last_value, is_called FROM \(sequence)").first,
                      let last = row[0], let called = row[1] else { continue }
                restore.append("SELECT setval(\(quoteLiteral(sequence))::regclass, \(last), \(called == "t" ? "true" : "false"))")
            }
        }
        return restore
    }

    package func probeDidEnd(_ restore: [String]) throws {
        for statement in restore { try connection.execute(statement) }
    }

    package func cause(of error: DatabaseError, in table: TablePlan) -> ProbeFailure.Cause {
        var message = error.message
        // The detail quotes the row; the row's values are reported apart.
        if let detail = error.detail, let cut = message.range(of: " (\(detail))") { message = String(message[..<cut.lowerBound]) }
        if let cut = message.range(of: " [COPY ") { message = String(message[..<cut.lowerBound]) }
        var object = error.constraint.map { "constraint \($0)" }
        if object == nil, let function = Self.triggerFunction(in: error.context) {
            let triggers = (try? connection.query(
                "SELECT tgname FROM pg_trigger WHERE tgrelid = $1::regclass AND tgfoid = to_regprocedure($2) AND NOT tgisinternal ORDER BY 1",
                [table.table.name.quoted, function]).compactMap { $0.first ?? nil }) ?? []
            object = triggers.isEmpty ? "function \(function)" : "trigger \(triggers.joined(separator: " or ")) (function \(function))"
        }
        if object == nil, let column = error.column { object = "column \(column)" }
        // A trigger writing elsewhere can fail on another table: say which.
        if let other = error.table, other != table.table.name.name { object = (object.map { $0 + " " } ?? "") + "of table \(other)" }
        return ProbeFailure.Cause(code: error.code.map { "SQLSTATE \($0)" }, object: object, message: message, foreignKey: error.code == "23503")
    }

    /// `PL/pgSQL function boom() line 3 at RAISE` → `boom()`.
    static func triggerFunction(in context: String?) -> String? {
        guard let context, let start = context.range(of: "PL/pgSQL function ") else { return nil }
        let rest = context[start.upperBound...]
        guard let close = rest.firstIndex(of: ")") else { return nil }
        return String(rest[...close])
    }
}

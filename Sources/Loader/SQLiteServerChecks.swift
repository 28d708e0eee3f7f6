import Engine
import Introspect

/// Evaluates a table's server checks with SQLite itself: one prepared
/// statement per table,
///
///     SELECT CAST((check1) AS NUMERIC) = 0, … FROM (SELECT ?1 AS "col", …)
///
/// run once per candidate row with the row's values bound as they would be
/// inserted. A CHECK fails in SQLite when its value is zero, so that is the
/// test (NULL, like any other value, passes). In-process, a row costs a few
/// microseconds, so there is nothing to gain from batching rows into one
/// statement; and a row the expression raises an error for fails alone.
final class SQLiteServerChecks: ServerCheckEvaluator {
    let statement: SQLiteStatement
    /// Plan column indices bound as parameters, in order.
    let bound: [Int]
    let checkCount: Int
    private(set) var lastError: String?

    init(plan: TablePlan, connection: SQLiteConnection) throws {
        bound = Array(Set(plan.serverChecks.flatMap(\.reads))).sorted()
        checkCount = plan.serverChecks.count
        let tests = plan.serverChecks.map { "CAST((\($0.predicate)) AS NUMERIC) = 0" }
        let columns = bound.enumerated().map { "?\($0.offset + 1) AS \(quoteIdentifier(plan.columns[$0.element].column.name))" }
        let sql = "SELECT \(tests.joined(separator: ", ")) FROM (SELECT \(columns.isEmpty ? "NULL" : columns.joined(separator: ", ")))"
        do {
            statement = try connection.prepare(sql)
        } catch let error as DatabaseError {
            let labels = plan.serverChecks.map(\.label).joined(separator: ", ")
            throw DatabaseError(error.kind, "\(plan.table.name): SQLite cannot evaluate \(labels) for generated rows: \(error.message)", code: error.code, sql: error.sql)
        }
    }

    func failures(in batch: RowBatch) throws -> [(row: Int, checks: [Int])] {
        var out: [(row: Int, checks: [Int])] = []
        try batch.arena.withUnsafeBytes { arena in
            for row in 0..<batch.rowCount {
                for (k, column) in bound.enumerated() {
                    try SQLiteSink.bind(batch.cell(row: row, column: column), arena: arena, at: Int32(k + 1), to: statement)
                }
                defer { statement.reset() }
                // An error while evaluating (malformed JSON for json_extract…) fails the row, as its INSERT would.
                let hasRow: Bool
                do {
                    hasRow = try statement.step()
                } catch let error as DatabaseError {
                    lastError = error.message
                    out.append((row, Array(0..<checkCount)))
                    continue
                }
                guard hasRow else { continue }
                var failed: [Int] = []
                for c in 0..<checkCount where !statement.isNull(at: Int32(c)) && statement.int64(at: Int32(c)) != 0 { failed.append(c) }
                if !failed.isEmpty { out.append((row, failed)) }
            }
        }
        return out
    }
}

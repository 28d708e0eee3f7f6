import Engine
import Introspect
import SchemaModel

/// Evaluates a table's server checks with SQLite itself. The candidate row
/// goes into an empty TEMP copy of the table's columns, so its values take
/// the columns' affinities exactly as the INSERT would give them (`'0'` in a
/// BOOLEAN column is the number 0 when a CHECK or a trigger compares it),
/// then one statement evaluates every check over it:
///
///     SELECT CAST((check1) AS NUMERIC) = 0, … FROM temp."dbsynth candidate t" AS dbsynth_new
///
/// A CHECK fails in SQLite when its value is zero, so that is the test
/// (NULL, like any other value, passes); a trigger's rejection condition
/// is checked as `NOT (condition)`. In-process, a row costs a few
/// microseconds, so there is nothing to gain from batching rows into one
/// statement; and a row the expression raises an error for fails alone.
final class SQLiteServerChecks: ServerCheckEvaluator {
    let insert: SQLiteStatement
    let select: SQLiteStatement
    let clear: SQLiteStatement
    /// Statements over some of the checks (after a redraw), by the checks they evaluate.
    private var subsets: [[Int]: SQLiteStatement] = [:]
    private let connection: SQLiteConnection
    private let sql: ([Int]) -> String
    /// Plan column indices bound as parameters, in order.
    let bound: [Int]
    /// The plan's server checks this evaluates (indices into `plan.serverChecks`).
    let active: [Int]
    private(set) var lastError: String?

    init(plan: TablePlan, connection: SQLiteConnection) throws {
        bound = Array(Set(plan.serverChecks.flatMap(\.reads))).sorted()
        let candidate = "temp." + quoteIdentifier("dbsynth candidate \(plan.table.name)")
        let columns = bound.map { quoteIdentifier(plan.columns[$0].column.name) }
        do {
            try connection.execute("DROP TABLE IF EXISTS \(candidate)")
            let copied = columns.isEmpty ? "NULL AS \(quoteIdentifier("dbsynth none"))" : columns.joined(separator: ", ")
            try connection.execute("CREATE TEMP TABLE \(candidate.dropFirst(5)) AS SELECT \(copied) FROM \(plan.table.name.quoted) LIMIT 0")
            let placeholders = columns.isEmpty ? "NULL" : (1...columns.count).map { "?\($0)" }.joined(separator: ", ")
            insert = try connection.prepare("INSERT INTO \(candidate) VALUES (\(placeholders))")
            clear = try connection.prepare("DELETE FROM \(candidate)")
        } catch let error as DatabaseError {
            throw error.prefixed("\(plan.table.name): cannot prepare the evaluation of CHECKs for generated rows")
        }
        let predicates = plan.serverChecks.map(\.predicate)
        let sql = { (checks: [Int]) -> String in
            let tests = checks.map { "CAST((\(predicates[$0])) AS NUMERIC) = 0" }
            return "SELECT \(tests.isEmpty ? "NULL" : tests.joined(separator: ", ")) FROM \(candidate) AS \(TriggerCondition.rowAlias)"
        }
        self.sql = sql
        self.connection = connection
        // A trigger's condition SQLite cannot prepare outside the trigger is left to the trigger.
        active = plan.serverChecks.indices.filter { i in
            plan.serverChecks[i].trigger == nil || (try? connection.prepare(sql([i]))) != nil
        }
        do {
            select = try connection.prepare(sql(active))
        } catch let error as DatabaseError {
            let labels = active.map { plan.serverChecks[$0].label }.joined(separator: ", ")
            throw error.prefixed("\(plan.table.name): SQLite cannot evaluate \(labels) for generated rows")
        }
    }

    func failures(in batch: RowBatch) throws -> [(row: Int, checks: [Int])] {
        try failures(in: batch, statement: select, evaluating: active)
    }

    func failures(in batch: RowBatch, checking checks: [Int]) throws -> [(row: Int, checks: [Int])] {
        let wanted = active.filter(Set(checks).contains)
        guard wanted.count < active.count else { return try failures(in: batch) }
        guard !wanted.isEmpty else { return [] }
        if subsets[wanted] == nil { subsets[wanted] = try connection.prepare(sql(wanted)) }
        return try failures(in: batch, statement: subsets[wanted]!, evaluating: wanted)
    }

    /// Inserts each row into the candidate table, runs `select` (one column
    /// per check of `evaluated`), and empties the table again.
    private func failures(in batch: RowBatch, statement select: SQLiteStatement, evaluating evaluated: [Int]) throws -> [(row: Int, checks: [Int])] {
        var out: [(row: Int, checks: [Int])] = []
        guard !evaluated.isEmpty else { return out }
        try batch.arena.withUnsafeBytes { arena in
            for row in 0..<batch.rowCount {
                for (k, column) in bound.enumerated() {
                    try SQLiteSink.bind(batch.cell(row: row, column: column), arena: arena, at: Int32(k + 1), to: insert)
                }
                defer {
                    insert.reset()
                    select.reset()
                    clear.reset()
                }
                // An error while evaluating (malformed JSON for json_extract…) fails the row, as its INSERT would.
                let hasRow: Bool
                do {
                    _ = try insert.step()
                    hasRow = try select.step()
                } catch let error as DatabaseError {
                    lastError = error.message
                    out.append((row, evaluated))
                    _ = try? clear.step()
                    continue
                }
                if hasRow {
                    var failed: [Int] = []
                    for (c, check) in evaluated.enumerated() where !select.isNull(at: Int32(c)) && select.int64(at: Int32(c)) != 0 { failed.append(check) }
                    if !failed.isEmpty { out.append((row, failed)) }
                }
                select.reset()
                _ = try clear.step()
            }
        }
        return out
    }
}

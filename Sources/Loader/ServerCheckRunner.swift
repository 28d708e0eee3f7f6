import Engine
import Introspect

/// Evaluates a table's server checks (`TablePlan.serverChecks`) for
/// candidate rows in the database, inside the fill's transaction.
protocol ServerCheckEvaluator {
    /// The rows of `batch` (indices) that some server check rejects, with the
    /// indices of the checks each one fails; rows that pass are absent.
    func failures(in batch: RowBatch) throws -> [(row: Int, checks: [Int])]
    /// The database's message the last time evaluating a row raised an error
    /// (such a row fails every check), for the refusal.
    var lastError: String? { get }
}

/// The fill is refused: a server-checked CHECK rejected every candidate of a row.
package struct ServerCheckRefusal: Error, CustomStringConvertible {
    package var message: String
    package var description: String { message }
}

/// Makes a generated batch pass the table's server checks before it is
/// loaded: the database evaluates every row, the rows that fail are redrawn
/// with the next attempt number (`TablePlan.redraw(row:attempt:columns:in:)`)
/// and evaluated again, up to `ServerCheck.attempts` times.
///
/// Rows are independent, so the result does not depend on where batches
/// begin or on how many threads generated them: same seed, same rows.
struct ServerCheckRunner {
    let plan: TablePlan
    let evaluator: any ServerCheckEvaluator

    /// The runner for a table's server checks, evaluated over `connection`;
    /// nil when the table has none.
    static func make(for plan: TablePlan, connection: DatabaseConnection) throws -> ServerCheckRunner? {
        guard !plan.serverChecks.isEmpty else { return nil }
        switch connection {
        case .sqlite(let c): return ServerCheckRunner(plan: plan, evaluator: try SQLiteServerChecks(plan: plan, connection: c))
        case .postgres(let c): return ServerCheckRunner(plan: plan, evaluator: try PostgresServerChecks(plan: plan, connection: c))
        }
    }

    /// `batch` (rows from `firstRow` on) with every failing row replaced by
    /// its first passing redraw; the batch itself when every row passes.
    /// A redraw changes only the columns of the CHECKs the row failed, so a
    /// row that must pass several rarely-true CHECKs keeps what already passes.
    func settle(_ batch: RowBatch, firstRow: Int64) throws -> RowBatch {
        var failing = try evaluator.failures(in: batch)
        guard !failing.isEmpty else { return batch }
        // Accepted redraws: batch row → (candidate batch, row in it).
        var accepted: [Int: (Int, Int)] = [:]
        var candidates: [RowBatch] = []
        var values: [Value] = []
        var pending = failing.map(\.row)
        var previous = batch
        for attempt in 1...ServerCheck.attempts {
            var candidate = RowBatch(columnCount: batch.columnCount, capacity: pending.count)
            for (k, failure) in failing.enumerated() {
                let redrawn = Array(Set(failure.checks.flatMap { plan.serverChecks[$0].redraw })).sorted()
                if let stuck = failure.checks.first(where: { plan.serverChecks[$0].redraw.isEmpty }) {
                    throw refusal(row: firstRow + Int64(pending[k]), check: plan.serverChecks[stuck], candidate: previous, at: failure.row)
                }
                previous.load(row: failure.row, into: &values)
                plan.redraw(row: firstRow + Int64(pending[k]), attempt: attempt, columns: redrawn, in: &values)
                for v in values { candidate.append(v) }
                candidate.endRow()
            }
            failing = try evaluator.failures(in: candidate)
            let failed = Set(failing.map(\.row))
            for (k, i) in pending.enumerated() where !failed.contains(k) { accepted[i] = (candidates.count, k) }
            candidates.append(candidate)
            previous = candidate
            pending = failing.map { pending[$0.row] }
            if pending.isEmpty { break }
        }
        if let first = failing.first, let row = pending.first {
            throw refusal(row: firstRow + Int64(row), check: plan.serverChecks[first.checks.first ?? 0], candidate: previous, at: first.row)
        }
        var settled = RowBatch(columnCount: batch.columnCount, capacity: batch.rowCount)
        for i in 0..<batch.rowCount {
            if let (c, k) = accepted[i] { settled.appendRow(of: candidates[c], row: k) } else { settled.appendRow(of: batch, row: i) }
        }
        return settled
    }

    func refusal(row: Int64, check: ServerCheck, candidate: RowBatch, at index: Int) -> ServerCheckRefusal {
        let shown = check.reads.prefix(4).map { i in
            "\(plan.columns[i].column.name) = \(candidate.text(row: index, column: i).map(quoteLiteral) ?? "NULL")"
        }
        let tried = check.redraw.isEmpty
            ? "it reads only columns of keys and unique constraints (\(check.reads.map { plan.columns[$0].column.name }.joined(separator: ", "))), which dbsynth never redraws"
            : "\(ServerCheck.attempts) redraws of \(check.redraw.map { plan.columns[$0].column.name }.joined(separator: ", ")) all failed"
        let said = evaluator.lastError.map { "; evaluating it raised: \($0)" } ?? ""
        return ServerCheckRefusal(message: "\(plan.table.name): the database rejects every value dbsynth drew for \(check.label) at row \(row) (\(tried); failing values: \(shown.joined(separator: ", "))\(said)); nothing was changed")
    }
}

import Engine
import Introspect
import SchemaModel

/// Evaluates a table's server checks (`TablePlan.serverChecks`) for
/// candidate rows in the database, inside the fill's transaction.
protocol ServerCheckEvaluator {
    /// The rows of `batch` (indices) that some server check rejects, with the
    /// indices of the checks each one fails; rows that pass are absent.
    func failures(in batch: RowBatch) throws -> [(row: Int, checks: [Int])]
    /// The same for `checks` only (indices into the plan's server checks):
    /// after a redraw, only the checks that read a redrawn column can change.
    /// An evaluator may evaluate more; failures of other checks are real too.
    func failures(in batch: RowBatch, checking checks: [Int]) throws -> [(row: Int, checks: [Int])]
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
    /// A redraw changes only the columns of the checks the row failed, so a
    /// row that must pass several rarely-true CHECKs keeps what already passes.
    /// A row that still fails only advisory checks (a trigger's rejection
    /// condition) after every attempt is loaded as its last redraw that
    /// passed the CHECKs, for the trigger to decide.
    func settle(_ batch: RowBatch, firstRow: Int64) throws -> RowBatch {
        let first = try evaluator.failures(in: batch)
        guard !first.isEmpty else { return batch }
        let checks = plan.serverChecks
        func hard(_ failed: [Int]) -> [Int] { failed.filter { checks[$0].trigger == nil } }
        // Rows to load from a candidate: batch row → (candidate, row in it).
        var accepted: [Int: (Int, Int)] = [:]
        var candidates: [RowBatch] = []
        // Rows still failing: the batch row, the checks it fails, where its values are (nil: the batch).
        var pending: [(row: Int, failed: [Int], at: (Int, Int)?)] = first.map { ($0.row, $0.checks, nil) }
        var values: [Value] = []
        for attempt in 1...ServerCheck.attempts {
            var candidate = RowBatch(columnCount: batch.columnCount, capacity: pending.count)
            var tried: [Int] = []
            for (k, p) in pending.enumerated() {
                if let stuck = hard(p.failed).first(where: { checks[$0].redraw.isEmpty }) {
                    let (source, index) = p.at.map { (candidates[$0.0], $0.1) } ?? (batch, p.row)
                    throw refusal(row: firstRow + Int64(p.row), check: checks[stuck], candidate: source, at: index)
                }
                let redrawn = Array(Set(p.failed.flatMap { checks[$0].redraw })).sorted()
                // Only advisory checks that no redraw can change: loaded as it is.
                guard !redrawn.isEmpty else { continue }
                if let (c, i) = p.at { candidates[c].load(row: i, into: &values) } else { batch.load(row: p.row, into: &values) }
                plan.redraw(row: firstRow + Int64(p.row), attempt: attempt, columns: redrawn, in: &values)
                for v in values { candidate.append(v) }
                candidate.endRow()
                tried.append(k)
            }
            if tried.isEmpty { break }
            // Only the checks that read a redrawn column can change their verdict.
            let checked = Set(tried.flatMap { k in
                let redrawn = Set(pending[k].failed.flatMap { checks[$0].redraw })
                return checks.indices.filter { !redrawn.isDisjoint(with: checks[$0].reads) }
            })
            let evaluated = try evaluator.failures(in: candidate, checking: checked.sorted())
            var failing = Dictionary(evaluated.map { ($0.row, $0.checks) }, uniquingKeysWith: { a, _ in a })
            // A check left out keeps its verdict: still failing if it failed.
            for (i, k) in tried.enumerated() {
                let kept = pending[k].failed.filter { !checked.contains($0) }
                if !kept.isEmpty { failing[i] = Array(Set((failing[i] ?? []) + kept)).sorted() }
            }
            let c = candidates.count
            candidates.append(candidate)
            var next: [(row: Int, failed: [Int], at: (Int, Int)?)] = []
            for (i, k) in tried.enumerated() {
                let row = pending[k].row
                guard let failed = failing[i] else { accepted[row] = (c, i); continue }
                // Passing every CHECK is progress even while a trigger's condition still fails.
                if hard(failed).isEmpty { accepted[row] = (c, i) }
                next.append((row, failed, (c, i)))
            }
            pending = next
            if pending.isEmpty { break }
        }
        if let p = pending.first(where: { !hard($0.failed).isEmpty && accepted[$0.row] == nil }) {
            let (source, index) = p.at.map { (candidates[$0.0], $0.1) } ?? (batch, p.row)
            throw refusal(row: firstRow + Int64(p.row), check: checks[hard(p.failed)[0]], candidate: source, at: index)
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

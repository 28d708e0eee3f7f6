import Engine
import Introspect
import SchemaModel

/// Evaluates a table's server checks in PostgreSQL: one statement per batch
/// of candidate rows,
///
///     SELECT dbsynth_new."dbsynth row", (check1) IS FALSE, …
///     FROM (VALUES (0, $1::type, …), (1, …), …) AS dbsynth_new("dbsynth row", "col", …)
///     WHERE (check1) IS FALSE OR …
///
/// so only the rejected rows come back. Values travel as text parameters
/// (exactly the text COPY would send), never spliced into the SQL, so no
/// quoting can go wrong; each is cast to the column's type, or for a domain
/// to its base type, so a value the domain rejects comes back as a failing
/// row instead of aborting the statement. The number of rows per statement
/// keeps the parameters under PostgreSQL's limit of 65,535. Each statement
/// runs in a savepoint, so a value the expression raises an error for
/// fails its row instead of the whole fill (see `evaluate`).
final class PostgresServerChecks: ServerCheckEvaluator {
    static let parameterLimit = 65_535
    static let rowAlias = quoteIdentifier("dbsynth row")

    let connection: PostgresConnection
    let table: QualifiedName
    /// Plan column indices bound as parameters, in order.
    let bound: [Int]
    /// `"name"` per bound column.
    let names: [String]
    /// The type each bound column's parameter is cast to.
    let casts: [String]
    let predicates: [String]
    let labels: [String]
    let rowsPerStatement: Int
    private(set) var lastError: String?

    /// The plan's server checks this evaluates (indices into `plan.serverChecks`).
    let active: [Int]

    init(plan: TablePlan, connection: PostgresConnection) throws {
        self.connection = connection
        table = plan.table.name
        let types = try Self.baseTypes(of: plan.table, connection: connection)
        func cast(_ i: Int) -> String {
            let c = plan.columns[i].column
            return types[c.name] ?? (c.declaredType.isEmpty ? "text" : c.declaredType)
        }
        // A trigger's condition that names a PL/pgSQL variable (or anything
        // else PostgreSQL cannot resolve outside the trigger) is left to the trigger.
        active = try plan.serverChecks.indices.filter { i in
            let check = plan.serverChecks[i]
            guard check.trigger != nil else { return true }
            let row = check.reads.map { "NULL::\(cast($0))" }
            let names = check.reads.map { quoteIdentifier(plan.columns[$0].column.name) }
            let probe = "SELECT 1 FROM (VALUES (\((["0"] + row).joined(separator: ", ")))) AS \(TriggerCondition.rowAlias)(\(([Self.rowAlias] + names).joined(separator: ", "))) WHERE false AND (\(check.predicate))"
            try connection.execute("SAVEPOINT dbsynth_check")
            do {
                _ = try connection.query(probe, [])
                try connection.execute("RELEASE SAVEPOINT dbsynth_check")
                return true
            } catch is DatabaseError {
                try connection.execute("ROLLBACK TO SAVEPOINT dbsynth_check")
                try connection.execute("RELEASE SAVEPOINT dbsynth_check")
                return false
            }
        }
        bound = Array(Set(active.flatMap { plan.serverChecks[$0].reads })).sorted()
        names = bound.map { quoteIdentifier(plan.columns[$0].column.name) }
        casts = bound.map(cast)
        predicates = active.map { plan.serverChecks[$0].predicate }
        labels = active.map { plan.serverChecks[$0].label }
        rowsPerStatement = max(1, Self.parameterLimit / max(1, bound.count))
    }

    /// Each column's type as `format_type` spells it, domains followed down
    /// to their base type (whose typmod a domain keeps in `typtypmod`).
    static func baseTypes(of table: Table, connection: PostgresConnection) throws -> [String: String] {
        let rows = try connection.query("""
            WITH RECURSIVE t(name, typ, mod) AS (
              SELECT a.attname::text, a.atttypid, a.atttypmod FROM pg_attribute a
              WHERE a.attrelid = $1::regclass AND a.attnum > 0 AND NOT a.attisdropped
              UNION ALL
              SELECT t.name, y.typbasetype, y.typtypmod FROM t JOIN pg_type y ON y.oid = t.typ WHERE y.typtype = 'd'
            )
            SELECT t.name, format_type(t.typ, t.mod) FROM t JOIN pg_type y ON y.oid = t.typ WHERE y.typtype <> 'd'
            """, [table.name.quoted])
        var out: [String: String] = [:]
        for row in rows { if let name = row[0], let type = row[1] { out[name] = type } }
        return out
    }

    /// One statement evaluates every check: a batch costs one round trip whatever the subset.
    func failures(in batch: RowBatch, checking checks: [Int]) throws -> [(row: Int, checks: [Int])] {
        try failures(in: batch)
    }

    func failures(in batch: RowBatch) throws -> [(row: Int, checks: [Int])] {
        var out: [(row: Int, checks: [Int])] = []
        guard !active.isEmpty else { return out }
        var start = 0
        while start < batch.rowCount {
            let end = min(batch.rowCount, start + rowsPerStatement)
            try evaluate(batch, rows: start..<end, into: &out)
            start = end
        }
        return out.sorted { $0.row < $1.row }
    }

    /// Evaluates `rows` in one statement inside a savepoint. When the
    /// expression raises for some value (a cast of bad input, a function's
    /// RAISE: SQLSTATE classes 22 and P0), the savepoint is rolled back and
    /// the rows are halved until each raising row is found; such a row
    /// fails every check, as its INSERT would. Any other error (an unknown
    /// function, no permission) stops the fill with the CHECKs named.
    func evaluate(_ batch: RowBatch, rows: Range<Int>, into out: inout [(row: Int, checks: [Int])]) throws {
        let tests = predicates.map { "(\($0)) IS FALSE" }
        var params: [String?] = []
        params.reserveCapacity(rows.count * bound.count)
        var values: [String] = []
        values.reserveCapacity(rows.count)
        for row in rows {
            var tuple = "(\(row)"
            for (k, column) in bound.enumerated() {
                params.append(Self.parameter(batch, row: row, column: column))
                tuple += ", $\(params.count)::\(casts[k])"
            }
            values.append(tuple + ")")
        }
        let alias = TriggerCondition.rowAlias
        let sql = "SELECT \(alias).\(Self.rowAlias), \(tests.joined(separator: ", ")) FROM (VALUES \(values.joined(separator: ", "))) AS \(alias)(\(([Self.rowAlias] + names).joined(separator: ", "))) WHERE \(tests.joined(separator: " OR "))"
        let result: [[String?]]
        try connection.execute("SAVEPOINT dbsynth_check")
        do {
            result = try connection.query(sql, params)
            try connection.execute("RELEASE SAVEPOINT dbsynth_check")
        } catch let error as DatabaseError {
            guard error.kind == .statement, let code = error.code, code.hasPrefix("22") || code.hasPrefix("P0") else {
                throw error.prefixed("\(table): evaluating \(labels.joined(separator: ", ")) for generated rows failed")
            }
            try connection.execute("ROLLBACK TO SAVEPOINT dbsynth_check")
            try connection.execute("RELEASE SAVEPOINT dbsynth_check")
            if rows.count == 1 {
                lastError = error.message
                out.append((rows.lowerBound, active))
                return
            }
            let middle = rows.lowerBound + rows.count / 2
            try evaluate(batch, rows: rows.lowerBound..<middle, into: &out)
            try evaluate(batch, rows: middle..<rows.upperBound, into: &out)
            return
        }
        for r in result {
            guard let n = r[0].flatMap({ Int($0) }) else { continue }
            out.append((n, predicates.indices.filter { r[$0 + 1] == "t" }.map { active[$0] }))
        }
    }

    /// A cell as PostgreSQL's text input reads it (what COPY would send).
    static func parameter(_ batch: RowBatch, row: Int, column: Int) -> String? {
        let cell = batch.cell(row: row, column: column)
        switch cell.kind {
        case .null: return nil
        case .bool: return cell.payload != 0 ? "t" : "f"
        case .bytes:
            let start = Int(cell.payload)
            var hex = "\\x"
            for b in batch.arena[start..<start + Int(cell.length)] {
                hex.append(Character(Unicode.Scalar(CSVEncoder.hexDigit(b >> 4))))
                hex.append(Character(Unicode.Scalar(CSVEncoder.hexDigit(b & 0xf))))
            }
            return hex
        default: return batch.text(row: row, column: column)
        }
    }
}

extension PostgresSink {
    /// The load of a table with server checks: each generated batch is
    /// evaluated by the server and its failing rows redrawn on this thread,
    /// then sent with a COPY of its own (no other statement can run while a
    /// COPY is open). Tables without server checks never come here.
    func loadChecked(_ plan: TablePlan, batchRows: Int, jobs: Int, progress: (Int64) -> Void) throws {
        let runner = ServerCheckRunner(plan: plan, evaluator: try PostgresServerChecks(plan: plan, connection: connection))
        let columns = plan.columns.map { quoteIdentifier($0.column.name) }.joined(separator: ", ")
        let sql = "COPY \(plan.table.name.quoted) (\(columns)) FROM STDIN (FORMAT csv)"
        let encoder = CSVEncoder(style: .postgresCopy)
        var buffer: [UInt8] = []
        try Pipeline.run(ranges: Pipeline.ranges(plan.rowRange, batch: Int64(batchRows)), workers: jobs, produce: { range in
            (range.lowerBound, plan.batch(range))
        }, consume: { (start: Int64, batch: RowBatch) in
            try Cancellation.check()
            let settled = try runner.settle(batch, firstRow: start)
            buffer.removeAll(keepingCapacity: true)
            encoder.encode(settled, into: &buffer)
            try copyIn(sql, table: plan.table.name) {
                try buffer.withUnsafeBytes { try connection.putCopyData($0) }
            }
            progress(start + Int64(settled.rowCount) - plan.firstRow)
        })
    }
}

import Engine
import Introspect
import SchemaModel

/// Loads a plan into SQLite: one transaction, one prepared INSERT per table
/// with bound parameters, foreign keys enforced.
package final class SQLiteSink: Sink {
    let connection: SQLiteConnection
    private var inTransaction = false
    /// `--fast`: drop the filled tables' explicit indexes during the load.
    let fast: Bool
    /// CREATE INDEX statements to run again before COMMIT.
    private var droppedIndexes: [String] = []

    package init(connection: SQLiteConnection, fast: Bool = false) {
        self.connection = connection
        self.fast = fast
    }

    /// Settings changed for the load, restored afterwards whatever happens.
    private var restore: [String] = []

    /// For the load only: WAL journal, no fsync until COMMIT's end (a killed
    /// process still cannot lose committed data or half-apply the fill; only
    /// an OS crash right at commit could), and a 32 MiB page cache so large
    /// unique indexes stay in memory. The previous settings come back after.
    func tuneForLoad() throws {
        let journal = try connection.query("PRAGMA journal_mode").first?.first.flatMap { $0 } ?? "delete"
        let synchronous = try connection.scalarInt("PRAGMA synchronous") ?? 2
        let cache = try connection.scalarInt("PRAGMA cache_size") ?? -2000
        restore = ["PRAGMA cache_size = \(cache)", "PRAGMA synchronous = \(synchronous)"]
        if journal.lowercased() != "wal", journal.lowercased() != "memory" {
            try connection.execute("PRAGMA journal_mode = WAL")
            restore.append("PRAGMA journal_mode = \(journal)")
        }
        try connection.execute("PRAGMA synchronous = OFF; PRAGMA cache_size = -32768")
    }

    func restoreSettings() {
        for statement in restore { _ = try? connection.execute(statement) }
        restore = []
    }

    package func begin() throws {
        guard !inTransaction else { return }
        try tuneForLoad()
        // Foreign keys are checked for every inserted row; this pragma cannot
        // change inside a transaction, so it is set first.
        try connection.execute("PRAGMA foreign_keys = ON")
        try connection.execute("BEGIN IMMEDIATE")
        inTransaction = true
    }

    package func prepare(plan: Plan, truncate: Bool) throws {
        let hardCycle = plan.tables.contains { $0.brokenForeignKeys.contains { $0.strategy == .sqliteDeferForeignKeys } }
        if hardCycle || truncate {
            // Checked at COMMIT instead of per row: a cycle closes only at the end.
            try connection.execute("PRAGMA defer_foreign_keys = ON")
        }
        if fast {
            // Indexes declared with CREATE INDEX (inline UNIQUE/PRIMARY KEY
            // autoindexes cannot be dropped) are rebuilt once, after the load.
            let names = plan.tables.map { quoteLiteral($0.table.name.name) }.joined(separator: ", ")
            for row in try connection.query("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (\(names)) ORDER BY name") {
                guard let name = row[0], let sql = row[1] else { continue }
                try connection.execute("DROP INDEX \(quoteIdentifier(name))")
                droppedIndexes.append(sql)
            }
        }
        if truncate { try self.truncate(tables: plan.tables.reversed().map(\.table.name)) }
    }

    /// A DELETE per table (children first when given in reverse load order),
    /// with foreign keys checked at COMMIT, and their AUTOINCREMENT counters reset.
    package func truncate(tables: [QualifiedName]) throws {
        guard !tables.isEmpty else { return }
        try connection.execute("PRAGMA defer_foreign_keys = ON")
        for t in tables { try connection.execute("DELETE FROM \(t.quoted)") }
        let hasSequence = try connection.scalarInt("SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_sequence'") ?? 0
        if hasSequence > 0 {
            let names = tables.map { quoteLiteral($0.name) }.joined(separator: ", ")
            try connection.execute("DELETE FROM sqlite_sequence WHERE name IN (\(names))")
        }
    }

    package func load(_ plan: TablePlan, batchRows: Int, jobs: Int, progress: (Int64) -> Void) throws {
        guard plan.rows > 0 else { return }
        let columns = plan.columns.map { quoteIdentifier($0.column.name) }.joined(separator: ", ")
        let placeholders = Array(repeating: "?", count: plan.columns.count).joined(separator: ", ")
        let statement = try connection.prepare("INSERT INTO \(plan.table.name.quoted) (\(columns)) VALUES (\(placeholders))")
        // CHECKs only SQLite can evaluate: each batch is settled first (see `ServerCheckRunner`).
        let checker = plan.serverChecks.isEmpty ? nil : ServerCheckRunner(plan: plan, evaluator: try SQLiteServerChecks(plan: plan, connection: connection))
        // Rows are generated on a background thread while this one inserts.
        var done: Int64 = 0
        try Pipeline.run(ranges: Pipeline.ranges(plan.rowRange, batch: Int64(batchRows)), workers: jobs, produce: plan.batch, consume: { batch in
            try Cancellation.check()
            do {
                try insert(batch, firstRow: plan.firstRow + done, settledBy: checker, with: statement)
            } catch let error as DatabaseError {
                throw error.prefixed("loading \(plan.table.name) failed")
            }
            done += Int64(batch.rowCount)
            progress(done)
        })
    }

    /// Inserts `batch` (rows from `firstRow` on) once `checker` settled it.
    /// With a trigger's rejection condition among the checks, each row is
    /// settled just before its own INSERT, so the condition sees the rows
    /// before it in the batch too, as the trigger will (a name unique
    /// across a view that holds this table).
    func insert(_ batch: RowBatch, firstRow: Int64, settledBy checker: ServerCheckRunner?, with statement: SQLiteStatement) throws {
        guard let checker else { return try insert(batch, with: statement) }
        guard checker.plan.serverChecks.contains(where: { $0.trigger != nil }) else {
            return try insert(checker.settle(batch, firstRow: firstRow), with: statement)
        }
        var one = RowBatch(columnCount: batch.columnCount, capacity: 1)
        for row in 0..<batch.rowCount {
            one.removeAll()
            one.appendRow(of: batch, row: row)
            try insert(checker.settle(one, firstRow: firstRow + Int64(row)), with: statement)
        }
    }

    func insert(_ batch: RowBatch, with statement: SQLiteStatement) throws {
        try batch.arena.withUnsafeBytes { arena in
            for row in 0..<batch.rowCount {
                for column in 0..<batch.columnCount {
                    try Self.bind(batch.cell(row: row, column: column), arena: arena, at: Int32(column + 1), to: statement)
                }
                try statement.step()
                statement.reset()
            }
        }
    }

    /// Binds one cell (its text or blob bytes read from `arena`) to parameter `index`.
    @inline(__always)
    static func bind(_ cell: RowBatch.Cell, arena: UnsafeRawBufferPointer, at index: Int32, to statement: SQLiteStatement) throws {
        switch cell.kind {
        case .null: try statement.bindNull(at: index)
        case .int, .bool: try statement.bind(int64: cell.payload, at: index)
        case .double: try statement.bind(double: Double(bitPattern: UInt64(bitPattern: cell.payload)), at: index)
        case .text:
            try statement.bind(utf8: UnsafeRawBufferPointer(rebasing: arena[Int(cell.payload)..<Int(cell.payload) + Int(cell.length)]), at: index)
        case .bytes:
            try statement.bind(blob: UnsafeRawBufferPointer(rebasing: arena[Int(cell.payload)..<Int(cell.payload) + Int(cell.length)]), at: index)
        }
    }

    package func finish(plan: Plan) throws {
        for t in plan.tables {
            for update in t.updates { try runUpdate(update, table: t) }
        }
        for sql in droppedIndexes { try connection.execute(sql) }
        try connection.execute("COMMIT")
        inTransaction = false
        restoreSettings()
    }

    /// One prepared UPDATE per row, keyed by the primary key.
    func runUpdate(_ update: DeferredUpdate, table: TablePlan) throws {
        let sets = update.setColumns.map { "\(quoteIdentifier($0.column.name)) = ?" }.joined(separator: ", ")
        let matches = update.keyColumns.map { "\(quoteIdentifier($0.column.name)) = ?" }.joined(separator: " AND ")
        let statement = try connection.prepare("UPDATE \(table.table.name.quoted) SET \(sets) WHERE \(matches)")
        let subplan = table.projected(onto: update.setColumns + update.keyColumns)
        var batch = RowBatch(columnCount: subplan.columns.count)
        var scratch = Value()
        var row = table.firstRow
        while row < table.rowRange.upperBound {
            let end = min(table.rowRange.upperBound, row + 4096)
            subplan.generate(rows: row..<end, into: &batch, scratch: &scratch)
            try insert(batch, with: statement)
            row = end
        }
    }

    package func rollback() {
        if inTransaction { _ = try? connection.execute("ROLLBACK") }
        inTransaction = false
        restoreSettings()
    }
}

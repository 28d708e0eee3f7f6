import Engine
import Foundation
import Introspect
import SchemaModel

/// Loads a plan into PostgreSQL with `COPY … FROM STDIN` (CSV), the whole
/// fill in one transaction.
package final class PostgresSink: Sink {
    let connection: PostgresConnection
    /// COPY data is sent in chunks of about this many bytes.
    let chunkBytes = 1 << 20
    private var inTransaction = false
    /// `--fast`: drop keys, indexes and FKs around the load (same transaction).
    let fast: Bool
    private var fastLoad: PostgresFastLoad?

    package init(connection: PostgresConnection, fast: Bool = false) {
        self.connection = connection
        self.fast = fast
    }

    package func begin() throws {
        guard !inTransaction else { return }
        try connection.execute("BEGIN")
        inTransaction = true
    }

    /// One TRUNCATE for all of them, so references among them need no order.
    package func truncate(tables: [QualifiedName]) throws {
        guard !tables.isEmpty else { return }
        try connection.execute("TRUNCATE " + tables.map(\.quoted).joined(separator: ", ") + " RESTART IDENTITY")
    }

    package func prepare(plan: Plan, truncate: Bool) throws {
        try extendSearchPath(plan)
        if truncate { try self.truncate(tables: plan.tables.map(\.table.name)) }
        if fast { fastLoad = try PostgresFastLoad.drop(tables: plan.tables.map(\.table), connection: connection) }
        for t in plan.tables {
            for b in t.brokenForeignKeys {
                switch b.strategy {
                case .deferConstraint:
                    if let name = b.foreignKey.name, !(fastLoad?.covers(b.foreignKey, of: t.table) ?? false) {
                        try connection.execute("SET CONSTRAINTS \(qualifiedConstraint(name, of: t.table)) DEFERRED")
                    }
                case .dropAndRecreate:
                    if let name = b.foreignKey.name, !(fastLoad?.covers(b.foreignKey, of: t.table) ?? false) {
                        try connection.execute("ALTER TABLE \(t.table.name.quoted) DROP CONSTRAINT \(quoteIdentifier(name))")
                    }
                default: break
                }
            }
        }
    }

    /// Triggers and defaults in the filled tables may name objects of their
    /// own schema unqualified (they were created with that schema on the
    /// search path), so every filled schema joins the search path for this
    /// transaction. dbsynth's own statements always qualify names.
    func extendSearchPath(_ plan: Plan) throws {
        let current = try connection.query("SELECT current_setting('search_path')").first?.first ?? nil
        var path = current ?? "\"$user\", public"
        var seen = Set(path.split(separator: ",").map { $0.trimmingSpaces().trimmingCharacters(in: CharacterSet(charactersIn: "\"")) })
        for t in plan.tables {
            guard let schema = t.table.name.schema, seen.insert(schema).inserted else { continue }
            path += ", " + quoteIdentifier(schema)
        }
        try connection.execute("SELECT set_config('search_path', $1, true)", [path])
    }

    func qualifiedConstraint(_ name: String, of table: Table) -> String {
        if let schema = table.name.schema { return "\(quoteIdentifier(schema)).\(quoteIdentifier(name))" }
        return quoteIdentifier(name)
    }

    /// One `COPY … FROM STDIN`: `send` puts the data; if it throws, the COPY
    /// is aborted (the connection leaves COPY mode) and its error wins; the
    /// server's error at the end comes back as `loading T failed: …` when
    /// `table` is given, as the server said it otherwise (the probe's causes).
    func copyIn(_ sql: String, table: QualifiedName?, abort: String = "dbsynth aborted the load", send: () throws -> Void) throws {
        try connection.beginCopy(sql)
        do {
            try send()
        } catch {
            try? connection.endCopy(failure: abort, sql: sql)
            throw error
        }
        do {
            try connection.endCopy(sql: sql)
        } catch let error as DatabaseError {
            guard let table else { throw error }
            throw error.prefixed("loading \(table) failed")
        }
    }

    package func load(_ plan: TablePlan, batchRows: Int, jobs: Int, progress: (Int64) -> Void) throws {
        guard plan.rows > 0 else { return }
        guard plan.serverChecks.isEmpty else { return try loadChecked(plan, batchRows: batchRows, jobs: jobs, progress: progress) }
        let columns = plan.columns.map { quoteIdentifier($0.column.name) }.joined(separator: ", ")
        let sql = "COPY \(plan.table.name.quoted) (\(columns)) FROM STDIN (FORMAT csv)"
        let chunkBytes = self.chunkBytes
        let encoder = CSVEncoder(style: .postgresCopy)
        let connection = self.connection
        try copyIn(sql, table: plan.table.name) {
            // A background thread generates and encodes the next chunks while
            // this one sends the current chunk.
            try Pipeline.run(ranges: Pipeline.ranges(plan.rowRange, batch: Int64(batchRows)), workers: jobs, produce: { range in
                var buffer: [UInt8] = []
                buffer.reserveCapacity(chunkBytes)
                encoder.encode(plan.batch(range), into: &buffer)
                return (range.upperBound, buffer)
            }, consume: { (end: Int64, buffer: [UInt8]) in
                try Cancellation.check()
                try buffer.withUnsafeBytes { try connection.putCopyData($0) }
                progress(end - plan.firstRow)
            })
        }
    }

    package func finish(plan: Plan) throws {
        for t in plan.tables {
            for update in t.updates { try runUpdate(update, table: t) }
        }
        try fastLoad?.recreate(connection: connection)
        for t in plan.tables {
            for b in t.brokenForeignKeys where b.strategy == .dropAndRecreate && !(fastLoad?.covers(b.foreignKey, of: t.table) ?? false) {
                if let name = b.foreignKey.name, let definition = b.foreignKey.definition {
                    try connection.execute("ALTER TABLE \(t.table.name.quoted) ADD CONSTRAINT \(quoteIdentifier(name)) \(definition)")
                }
            }
        }
        try advanceSequences(plan)
        try connection.execute("COMMIT")
        inTransaction = false
    }

    /// Set-based: the (key, fk) pairs are COPYed into a temporary table and
    /// applied with one `UPDATE … FROM`.
    func runUpdate(_ update: DeferredUpdate, table: TablePlan) throws {
        guard table.rows > 0 else { return }
        let temp = quoteIdentifier("dbsynth_update")
        let all = update.keyColumns + update.setColumns
        let defs = all.enumerated().map { "c\($0.offset) \($0.element.column.declaredType.isEmpty ? "text" : $0.element.column.declaredType)" }
        try connection.execute("CREATE TEMP TABLE \(temp) (\(defs.joined(separator: ", "))) ON COMMIT DROP")
        let sql = "COPY \(temp) FROM STDIN (FORMAT csv)"
        let subplan = table.projected(onto: all)
        try copyIn(sql, table: nil) {
            var batch = RowBatch(columnCount: all.count)
            var scratch = Value()
            var buffer: [UInt8] = []
            let encoder = CSVEncoder(style: .postgresCopy)
            var row = table.firstRow
            while row < table.rowRange.upperBound {
                let end = min(table.rowRange.upperBound, row + 4096)
                subplan.generate(rows: row..<end, into: &batch, scratch: &scratch)
                encoder.encode(batch, into: &buffer)
                try buffer.withUnsafeBytes { try connection.putCopyData($0) }
                buffer.removeAll(keepingCapacity: true)
                row = end
            }
        }
        let keyCount = update.keyColumns.count
        let sets = update.setColumns.enumerated().map { "\(quoteIdentifier($0.element.column.name)) = u.c\($0.offset + keyCount)" }
        let matches = update.keyColumns.enumerated().map { "t.\(quoteIdentifier($0.element.column.name)) = u.c\($0.offset)" }
        try connection.execute("UPDATE \(table.table.name.quoted) AS t SET \(sets.joined(separator: ", ")) FROM \(temp) AS u WHERE \(matches.joined(separator: " AND "))")
        try connection.execute("DROP TABLE \(temp)")
    }

    /// Moves every serial/identity sequence past the largest key now in the
    /// table, so the application's next INSERT does not collide.
    func advanceSequences(_ plan: Plan) throws {
        for t in plan.tables {
            for c in t.table.columns {
                guard let sequence = c.sequence else { continue }
                try connection.execute(
                    "SELECT setval($1::regclass, COALESCE((SELECT max(\(quoteIdentifier(c.name))) FROM \(t.table.name.quoted)), 0) + 1, false)",
                    [sequence])
            }
            try connection.execute("ANALYZE \(t.table.name.quoted)")
        }
    }

    package func rollback() {
        guard inTransaction else { return }
        _ = try? connection.execute("ROLLBACK")
        inTransaction = false
    }
}

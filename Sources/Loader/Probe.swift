import Engine
import Introspect
import SchemaModel

/// A sink that can load a few rows inside a savepoint of the fill's
/// transaction and undo them: what the probe needs.
package protocol ProbingSink: Sink {
    /// `SAVEPOINT name`, `ROLLBACK TO SAVEPOINT name`, `RELEASE SAVEPOINT name`.
    func savepoint(_ name: String) throws
    func rollback(toSavepoint name: String) throws
    func release(_ name: String) throws
    /// Loads rows `ranges` of `table` in one statement (or one per row),
    /// throwing the database's own error, unwrapped.
    func probeLoad(_ table: TablePlan, ranges: [Range<Int64>]) throws
    /// Before the probe: the statements that will restore what a rollback
    /// does not undo (PostgreSQL sequences advanced by defaults).
    func probeWillStart(_ plan: Plan) throws -> [String]
    /// After the probe's rollback: runs those statements.
    func probeDidEnd(_ restore: [String]) throws
    /// The constraint, trigger and code an error names, as a probe reports them.
    func cause(of error: DatabaseError, in table: TablePlan) -> ProbeFailure.Cause
}

/// One way the database rejected probe rows of one table.
package struct ProbeFailure: Sendable, Codable {
    package struct Cause: Sendable, Codable, Hashable {
        /// SQLSTATE (PostgreSQL) or the extended result code name (SQLite).
        package var code: String?
        /// `constraint NAME`, `trigger NAME`, `column t.c`…, when known.
        package var object: String?
        /// The database's message.
        package var message: String
        /// True for a foreign key violation.
        package var foreignKey: Bool

        /// A trigger raised it (a trigger may look up parent rows the probe left out).
        package var byTrigger: Bool {
            object?.hasPrefix("trigger ") == true || code == "SQLITE_CONSTRAINT_TRIGGER" || code == "P0001"
        }

        package init(code: String?, object: String?, message: String, foreignKey: Bool) {
            self.code = code
            self.object = object
            self.message = message
            self.foreignKey = foreignKey
        }

        // Rows rejected by the same constraint or trigger are one failure,
        // even when the message quotes each row's values.
        package static func == (a: Cause, b: Cause) -> Bool {
            a.code == b.code && (a.object ?? a.message) == (b.object ?? b.message)
        }

        package func hash(into hasher: inout Hasher) {
            hasher.combine(code)
            hasher.combine(object ?? message)
        }
    }

    package var table: String
    package var cause: Cause
    /// The first failing row's values, `column=value` (values shortened).
    package var values: String
    /// Probe rows rejected this way, and rows probed in the table.
    package var rows: Int
    package var probed: Int
    /// For a foreign key violation: the parent tables whose probe rows were
    /// rejected, which is likely why.
    package var rejectedParents: [String] = []
}

/// What the probe found: every table the database would reject, at once.
package struct ProbeReport: Sendable {
    package var failures: [ProbeFailure] = []
    package var tables = 0
    package var rows = 0
    package var seconds = 0.0
}

/// Thrown by a fill whose probe found rows the database rejects; nothing
/// was written.
package struct ProbeRejected: Error {
    package let report: ProbeReport
}

/// Before the long load, loads the first rows of every table (and the parent
/// rows they point at) inside a savepoint that is rolled back, each table in
/// a nested savepoint so a rejected table does not hide the next ones. A
/// table that fails as a whole is retried row by row, so its good rows stay
/// for its children and its bad rows are counted.
package struct Probe {
    package var firstRows: Int64 = 20
    /// Most rows probed per table (parents of many children).
    package var cap = 2_000
    /// Runs before each table's probe rows, as before its load (the parent
    /// rows a trigger's own inserts point at, such as a group 0).
    package var beforeTable: ((TablePlan) throws -> Void)?

    package init(firstRows: Int64 = 20) {
        self.firstRows = firstRows
    }

    package func run(_ plan: Plan, on sink: any ProbingSink) throws -> ProbeReport {
        let start = Filler.now()
        var report = ProbeReport()
        let selection = ProbeRows(plan: plan, first: firstRows, cap: cap)
        let restore = try sink.probeWillStart(plan)
        try sink.savepoint("dbsynth_probe")
        // Tables some of whose probe rows were rejected for reasons the probe
        // itself may have caused: their children cannot be judged either.
        var unsure: Set<QualifiedName> = []
        do {
            for table in plan.tables {
                try Cancellation.check()
                let rows = selection.rows[table.table.name] ?? []
                guard !rows.isEmpty else { continue }
                try beforeTable?(table)
                report.tables += 1
                report.rows += rows.count
                var failures = try probe(table, rows: rows, on: sink)
                // The probe's own parents may be missing (a capped selection,
                // or parent rows that were themselves left out that way): not the fill's fault.
                let name = table.table.name
                let referenced = table.table.foreignKeys.map(\.referencedTable) + table.table.polymorphicReferences.flatMap { $0.branches.map(\.table) }
                if selection.incomplete.contains(name) || referenced.contains(where: unsure.contains) {
                    let before = failures.count
                    failures.removeAll { $0.cause.foreignKey || $0.cause.byTrigger }
                    if failures.count < before { unsure.insert(name) }
                }
                var rejected = Set(report.failures.map(\.table))
                // A self-reference: rows pointing at the table's own rejected rows.
                if failures.contains(where: { !$0.cause.foreignKey }) { rejected.insert(table.table.name.description) }
                let parents = table.table.foreignKeys.map(\.referencedTable.description).filter(rejected.contains)
                for i in failures.indices where failures[i].cause.foreignKey {
                    failures[i].rejectedParents = Array(Set(parents)).sorted()
                }
                report.failures += failures
            }
            try sink.rollback(toSavepoint: "dbsynth_probe")
            try sink.release("dbsynth_probe")
        } catch {
            try? sink.rollback(toSavepoint: "dbsynth_probe")
            try? sink.release("dbsynth_probe")
            try? sink.probeDidEnd(restore)
            throw error
        }
        try sink.probeDidEnd(restore)
        report.seconds = Filler.now() - start
        return report
    }

    /// Loads one table's probe rows; on failure, row by row.
    func probe(_ table: TablePlan, rows: [Int64], on sink: any ProbingSink) throws -> [ProbeFailure] {
        try sink.savepoint("dbsynth_probe_table")
        do {
            try sink.probeLoad(table, ranges: ProbeRows.ranges(rows))
            try sink.release("dbsynth_probe_table")
            return []
        } catch let error as DatabaseError where error.kind == .statement {
            try sink.rollback(toSavepoint: "dbsynth_probe_table")
        }
        var byCause: [ProbeFailure.Cause: ProbeFailure] = [:]
        var order: [ProbeFailure.Cause] = []
        for row in rows {
            try sink.savepoint("dbsynth_probe_row")
            do {
                try sink.probeLoad(table, ranges: [row..<(row + 1)])
                try sink.release("dbsynth_probe_row")
            } catch let error as DatabaseError where error.kind == .statement {
                try sink.rollback(toSavepoint: "dbsynth_probe_row")
                try sink.release("dbsynth_probe_row")
                let cause = sink.cause(of: error, in: table)
                if byCause[cause] == nil {
                    order.append(cause)
                    byCause[cause] = ProbeFailure(table: table.table.name.description, cause: cause,
                                                  values: Self.values(table, row: row), rows: 0, probed: rows.count)
                }
                byCause[cause]!.rows += 1
            }
        }
        try sink.release("dbsynth_probe_table")
        return order.map { byCause[$0]! }
    }

    /// `id=1, total=-5, note=NULL`, each value shortened to 40 characters.
    static func values(_ table: TablePlan, row: Int64) -> String {
        let batch = table.batch(row..<(row + 1))
        return table.columns.indices.map { i in
            let name = table.columns[i].column.name
            guard var text = batch.text(row: 0, column: i) else { return "\(name)=NULL" }
            if text.count > 40 { text = String(text.prefix(39)) + "…" }
            return "\(name)=\(text)"
        }.joined(separator: ", ")
    }
}

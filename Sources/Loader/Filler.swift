import Engine
import Introspect
import SchemaModel

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Per-table outcome of a fill, for the summary and `--report`.
package struct TableReport: Sendable, Codable {
    package var table: String
    package var rows: Int64
    package var seconds: Double
    /// The trigger that filled the table instead of dbsynth, if one did.
    package var filledByTrigger: String?
    package var rowsPerSecond: Double { seconds > 0 ? Double(rows) / seconds : 0 }
}

/// Loads a plan through a sink, all or nothing.
package struct Filler {
    package let sink: any Sink
    package var batchRows = 4096
    /// Threads generating rows; the rows are the same for any value.
    package var jobs = 1
    /// Rows per table the probe loads (and rolls back) before the real load,
    /// so every table the database would reject is reported at once; 0 (the
    /// library default; the CLI sets 20): no probe.
    package var probeRows: Int64 = 0
    /// `--disable-triggers`: off after `begin`, on again before `finish` commits.
    package var triggerSwitch: TriggerSwitch?
    /// Parent rows triggers point at, ensured before the table that fires them.
    package var requiredRows: RequiredRows?

    package init(sink: any Sink) {
        self.sink = sink
    }

    /// Runs the whole fill in one transaction (the caller's, when it opened
    /// one with `sink.transaction` to run DDL first); on any error the
    /// transaction is rolled back and the error rethrown.
    package func run(_ plan: Plan, truncate: Bool, onTableStart: (TablePlan) -> Void = { _ in },
                     progress: (TablePlan, Int64) -> Void = { _, _ in }) throws -> [TableReport] {
        try sink.transaction {
            try triggerSwitch?.disable()
            try sink.prepare(plan: plan, truncate: truncate)
            _ = try runProbe(plan)
            var reports: [TableReport] = []
            for table in plan.tables {
                onTableStart(table)
                try requiredRows?.ensure(before: table)
                let start = Self.now()
                try sink.load(table, batchRows: batchRows, jobs: jobs) { progress(table, $0) }
                reports.append(TableReport(table: table.table.name.description, rows: table.rows, seconds: Self.now() - start,
                                           filledByTrigger: table.filledByTrigger))
            }
            try Cancellation.check()
            try triggerSwitch?.enable()
            try sink.finish(plan: plan)
            return reports
        }
    }

    /// Readies the tables and runs only the probe (`--dry-run`), then rolls
    /// back (the caller's transaction too, when it opened one). Throws
    /// `ProbeRejected` when the database rejects probe rows.
    package func probe(_ plan: Plan, truncate: Bool) throws -> ProbeReport {
        try sink.transaction {
            try sink.prepare(plan: plan, truncate: truncate)
            return try runProbe(plan) ?? ProbeReport()
        }
    }

    /// The probe's report, or nil when there is no probe for this sink.
    func runProbe(_ plan: Plan) throws -> ProbeReport? {
        guard probeRows > 0, let probing = sink as? any ProbingSink else { return nil }
        var probe = Probe(firstRows: probeRows)
        let required = requiredRows
        probe.beforeTable = { try required?.ensure(before: $0) }
        let report = try probe.run(plan, on: probing)
        if !report.failures.isEmpty { throw ProbeRejected(report: report) }
        return report
    }

    /// Monotonic seconds.
    package static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}

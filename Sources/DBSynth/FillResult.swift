import Loader

/// What a fill wrote.
public struct FillResult: Sendable {
    public struct Table: Sendable {
        /// `name`, or `schema.name` outside PostgreSQL's `public`.
        public var name: String
        public var rows: Int64
        public var seconds: Double
        /// The trigger that filled the table instead of dbsynth, if one did.
        public var filledByTrigger: String?
    }

    /// The filled tables in load order (parents first).
    public var tables: [Table]
    /// Tables left as they were because they already held rows.
    public var keptTables: [String]
    public var seed: UInt64
    public var seconds: Double
    /// What the planner warned about (CHECKs it could not read, capped tables).
    public var warnings: [String]
    /// False after a dry run, which writes nothing.
    public var committed: Bool

    /// Rows written over all tables.
    public var rows: Int64 { tables.reduce(0) { $0 + $1.rows } }

    init(_ outcome: FillJob.Outcome, warnings: [String]) {
        tables = outcome.reports.map { Table(name: $0.table, rows: $0.rows, seconds: $0.seconds, filledByTrigger: $0.filledByTrigger) }
        keptTables = outcome.kept.map(\.table)
        seed = outcome.plan.seed
        seconds = outcome.seconds
        self.warnings = warnings
        committed = outcome.committed
    }
}

/// What a fill should do: the command line's `fill` flags as values. The
/// defaults are the command line's.
public struct FillOptions: Sendable {
    /// What happens to tables that already hold rows.
    public enum ExistingRows: Sendable {
        /// Kept as they are and used as parents; only empty tables are filled.
        case keep
        /// Emptied first, in the same transaction (`--truncate`).
        case truncate
        /// Rows added after the existing ones (`--append`).
        case append
    }

    /// How tables without a count of their own are sized.
    public enum Shape: String, Sendable, CaseIterable {
        /// Every table `rows` rows.
        case uniform
        /// Each table by its role in the schema: events (rentals, orders)
        /// `rows`, entities (customers, films) a tenth, groups (stores) a
        /// hundredth, lookups (languages) a handful, links a few per parent.
        case realistic
    }

    /// Rows per table; nil: the config's `rows`, else a realistic fill
    /// whose largest tables get 10,000.
    public var rows: Int64?
    /// nil: realistic when no row count is given (`rows` or the config's),
    /// else uniform. With `.realistic`, `rows` is the largest tables' count.
    public var shape: Shape?
    /// Rows for single tables, by `name` or `schema.name` (`--table`).
    public var tableRows: [String: Int64] = [:]
    /// nil: the config's seed, else 42. The same seed gives the same rows.
    public var seed: UInt64?
    /// Multiplies every row count; nil: the config's `scale_factor`, else 1.
    public var scale: Double?
    /// A YAML config file (dbsynth `tables:` or smelt-datagen `datasets:`).
    public var configPath: String?
    /// A `dbsynth profile` file: columns, row counts and children per
    /// parent follow the source it describes (a config wins per column).
    public var profilePath: String?
    /// `--like SOURCE`: the same as `profilePath`, profiling SOURCE on the fly.
    public var like: String?
    public var existingRows: ExistingRows = .keep
    /// DDL run first when the database has no tables yet (`--schema`).
    public var schemaPath: String?
    /// Run `schemaPath` even when the database already has other tables
    /// (`dbsynth create`, which has checked that none of its own exist).
    public var schemaBesideTables = false
    /// Hive partition columns for `--out`, by table name, beside the
    /// config's `partition:` ones (a dataset's fact dates).
    public var partitionColumns: [String: String] = [:]
    /// Create the config's tables the database lacks (`--create`).
    public var createFromConfig = false
    /// The window of dates and timestamps, as days since 1970-01-01 (`--dates`).
    public var dateWindow: ClosedRange<Int64>?
    /// Drop keys and indexes during the load and re-create them (`--fast`).
    public var fast = false
    /// Rows per table the probe loads and rolls back first; 0 skips it.
    public var probeRows: Int64 = 20
    /// Turn the filled tables' user triggers off for the load.
    public var disableTriggers = false
    /// Threads generating rows; nil: one less than the cores. The rows are
    /// the same for any value.
    public var jobs: Int?
    /// Plan, validate and probe, then roll back: nothing is written.
    public var dryRun = false
    /// Model-written values: `--llm`, the budget, the cache.
    public var llm = LLMOptions()

    public init(rows: Int64? = nil, seed: UInt64? = nil) {
        self.rows = rows
        self.seed = seed
    }
}

import Config
import Engine
import Foundation
import Introspect
import Loader
import Parquet
import SchemaModel

/// One fill, from options to committed rows: open the database, run the
/// DDL of `--schema` and `--create`, read the schema, keep or empty the
/// tables that hold rows, plan, probe and load, all in one transaction that
/// `Sink.transaction` ends on every path. The command line and
/// `DBSynth.fill` both run this; what they print is theirs.
package struct FillJob {
    package var options: FillOptions
    /// Warnings as they arise (grouped by shape for a database fill).
    package var onWarning: (String) -> Void = { _ in }
    package var onTableStart: (TablePlan) -> Void = { _ in }
    package var onProgress: (TablePlan, Int64) -> Void = { _, _ in }
    /// Called before a probe rejection or a load error is thrown, with the
    /// plan and the tables kept, so a report can still be written.
    package var onFailure: (Failure) -> Void = { _ in }

    package struct Failure {
        package var plan: Plan
        package var kept: [KeptTables.Entry]
        package var probe: ProbeReport?
        package var error: DatabaseError?
        package var seconds: Double
    }

    /// What the fill did, for the summary, `--dry-run` and `--report`.
    package struct Outcome {
        package var plan: Plan
        package var reports: [TableReport]
        package var kept: [KeptTables.Entry] = []
        /// The probe's report after a dry run.
        package var probe: ProbeReport?
        /// False after a dry run: everything was rolled back.
        package var committed: Bool
        package var seconds: Double
        /// What the model calls did, when columns were written by one.
        package var llm: LLMReport?
    }

    package init(options: FillOptions) {
        self.options = options
    }

    /// `--jobs`, or one less than the machine's cores: the thread that sends
    /// rows and the database itself (often on the same machine) need a core,
    /// and one generating thread already outruns either database (measured:
    /// 1.7M rows/s generated, ~130k rows/s accepted by PostgreSQL).
    var jobs: Int { options.jobs ?? max(1, ProcessInfo.processInfo.activeProcessorCount - 1) }

    // MARK: Into a database

    package func run(target: DatabaseTarget) throws -> Outcome {
        let setup = try ConfigSetup.load(options.configPath, profile: options.profilePath, like: options.like)
        let schemaFile = try options.schemaPath.map(SchemaFile.read)
        let createsFile = target.sqlitePath.map { !FileManager.default.fileExists(atPath: $0) } ?? false
        let connection = try DatabaseConnection.open(target, create: schemaFile != nil || options.createFromConfig)
        let sink: any Sink
        switch connection {
        case .sqlite(let c): sink = SQLiteSink(connection: c, fast: options.fast)
        case .postgres(let c): sink = PostgresSink(connection: c, fast: options.fast)
        }
        // A SQLite file this run created is removed unless the fill committed
        // (a failure, or a dry run, leaves no file behind).
        var committed = false
        defer {
            if createsFile, !committed, let path = target.sqlitePath { try? FileManager.default.removeItem(atPath: path) }
        }
        // A DDL file with its own BEGIN/COMMIT runs in its own transactions first.
        if let schemaFile, schemaFile.controlsTransactions { try schemaFile.apply(to: connection, besideTables: options.schemaBesideTables, warn: onWarning) }
        // One transaction from here: the DDL of --schema and --create, then
        // the load. Any failure undoes all of it; a dry run ends it unloaded.
        let outcome = try sink.transaction {
            if let schemaFile, !schemaFile.controlsTransactions { try schemaFile.apply(to: connection, besideTables: options.schemaBesideTables, warn: onWarning) }
            return try fill(target: target, connection: connection, sink: sink, setup: setup)
        }
        committed = outcome.committed
        return outcome
    }

    /// Plans and loads inside the caller's transaction.
    func fill(target: DatabaseTarget, connection: DatabaseConnection, sink: any Sink, setup: ConfigSetup) throws -> Outcome {
        let live = try setup.schema(try connection.readSchema(), connection: connection, create: options.createFromConfig)
        guard !live.tables.isEmpty else {
            throw DBSynthError.refused("\(target) has no tables to fill; create them first or pass --schema FILE.sql")
        }
        let counts = try TableCounts.resolve(options.tableRows, schema: live)
        let append = options.existingRows == .append
        let truncate = options.existingRows == .truncate
        // Without --truncate or --append, tables that hold rows are kept and used as parents.
        var kept: [KeptTables.Entry] = []
        var existingKeys: [QualifiedName: [ExistingKeys]] = [:]
        var planned = live
        if options.existingRows == .keep {
            let split = try KeptTables.split(live, named: counts)
            planned = split.fill
            (existingKeys, kept) = try KeptTables.readKeys(kept: split.kept, filling: planned, connection: connection)
        }
        var planOptions = setup.options(schema: planned, seed: options.seed, rows: options.rows, shape: options.shape, scale: options.scale, counts: counts, append: append)
        planOptions.existingKeys = existingKeys
        if append {
            planOptions.keyFloors = try connection.integerKeyMaxima(live)
            planOptions.appendParentKeys = try KeptTables.appendParentKeys(live, connection: connection)
        }
        if let window = options.dateWindow { planOptions.dateWindow = window }
        planOptions.triggersDisabled = options.disableTriggers
        // Model calls, if any, happen here: before anything is written.
        let (plan, llm) = try LLMFill(options: options.llm, config: setup.config, warn: onWarning).plan(planned, options: planOptions)
        for line in WarningGroups.lines(plan.warnings, schema: planned) { onWarning(line) }

        let start = Filler.now()
        var filler = Filler(sink: sink)
        filler.jobs = jobs
        filler.probeRows = options.probeRows
        if !plan.requiredParentRows.isEmpty { filler.requiredRows = RequiredRows(connection: connection, plan: plan) }
        if options.disableTriggers {
            filler.triggerSwitch = TriggerSwitch(connection: connection, tables: plan.tables.map(\.table.name), triggers: live.triggers)
        }
        // A rejected probe or a failed load is reported with what was planned.
        func reporting<T>(_ body: () throws -> T) throws -> T {
            do { return try body() } catch let error as ProbeRejected {
                onFailure(Failure(plan: plan, kept: kept, probe: error.report, seconds: Filler.now() - start))
                throw error
            } catch let error as DatabaseError {
                let explained = Self.explainingTriggers(error, plan: plan, triggers: options.disableTriggers ? [] : live.triggers)
                onFailure(Failure(plan: plan, kept: kept, error: explained, seconds: Filler.now() - start))
                throw explained
            }
        }
        if options.dryRun {
            // The probe runs too; it rolls back whatever it, --schema or --create did.
            let probed = try reporting { try filler.probe(plan, truncate: truncate) }
            return Outcome(plan: plan, reports: [], kept: kept, probe: probed, committed: false, seconds: Filler.now() - start, llm: llm)
        }
        let reports = try reporting {
            try filler.run(plan, truncate: truncate, onTableStart: onTableStart, progress: onProgress)
        }
        return Outcome(plan: plan, reports: reports, kept: kept, committed: true, seconds: Filler.now() - start, llm: llm)
    }

    /// A load error raised by a user trigger names the trigger and its table
    /// and suggests `--disable-triggers`; other errors pass unchanged.
    static func explainingTriggers(_ error: DatabaseError, plan: Plan, triggers: [Trigger]) -> DatabaseError {
        let loading = plan.tables.first { error.message.hasPrefix("loading \($0.table.name) failed: ") }?.table.name
        guard let trigger = TriggerRejection.trigger(for: error.message, among: triggers, preferred: loading) else { return error }
        let prefix = loading.map { "loading \($0) failed: " } ?? ""
        let message = prefix.isEmpty ? error.message : String(error.message.dropFirst(prefix.count))
        var explained = error
        explained.message = "\(prefix)trigger \(trigger.name) on \(trigger.table) rejected a row: \(message) (pass --disable-triggers to load with the user triggers of the filled tables off)"
        return explained
    }

    // MARK: Into files

    /// `fill --out DIR`: the plan goes to files. The schema is the database's
    /// when `target` is given, else the config's datasets (`DatasetSchema`).
    /// `parquet` lays out `--format parquet` files (row groups, codec);
    /// `parquetTypes` overrides the config's and the default column types.
    package func runToFiles(target: DatabaseTarget?, directory: String, format: FileSink.Format,
                            parquet: ParquetWriterOptions = ParquetWriterOptions(), parquetTypes: ParquetTypes? = nil) throws -> Outcome {
        let setup = try ConfigSetup.load(options.configPath, profile: options.profilePath, like: options.like)
        var schema: Schema
        var creates: [QualifiedName: String] = [:]
        var live: DatabaseConnection?
        if let target {
            let connection = try DatabaseConnection.open(target)
            live = connection
            schema = try setup.schema(try connection.readSchema(), connection: connection, create: false)
        } else {
            guard let config = setup.config else {
                throw DBSynthError.refused("--out without a database needs --config FILE (the datasets to write)")
            }
            let built = DatasetSchema.build(config)
            try ConfigSetup.validate(config, built)
            schema = ConfigSetup.withoutSkipped(built, config: config)
            for t in schema.tables { creates[t.name] = DatasetSchema.createStatement(t) }
        }
        guard !schema.tables.isEmpty else { throw DBSynthError.refused("nothing to write: no tables") }
        let counts = try TableCounts.resolve(options.tableRows, schema: schema)
        var planOptions = setup.options(schema: schema, seed: options.seed, rows: options.rows, shape: options.shape, scale: options.scale, counts: counts, append: false)
        if let window = options.dateWindow { planOptions.dateWindow = window }
        let (plan, llm) = try LLMFill(options: options.llm, config: setup.config, warn: onWarning).plan(schema, options: planOptions)
        for warning in plan.warnings { onWarning(warning) }
        var partitions = setup.partitionColumns(in: schema)
        for (name, column) in options.partitionColumns { partitions[try TableCounts.find(name, in: schema, option: "partition \(name)").name] = column }
        let sink = FileSink(directory: directory, format: format, partitionColumns: partitions,
                            createStatements: creates, outputDirectories: setup.outputDirectories(in: schema))
        sink.parquet = FileSink.ParquetSettings(types: setup.parquetTypes(live: live != nil, flag: parquetTypes), writer: parquet)
        // The live database evaluates the CHECKs dbsynth cannot (read-only), as a load would.
        sink.checkConnection = live
        if live == nil {
            for t in plan.tables {
                for c in t.serverChecks { onWarning("\(t.table.name): \(c.label) needs a database to be evaluated; the files may hold rows that break it") }
            }
        }
        let start = Filler.now()
        var filler = Filler(sink: sink)
        filler.jobs = jobs
        let reports = try filler.run(plan, truncate: false, onTableStart: onTableStart, progress: onProgress)
        return Outcome(plan: plan, reports: reports, committed: true, seconds: Filler.now() - start, llm: llm)
    }
}

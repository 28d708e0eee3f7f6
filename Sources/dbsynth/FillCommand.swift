import ArgumentParser
import Engine
import Foundation
import Introspect
import SchemaModel
import Loader

struct FillCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fill",
        abstract: "Generate rows for every table and load them in one transaction.",
        discussion: """
            Tables are filled parents first. The whole fill is one transaction: if anything fails, \
            nothing changes. Tables that already hold rows are kept as they are and used as parents \
            (their existing keys are read back); only the empty tables are filled. --truncate replaces \
            the rows of every table, --append adds rows after them.

            Example: dbsynth fill sqlite:shop.db --rows 5000 --table orders=20000 --seed 7
            """
    )

    @OptionGroup var db: DatabaseOptions

    @Option(help: "Rows per table (default 1000, or the config's rows).")
    var rows: Int64?

    @Option(name: .customLong("table"), help: ArgumentHelp("Rows for one table; repeatable.", valueName: "NAME=N"))
    var tableCounts: [String] = []

    @Option(help: "Seed (default 42, or the config's seed): the same seed and options give the same rows.")
    var seed: UInt64?

    @Option(help: ArgumentHelp("Dates and timestamps fall in this window unless a CHECK or the config says otherwise (default 2021-01-01..2025-12-31).", valueName: "FROM..TO"))
    var dates: String?

    @Option(help: "Multiply every row count by this factor (default 1, or the config's scale_factor).")
    var scale: Double?

    @Option(help: ArgumentHelp("YAML config: dbsynth tables: or smelt-datagen datasets: (see docs/config.md).", valueName: "FILE"))
    var config: String?

    @Option(help: ArgumentHelp("Write files to this directory instead of loading a database.", valueName: "DIR"))
    var out: String?

    @Option(help: ArgumentHelp("File format with --out: csv (default), jsonl or sql.", valueName: "FORMAT"))
    var format: String?

    @Flag(help: "Create the config's tables that the database lacks, with types inferred from their generators.")
    var create = false

    @Flag(help: "Empty the tables first (in the same transaction).")
    var truncate = false

    @Flag(help: "Add rows to tables that already have some; keys continue after the existing ones.")
    var append = false

    @Option(help: ArgumentHelp("Run this DDL first when the database has no tables yet.", valueName: "FILE.sql"))
    var schema: String?

    @Flag(help: "Plan and validate everything, print what would be filled, write nothing.")
    var dryRun = false

    @Flag(help: "Drop keys, indexes and foreign keys during the load and re-create them after, in the same transaction.")
    var fast = false

    @Option(help: ArgumentHelp("Before the load, load this many rows of every table (and the parents they point at) and roll them back, reporting every table the database rejects at once (default 20; 0 skips the probe).", valueName: "N"))
    var probeRows: Int64 = 20

    @Flag(help: "Turn off the filled tables' user triggers for the load (back on before COMMIT, same transaction).")
    var disableTriggers = false

    @Flag(help: "Print nothing but errors and warnings.")
    var quiet = false

    @Option(help: "Threads generating rows (default: cores − 1). The rows are identical for any value.")
    var jobs: Int?

    @Option(help: ArgumentHelp("Write a JSON report: per-table rows, seconds, rows/s, warnings, cycle breaks.", valueName: "FILE.json"))
    var report: String?

    func validate() throws {
        if let rows, rows < 0 { throw ValidationError("--rows must be 0 or more, not \(rows)") }
        if truncate && append { throw ValidationError("--truncate and --append exclude each other: pick one") }
        if let scale, !(scale >= 0) || !scale.isFinite { throw ValidationError("--scale must be a non-negative number") }
        if format != nil && out == nil { throw ValidationError("--format needs --out DIR") }
        if probeRows < 0 { throw ValidationError("--probe-rows must be 0 or more, not \(probeRows)") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be 1 or more, not \(jobs)") }
        if let dates, Self.dateWindow(dates) == nil {
            throw ValidationError("--dates \(dates): expected FROM..TO with dates like 2015-01-01..2019-12-31, FROM not after TO")
        }
    }

    func run() throws {
        // First, so a signal that arrives while connecting or planning is
        // honoured at the first check instead of killing the process.
        SignalHandlers.install()
        if let out { return try runToFiles(directory: out) }
        let setup = try ConfigSetup.load(config)
        let schemaFile = try schema.map(SchemaFile.read)
        let target = try db.target()
        let createsFile = target.sqlitePath.map { !FileManager.default.fileExists(atPath: $0) } ?? false
        let connection = try DatabaseConnection.open(target, create: schema != nil || create)
        let sink: any Sink
        switch connection {
        case .sqlite(let c): sink = SQLiteSink(connection: c, fast: fast)
        case .postgres(let c): sink = PostgresSink(connection: c, fast: fast)
        }
        // A SQLite file this run created is removed unless the fill committed
        // (a failure, or a dry run, leaves no file behind).
        var committed = false
        defer {
            if createsFile, !committed, let path = target.sqlitePath { try? FileManager.default.removeItem(atPath: path) }
        }
        // A DDL file with its own BEGIN/COMMIT runs in its own transactions first.
        if let schemaFile, schemaFile.controlsTransactions { try schemaFile.apply(to: connection) }
        // One transaction from here: the DDL of --schema and --create, then
        // the load. Any failure undoes all of it; a dry run ends it unloaded.
        committed = try sink.transaction {
            if let schemaFile, !schemaFile.controlsTransactions { try schemaFile.apply(to: connection) }
            return try fill(target: target, connection: connection, sink: sink, setup: setup)
        }
    }

    /// Plans and loads inside the caller's transaction; true when the rows
    /// were committed, false after a dry run (the caller rolls back).
    func fill(target: DatabaseTarget, connection: DatabaseConnection, sink: any Sink, setup: ConfigSetup) throws -> Bool {
        let live = try setup.schema(try connection.readSchema(), connection: connection, create: create)
        guard !live.tables.isEmpty else {
            throw CLIError.refused("\(target) has no tables to fill; create them first or pass --schema FILE.sql")
        }
        let counts = try TableCounts.resolve(tableCounts, schema: live)
        // Without --truncate or --append, tables that hold rows are kept and used as parents.
        var kept: [KeptTables.Entry] = []
        var existingKeys: [QualifiedName: [ExistingKeys]] = [:]
        var planned = live
        if !truncate && !append {
            let split = try KeptTables.split(live, named: counts)
            planned = split.fill
            (existingKeys, kept) = try KeptTables.readKeys(kept: split.kept, filling: planned, connection: connection)
        }
        var options = setup.options(schema: planned, seed: seed, rows: rows, scale: scale, counts: counts, append: append)
        options.existingKeys = existingKeys
        if append {
            options.keyFloors = try connection.integerKeyMaxima(live)
            options.appendParentKeys = try KeptTables.appendParentKeys(live, connection: connection)
        }
        if let dates, let window = Self.dateWindow(dates) { options.dateWindow = window }
        options.triggersDisabled = disableTriggers
        let plan = try Planning.plan(planned, options: options)
        for line in WarningGroups.lines(plan.warnings, schema: planned) { Terminal.warning(line) }

        let progress = Progress(enabled: !quiet && Terminal.stderrIsTerminal)
        let start = Filler.now()
        var filler = Filler(sink: sink)
        filler.jobs = resolvedJobs
        filler.probeRows = probeRows
        if !plan.requiredParentRows.isEmpty { filler.requiredRows = RequiredRows(connection: connection, plan: plan) }
        if disableTriggers {
            filler.triggerSwitch = TriggerSwitch(connection: connection, tables: plan.tables.map(\.table.name), triggers: live.triggers)
        }
        // A rejected probe or a failed load still writes --report, with what
        // was rejected and what the server said.
        func failed(probe: ProbeReport? = nil, error: DatabaseError? = nil) throws {
            guard let report else { return }
            var document = FillReport(plan: plan, tables: [], target: target.description, seconds: Filler.now() - start)
            document.keptTables = kept
            document.probe = probe.map(FillReport.ProbeSection.init)
            document.error = error.map(FillReport.ErrorSection.init)
            try document.write(to: report, committed: false)
        }
        func rejected(_ body: () throws -> Void) throws {
            do { try body() } catch let error as ProbeRejected {
                try failed(probe: error.report)
                throw CLIError.refused(ProbeMessage.text(error.report))
            } catch let error as DatabaseError {
                let explained = Self.explainingTriggers(error, plan: plan, triggers: disableTriggers ? [] : live.triggers)
                try failed(error: explained)
                throw explained
            }
        }
        if dryRun {
            // The probe runs too; it rolls back whatever it, --schema or --create did.
            var probed: ProbeReport?
            try rejected { probed = try filler.probe(plan, truncate: truncate) }
            var text = DryRun(plan: plan, target: target.description, kept: kept).text
            if let probed, probed.rows > 0 {
                text += "\nProbe: the database accepted the first \(Terminal.grouped(Int64(probed.rows))) rows of \(probed.tables) tables (rolled back)."
            }
            print(text)
            return false
        }

        var reports: [TableReport] = []
        try rejected {
            reports = try filler.run(plan, truncate: truncate, onTableStart: progress.start, progress: progress.update)
        }
        progress.finish()
        if let report {
            var document = FillReport(plan: plan, tables: reports, target: target.description, seconds: Filler.now() - start)
            document.keptTables = kept
            try document.write(to: report)
        }
        if !quiet {
            var summary = Summary(reports: reports, target: target.description, seed: options.seed, seconds: Filler.now() - start)
            summary.kept = kept
            print(summary.text)
        }
        return true
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

    /// `2015-01-01..2019-12-31` as days since 1970-01-01.
    static func dateWindow(_ text: String) -> ClosedRange<Int64>? {
        let parts = text.components(separatedBy: "..")
        guard parts.count == 2, let from = CivilDate.parseDays(parts[0]), let to = CivilDate.parseDays(parts[1]), from <= to else { return nil }
        return from...to
    }

    /// `--jobs`, or one less than the machine's cores: the thread that sends
    /// rows and the database itself (often on the same machine) need a core,
    /// and one generating thread already outruns either database (measured:
    /// 1.7M rows/s generated, ~130k rows/s accepted by PostgreSQL).
    var resolvedJobs: Int { jobs ?? max(1, ProcessInfo.processInfo.activeProcessorCount - 1) }
}

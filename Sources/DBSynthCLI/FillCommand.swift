import ArgumentParser
import Engine
import Foundation
import Introspect
import SchemaModel
import DBSynth
import Loader
import Parquet

struct FillCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fill",
        abstract: "Generate rows for every table and load them in one transaction.",
        discussion: """
            Tables are filled parents first. The whole fill is one transaction: if anything fails, \
            nothing changes. Tables that already hold rows are kept as they are and used as parents \
            (their existing keys are read back); only the empty tables are filled. --truncate replaces \
            the rows of every table, --append adds rows after them.

            Without --rows, each table is sized by its role in the schema (see dbsynth inspect): \
            events such as rentals and orders get 10,000 rows, entities such as customers a tenth, \
            lookups such as languages a handful. --rows N gives every table N; --rows N --shape \
            realistic sizes by role with N rows in the largest tables.

            Example: dbsynth fill sqlite:shop.db --rows 5000 --table orders=20000 --seed 7
            """
    )

    @OptionGroup var db: DatabaseOptions

    @Option(help: ArgumentHelp("Generate like the database a `dbsynth profile` file describes: its columns' values, NULL shares, row counts and children per parent (the target's constraints still win; --config wins per column).", valueName: "FILE.json"))
    var profile: String?

    @Option(help: ArgumentHelp("As --profile, profiling this database on the fly (read-only): a synthetic copy of it.", valueName: "SOURCE"))
    var like: String?

    @Option(help: "Rows per table (default: the config's rows, else sized by role with 10,000 in the largest tables).")
    var rows: Int64?

    @Option(help: ArgumentHelp("uniform: every table --rows; realistic: each table by its role, --rows in the largest (default: realistic without --rows, uniform with it).", valueName: "SHAPE"))
    var shape: FillOptions.Shape?

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

    @Option(help: ArgumentHelp("File format with --out: csv (default), jsonl, sql or parquet.", valueName: "FORMAT"))
    var format: String?

    @Option(help: ArgumentHelp("With --format parquet: rows per row group (default 1048576; a row group also ends at 128 MiB of pages).", valueName: "N"))
    var rowGroupRows: Int?

    @Option(help: ArgumentHelp("With --format parquet: page compression, zstd (default) or none.", valueName: "CODEC"))
    var compression: String?

    @Option(help: ArgumentHelp("With --format parquet: logical (each column's own type) or smelt (the types smelt-datagen writes); default: the config's parquet_types, else smelt for a smelt config without a database, else logical.", valueName: "TYPES"))
    var parquetTypes: ParquetTypes?

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

    @Option(help: ArgumentHelp("Write a JSON report: per-table rows, seconds, rows/s, warnings, cycle breaks, model calls and tokens.", valueName: "FILE.json"))
    var report: String?

    @OptionGroup(title: "Model-written values") var llm: LLMFlags

    func validate() throws {
        if let rows, rows < 0 { throw ValidationError("--rows must be 0 or more, not \(rows)") }
        if truncate && append { throw ValidationError("--truncate and --append exclude each other: pick one") }
        if let scale, !(scale >= 0) || !scale.isFinite { throw ValidationError("--scale must be a non-negative number") }
        if format != nil && out == nil { throw ValidationError("--format needs --out DIR") }
        if let flag = [("row-group-rows", rowGroupRows != nil), ("compression", compression != nil), ("parquet-types", parquetTypes != nil)].first(where: \.1),
           format != "parquet" {
            throw ValidationError("--\(flag.0) needs --format parquet")
        }
        if let rowGroupRows, rowGroupRows < 1 { throw ValidationError("--row-group-rows must be 1 or more, not \(rowGroupRows)") }
        if let compression, compression != "zstd" && compression != "none" {
            throw ValidationError("--compression \(compression): expected zstd or none")
        }
        if probeRows < 0 { throw ValidationError("--probe-rows must be 0 or more, not \(probeRows)") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be 1 or more, not \(jobs)") }
        if let dates, Self.dateWindow(dates) == nil {
            throw ValidationError("--dates \(dates): expected FROM..TO with dates like 2015-01-01..2019-12-31, FROM not after TO")
        }
    }

    /// The flags as library options.
    func fillOptions() throws -> FillOptions {
        var options = FillOptions(rows: rows, seed: seed)
        options.shape = shape
        options.scale = scale
        options.configPath = config
        options.profilePath = profile
        options.like = like
        for option in tableCounts {
            let (name, count) = try TableCounts.parse(option)
            options.tableRows[name] = count
        }
        options.existingRows = truncate ? .truncate : append ? .append : .keep
        options.schemaPath = schema
        options.createFromConfig = create
        options.dateWindow = dates.flatMap(Self.dateWindow)
        options.fast = fast
        options.probeRows = probeRows
        options.disableTriggers = disableTriggers
        options.jobs = jobs
        options.dryRun = dryRun
        options.llm = llm.options
        return options
    }

    func run() throws {
        // First, so a signal that arrives while connecting or planning is
        // honoured at the first check instead of killing the process.
        SignalHandlers.install()
        var job = FillJob(options: try fillOptions())
        job.onWarning = Terminal.warning
        let progress = Progress(enabled: !quiet && Terminal.stderrIsTerminal)
        job.onTableStart = progress.start
        job.onProgress = progress.update
        if let out {
            let fileFormat = try FileSink.Format.named(format)
            var parquet = ParquetWriterOptions()
            if let rowGroupRows { parquet.rowGroupRows = rowGroupRows }
            if compression == "none" { parquet.compression = .none }
            let outcome = try job.runToFiles(target: db.database == nil ? nil : try db.target(), directory: out, format: fileFormat,
                                             parquet: parquet, parquetTypes: parquetTypes)
            progress.finish()
            if !quiet {
                print(Summary(reports: outcome.reports, target: "\(out) (\(fileFormat.rawValue))", seed: outcome.plan.seed, seconds: outcome.seconds).text)
                if let llm = outcome.llm { print(LLMSummary(report: llm).text) }
            }
            return
        }
        let target = try db.target()
        // A rejected probe or a failed load still writes --report, with what
        // was rejected and what the server said.
        if let report {
            job.onFailure = { failure in
                var document = FillReport(plan: failure.plan, tables: [], target: target.description, seconds: failure.seconds)
                document.keptTables = failure.kept
                document.probe = failure.probe.map(FillReport.ProbeSection.init)
                document.error = failure.error.map(FillReport.ErrorSection.init)
                do { try document.write(to: report, committed: false) } catch { Terminal.warning("\(error)") }
            }
        }
        let outcome = try job.run(target: target)
        if dryRun {
            var text = DryRun(plan: outcome.plan, target: target.description, kept: outcome.kept).text
            if let probed = outcome.probe, probed.rows > 0 {
                text += "\nProbe: the database accepted the first \(TextLayout.grouped(Int64(probed.rows))) rows of \(probed.tables) tables (rolled back)."
            }
            print(text)
            return
        }
        progress.finish()
        if let report {
            var document = FillReport(plan: outcome.plan, tables: outcome.reports, target: target.description, seconds: outcome.seconds)
            document.keptTables = outcome.kept
            document.llm = outcome.llm.map(FillReport.LLMSection.init)
            try document.write(to: report)
        }
        if !quiet {
            var summary = Summary(reports: outcome.reports, target: target.description, seed: outcome.plan.seed, seconds: outcome.seconds)
            summary.kept = outcome.kept
            print(summary.text)
            if let llm = outcome.llm { print(LLMSummary(report: llm).text) }
        }
    }

    /// `2015-01-01..2019-12-31` as days since 1970-01-01.
    static func dateWindow(_ text: String) -> ClosedRange<Int64>? {
        let parts = text.components(separatedBy: "..")
        guard parts.count == 2, let from = CivilDate.parseDays(parts[0]), let to = CivilDate.parseDays(parts[1]), from <= to else { return nil }
        return from...to
    }
}

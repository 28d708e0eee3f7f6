import ArgumentParser
import DBSynth
import Foundation
import Loader

/// `dbsynth create NAME DB`: a built-in dataset's tables created and filled
/// in one transaction, or written to files with `--out`.
struct CreateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Create a built-in dataset's tables and fill them, in one transaction.",
        discussion: """
            The DDL (keys, foreign keys, CHECKs, indexes) and the rows go in one transaction; a \
            database that already has any of the dataset's tables is refused. dbsynth datasets lists \
            the datasets. Example: dbsynth create retail_star sqlite:shop.db --size large
            """
    )

    @Argument(help: "The dataset (dbsynth datasets lists them).")
    var name: String

    @OptionGroup var db: DatabaseOptions

    @Option(help: "small (default) or large (retail_star: 10 million sales).")
    var size: String = "small"

    @Option(help: "Multiply the rows of every table that grows with the size (not the date dimension or lookups).")
    var scale: Double = 1

    @Option(help: "Seed (default 42): the same seed gives the same rows.")
    var seed: UInt64?

    @Option(help: "Threads generating rows (default: cores − 1).")
    var jobs: Int?

    @Option(help: ArgumentHelp("Write files to this directory instead of a database (facts partitioned by date).", valueName: "DIR"))
    var out: String?

    @Option(help: ArgumentHelp("File format with --out: csv (default), jsonl, sql or parquet.", valueName: "FORMAT"))
    var format: String?

    @Option(help: ArgumentHelp("Give this share of fact rows a defect (duplicate, late_arriving, missing_value, outlier), named in their _dq_issue column.", valueName: "RATE"))
    var qualityIssues: Double?

    @Flag(help: "Print nothing but errors and warnings.")
    var quiet = false

    func validate() throws {
        if Dataset.Size(rawValue: size) == nil { throw ValidationError("--size \(size): expected small or large") }
        if !(scale > 0) || !scale.isFinite { throw ValidationError("--scale must be a positive number") }
        if format != nil && out == nil { throw ValidationError("--format needs --out DIR") }
        if out != nil && db.database != nil { throw ValidationError("give a database or --out DIR, not both") }
        if let qualityIssues, !(0...1).contains(qualityIssues) { throw ValidationError("--quality-issues must be between 0 and 1, not \(qualityIssues)") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be 1 or more, not \(jobs)") }
    }

    func run() throws {
        SignalHandlers.install()
        var dataset = try DatasetsCommand.dataset(name)
        if let qualityIssues { dataset = dataset.withQualityIssues(rate: qualityIssues) }
        var creation = DatasetCreation(dataset: dataset)
        creation.size = Dataset.Size(rawValue: size)!
        creation.scale = scale
        creation.seed = seed
        creation.jobs = jobs
        let scratch = try DatasetCreation.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let progress = Progress(enabled: !quiet && Terminal.stderrIsTerminal)
        if let out {
            let fileFormat = try FileSink.Format.named(format)
            var (job, target) = try creation.fileJob(scratch: scratch)
            job.onWarning = Terminal.warning
            job.onTableStart = progress.start
            job.onProgress = progress.update
            let outcome = try job.runToFiles(target: target, directory: out, format: fileFormat)
            progress.finish()
            if !quiet { print(Summary(reports: outcome.reports, target: "\(out) (\(fileFormat.rawValue))", seed: outcome.plan.seed, seconds: outcome.seconds).text) }
            return
        }
        let target = try db.target()
        var job = try creation.job(target: target, scratch: scratch)
        job.onWarning = Terminal.warning
        job.onTableStart = progress.start
        job.onProgress = progress.update
        let outcome = try job.run(target: target)
        progress.finish()
        if !quiet { print(Summary(reports: outcome.reports, target: target.description, seed: outcome.plan.seed, seconds: outcome.seconds).text) }
    }
}

extension CreateCommand: DatabaseCommand {}

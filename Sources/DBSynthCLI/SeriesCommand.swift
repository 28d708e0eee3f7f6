import ArgumentParser
import DBSynth
import Engine
import Foundation

/// `dbsynth series NAME DB --from DATE --days N`: a star dataset's facts
/// day by day, one transaction per batch, resumable.
struct SeriesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "series",
        abstract: "Generate a star dataset's facts day by day, one transaction per batch of days.",
        discussion: """
            The first run creates the dimensions. Without --from, a run resumes the day after the \
            latest fact date in the database. A day's rows are the same whether it is generated \
            alone, in a batch or in one long range. Example: dbsynth series retail_star sqlite:s.db \
            --from 2024-01-01 --days 30 --batch-days 7
            """
    )

    @Argument(help: "A star dataset (dbsynth datasets lists them).")
    var name: String

    @OptionGroup var db: DatabaseOptions

    @Option(help: ArgumentHelp("The first day (default: the day after the latest fact).", valueName: "DATE"))
    var from: String?

    @Option(help: "Days to generate.")
    var days: Int

    @Option(help: "Days per transaction (default 1).")
    var batchDays: Int = 1

    @Option(help: "small (default) or large: the dimensions' rows and the facts per day.")
    var size: String = "small"

    @Option(help: "Seed (default 42).")
    var seed: UInt64?

    @Flag(help: "Print nothing but errors and warnings.")
    var quiet = false

    func validate() throws {
        if days < 1 { throw ValidationError("--days must be 1 or more, not \(days)") }
        if batchDays < 1 { throw ValidationError("--batch-days must be 1 or more, not \(batchDays)") }
        if let from, CivilDate.parseDays(from) == nil || from.count != 10 { throw ValidationError("--from \(from): expected a date YYYY-MM-DD") }
        if Dataset.Size(rawValue: size) == nil { throw ValidationError("--size \(size): expected small or large") }
    }

    func run() throws {
        SignalHandlers.install()
        var series = DatasetSeries(dataset: try DatasetsCommand.dataset(name))
        series.size = Dataset.Size(rawValue: size)!
        series.seed = seed
        let target = try db.target()
        let first = try series.start(target: target, from: from.flatMap(CivilDate.parseDays))
        try series.check(from: first, days: days)
        let scratch = try DatasetCreation.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        var day = first
        while day < first + Int64(days) {
            let count = Int(min(Int64(batchDays), first + Int64(days) - day))
            let exists = try series.hasFacts(target: target)
            var job = FillJob(options: try series.batch(from: day, days: count, firstRun: !exists, scratch: scratch))
            job.onWarning = Terminal.warning
            let rows = try job.run(target: target).reports.reduce(Int64(0)) { $0 + $1.rows }
            if !quiet {
                print("\(CivilDate.dateText(days: day))..\(CivilDate.dateText(days: day + Int64(count) - 1)): \(TextLayout.grouped(rows)) rows committed")
            }
            day += Int64(count)
        }
    }
}

extension SeriesCommand: DatabaseCommand {}

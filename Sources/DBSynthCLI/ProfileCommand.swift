import ArgumentParser
import DBSynth
import Foundation
import Introspect
import Profile

struct ProfileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "profile",
        abstract: "Read a live database and write a JSON profile of its data: aggregates only, no rows.",
        discussion: """
            Per column: NULL share, distinct count, quantiles of numbers, dates, timestamps and text \
            lengths, and the values seen at least --min-count times with their share. Per foreign key: \
            children per parent and the share of NULL keys. No value seen fewer than --min-count times \
            is written: each quantile is the mean of that many neighbouring values. Read-only. \
            The format is docs/profile-format.md.

            Example: dbsynth profile postgres://localhost/shop -o shop.profile.json
            """
    )

    @OptionGroup var db: DatabaseOptions

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Write here instead of stdout.", valueName: "FILE"))
    var output: String?

    @Option(help: ArgumentHelp("Rows read per table at most (default 100,000; beyond, every k-th row).", valueName: "N"))
    var sample = 100_000

    @Option(help: ArgumentHelp("K: the fewest times a value is seen to be written (default 5).", valueName: "K"))
    var minCount = 5

    @Option(help: ArgumentHelp("Add Laplace noise of scale 1/E to every count the frequencies and children per parent come from (differential privacy for those counts).", valueName: "E"))
    var epsilon: Double?

    @Option(help: ArgumentHelp("Leave this share of rows (0 to 0.5, chosen by a hash of their values) out of the profile, for `compare --holdout F` to measure the distance to the closest record.", valueName: "F"))
    var holdout: Double?

    @Flag(help: "PostgreSQL: read the planner's statistics (pg_stats, reltuples) instead of rows, for users who may not read the data. Lower fidelity: no correlations or rules; still no value seen fewer than --min-count times.")
    var statsOnly = false

    func validate() throws {
        if let holdout, !(holdout > 0 && holdout <= 0.5) { throw ValidationError("--holdout must be above 0 and at most 0.5, not \(holdout)") }
        if statsOnly, holdout != nil { throw ValidationError("--stats-only reads no rows to hold out; drop --holdout") }
        if statsOnly, epsilon != nil { throw ValidationError("--stats-only reads no rows to add noise to; drop --epsilon") }
        if let epsilon, !(epsilon > 0) || !epsilon.isFinite { throw ValidationError("--epsilon must be a positive number, not \(epsilon)") }
        if sample < 1 { throw ValidationError("--sample must be 1 or more, not \(sample)") }
        if minCount < 1 { throw ValidationError("--min-count must be 1 or more, not \(minCount)") }
    }

    func run() throws {
        let target = try db.target()
        let connection = try DatabaseConnection.open(target)
        let schema = try connection.readSchema()
        let profile: DataProfile
        if statsOnly {
            guard case .postgres(let pg) = connection else {
                throw DBSynthError.refused("--stats-only reads PostgreSQL's pg_stats; SQLite keeps no value distributions (drop --stats-only to read rows)")
            }
            var profiler = StatsProfiler()
            profiler.minCount = minCount
            let (made, unanalysed) = try profiler.profile(pg, schema: schema, source: target.description)
            if !unanalysed.isEmpty {
                FileHandle.standardError.write(Data(("note: no statistics for \(unanalysed.joined(separator: ", ")) (ANALYZE has not run); "
                    + "left out of the profile, so a fill infers them\n").utf8))
            }
            profile = made
        } else {
            var profiler = Profiler()
            profiler.sampleLimit = sample
            profiler.minCount = minCount
            profiler.epsilon = epsilon
            profiler.holdout = holdout.map(Holdout.init)
            profile = try profiler.profile(connection, schema: schema, source: target.description)
        }
        let text = try DocumentJSON.text(profile) + "\n"
        guard let output else { print(text, terminator: ""); return }
        do {
            try text.write(toFile: output, atomically: true, encoding: .utf8)
        } catch {
            throw DBSynthError.refused("-o \(output): cannot write the file (\(error.localizedDescription))")
        }
        let rows = profile.tables.reduce(0) { $0 + $1.sampled }
        if statsOnly {
            print("Profiled \(profile.tables.count) tables from pg_stats (no rows read) into \(output); "
                  + "common values held by fewer than \(minCount) rows left out: \(TextLayout.grouped(Int64(profile.suppressedValues))).")
            return
        }
        print("Profiled \(profile.tables.count) tables (\(TextLayout.grouped(Int64(rows))) rows read) into \(output); "
              + "values seen fewer than \(minCount) times left out: \(TextLayout.grouped(Int64(profile.suppressedValues))).")
    }
}

import ArgumentParser
import DBSynth
import Foundation
import Introspect
import Profile

struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Score how alike a target database's data is to a source's, in sdmetrics' terms (0 to 1).",
        discussion: """
            Column shapes: 1 − KS for numbers, dates and timestamps, 1 − total variation for categories, \
            per column shared by name. Cardinality: 1 − KS of the children per parent of every foreign key. \
            Overall: their mean. Copies: the share of target rows equal to a source row on every column \
            that is not a key. Both databases are read only, sampled as `dbsynth profile` samples them.

            Example: dbsynth compare postgres://localhost/prod sqlite:dev.db
            """
    )

    @Argument(help: ArgumentHelp("The real database (postgres://… or sqlite:PATH).", valueName: "SOURCE"))
    var source: String

    @Argument(help: ArgumentHelp("The database to score.", valueName: "TARGET"))
    var target: String

    @Flag(help: "Print JSON instead of text.")
    var json = false

    @Option(help: ArgumentHelp("Rows read per table at most (default 100,000).", valueName: "N"))
    var sample = 100_000

    @Option(help: ArgumentHelp("Also write the report as one self-contained HTML file (inline SVG: histograms, correlation maps, children-per-parent curves).", valueName: "FILE"))
    var html: String?

    @Option(help: ArgumentHelp("The share `profile --holdout F` left out: also measure whether TARGET's rows sit closer to the rows the profile saw than to held-out ones.", valueName: "F"))
    var holdout: Double?

    func validate() throws {
        if let holdout, !(holdout > 0 && holdout <= 0.5) { throw ValidationError("--holdout must be above 0 and at most 0.5, not \(holdout)") }
        if sample < 1 { throw ValidationError("--sample must be 1 or more, not \(sample)") }
    }

    func run() throws {
        let (sourceTarget, targetTarget) = (try DatabaseTarget.parse(source), try DatabaseTarget.parse(target))
        let from = try DatabaseConnection.open(sourceTarget)
        let to = try DatabaseConnection.open(targetTarget)
        var comparer = Comparer()
        comparer.sampleLimit = sample
        comparer.holdout = holdout.map(Holdout.init)
        var figures = ReportFigures()
        let report = try comparer.compare(source: from, try from.readSchema(), target: to, try to.readSchema(),
                                          names: (sourceTarget.description, targetTarget.description), figures: &figures)
        if let html {
            do {
                try HTMLReport.render(report, figures).write(toFile: html, atomically: true, encoding: .utf8)
            } catch {
                throw DBSynthError.refused("--html \(html): cannot write the file (\(error.localizedDescription))")
            }
        }
        if json {
            print(try DocumentJSON.text(report))
            return
        }
        func score(_ x: Double?) -> String { x.map { String(format: "%.2f", $0) } ?? "-" }
        var lines = ["\(report.target) against \(report.source) (0 to 1, 1 = alike):",
                     "  column shapes       \(score(report.columnShapes))  (\(report.columns.count) columns)",
                     "  column pair trends  \(score(report.columnPairTrends))  (\(report.pairs.count) pairs)",
                     "  cardinality         \(score(report.cardinality))  (\(report.foreignKeys.count) foreign keys)",
                     "  intertable trends   \(score(report.intertableTrends))  (\(report.intertablePairs.count) child-parent pairs)",
                     "  overall             \(score(report.overall))",
                     "  copies              \(String(format: "%.1f", report.exactMatchShare * 100)) % of target rows equal a source row on every non-key column"]
        if let dcr = report.closestRecords {
            lines.append(String(format: "  closest records     %.1f %% of target rows nearer the profiled rows than 95 %% of the held-out rows are (5 %% = learnt, 100 %% = copied), score %.2f",
                                dcr.nearerThanHeldOut * 100, dcr.score))
        }
        let worst = report.columns.sorted { $0.score < $1.score }.prefix(5).filter { $0.score < 0.9 }
        if !worst.isEmpty {
            lines.append("Least alike:")
            for c in worst { lines.append("  \(c.table).\(c.column)  \(score(c.score)) (\(c.metric))") }
        }
        let worstPairs = report.pairs.sorted { $0.score < $1.score }.prefix(3).filter { $0.score < 0.9 }
        if !worstPairs.isEmpty {
            lines.append("Pairs least alike:")
            for p in worstPairs { lines.append("  \(p.table).(\(p.columns.joined(separator: ", ")))  \(score(p.score)) (\(p.metric))") }
        }
        print(lines.joined(separator: "\n"))
    }
}

import ArgumentParser
import DBSynth
import Engine
import Foundation
import Introspect
import SchemaModel

struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Show the tables in load order with keys, foreign keys, constraints and the generator of each column.",
        discussion: "--json prints the same as a stable JSON document (see docs/inspect-json.md)."
    )

    @OptionGroup var db: DatabaseOptions

    @Flag(help: "Print JSON instead of text.")
    var json = false

    @Option(help: "Plan for this many rows, as `fill --rows` (default: sized by role, 10,000 in the largest tables).")
    var rows: Int64?

    @Option(help: ArgumentHelp("uniform or realistic, as `fill --shape`.", valueName: "SHAPE"))
    var shape: FillOptions.Shape?

    @Option(help: ArgumentHelp("Plan with this YAML config, as `fill --config`.", valueName: "FILE"))
    var config: String?

    @Option(help: ArgumentHelp("Plan from this `dbsynth profile` file, as `fill --profile`: shows the copula, quotas and rules each column follows.", valueName: "FILE.json"))
    var profile: String?

    func validate() throws {
        if let rows, rows < 0 { throw ValidationError("--rows must be 0 or more, not \(rows)") }
    }

    func run() throws {
        let inspection = try DBSynth.inspect(target: try db.target(), rows: rows, shape: shape, config: config, profile: profile)
        print(json ? inspection.json : inspection.text)
    }
}

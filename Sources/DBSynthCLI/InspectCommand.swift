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

    func run() throws {
        let inspection = try DBSynth.inspect(target: try db.target())
        print(json ? inspection.json : inspection.text)
    }
}

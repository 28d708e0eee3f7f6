import ArgumentParser
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
        let target = try db.target()
        let connection = try DatabaseConnection.open(target)
        let schema = try connection.readSchema()
        let plan = try Planning.plan(schema)
        let report = InspectReport(schema: schema, plan: plan)
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
        } else {
            print(report.text(target: target.description))
        }
    }
}

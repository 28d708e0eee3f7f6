import ArgumentParser
import DBSynth
import Config
import Engine
import Foundation
import Introspect
import SchemaModel

/// `dbsynth init [DB] [-o FILE]`: a commented config for the live schema,
/// so users edit one rather than write it from scratch.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a commented config listing every table and column with its inferred generator.",
        discussion: """
            Active entries give exactly the values dbsynth infers, so `fill --config FILE` of the \
            untouched file equals a plain `fill`; the other columns are commented out with the nearest \
            config generator. See docs/config.md.
            """
    )

    @OptionGroup var db: DatabaseOptions

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Write here instead of stdout.", valueName: "FILE"))
    var output: String?

    func run() throws {
        let target = try db.target()
        let connection = try DatabaseConnection.open(target)
        let schema = try connection.readSchema()
        let plan = try Planning.plan(schema, rows: nil, shape: nil)
        let text = InitWriter.write(schema: schema, plan: plan, target: target.description)
        guard let output else { print(text, terminator: ""); return }
        do {
            try text.write(toFile: output, atomically: true, encoding: .utf8)
        } catch {
            throw DBSynthError.refused("-o \(output): cannot write the file (\(error.localizedDescription))")
        }
    }
}

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

    @OptionGroup(title: "Model-written values") var llm: LLMFlags

    func run() throws {
        let target = try db.target()
        let connection = try DatabaseConnection.open(target)
        let schema = try connection.readSchema()
        let plan = try Planning.plan(schema, rows: nil, shape: nil)
        var chosen: [QualifiedName: [String: String]] = [:]
        if llm.enabled {
            // One analysis call for the schema (or none, from the cache).
            let advice = try GeneratorAdvice.ask(schema: schema, plan: plan, options: llm.options)
            for line in advice.ignored { Terminal.warning("init --llm: \(line); left as inferred") }
            chosen = advice.chosen
            let u = advice.usage
            let written = chosen.values.reduce(0) { $0 + $1.count }
            Terminal.writeErr("init --llm (\(advice.endpoint)): \(written) columns chosen by the model; \(u.calls) calls, \(u.inputTokens) input and \(u.outputTokens) output tokens, \(u.cacheHits) from the cache\n")
        }
        let text = InitWriter.write(schema: schema, plan: plan, target: target.description, chosen: chosen)
        guard let output else { print(text, terminator: ""); return }
        do {
            try text.write(toFile: output, atomically: true, encoding: .utf8)
        } catch {
            throw DBSynthError.refused("-o \(output): cannot write the file (\(error.localizedDescription))")
        }
    }
}

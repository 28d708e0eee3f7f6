import ArgumentParser
import DBSynth
import Config

/// `dbsynth generators`: every config generator with its parameters,
/// defaults and a one-line example (like `smelt-datagen --list-generators`).
struct GeneratorsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generators",
        abstract: "List every config generator with its parameters, defaults and an example."
    )

    func run() throws {
        var lines = ["Config generators (docs/config.md). Write them as `column: { type: NAME, param: value }`.", ""]
        for info in GeneratorCatalog.all {
            lines.append(info.name + (info.smelt ? "" : "  [dbsynth]") + " — " + info.summary)
            for p in info.parameters {
                lines.append("    \(p.name): \(p.help)" + (p.defaultValue.map { " (default: \($0))" } ?? " (required)"))
            }
            lines.append("    example: \(info.example)")
            lines.append("")
        }
        print(lines.joined(separator: "\n"), terminator: "")
    }
}

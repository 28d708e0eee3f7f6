import ArgumentParser
import DBSynth
import Foundation

/// `dbsynth datasets [--json]`: the built-in datasets; `datasets show NAME`
/// prints one's config for `fill --config`.
struct DatasetsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "datasets",
        abstract: "List the built-in datasets (dbsynth create NAME DB builds one).",
        subcommands: [List.self, Show.self],
        defaultSubcommand: List.self
    )

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the built-in datasets.")

        @Flag(help: "Print JSON: name, domain, kind, tables and their rows at each size.")
        var json = false

        func run() throws {
            print(json ? try Self.json() : Self.text())
        }

        static func text() -> String {
            var lines = ["name              domain       kind   tables   rows (small)   rows (large)"]
            for d in DatasetCatalog.all {
                lines.append(TextLayout.pad(d.name, 18, left: true) + TextLayout.pad(d.domain, 13, left: true) + TextLayout.pad(d.kind.rawValue, 7, left: true)
                             + TextLayout.pad("\(d.tables.count)", 6) + TextLayout.pad(TextLayout.grouped(d.totalRows(.small)), 15)
                             + TextLayout.pad(TextLayout.grouped(d.totalRows(.large)), 15))
            }
            lines.append("")
            lines.append("dbsynth datasets show NAME prints a config; dbsynth create NAME DB builds it.")
            return lines.joined(separator: "\n")
        }

        struct Entry: Encodable {
            struct Table: Encodable { var name: String; var rows: [String: Int64]; var fixed: Bool }
            var name: String, domain: String, kind: String, summary: String
            var tables: [Table]
            var partition_columns: [String: String]
        }

        static func json() throws -> String {
            let entries = DatasetCatalog.all.map { d in
                Entry(name: d.name, domain: d.domain, kind: d.kind.rawValue, summary: d.summary,
                      tables: d.tables.map { .init(name: $0.name, rows: ["small": $0.rows(.small, scale: 1), "large": $0.rows(.large, scale: 1)], fixed: $0.fixed) },
                      partition_columns: d.partitionColumns)
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            return String(decoding: try encoder.encode(entries), as: UTF8.self)
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Print a dataset's config (for fill --config) or, with --ddl, its DDL.")

        @Argument(help: "The dataset's name (dbsynth datasets lists them).")
        var name: String

        @Flag(help: "Print the CREATE TABLE statements instead of the config.")
        var ddl = false

        func run() throws {
            let dataset = try DatasetsCommand.dataset(name)
            print(ddl ? dataset.ddl : dataset.annotatedConfig, terminator: "")
        }
    }

    static func dataset(_ name: String) throws -> Dataset {
        guard let d = DatasetCatalog.named(name) else {
            throw DBSynthError(.refused, "no dataset named '\(name)'; the datasets are \(DatasetCatalog.all.map(\.name).joined(separator: ", "))")
        }
        return d
    }
}

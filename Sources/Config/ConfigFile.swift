import Introspect
import SchemaModel
import Foundation

/// A parsed config file, in either accepted format:
///
/// - dbsynth: `seed`, `rows`, `scale_factor`, `tables: {name: {rows, seed, columns: {col: generator}, per_parent, skip, …}}`
/// - smelt-datagen: `seed`, `scale_factor`, `datasets: [{name, num_rows, seed, columns: [{name, generator}], entity, linked_pools, partition}]`
///
/// Both become the same list of `TableConfig`s; only the spelling differs.
package struct ConfigFile: Sendable {
    package enum Format: String, Sendable { case dbsynth, smelt }

    package var file: String
    package var format: Format
    package var seed: UInt64?
    package var rows: Int64?
    package var scaleFactor: Double?
    /// In file order (for smelt-datagen, the dataset order foreign keys rely on).
    package var tables: [TableConfig]
    package var root: ConfigNode
    /// `fan_out: uniform` at the top: every table's children pick parents
    /// uniformly (the default is skewed popularity).
    package var uniformFanOut = false
    /// `parquet_types: logical | smelt` for `--format parquet`: true for each
    /// column's own logical type, false for the types smelt-datagen writes;
    /// nil when the file does not say (smelt for `datasets:` without a database).
    package var parquetLogicalTypes: Bool?

    /// `llm: { prices: { MODEL: { input: USD, output: USD } } }`: per
    /// million tokens, over the built-in price table.
    package var llmPrices: [String: (input: Double, output: Double)] = [:]

    package static let topKeys = ["seed", "rows", "scale_factor", "fan_out", "parquet_types", "llm", "tables", "datasets"]

    /// Reads and parses `path`. Any problem is a `ConfigError` naming the line and key.
    package static func load(path: String) throws -> ConfigFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigError(file: path, line: 0, key: "", message: "cannot read the config file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigError(file: path, line: 0, key: "", message: "the config file is not UTF-8 text")
        }
        return try parse(yaml: text, file: path)
    }

    /// `fan_out: uniform | skewed`.
    static func uniformFanOut(_ node: ConfigNode) throws -> Bool {
        switch try node.string() {
        case "uniform": return true
        case "skewed": return false
        case let other:
            throw node.error("fan_out must be uniform or skewed, not '\(other)'" + (Suggest.closest(to: other, among: ["uniform", "skewed"]).map { "; did you mean '\($0)'?" } ?? ""))
        }
    }

    package static func parse(yaml: String, file: String) throws -> ConfigFile {
        let root = try ConfigNode.parse(yaml: yaml, file: file)
        try root.checkKeys(topKeys, what: "top-level key")
        var config = ConfigFile(file: file, format: .dbsynth, tables: [], root: root)
        if let s = root["seed"] { config.seed = try seedValue(s) }
        if let r = root["rows"] {
            let v = try r.integer()
            guard v >= 0 else { throw r.error("rows must be 0 or more") }
            config.rows = v
        }
        if let f = root["scale_factor"] {
            let v = try f.number()
            guard v >= 0 else { throw f.error("scale_factor must be 0 or more") }
            config.scaleFactor = v
        }
        if let f = root["fan_out"] { config.uniformFanOut = try Self.uniformFanOut(f) }
        if let t = root["parquet_types"] {
            switch try t.string() {
            case "logical": config.parquetLogicalTypes = true
            case "smelt": config.parquetLogicalTypes = false
            case let other:
                throw t.error("parquet_types must be logical or smelt, not '\(other)'" + (Suggest.closest(to: other, among: ["logical", "smelt"]).map { "; did you mean '\($0)'?" } ?? ""))
            }
        }
        if let llm = root["llm"] { config.llmPrices = try Self.llmPrices(llm) }
        if root["tables"] != nil, let d = root["datasets"] {
            throw d.error("use either tables: (dbsynth) or datasets: (smelt-datagen), not both")
        }
        if let tables = root["tables"], !tables.isNull {
            for (name, node) in try tables.mapping() {
                config.tables.append(try TableConfig.parse(name: name, node: node, smelt: false))
            }
        }
        if let datasets = root["datasets"] {
            config.format = .smelt
            var seen: Set<String> = []
            for item in try datasets.sequence() {
                let nameNode = try item.require("name")
                let name = try nameNode.string()
                guard seen.insert(name).inserted else { throw nameNode.error("dataset '\(name)' appears twice") }
                config.tables.append(try TableConfig.parse(name: name, node: item.renamed("datasets.\(name)"), smelt: true))
            }
        }
        try config.checkReferences()
        return config
    }

    /// `llm: { prices: { gpt-4o-mini: { input: 0.15, output: 0.60 } } }`.
    static func llmPrices(_ node: ConfigNode) throws -> [String: (input: Double, output: Double)] {
        try node.checkKeys(["prices"], what: "key of llm")
        var out: [String: (input: Double, output: Double)] = [:]
        guard let prices = node["prices"] else { return out }
        for (model, price) in try prices.mapping() {
            try price.checkKeys(["input", "output"], what: "key of a price (US dollars per million tokens)")
            let input = try price.require("input"), output = try price.require("output")
            let (i, o) = (try input.number(), try output.number())
            guard i >= 0 else { throw input.error("a price must be 0 or more") }
            guard o >= 0 else { throw output.error("a price must be 0 or more") }
            out[model] = (i, o)
        }
        return out
    }

    static func seedValue(_ node: ConfigNode) throws -> UInt64 {
        let v = try node.integer()
        guard v >= 0 else { throw node.error("a seed must be 0 or more") }
        return UInt64(v)
    }

    package func table(named name: String) -> TableConfig? { tables.first { $0.name == name } }

    /// Checks that need the whole file but not the schema: smelt-datagen's
    /// "a foreign_key may only name an earlier dataset".
    func checkReferences() throws {
        guard format == .smelt else { return }
        var earlier: Set<String> = []
        for t in tables {
            for c in t.columns {
                for spec in c.generator.flattened {
                    if case .foreignKey(let parent, _) = spec.kind, !earlier.contains(parent) {
                        let hint = table(named: parent) != nil ? " (it is defined later; datasets are generated in order)" : Suggest.hint(parent, among: tables.map(\.name))
                        throw spec.node.error("foreign_key names '\(parent)', which is not an earlier dataset\(hint)")
                    }
                }
            }
            earlier.insert(t.name)
        }
    }
}

extension ConfigFile {
    /// The `type: llm` columns, with the table they belong to in `schema`.
    package func llmColumns(in schema: Schema) -> [(table: Table, column: Column, spec: LLMColumnSpec, node: ConfigNode)] {
        var out: [(table: Table, column: Column, spec: LLMColumnSpec, node: ConfigNode)] = []
        for tc in tables where !tc.skip {
            guard let table = ConfigValidator.resolveTable(tc.name, in: schema) else { continue }
            for cc in tc.columns {
                if case .llm(let spec) = cc.generator.kind, let column = table.column(named: cc.name) {
                    out.append((table, column, spec, cc.generator.node))
                }
            }
        }
        return out
    }
}

extension GeneratorSpec {
    /// This generator and every generator nested in it.
    package var flattened: [GeneratorSpec] {
        switch kind {
        case .optional(_, let inner): return [self] + inner.flattened
        case .jsonObject(let fields): return [self] + fields.flatMap(\.generator.flattened)
        default: return [self]
        }
    }
}

import Introspect
import SchemaModel
/// One table (dbsynth) or dataset (smelt-datagen) of the config.
package struct TableConfig: Sendable {
    package struct ColumnConfig: Sendable {
        package var name: String
        package var generator: GeneratorSpec
        package var node: ConfigNode
        /// Declared under `entity.columns`: drawn once per entity.
        package var entity: Bool
    }

    package struct PerParent: Sendable {
        package var foreignKeyColumn: String
        package var count: GeneratorSpec
        package var node: ConfigNode
    }

    package struct Entity: Sendable {
        package var poolRatio: Double
        package var node: ConfigNode
    }

    package struct Partition: Sendable {
        package var column: String
        /// Days since the epoch.
        package var start: Int64
        package var days: Int64
        package var node: ConfigNode
    }

    package var name: String
    package var node: ConfigNode
    package var rows: Int64?
    package var seed: UInt64?
    package var skip = false
    /// Entity columns first, then the others, in file order.
    package var columns: [ColumnConfig] = []
    package var perParent: PerParent?
    package var entity: Entity?
    package var linkedPools: [LinkedPoolConfig] = []
    package var partition: Partition?
    /// `quality_issues: {rate, flag, date_column, kinds}`: rows with deliberate defects.
    package var qualityIssues: QualityIssueConfig?
    /// `series: {column, origin, from, days, per_day, growth}`: day-by-day rows.
    package var series: SeriesConfig?
    /// `fan_out: uniform | skewed` for this table's foreign keys; nil: the file's.
    package var uniformFanOut: Bool?
    /// smelt-datagen's `output:` (a relative directory such as `data/orders`):
    /// where `--format parquet` puts the dataset's `data.parquet` under `--out`.
    package var outputPath: String?

    static let tableKeys = ["rows", "seed", "columns", "per_parent", "fan_out", "skip", "entity", "linked_pools", "partition", "quality_issues", "series"]
    static let datasetKeys = ["name", "output", "num_rows", "rows", "seed", "columns", "per_parent", "fan_out", "skip", "entity", "linked_pools", "partition"]

    package func column(named name: String) -> ColumnConfig? { columns.first { $0.name == name } }

    static func parse(name: String, node: ConfigNode, smelt: Bool) throws -> TableConfig {
        var t = TableConfig(name: name, node: node)
        if node.isNull { return t }
        try node.checkKeys(smelt ? datasetKeys : tableKeys, what: smelt ? "dataset key" : "table key")
        if let r = node["num_rows"] ?? node["rows"] {
            let v = try r.integer()
            guard v >= 0 else { throw r.error("the row count must be 0 or more") }
            t.rows = v
        }
        if let s = node["seed"] { t.seed = try ConfigFile.seedValue(s) }
        if let s = node["skip"] { t.skip = try s.boolean() }
        if let f = node["fan_out"] { t.uniformFanOut = try ConfigFile.uniformFanOut(f) }
        if smelt, let o = node["output"] { t.outputPath = try outputPath(o) }
        if let e = node["entity"] {
            try e.checkKeys(["pool_ratio", "columns"], what: "entity key")
            let ratioNode = try e.require("pool_ratio")
            let ratio = try ratioNode.number()
            guard ratio > 0, ratio <= 1 else { throw ratioNode.error("pool_ratio must be in (0, 1], not \(ratio)") }
            t.entity = Entity(poolRatio: ratio, node: e)
            t.columns += try columns(try e.require("columns"), entity: true)
        }
        if let c = node["columns"] { t.columns += try columns(c, entity: false) }
        var seen: Set<String> = []
        for c in t.columns where !seen.insert(c.name).inserted {
            throw c.node.error("column '\(c.name)' is configured twice")
        }
        if let pools = node["linked_pools"] {
            var names: Set<String> = []
            for item in try pools.sequence() {
                let pool = try LinkedPoolConfig.parse(item)
                guard names.insert(pool.name).inserted else { throw item.error("linked pool '\(pool.name)' appears twice") }
                t.linkedPools.append(pool)
            }
        }
        if let pp = node["per_parent"] {
            try pp.checkKeys(["fk", "count"], what: "per_parent key")
            t.perParent = PerParent(foreignKeyColumn: try pp.require("fk").string(), count: try GeneratorParser.parse(try pp.require("count")), node: pp)
            if case .integer = t.perParent!.count.valueClass {} else {
                throw try pp.require("count").error("count must produce integers (e.g. geometric, uniform_int, log_normal), not \(t.perParent!.count.name)")
            }
        }
        if let p = node["partition"] {
            try p.checkKeys(["column", "start", "days"], what: "partition key")
            let daysNode = try p.require("days")
            let days = try daysNode.integer()
            guard days >= 1 else { throw daysNode.error("days must be 1 or more") }
            let start = try GeneratorParser.day(try p.require("start"), default: 0)
            t.partition = Partition(column: try p.require("column").string(), start: start, days: days, node: p)
        }
        if let q = node["quality_issues"] { t.qualityIssues = try QualityIssueConfig.parse(q) }
        if let s = node["series"] {
            let series = try SeriesConfig.parse(s)
            if t.rows != nil { throw s.error("a series table's rows are its days' rows; drop rows:") }
            t.series = series
            t.rows = series.layout.rows
        }
        try t.checkLinkedChoices()
        return t
    }

    /// An `output:` directory, relative and inside `--out`: no leading `/`,
    /// no `..`; `./` and repeated slashes are dropped.
    static func outputPath(_ node: ConfigNode) throws -> String {
        let text = try node.string()
        let parts = text.split(separator: "/", omittingEmptySubsequences: true).filter { $0 != "." }
        guard !text.hasPrefix("/"), !parts.isEmpty, !parts.contains("..") else {
            throw node.error("output must be a relative directory inside --out (such as data/orders), not '\(text)'")
        }
        return parts.joined(separator: "/")
    }

    /// `columns:` as a mapping (dbsynth) or a list of `{name, generator}` (smelt-datagen).
    static func columns(_ node: ConfigNode, entity: Bool) throws -> [ColumnConfig] {
        if node.isNull { return [] }
        if let items = node.items {
            return try items.map { item in
                try item.checkKeys(["name", "generator"], what: "column key")
                let name = try item.require("name").string()
                let path = node.path + "." + name
                let generator = try item.require("generator")
                return ColumnConfig(name: name, generator: try GeneratorParser.parse(generator.renamed(path)), node: item.renamed(path), entity: entity)
            }
        }
        return try node.mapping().map { name, value in
            ColumnConfig(name: name, generator: try GeneratorParser.parse(value), node: value, entity: entity)
        }
    }

    /// linked_choice names a declared pool and field, and never sits under entity.columns.
    func checkLinkedChoices() throws {
        for c in columns {
            for spec in c.generator.flattened {
                guard case .linkedChoice(let poolName, let field) = spec.kind else { continue }
                if c.entity { throw spec.node.error("linked_choice belongs under columns, not entity.columns") }
                guard let pool = linkedPools.first(where: { $0.name == poolName }) else {
                    throw spec.node.error("no linked pool named '\(poolName)'\(Suggest.hint(poolName, among: linkedPools.map(\.name)))")
                }
                guard pool.fieldNames.contains(field) else {
                    throw spec.node.error("linked pool '\(poolName)' has no field '\(field)'\(Suggest.hint(field, among: pool.fieldNames))")
                }
            }
        }
    }
}

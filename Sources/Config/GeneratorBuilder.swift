import Engine
import Introspect
import SchemaModel

/// Turns a `GeneratorSpec` into a `ValueGenerator` for one column. Where a
/// config generator means the same as an inferred one (sequential_id,
/// uuid, uniform_int, date, bool, one_of), it builds the very same Engine
/// generator on the same stream, so `dbsynth init` can write it as an
/// active entry without changing any value.
struct GeneratorBuilder {
    let table: Table
    /// nil for generators outside a column (per_parent counts).
    let column: Column?
    let context: OverrideContext?
    let overrides: ConfigOverrides

    func build(_ spec: GeneratorSpec, stream: UInt64) throws -> any ValueGenerator {
        switch spec.kind {
        case .sequentialID: return SequenceGenerator(start: 1)
        case .sequence(let start, let step): return SequenceGenerator(start: start, step: step)
        case .uuid: return UUIDGenerator(stream: stream)
        case .foreignKey(let parent, let parentColumn): return try foreignKey(spec, parent: parent, column: parentColumn, stream: stream)
        case .constant(let literal): return ConstantGenerator(literal: literal)
        case .weightedChoice(let choices): return WeightedChoiceGenerator(choices: choices, stream: stream)
        case .oneOf(let values): return ChoiceGenerator(literals: values, stream: stream)
        case .stringPattern(let template): return StringPatternGenerator(template: template, stream: stream)
        case .uniformInt(let lo, let hi): return IntegerGenerator(range: lo...(hi - 1), stream: stream)
        case .uniformFloat(let lo, let hi): return DoubleGenerator(range: lo..<hi, decimals: nil, stream: stream)
        case .logNormal(let median, let sigma, let cap): return LogNormalGenerator(median: median, sigma: sigma, cap: cap, stream: stream)
        case .geometric(let p, let minimum): return GeometricCountGenerator(p: p, min: minimum, stream: stream)
        case .date(let start, let end): return DateGenerator(days: start...(end - 1), stream: stream)
        case .timestamp(let start, let end):
            return TimestampGenerator(seconds: start...(end - 1), withTimeZone: false, separator: UInt8(ascii: "T"), stream: stream)
        case .bool(let prob): return BoolGenerator(probability: prob, stream: stream)
        case .optional(let prob, let inner):
            return NullableGenerator(inner: try build(inner, stream: Self.substream(stream, "inner")), nullFraction: 1 - prob, stream: stream)
        case .jsonObject(let fields):
            return JSONObjectGenerator(fields: try fields.map { JSONObjectGenerator.Field(key: $0.key, generator: try build($0.generator, stream: Self.substream(stream, "field:" + $0.key))) })
        case .fromParent(let fkColumn, let parentColumn):
            guard let context else { throw spec.node.error("from_parent cannot be used here") }
            do {
                return try context.fromParent(foreignKeyColumn: fkColumn, parentColumn: parentColumn)
            } catch let e as PlanError {
                throw spec.node.error(e.description)
            }
        case .linkedChoice(let poolName, let field):
            guard let tc = overrides.tableConfig(for: table.name), let config = tc.linkedPools.first(where: { $0.name == poolName }),
                  let index = config.fieldNames.firstIndex(of: field) else {
                throw spec.node.error("no linked pool '\(poolName)' with field '\(field)'")
            }
            return LinkedChoiceGenerator(pool: try pool(config, tableConfig: tc), field: index)
        case .semantic(let kind):
            let target = column ?? Column(name: kind.rawValue, type: .text(maxLength: nil), declaredType: "text")
            let unique = column.map { c in table.primaryKey == [c.name] || table.uniques.contains { $0.columns == [c.name] && $0.expressions.isEmpty } } ?? false
            let seed = context?.seed ?? overrides.seed(for: table) ?? overrides.config.seed ?? 42
            return SemanticGenerator(kind: kind, column: target, unique: unique, stream: stream, seed: seed, table: table.name.description)
        case .normal(let mean, let sd, let lo, let hi, let decimals):
            return NormalGenerator(mean: mean, stddev: sd, lower: lo, upper: hi, decimals: decimals, stream: stream)
        case .zipf(let n, let s): return ZipfGenerator(n: n, s: s, stream: stream)
        case .llm:
            // The model's pool replaces this before the load (`LLMOverrides`,
            // layered over the config); what is left here is the plan drawn
            // before the calls, and `--llm-fallback`: the inferred generator.
            guard let context else { throw spec.node.error("llm can only fill a column") }
            return try context.inferred()
        case .zipfOver(let name, let s):
            guard let context, let parent = ConfigValidator.resolveTable(name, in: overrides.schema) else {
                throw spec.node.error("zipf over: no table named '\(name)'")
            }
            return ZipfGenerator(n: max(1, context.rows(of: parent.name) ?? 1), s: s, stream: stream)
        case .cycle(let values): return CycleGenerator(literals: values)
        case .calendar(let start, let field, let fiscal):
            return CalendarGenerator(start: start, field: field, fiscalStartMonth: fiscal)
        case .seasonalDate(let start, let end, let shape, let format):
            return SeasonalDateGenerator(days: start..<end, shape: shape, format: format, stream: stream)
        case .scd2(let field, let weights, let start, let end, let inner):
            guard let context else { throw spec.node.error("scd2 cannot be used here") }
            // One layout for every scd2 column of the table: its stream
            // depends on the table and seed only, not on the column.
            let layout = VersionLayout(versionWeights: weights, days: start..<end, rows: context.rows,
                                       stream: RowRandom.streamKey(seed: context.seed, table: table.name.description, column: "\u{1}scd2"))
            guard field == .stable else { return VersionGenerator(layout: layout, field: field) }
            let attribute = try inner.map { try build($0, stream: Self.substream(stream, "inner")) } ?? (try context.inferred())
            return VersionGenerator(layout: layout, field: .stable, inner: attribute)
        case .regex(let pattern):
            return PatternGenerator(pattern: pattern, minLength: 0, maxLength: column?.type.lengthLimit, letterCase: .any, stream: stream)
        }
    }

    static func substream(_ stream: UInt64, _ part: String) -> UInt64 {
        StableHash.mix(stream ^ StableHash.of(part))
    }

    /// A uniformly picked row of the parent, read through the parent's key column.
    func foreignKey(_ spec: GeneratorSpec, parent: String, column parentColumn: String?, stream: UInt64) throws -> any ValueGenerator {
        guard let parentTable = ConfigValidator.resolveTable(parent, in: overrides.schema) else {
            throw spec.node.error("no table or dataset named '\(parent)'")
        }
        guard let context else { throw spec.node.error("foreign_key cannot be used here") }
        let rows = context.rows(of: parentTable.name) ?? 0
        let keyColumn = parentColumn ?? ConfigValidator.keyColumn(of: parentTable, config: overrides.tableConfig(for: parentTable.name))
        let keyGenerator = try keyColumn.map { try context.generator(of: parentTable.name, column: $0) }
        // Without a key column, smelt-datagen's plain integer in [1, parent rows].
        return ForeignKeyGenerator(picker: rows > 0 ? .uniform(parentRows: rows, stream: stream) : .none,
                                   parentColumn: keyGenerator ?? SequenceGenerator(start: 1),
                                   parentName: "\(parentTable.name)\(keyColumn.map { "." + $0 } ?? "")")
    }

    /// Builds a linked pool from its own seed (explicit, else the table's),
    /// independent of the table's row count.
    func pool(_ config: LinkedPoolConfig, tableConfig: TableConfig) throws -> LinkedPool {
        let tableSeed = context?.seed ?? tableConfig.seed ?? overrides.config.seed ?? 42
        let stream = RowRandom.streamKey(seed: config.seed ?? tableSeed, table: table.name.description, column: "\u{1}pool:" + config.name)
        let pick = RowRandom.streamKey(seed: tableSeed, table: table.name.description, column: "\u{1}pool-pick:" + config.name)
        let fieldBuilder = GeneratorBuilder(table: table, column: nil, context: context, overrides: overrides)
        return try LinkedPool(config: config, stream: stream, pickStream: pick) { spec, s in try fieldBuilder.build(spec, stream: s) }
    }
}

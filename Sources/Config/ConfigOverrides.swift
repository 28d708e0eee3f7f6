import Engine
import Introspect
import SchemaModel

/// The config as the planner's `ColumnOverrides`: configured columns get
/// their generators, the rest keep inference. Built after `ConfigValidator`
/// has accepted the config for `schema`, so lookups here cannot miss.
package struct ConfigOverrides: ColumnOverrides {
    package let config: ConfigFile
    package let schema: Schema
    /// Config tables by the schema table they configure.
    let byTable: [QualifiedName: TableConfig]

    package init(config: ConfigFile, schema: Schema) {
        self.config = config
        self.schema = schema
        var map: [QualifiedName: TableConfig] = [:]
        for tc in config.tables {
            if let t = ConfigValidator.resolveTable(tc.name, in: schema) { map[t.name] = tc }
        }
        byTable = map
    }

    package func tableConfig(for table: QualifiedName) -> TableConfig? { byTable[table] }

    package func seed(for table: Table) -> UInt64? { byTable[table.name]?.seed }

    /// smelt-datagen picks parents uniformly, so its configs do too unless they say otherwise.
    package func uniformFanOut(for table: Table) -> Bool {
        byTable[table.name]?.uniformFanOut ?? (config.root["fan_out"] == nil ? config.format == .smelt : config.uniformFanOut)
    }

    package func fanOut(for table: Table, parentRows: (ForeignKey) -> Int64) throws -> FanOut? {
        guard let pp = byTable[table.name]?.perParent else { return nil }
        let stream = RowRandom.streamKey(seed: seed(for: table) ?? config.seed ?? 42, table: table.name.description, column: "\u{1}per_parent")
        let count = try GeneratorBuilder(table: table, column: nil, context: nil, overrides: self).build(pp.count, stream: stream)
        return FanOut(foreignKeyColumn: pp.foreignKeyColumn, count: count)
    }

    package func generator(for table: Table, column: Column, context: OverrideContext) throws -> (any ValueGenerator)? {
        guard let tc = byTable[table.name] else {
            return pointsAtSkippedTable(table, column: column) ? NullGenerator() : nil
        }
        guard let series = tc.series else { return try withQualityIssues(for: table, column: column, tc: tc, context: context) }
        // Day by day: the series column is the row's day, every other column draws at the row's global index.
        let layout = series.layout
        if column.name == series.column { return SeriesGenerator(inner: nil, layout: layout, firstRow: context.firstRow) }
        // The key is the global row + 1, not after the rows already there (--append's floor): a day's keys never depend on the run.
        if table.primaryKey == [column.name], tc.column(named: column.name) == nil {
            return SeriesGenerator(inner: SequenceGenerator(start: 1), layout: layout, firstRow: context.firstRow)
        }
        let inner = try withQualityIssues(for: table, column: column, tc: tc, context: context) ?? context.inferred()
        return SeriesGenerator(inner: inner, layout: layout, firstRow: context.firstRow)
    }

    func withQualityIssues(for table: Table, column: Column, tc: TableConfig, context: OverrideContext) throws -> (any ValueGenerator)? {
        guard let quality = tc.qualityIssues, !table.primaryKey.contains(column.name) else {
            return try cleanGenerator(for: table, column: column, tc: tc, context: context)
        }
        // Every column but the key: its clean values, defects on the issue rows.
        let issues = QualityIssues(rate: quality.rate, kinds: quality.kinds,
                                   stream: RowRandom.streamKey(seed: context.seed, table: table.name.description, column: "\u{1}quality"))
        if column.name == quality.flag { return QualityIssueGenerator(inner: NullGenerator(), role: .flag, issues: issues) }
        let clean = try cleanGenerator(for: table, column: column, tc: tc, context: context) ?? context.inferred()
        let role: QualityIssueGenerator.Role
        if column.name == quality.dateColumn {
            role = .eventDate(earliest: quality.notBefore ?? Int64.min / 86_400)
        } else if table.foreignKeys.contains(where: { $0.columns.contains(column.name) }) {
            role = .plain
        } else if Self.isNumber(column.type) {
            role = .numeric(nullable: column.isNullable)
        } else {
            role = column.isNullable ? .nullable : .plain
        }
        return QualityIssueGenerator(inner: clean, role: role, issues: issues)
    }

    static func isNumber(_ type: DataType) -> Bool {
        switch type {
        case .integer, .numeric, .real, .double, .money: return true
        default: return false
        }
    }

    /// The generator of a column without quality issues; nil to infer it.
    func cleanGenerator(for table: Table, column: Column, tc: TableConfig, context: OverrideContext) throws -> (any ValueGenerator)? {
        if let p = tc.partition, p.column == column.name {
            return PartitionDateGenerator(start: p.start, days: p.days, rows: context.rows)
        }
        guard let cc = tc.column(named: column.name) else {
            return pointsAtSkippedTable(table, column: column) ? NullGenerator() : nil
        }
        return try configured(cc, tc: tc, table: table, column: column, context: context)
    }

    /// Foreign key columns pointing at a skipped table (left out of `schema`)
    /// are written NULL: the validator allowed only nullable ones.
    func pointsAtSkippedTable(_ table: Table, column: Column) -> Bool {
        guard let fk = table.foreignKeys.first(where: { $0.columns.contains(column.name) }),
              schema.table(named: fk.referencedTable) == nil else { return false }
        return config.tables.contains { $0.skip && fk.referencedTable.matches($0.name, caseInsensitive: true) }
    }

    func configured(_ cc: TableConfig.ColumnConfig, tc: TableConfig, table: Table, column: Column, context: OverrideContext) throws -> (any ValueGenerator)? {
        // A foreign_key on a real FK column to that parent: the planner's own FK
        // generator already yields real parent keys (and honours uniqueness,
        // per_parent and cycles), so keep it.
        if case .foreignKey(let parent, let parentColumn) = cc.generator.kind, !cc.entity,
           let fk = table.foreignKeys.first(where: { $0.columns.contains(column.name) }),
           let parentTable = ConfigValidator.resolveTable(parent, in: schema), parentTable.name == fk.referencedTable,
           parentColumn == nil || parentColumn == fk.referencedColumns[fk.columns.firstIndex(of: column.name)!] {
            return nil
        }
        do {
            let builder = GeneratorBuilder(table: table, column: column, context: context, overrides: self)
            let g = try builder.build(cc.generator, stream: context.stream)
            guard cc.entity, let entity = tc.entity else { return g }
            let poolSize = max(1, Int64((Double(context.rows) * entity.poolRatio).rounded()))
            let pick = RowRandom.streamKey(seed: context.seed, table: table.name.description, column: "\u{1}entity")
            return EntityColumnGenerator(inner: g, poolSize: poolSize, pickStream: pick)
        } catch let error as ConfigError {
            throw PlanError(error.description)
        }
    }
}

import Engine
import Introspect
import SchemaModel

/// Checks a parsed config against the schema it will fill, before anything
/// runs: tables, columns and parents exist, generators suit the column's
/// type, literal values satisfy its CHECKs and enum labels, ranges stay in
/// its CHECK bounds, unique and NOT NULL columns get suitable generators,
/// and `per_parent` names a foreign key column.
package enum ConfigValidator {
    /// The schema table a config name means: exact first, then case-insensitive.
    package static func resolveTable(_ name: String, in schema: Schema) -> Table? {
        let exact = schema.tables.filter { $0.name.matches(name) }
        if exact.count == 1 { return exact[0] }
        let loose = schema.tables.filter { $0.name.matches(name, caseInsensitive: true) }
        return loose.count == 1 ? loose[0] : nil
    }

    /// The column a `foreign_key` to `table` reads: the single-column primary
    /// key, else a column configured as sequential_id/sequence; nil means
    /// smelt-datagen's plain 1…rows.
    package static func keyColumn(of table: Table, config: TableConfig?) -> String? {
        if table.primaryKey.count == 1 { return table.primaryKey[0] }
        return config?.columns.first { c in
            switch c.generator.kind { case .sequentialID, .sequence: return !c.entity; default: return false }
        }?.name
    }

    package static func validate(_ config: ConfigFile, schema: Schema) throws {
        let skipped = Set(config.tables.filter(\.skip).compactMap { resolveTable($0.name, in: schema)?.name })
        for tc in config.tables {
            guard let table = resolveTable(tc.name, in: schema) else {
                let key = tc.node["name"] ?? tc.node
                throw key.renamed(tc.node.path.isEmpty ? tc.name : tc.node.path)
                    .error("no table named '\(tc.name)' in the database\(Suggest.hint(tc.name, among: schema.tables.map(\.name.description)))\(config.format == .smelt ? " (pass --create to create it)" : "")")
            }
            if tc.skip { continue }
            try validate(tc, table: table, config: config, schema: schema, skipped: skipped)
        }
        // A table that is filled must not need rows of a skipped one.
        for table in schema.tables where !skipped.contains(table.name) {
            let tc = config.tables.first { resolveTable($0.name, in: schema)?.name == table.name }
            for fk in table.foreignKeys where skipped.contains(fk.referencedTable) && fk.referencedTable != table.name {
                let required = fk.columns.filter { c in table.column(named: c)?.isNullable == false && tc?.column(named: c) == nil }
                if !required.isEmpty, let skipNode = config.tables.first(where: { resolveTable($0.name, in: schema)?.name == fk.referencedTable })?.node {
                    throw (skipNode["skip"] ?? skipNode).error("\(fk.referencedTable) is skipped, but \(table.name).\(required.joined(separator: ", ")) is a NOT NULL foreign key to it; give that column a generator or skip \(table.name) too")
                }
            }
        }
    }

    static func validate(_ tc: TableConfig, table: Table, config: ConfigFile, schema: Schema, skipped: Set<QualifiedName>) throws {
        let derived = DomainDeriver.derive(table: table)
        let names = table.columns.map(\.name)
        if let q = tc.qualityIssues {
            guard let flag = table.column(named: q.flag), flag.type.isTextual, flag.isNullable else {
                throw (q.node["flag"] ?? q.node).error("quality_issues: \(table.name) needs a nullable text column '\(q.flag)' to name each row's issue\(Suggest.hint(q.flag, among: names))")
            }
            if let d = q.dateColumn, table.column(named: d) == nil {
                throw (q.node["date_column"] ?? q.node).error("quality_issues: \(table.name) has no column '\(d)'\(Suggest.hint(d, among: names))")
            }
        }
        for cc in tc.columns {
            guard let column = table.column(named: cc.name) else {
                throw cc.node.error("\(table.name) has no column '\(cc.name)'\(Suggest.hint(cc.name, among: names))")
            }
            if column.isGenerated || column.identity == .always {
                throw cc.node.error("\(table.name).\(cc.name) is computed by the database and cannot be given a generator")
            }
            try checkFits(cc.generator, column: column, table: table, domain: derived.domain(cc.name), topLevel: true)
            for spec in cc.generator.flattened {
                if case .llm = spec.kind, spec.node.path != cc.generator.node.path || cc.entity {
                    throw spec.node.error("llm writes a whole column's values; it cannot be nested in \(cc.entity ? "an entity" : "another generator")")
                }
                if case .fromParent(let fkColumn, let parentColumn) = spec.kind {
                    guard let fk = table.foreignKeys.first(where: { $0.columns.contains(fkColumn) }) else {
                        let fkColumns = table.foreignKeys.flatMap(\.columns)
                        throw spec.node.error("from_parent: \(table.name).\(fkColumn) is not a column of a foreign key\(Suggest.hint(fkColumn, among: fkColumns))")
                    }
                    guard let parentTable = schema.table(named: fk.referencedTable), parentTable.column(named: parentColumn) != nil else {
                        let names = schema.table(named: fk.referencedTable)?.columns.map(\.name) ?? []
                        throw spec.node.error("from_parent: \(fk.referencedTable) has no column '\(parentColumn)'\(Suggest.hint(parentColumn, among: names))")
                    }
                    if fk.columns.contains(cc.name) { throw spec.node.error("from_parent: \(cc.name) cannot take its value through its own foreign key") }
                    continue
                }
                guard case .foreignKey(let parent, let parentColumn) = spec.kind else { continue }
                guard let parentTable = resolveTable(parent, in: schema) else {
                    throw spec.node.error("foreign_key names '\(parent)', which is not a table or dataset\(Suggest.hint(parent, among: schema.tables.map(\.name.description)))")
                }
                if skipped.contains(parentTable.name) { throw spec.node.error("foreign_key names '\(parent)', which is skipped") }
                if let parentColumn, parentTable.column(named: parentColumn) == nil {
                    throw spec.node.error("\(parentTable.name) has no column '\(parentColumn)'\(Suggest.hint(parentColumn, among: parentTable.columns.map(\.name)))")
                }
            }
            if !column.isNullable, cc.generator.nullable {
                throw cc.node.error("\(table.name).\(cc.name) is NOT NULL, but \(cc.generator.name) can produce null")
            }
            let unique = table.primaryKey == [cc.name] || table.uniques.contains { $0.columns == [cc.name] && $0.expressions.isEmpty && $0.predicate == nil }
            let realForeignKey = table.foreignKeys.contains { $0.columns.contains(cc.name) }
            if case .foreignKey = cc.generator.kind, realForeignKey {
                // The planner's FK generator keeps a unique FK one-to-one.
            } else if unique, !producesDistinctValues(cc.generator), !cc.entity {
                throw cc.node.error("\(table.name).\(cc.name) must be unique, but \(cc.generator.name) repeats values; use sequential_id, sequence, uuid or a string_pattern with {sequential_id}")
            }
            if unique, cc.entity {
                throw cc.node.error("\(table.name).\(cc.name) must be unique, but entity columns repeat per entity")
            }
        }
        if let pp = tc.perParent {
            let fkNode = pp.node["fk"] ?? pp.node
            guard let column = table.column(named: pp.foreignKeyColumn) else {
                throw fkNode.error("\(table.name) has no column '\(pp.foreignKeyColumn)'\(Suggest.hint(pp.foreignKeyColumn, among: names))")
            }
            guard let fk = table.foreignKeys.first(where: { $0.columns.contains(column.name) }) else {
                throw fkNode.error("per_parent needs a foreign key column, and \(table.name).\(column.name) is not one")
            }
            if skipped.contains(fk.referencedTable) { throw fkNode.error("per_parent follows \(fk.referencedTable), which is skipped") }
            if tc.rows != nil, let rowsNode = tc.node["rows"] ?? tc.node["num_rows"] {
                throw rowsNode.error("rows and per_parent exclude each other: with per_parent the row count is the sum of the children per parent")
            }
        }
        if let p = tc.partition, table.column(named: p.column) == nil {
            throw (p.node["column"] ?? p.node).error("\(table.name) has no column '\(p.column)'\(Suggest.hint(p.column, among: names))")
        }
    }

    /// Whether distinct rows get distinct values by construction.
    static func producesDistinctValues(_ spec: GeneratorSpec) -> Bool {
        switch spec.kind {
        case .sequentialID, .uuid: return true
        case .sequence: return true
        // A pool as large as the table, or the row number appended.
        case .llm: return true
        // Day start + row: distinct days, distinct keys.
        case .calendar(_, let field, _): return field == .date || field == .key
        // NULLs never collide under UNIQUE (SQLite and PostgreSQL alike).
        case .optional(_, let inner): return producesDistinctValues(inner)
        // Distinct values, one per row, as long as the table has no more rows than values.
        case .cycle(let values): return Set(values.map(\.description)).count == values.count
        // Built unique (the row index embedded) when the column is unique.
        case .semantic(let kind): return [.email, .username, .phone].contains(kind)
        case .stringPattern(let t): return t.parts.contains { if case .sequentialID = $0 { return true }; if case .uuid = $0 { return true }; return false }
        case .foreignKey: return false
        default: return false
        }
    }

    /// Whether values of the generator suit the column: type, enum labels, CHECK domain.
    static func checkFits(_ spec: GeneratorSpec, column: Column, table: Table, domain: ColumnDomain, topLevel: Bool) throws {
        let what = "\(table.name).\(column.name) (\(column.type.summary))"
        let valueClass = spec.valueClass
        if case .foreignKey = spec.kind, !column.type.isInteger {
            // A foreign key carries the parent's key type; checked by the database.
            return
        }
        if case .scd2(.stable, _, _, _, nil) = spec.kind {
            // The inferred generator, which fits the column by construction.
            return
        }
        if !accepts(column.type, valueClass) {
            throw spec.node.error("\(spec.name) gives \(valueClass.rawValue) values, which do not fit \(what)")
        }
        let literals = spec.literals
        if case .enumeration(_, let labels) = column.type {
            guard let literals else {
                throw spec.node.error("\(what) only takes its enum labels (\(labels.joined(separator: ", "))); use one_of, weighted_choice or constant")
            }
            for l in literals where l != .null && !labels.contains(l.description) {
                throw spec.node.error("'\(l)' is not a label of \(what); labels: \(labels.joined(separator: ", "))")
            }
        }
        guard !domain.isUnconstrained else { return }
        if let literals {
            for l in literals where l != .null && !domain.contains(l.checkValue) {
                throw spec.node.error("'\(l)' is outside what the CHECK constraints of \(table.name).\(column.name) allow\(domain.allowedValues.map { " (\($0.joined(separator: ", ")))" } ?? "")")
            }
            return
        }
        if let allowed = domain.allowedValues {
            throw spec.node.error("a CHECK limits \(table.name).\(column.name) to \(allowed.joined(separator: ", ")); use one_of, weighted_choice or constant with those values")
        }
        // A range that overlaps the CHECK's is drawn inside it (the planner
        // redraws values outside, see `Planner.withinDomain`); only a range
        // that cannot meet it at all is an error.
        if let bounds = spec.numericBounds {
            if let lower = domain.lower, bounds.upperBound < lower.value || (bounds.upperBound == lower.value && !lower.inclusive) {
                throw spec.node.error("\(spec.name) gives at most \(JSONText.number(bounds.upperBound)), and a CHECK on \(table.name).\(column.name) allows only values \(lower.inclusive ? ">=" : ">") \(lower.text): no value would fit")
            }
            if let upper = domain.upper, bounds.lowerBound > upper.value || (bounds.lowerBound == upper.value && !upper.inclusive) {
                throw spec.node.error("\(spec.name) gives at least \(JSONText.number(bounds.lowerBound)), and a CHECK on \(table.name).\(column.name) allows only values \(upper.inclusive ? "<=" : "<") \(upper.text): no value would fit")
            }
        }
    }

    /// Column types each value class may fill. Text columns take anything;
    /// numbers never take text (a string pattern in an integer column is an error).
    static func accepts(_ type: DataType, _ value: ValueClass) -> Bool {
        switch type {
        case .integer: return value == .integer
        case .numeric, .real, .double, .money: return value == .integer || value == .float
        case .boolean: return value == .boolean
        case .date: return [.date, .timestamp, .text].contains(value)
        case .timestamp: return [.date, .timestamp, .text].contains(value)
        case .uuid: return [.uuid, .text].contains(value)
        case .json, .jsonb: return [.json, .text, .integer, .float, .boolean].contains(value)
        case .enumeration: return value == .text
        case .bytes: return value != .boolean
        default: return true
        }
    }
}

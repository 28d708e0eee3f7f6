import Config
import Engine
import SchemaModel

/// Which columns a fill asks the model for: the config's `type: llm`
/// columns, and with `--llm` the free-text columns inference recognises
/// by name (its kinds description, paragraph and note: description,
/// summary, body, content, bio, review, comment, notes, message…). Keys,
/// foreign keys, columns with an IN-list CHECK and columns the config
/// gives another generator stay local.
enum LLMColumns {
    struct Target {
        var table: Table
        var column: Column
        var spec: LLMColumnSpec
    }

    /// The kinds whose values are free prose, which only a model writes well.
    static let freeTextKinds: Set<SemanticKind> = [.description, .paragraph, .note]

    static func targets(_ schema: Schema, config: ConfigFile?, automatic: Bool) -> [Target] {
        var out = config?.llmColumns(in: schema).map { Target(table: $0.table, column: $0.column, spec: $0.spec) } ?? []
        guard automatic else { return out }
        let overrides = config.map { ConfigOverrides(config: $0, schema: schema) }
        for table in schema.tables {
            let domains = DomainDeriver.derive(table: table)
            for column in table.columns where isFreeText(column, in: table, domain: domains.domain(column.name)) {
                if overrides?.tableConfig(for: table.name)?.column(named: column.name) != nil { continue }
                out.append(Target(table: table, column: column, spec: LLMColumnSpec()))
            }
        }
        return out
    }

    static func isFreeText(_ column: Column, in table: Table, domain: ColumnDomain) -> Bool {
        guard !column.isGenerated, column.identity == nil, domain.allowed == nil, !table.primaryKey.contains(column.name),
              !table.foreignKeys.contains(where: { $0.columns.contains(column.name) }) else { return false }
        switch column.type {
        case .text, .char: break
        default: return false
        }
        guard let kind = KindInference.infer(table: table.name.name, column: column.name, type: column.type) else { return false }
        return freeTextKinds.contains(kind)
    }

    /// Whether `column` alone must be unique (its primary key or a UNIQUE on it alone).
    static func isUnique(_ column: Column, in table: Table) -> Bool {
        table.primaryKey == [column.name] || table.uniques.contains { $0.columns == [column.name] && $0.expressions.isEmpty && $0.predicate == nil }
    }

    /// The CHECK texts that mention `column` (a word match, case aside).
    static func checks(mentioning column: String, in table: Table) -> [String] {
        let name = column.lowercased()
        return table.checks.map(\.expression).filter { text in
            text.lowercased().split { !($0.isLetter || $0.isNumber || $0 == "_") }.contains { $0 == name }
        } + (table.column(named: column)?.domainChecks ?? [])
    }
}

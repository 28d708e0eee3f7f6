import Config
import Engine
import Foundation
import LLM
import SchemaModel

/// `init --llm`: the model's choice of generator for the columns inference
/// leaves generic, checked against the schema before it is written.
package enum GeneratorAdvice {
    /// What came back, ready for `InitWriter.write(chosen:)`.
    package struct Outcome {
        package var chosen: [QualifiedName: [String: String]]
        package var usage: LLMUsage
        package var endpoint: String
        /// Choices left out: an unknown column, a generator that does not fit.
        package var ignored: [String]
    }

    package static func ask(schema: Schema, plan: Plan, options: LLMOptions) throws -> Outcome {
        // Unique and CHECKed columns keep inference: a realistic kind
        // repeats values and knows nothing of the CHECK.
        let generic = InitWriter.genericColumns(plan).filter { t, c in
            !LLMColumns.isUnique(c, in: t) && DomainDeriver.derive(table: t).domain(c.name).isUnconstrained
        }
        let endpoint = try LLMEndpoint.fromEnvironment(options.environment ?? ProcessInfo.processInfo.environment)
        var outcome = Outcome(chosen: [:], usage: LLMUsage(), endpoint: endpoint.description, ignored: [])
        guard !generic.isEmpty else { return outcome }
        let vocabulary = SemanticKind.allCases.map { (name: $0.rawValue, summary: $0.summary) }
            + [(name: "llm", summary: "free text a language model writes (descriptions, reviews, notes)")]
        let prompt = GeneratorAdvisor.prompt(
            schema: plan.tables.map { (table: $0.table.name.description, columns: $0.table.columns.map(\.name)) },
            columns: generic.map { .init(table: $0.table.name.description, name: $0.column.name, declaredType: $0.column.declaredType, comment: $0.column.comment) },
            vocabulary: vocabulary)
        let client = ChatClient(endpoint: endpoint, timeout: options.timeout, budget: options.budgetTokens.map(TokenBudget.init))
        let cache = options.cacheDirectory.map(LLMCache.init)
        let refresh = options.refresh
        let (choices, usage) = try AsyncBridge.run { try await GeneratorAdvisor.advise(prompt, client: client, cache: cache, refresh: refresh) }
        outcome.usage = usage
        let byName = Dictionary(generic.map { ("\($0.table.name.description).\($0.column.name)", $0) }, uniquingKeysWith: { a, _ in a })
        for choice in choices {
            let label = "\(choice.table).\(choice.column)"
            guard let (table, column) = byName[label] else {
                outcome.ignored.append("\(label): not a generic column of this schema")
                continue
            }
            if choice.generator == "llm" {
                guard column.type.isTextual else {
                    outcome.ignored.append("\(label): llm writes text, and the column is \(column.type.summary)")
                    continue
                }
                outcome.chosen[table.name, default: [:]][column.name] = "{ type: llm }"
            } else if let kind = SemanticKind(rawValue: choice.generator), KindInference.fits(kind, type: column.type) {
                outcome.chosen[table.name, default: [:]][column.name] = "{ type: \(kind.rawValue) }"
            } else {
                outcome.ignored.append("\(label): '\(choice.generator)' is not a generator that fits \(column.type.summary)")
            }
        }
        return outcome
    }
}

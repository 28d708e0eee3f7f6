/// `dbsynth init --llm`: one call per schema asks the model to pick, from
/// dbsynth's own generator names, a generator for each column inference
/// left generic. The answer is only advice: the caller keeps the choices
/// that name a known generator that fits the column, and writes them into
/// the config, where a person can still change them.
package enum GeneratorAdvisor {
    /// A column to advise on.
    package struct Column: Sendable {
        package var table: String
        package var name: String
        package var declaredType: String
        package var comment: String?

        package init(table: String, name: String, declaredType: String, comment: String?) {
            self.table = table
            self.name = name
            self.declaredType = declaredType
            self.comment = comment
        }
    }

    /// One choice the model made.
    package struct Choice: Codable, Sendable, Equatable {
        package var table: String
        package var column: String
        package var generator: String

        package init(table: String, column: String, generator: String) {
            self.table = table
            self.column = column
            self.generator = generator
        }
    }

    /// The question: the schema (every table with its columns, so names
    /// have their context), the columns to decide, the vocabulary.
    package static func prompt(schema: [(table: String, columns: [String])], columns: [Column], vocabulary: [(name: String, summary: String)]) -> ChatPrompt {
        var lines = [
            "For a synthetic-data tool, choose a generator for each column listed under \"Columns to decide\".",
            "Pick only from the generator names below, and only where one clearly fits the column's meaning and type;",
            "leave a column out when none does. Use \"llm\" for free text (descriptions, reviews, notes) a language model should write.",
            "",
            "Schema:",
        ]
        for t in schema { lines.append("- \(t.table)(\(t.columns.joined(separator: ", ")))") }
        lines.append("")
        lines.append("Columns to decide:")
        for c in columns {
            lines.append("- \(c.table).\(c.name): \(c.declaredType)" + (c.comment.map { " -- \($0)" } ?? ""))
        }
        lines.append("")
        lines.append("Generators:")
        for v in vocabulary { lines.append("- \(v.name): \(v.summary)") }
        lines.append("")
        lines.append(#"Answer {"choices": [{"table": ..., "column": ..., "generator": ...}]}."#)
        let schema = JSONSchema.object([(name: "choices", schema: .array(of: .object([
            (name: "table", schema: .string()), (name: "column", schema: .string()),
            (name: "generator", schema: .string(enumeration: vocabulary.map(\.name))),
        ])))])
        return ChatPrompt(system: "You map database columns to data generators. Answer with JSON only.", user: lines.joined(separator: "\n"),
                          schemaName: "generator_choices", schema: schema, expectedOutputTokens: columns.count * 20 + 16)
    }

    /// The model's choices for `prompt`, from the cache when it has them.
    package static func advise(_ prompt: ChatPrompt, client: ChatClient, cache: LLMCache?, refresh: Bool) async throws -> (choices: [Choice], usage: LLMUsage) {
        struct Answer: Decodable { var choices: [Choice] }
        let key = LLMCache.key([client.endpoint.redactedURL, client.endpoint.model, "init", prompt.system, prompt.user])
        if let cache, !refresh, let entry = cache.load(key) {
            return (entry.values.compactMap(Self.decode), LLMUsage(cacheHits: 1))
        }
        var usage = LLMUsage()
        let answer: ChatAnswer
        do { answer = try await client.complete(prompt) } catch { throw error.prefixed("init --llm") }
        usage.add(answer)
        let choices: [Choice]
        do { choices = try answer.decode(Answer.self).choices } catch { throw error.prefixed("init --llm") }
        // An empty answer is stored as one empty marker so it is not asked again.
        let stored = choices.isEmpty ? [""] : choices.map(Self.encode)
        try cache?.store(.init(model: client.endpoint.model, subject: "init", values: stored, usage: usage), key: key)
        return (choices, usage)
    }

    static func encode(_ c: Choice) -> String { [c.table, c.column, c.generator].joined(separator: "\u{1F}") }

    static func decode(_ text: String) -> Choice? {
        let parts = text.split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init)
        return parts.count == 3 ? Choice(table: parts[0], column: parts[1], generator: parts[2]) : nil
    }
}

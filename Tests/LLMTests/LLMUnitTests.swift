import Engine
import Foundation
import Testing
@testable import LLM

/// The pieces of the model client that need no server: retry timing,
/// value fitting, prices, cache keys, the budget, the key's redaction,
/// the wire JSON and the pooled generator.
@Suite struct RetryPolicyTests {
    @Test func onlyTransientStatusesAreRetried() {
        for status in [429, 408, 500, 502, 503, 504] { #expect(RetryPolicy.isTransient(status: status), "\(status)") }
        for status in [400, 401, 403, 404, 422] { #expect(!RetryPolicy.isTransient(status: status), "\(status)") }
    }

    @Test func retryAfterReadsSecondsAndHTTPDates() {
        #expect(RetryPolicy.retryAfter("2") == 2)
        #expect(RetryPolicy.retryAfter(" 0 ") == 0)
        let now = Date(timeIntervalSince1970: 1_445_412_470) // Wed, 21 Oct 2015 07:27:50 GMT
        #expect(RetryPolicy.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT", now: now) == 10)
        #expect(RetryPolicy.retryAfter("soon") == nil)
        #expect(RetryPolicy.retryAfter(nil) == nil)
        #expect(RetryPolicy.retryAfter("-3") == nil)
    }

    @Test func backoffGrowsWithJitterAndHonoursRetryAfter() {
        let policy = RetryPolicy()
        var rng = SystemRandomNumberGenerator()
        for attempt in 1...8 {
            let ceiling = min(policy.maxDelay, policy.baseDelay * pow(2, Double(attempt - 1)))
            let delays = (0..<200).map { _ in policy.delay(afterAttempt: attempt, retryAfter: nil, using: &rng) }
            #expect(delays.allSatisfy { $0 >= 0 && $0 <= ceiling })
            // Jittered: not all the same, and spread over the range.
            #expect(Set(delays).count > 100)
            #expect(delays.max()! > ceiling / 2)
        }
        #expect(policy.delay(afterAttempt: 3, retryAfter: 7, using: &rng) == 7)
        #expect(policy.delay(afterAttempt: 1, retryAfter: 10_000, using: &rng) == policy.maxRetryAfter)
    }
}

@Suite struct ValueFitterTests {
    @Test func cutsAtAWordBoundaryNearTheLimit() {
        #expect(ValueFitter.cut("The lamp is bright and sturdy, worth it", to: 30) == "The lamp is bright and sturdy")
        #expect(ValueFitter.cut("Supercalifragilisticexpialidocious", to: 10) == "Supercalif")
        #expect(ValueFitter.cut("short", to: 10) == "short")
    }

    @Test func trimsCutsDropsCheckFailuresAndRepeats() {
        var domain = ColumnDomain()
        domain.minLength = 6
        var fitter = ValueFitter(maxLength: 12, domain: domain)
        #expect(fitter.fit("  Great lamp  ") == "Great lamp")
        #expect(fitter.fit("great   LAMP") == nil, "a repeat up to case and spacing")
        #expect(fitter.fit("Bad") == nil, "shorter than the CHECK allows")
        #expect(fitter.fit("   ") == nil)
        #expect(fitter.fit("Works well every day") == "Works well")
        #expect(fitter.fit("great lamp", distinct: false) == "great lamp")
        #expect(fitter.truncated == 1)
        #expect(fitter.rejected == 2)
        #expect(fitter.repeated == 1)
        #expect(fitter.firstRejected == "Bad")
    }
}

@Suite struct PriceAndUsageTests {
    @Test func modelsTakeTheLongestPricedPrefix() {
        let table = PriceTable()
        #expect(table.price(for: "gpt-4o-mini") == PriceTable.defaults["gpt-4o-mini"])
        #expect(table.price(for: "gpt-4o-mini-2024-07-18") == PriceTable.defaults["gpt-4o-mini"])
        #expect(table.price(for: "gpt-4o-2024-08-06") == PriceTable.defaults["gpt-4o"])
        #expect(table.price(for: "llama3.1:8b") == nil)
        let usage = LLMUsage(calls: 2, inputTokens: 1_000_000, outputTokens: 500_000)
        #expect(abs(table.cost(usage, model: "gpt-4o-mini")! - 0.45) < 1e-12)
        #expect(table.cost(usage, model: "llama3.1:8b") == nil)
        let mine = PriceTable(overrides: ["llama3.1:8b": .init(input: 0, output: 0), "gpt-4o-mini": .init(input: 1, output: 2)])
        #expect(mine.cost(usage, model: "llama3.1:8b") == 0)
        #expect(mine.cost(usage, model: "gpt-4o-mini") == 2)
    }

    @Test func usageEncodesWithTheReportKeys() throws {
        let json = String(decoding: try JSONEncoder().encode(LLMUsage(calls: 1, inputTokens: 2, outputTokens: 3, cacheHits: 4)), as: UTF8.self)
        for key in ["\"calls\":1", "\"input_tokens\":2", "\"output_tokens\":3", "\"cache_hits\":4"] { #expect(json.contains(key)) }
    }

    @Test func theBudgetRefusesACallThatCouldExceedIt() throws {
        let budget = TokenBudget(limit: 1000)
        try budget.reserve(600)
        #expect(throws: LLMError.self) { try budget.reserve(500) }
        budget.settle(reserved: 600, used: 300)
        #expect(budget.spent == 300)
        try budget.reserve(700)
        do {
            try budget.reserve(1)
            Issue.record("the budget let a call past its limit")
        } catch {
            #expect(error.kind == .budget)
            #expect(error.message.contains("--llm-budget-tokens 1000"))
        }
    }
}

@Suite struct EndpointAndCacheTests {
    @Test func theKeyNeverPrints() throws {
        let secret = "sk-live-do-not-print"
        let endpoint = try LLMEndpoint.fromEnvironment(["DBSYNTH_LLM_URL": "https://user:pw@example.test/v1/", "OPENAI_API_KEY": secret])
        #expect(endpoint.key?.authorizationHeader == "Bearer " + secret)
        #expect(endpoint.chatURL.absoluteString == "https://user:pw@example.test/v1/chat/completions")
        #expect(endpoint.model == "gpt-4o-mini")
        for text in [String(describing: endpoint), String(reflecting: endpoint), "\(endpoint.key!)", String(reflecting: endpoint.key!)] {
            #expect(!text.contains(secret), "\(text)")
            #expect(!text.contains("pw"), "\(text)")
        }
        #expect(endpoint.description == "gpt-4o-mini at https://example.test/v1")
        // DBSYNTH_LLM_KEY wins over OPENAI_API_KEY.
        #expect(try LLMEndpoint.fromEnvironment(["DBSYNTH_LLM_KEY": "a", "OPENAI_API_KEY": "b"]).key?.authorizationHeader == "Bearer a")
        #expect(throws: LLMError.self) { try LLMEndpoint.fromEnvironment(["DBSYNTH_LLM_URL": "localhost:11434"]) }
    }

    static func request(prompt: String? = nil, count: Int = 10, seed: UInt64 = 42) -> ColumnRequest {
        ColumnRequest(table: "review", column: "body", prompt: prompt, context: ColumnContext(declaredType: "text", maxLength: 80, siblings: ["rating"]),
                      count: count, distinct: true, seed: seed)
    }

    @Test func theCacheKeyChangesWithEverythingThatShapesTheAnswer() throws {
        let endpoint = LLMEndpoint(baseURL: URL(string: "http://localhost:11434/v1")!, model: "llama3.1", key: APIKey("k1"))
        let base = LLMCache.key(for: Self.request(), endpoint: endpoint)
        #expect(base.count == 32)
        #expect(LLMCache.key(for: Self.request(), endpoint: LLMEndpoint(baseURL: endpoint.baseURL, model: "llama3.1", key: APIKey("other"))) == base,
                "the key must not be part of the cache key")
        let variants = [
            LLMCache.key(for: Self.request(prompt: "reviews"), endpoint: endpoint),
            LLMCache.key(for: Self.request(count: 11), endpoint: endpoint),
            LLMCache.key(for: Self.request(seed: 7), endpoint: endpoint),
            LLMCache.key(for: Self.request(), endpoint: LLMEndpoint(baseURL: endpoint.baseURL, model: "qwen2.5", key: nil)),
        ]
        #expect(Set(variants + [base]).count == 5)
    }

    @Test func storedPoolsReadBackAndBadFilesAreIgnored() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("llm-cache-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let cache = LLMCache(directory: directory.path)
        #expect(cache.load("abc") == nil)
        try cache.store(.init(model: "m", subject: "t.c", values: ["a", "b"], usage: LLMUsage(calls: 1)), key: "abc")
        #expect(cache.load("abc")?.values == ["a", "b"])
        try Data("not json".utf8).write(to: directory.appendingPathComponent("bad.json"))
        #expect(cache.load("bad") == nil)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == ["abc.json", "bad.json"])
    }
}

@Suite struct WireFormatTests {
    @Test func requestsAskForStrictJSONSchemaOutput() throws {
        let prompt = ChatPrompt(system: "s", user: "u", schemaName: "column_values", schema: PromptBuilder.valuesSchema, expectedOutputTokens: 10, seed: 3)
        let structured = try JSONSerialization.jsonObject(with: ChatClient.body(prompt, model: "m", structured: true)) as? [String: Any]
        let format = structured?["response_format"] as? [String: Any]
        #expect(format?["type"] as? String == "json_schema")
        let named = format?["json_schema"] as? [String: Any]
        #expect(named?["name"] as? String == "column_values")
        #expect(named?["strict"] as? Bool == true)
        let schema = named?["schema"] as? [String: Any]
        #expect(schema?["type"] as? String == "object")
        #expect(schema?["required"] as? [String] == ["values"])
        #expect(schema?["additionalProperties"] as? Bool == false)
        #expect(((schema?["properties"] as? [String: Any])?["values"] as? [String: Any])?["type"] as? String == "array")
        #expect(structured?["seed"] as? Int == 3)
        let plain = try JSONSerialization.jsonObject(with: ChatClient.body(prompt, model: "m", structured: false)) as? [String: Any]
        #expect(plain?["response_format"] == nil)
        #expect((plain?["messages"] as? [[String: String]])?.map { $0["role"]! } == ["system", "user"])
    }

    @Test func answersDecodeFromPlainOrFencedJSON() throws {
        struct Values: Decodable { var values: [String] }
        #expect(try ChatAnswer(content: #"{"values":["a","b"]}"#, inputTokens: 1, outputTokens: 1).decode(Values.self).values == ["a", "b"])
        #expect(try ChatAnswer(content: "```json\n{\"values\": [\"c\"]}\n```", inputTokens: 1, outputTokens: 1).decode(Values.self).values == ["c"])
        #expect(throws: LLMError.self) { try ChatAnswer(content: "Sure! {\"values\": [", inputTokens: 1, outputTokens: 1).decode(Values.self) }
    }

    @Test func thePromptCarriesTheColumnsContext() {
        var request = EndpointAndCacheTests.request(prompt: "a short review of a desk lamp")
        request.context.comment = "what the customer wrote"
        request.context.checks = ["length(body) > 5"]
        let text = PromptBuilder.user(request, count: 10, batch: 2, of: 3)
        for part in ["Write exactly 10 distinct values for the column body of the table review.", "Column type: text.", "at most 80 characters",
                     "Column comment: what the customer wrote", "Every value must satisfy: length(body) > 5.", "The table's other columns: rating.",
                     "What the values are: a short review of a desk lamp", "batch 2 of 3"] {
            #expect(text.contains(part), "\(part)")
        }
        let perRow = PromptBuilder.user(request, count: 2, rows: ["rating=1", "rating=5"])
        #expect(perRow.contains("row 1: rating=1\nrow 2: rating=5"))
        #expect(perRow.contains("exactly 2 values"))
    }
}

@Suite struct PooledTextGeneratorTests {
    static func values(_ g: PooledTextGenerator, rows: Range<Int64>) -> [String] {
        var v = Value()
        return rows.map { row in
            g.generate(row: row, into: &v)
            return String(decoding: v.bytes.bytes, as: UTF8.self)
        }
    }

    @Test func drawsArePureFunctionsOfStreamAndRow() {
        let pool = (0..<20).map { "value \($0)" }
        let g = PooledTextGenerator(values: pool, mode: .drawn, stream: 9)
        let a = Self.values(g, rows: 0..<1000)
        #expect(a == Self.values(PooledTextGenerator(values: pool, mode: .drawn, stream: 9), rows: 0..<1000))
        #expect(a != Self.values(PooledTextGenerator(values: pool, mode: .drawn, stream: 10), rows: 0..<1000))
        #expect(Set(a) == Set(pool), "1000 draws of 20 values reach every value")
        #expect(Array(a[500..<510]) == Self.values(g, rows: 500..<510), "any row order gives the same values")
    }

    @Test func uniqueModesGiveDistinctRows() {
        let pool = (0..<300).map { "v\($0)" }
        let permuted = Self.values(PooledTextGenerator(values: pool, mode: .permuted, stream: 1), rows: 0..<300)
        #expect(Set(permuted).count == 300)
        #expect(permuted != pool, "permuted, not in order")
        let numbered = Self.values(PooledTextGenerator(values: ["a fairly long value here"], mode: .numbered(maxLength: 14), stream: 1), rows: 0..<2000)
        #expect(Set(numbered).count == 2000)
        #expect(numbered.allSatisfy { $0.count <= 14 })
        #expect(numbered[1999] == "a fairly #2000")
        let byRow = Self.values(PooledTextGenerator(values: ["x", "y", "z"], mode: .byRow(firstRow: 10), stream: 1), rows: 10..<13)
        #expect(byRow == ["x", "y", "z"])
    }
}

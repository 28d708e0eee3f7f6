/// What the model calls of one column (or of a whole fill) cost.
package struct LLMUsage: Sendable, Codable, Equatable {
    /// Answered calls (a retried 429 is not one; every answer that cost tokens is).
    package var calls = 0
    package var inputTokens = 0
    package var outputTokens = 0
    /// Pools served from the cache instead of the model.
    package var cacheHits = 0

    package init(calls: Int = 0, inputTokens: Int = 0, outputTokens: Int = 0, cacheHits: Int = 0) {
        self.calls = calls
        self.inputTokens = inputTokens
        self.outputTokens = outputTokens
        self.cacheHits = cacheHits
    }

    package mutating func add(_ other: LLMUsage) {
        calls += other.calls
        inputTokens += other.inputTokens
        outputTokens += other.outputTokens
        cacheHits += other.cacheHits
    }

    package mutating func add(_ answer: ChatAnswer) {
        calls += 1
        inputTokens += answer.inputTokens
        outputTokens += answer.outputTokens
    }

    enum CodingKeys: String, CodingKey {
        case calls
        case inputTokens = "input_tokens"
        case outputTokens = "output_tokens"
        case cacheHits = "cache_hits"
    }
}

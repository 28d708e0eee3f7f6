/// How a fill asks a language model for the values of semantic columns
/// (`type: llm` in the config, or `--llm`). The endpoint, model and key
/// come from the environment (`DBSYNTH_LLM_URL`, `DBSYNTH_LLM_MODEL`,
/// `DBSYNTH_LLM_KEY` or `OPENAI_API_KEY`), never from here.
public struct LLMOptions: Sendable {
    /// `--llm`: also fill the free-text columns inference recognises
    /// (description, body, review, comment, notes, bio, summary, message,
    /// content…) through the model, besides the config's `type: llm` columns.
    public var automatic = false
    /// Stop before the calls would take more tokens than this (input and output).
    public var budgetTokens: Int?
    /// On a failed call, use the local generator with a warning instead of refusing the fill.
    public var fallback = false
    /// Where answers are kept between runs; nil: no cache.
    public var cacheDirectory: String? = ".dbsynth/llm-cache"
    /// Ask again even when the cache has an answer.
    public var refresh = false
    /// Most rows a `per_row` column (or a unique column's pool) may have.
    public var maxRows: Int64 = 1000
    /// Calls in flight at once.
    public var concurrency = 4
    /// Seconds one call may take before it is retried.
    public var timeout: Double = 60
    /// The environment to read the endpoint from; nil: the process's.
    public var environment: [String: String]?

    public init() {}
}

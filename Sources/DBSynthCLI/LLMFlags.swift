import ArgumentParser
import DBSynth

/// The `--llm*` flags of `fill` and `init`. The endpoint, model and key
/// are environment variables, not flags, so a key never lands in shell
/// history or a process listing.
struct LLMFlags: ParsableArguments {
    @Flag(name: .customLong("llm"), help: "Have a language model write the free-text columns (description, body, review, comment, notes, bio, summary, message, content…); endpoint from DBSYNTH_LLM_URL, DBSYNTH_LLM_MODEL, DBSYNTH_LLM_KEY or OPENAI_API_KEY. With init: ask it to choose generators for the columns inference leaves generic.")
    var enabled = false

    @Option(name: .customLong("llm-budget-tokens"), help: ArgumentHelp("Stop before the model calls would take more than N tokens (input and output); the fill is then refused, nothing written.", valueName: "N"))
    var budgetTokens: Int?

    @Flag(name: .customLong("llm-fallback"), help: "When a model call fails, fill that column with the local generator and warn, instead of refusing the fill.")
    var fallback = false

    @Option(name: .customLong("llm-cache"), help: ArgumentHelp("Keep the model's answers here; the same fill again asks nothing and gives the same rows.", valueName: "DIR"))
    var cache = ".dbsynth/llm-cache"

    @Flag(name: .customLong("llm-refresh"), help: "Ask the model again even where the cache has an answer (and replace it).")
    var refresh = false

    @Option(name: .customLong("llm-max-rows"), help: ArgumentHelp("Most rows a per_row column, or a unique column's pool, may ask values for (default 1000).", valueName: "N"))
    var maxRows: Int64 = 1000

    @Option(name: .customLong("llm-concurrency"), help: ArgumentHelp("Model calls in flight at once (default 4).", valueName: "N"))
    var concurrency = 4

    @Option(name: .customLong("llm-timeout"), help: ArgumentHelp("Seconds one model call may take before it is retried (default 60).", valueName: "SECONDS"))
    var timeout: Double = 60

    func validate() throws {
        if let budgetTokens, budgetTokens < 1 { throw ValidationError("--llm-budget-tokens must be 1 or more, not \(budgetTokens)") }
        if maxRows < 1 { throw ValidationError("--llm-max-rows must be 1 or more, not \(maxRows)") }
        if concurrency < 1 { throw ValidationError("--llm-concurrency must be 1 or more, not \(concurrency)") }
        if !(timeout > 0) || !timeout.isFinite { throw ValidationError("--llm-timeout must be a positive number of seconds") }
        if cache.isEmpty { throw ValidationError("--llm-cache needs a directory") }
    }

    var options: LLMOptions {
        var o = LLMOptions()
        o.automatic = enabled
        o.budgetTokens = budgetTokens
        o.fallback = fallback
        o.cacheDirectory = cache
        o.refresh = refresh
        o.maxRows = maxRows
        o.concurrency = concurrency
        o.timeout = timeout
        return o
    }
}

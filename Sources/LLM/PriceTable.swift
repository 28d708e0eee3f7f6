/// US dollars per million tokens, by model, for the cost in the report.
///
/// The defaults are the list prices of common hosted models (OpenAI,
/// mid-2025); a model dated or suffixed (`gpt-4o-mini-2024-07-18`) takes
/// the price of the longest name it starts with. Local models (Ollama,
/// llama.cpp) have no price: their cost is reported as unknown, not 0,
/// unless the config's `llm.prices` gives one.
package struct PriceTable: Sendable {
    package struct Price: Sendable, Equatable {
        /// Per million input (prompt) tokens.
        package var input: Double
        /// Per million output (completion) tokens.
        package var output: Double

        package init(input: Double, output: Double) {
            self.input = input
            self.output = output
        }
    }

    package var prices: [String: Price]

    package static let defaults: [String: Price] = [
        "gpt-4o-mini": Price(input: 0.15, output: 0.60),
        "gpt-4o": Price(input: 2.50, output: 10.00),
        "gpt-4.1": Price(input: 2.00, output: 8.00),
        "gpt-4.1-mini": Price(input: 0.40, output: 1.60),
        "gpt-4.1-nano": Price(input: 0.10, output: 0.40),
        "gpt-5": Price(input: 1.25, output: 10.00),
        "gpt-5-mini": Price(input: 0.25, output: 2.00),
        "gpt-5-nano": Price(input: 0.05, output: 0.40),
        "o3-mini": Price(input: 1.10, output: 4.40),
        "o4-mini": Price(input: 1.10, output: 4.40),
        "gpt-3.5-turbo": Price(input: 0.50, output: 1.50),
    ]

    /// The defaults with `overrides` (the config's `llm.prices`) on top.
    package init(overrides: [String: Price] = [:]) {
        prices = Self.defaults.merging(overrides) { _, mine in mine }
    }

    /// The price of `model`: its own entry, else the longest entry it starts with.
    package func price(for model: String) -> Price? {
        if let exact = prices[model] { return exact }
        return prices.filter { model.hasPrefix($0.key + "-") }.max { $0.key.count < $1.key.count }?.value
    }

    /// The cost of `usage` on `model` in US dollars; nil when the model has no price.
    package func cost(_ usage: LLMUsage, model: String) -> Double? {
        guard let p = price(for: model) else { return nil }
        return (Double(usage.inputTokens) * p.input + Double(usage.outputTokens) * p.output) / 1_000_000
    }
}

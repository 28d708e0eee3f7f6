import LLM

/// What the model calls of a fill did and cost, per column: printed after
/// the fill summary and written into `--report`.
package struct LLMReport: Sendable {
    package struct Column: Sendable {
        package var table: String
        package var column: String
        package var usage: LLMUsage
        /// US dollars; nil when the model has no price.
        package var cost: Double?
        /// Values the rows draw from (0 when the local generator stood in).
        package var values: Int
        /// `model`, `cache` or `fallback` (the local generator after a failed call).
        package var source: String
    }

    package var model: String
    /// `model at URL`, without the key.
    package var endpoint: String
    package var columns: [Column]
    package var total: LLMUsage { columns.reduce(into: LLMUsage()) { $0.add($1.usage) } }
    /// nil when the model has no price (every column shares the model).
    package var cost: Double? {
        columns.allSatisfy { $0.cost != nil } ? columns.reduce(0) { $0 + ($1.cost ?? 0) } : nil
    }
}

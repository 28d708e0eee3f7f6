/// Why the model gave no usable values. Every case reads as one sentence
/// naming what failed and where (the endpoint, the column); none carries
/// the key or a request body.
package struct LLMError: Error, Sendable, CustomStringConvertible {
    package enum Kind: Sendable, Equatable {
        /// A bad `DBSYNTH_LLM_*` variable or option.
        case configuration
        /// No connection, or timeouts on every attempt.
        case unreachable
        /// The server answered with an HTTP error that retries did not cure.
        case http(status: Int)
        /// The answer was not the JSON asked for, or held no usable value.
        case invalidAnswer
        /// `--llm-budget-tokens` would be exceeded by the next call.
        case budget
        /// The cache directory could not be written.
        case cache
    }

    package var kind: Kind
    package var message: String

    package init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// The same error with `context` (the column, `init --llm`) in front.
    package func prefixed(_ context: String) -> LLMError { LLMError(kind, "\(context): \(message)") }

    package var description: String { message }
}

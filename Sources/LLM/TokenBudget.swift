/// `--llm-budget-tokens N`: the fill stops *before* a call that could take
/// it past N tokens, input and output together.
///
/// A call's cost is only known once it is answered, so each call reserves
/// an estimate first (its prompt at ~4 characters a token, plus the output
/// it asks for) and settles to the server's `usage` afterwards. Concurrent
/// calls reserve under one lock, so together they cannot overshoot either.
package final class TokenBudget: Sendable {
    package let limit: Int
    private let state = Locked((spent: 0, reserved: 0))

    package init(limit: Int) { self.limit = limit }

    /// Tokens the server reported for the calls settled so far.
    package var spent: Int { state.withLock { $0.spent } }

    /// Reserves `estimate` tokens, or throws when they would exceed the budget.
    package func reserve(_ estimate: Int) throws(LLMError) {
        let refused: (spent: Int, reserved: Int)? = state.withLock { s in
            if s.spent + s.reserved + estimate > limit { return s }
            s.reserved += estimate
            return nil
        }
        if let refused {
            throw LLMError(.budget, "the next call needs about \(estimate) tokens, and \(refused.spent + refused.reserved) of the --llm-budget-tokens \(limit) are already spent or promised; raise the budget, lower pool sizes, or pass --llm-fallback")
        }
    }

    /// Replaces the reservation `estimate` by the `used` tokens.
    package func settle(reserved estimate: Int, used: Int) {
        state.withLock { s in
            s.reserved -= estimate
            s.spent += used
        }
    }

    /// The rough token count of `text` (OpenAI's rule of thumb: 4 characters a token).
    package static func estimate(_ text: String) -> Int { text.utf8.count / 4 + 1 }
}

/// A timestamp that exists only when the row's status implies it:
/// `shipped_at` for a shipped or delivered order, NULL for a pending or
/// cancelled one. The status is recomputed from its generator at the same
/// row, so the two always agree.
package struct StatusTiedGenerator: ValueGenerator {
    package let inner: any ValueGenerator
    package let status: any LiteralChoosing
    /// Per status label, whether a row holding it has this timestamp.
    package let implied: [Bool]
    /// `status is shipped or delivered`, for `inspect`.
    package let condition: String
    /// What the value is when set (`0–10 days after paid_at`); nil: the inner summary.
    package let ordering: String?

    package init(inner: any ValueGenerator, status: any LiteralChoosing, implied: [Bool], condition: String, ordering: String? = nil) {
        self.ordering = ordering
        precondition(implied.count == status.literals.count, "one flag per status label")
        self.inner = inner
        self.status = status
        self.implied = implied
        self.condition = condition
    }

    package func generate(row: Int64, into value: inout Value) {
        if implied[status.choiceIndex(row: row)] { inner.generate(row: row, into: &value) } else { value.setNull() }
    }

    /// nil when NULL, so a column ordered after this one sees the NULL.
    package func epochSeconds(row: Int64) -> Int64? {
        implied[status.choiceIndex(row: row)] ? inner.epochSeconds(row: row) : nil
    }

    package var summary: String { "\(ordering ?? inner.summary), NULL unless \(condition)" }
}

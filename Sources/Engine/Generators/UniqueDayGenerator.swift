/// Distinct dates (or midnight timestamps) for distinct rows: consecutive
/// days from a start, shuffled.
package struct UniqueDayGenerator: UniqueValueGenerator {
    package let startDays: Int64
    package let permutation: Permutation
    package let timestamp: Bool

    package init(startDays: Int64, key: UInt64, rows: Int64, timestamp: Bool) {
        self.startDays = startDays
        self.timestamp = timestamp
        permutation = Permutation(count: UInt64(max(rows, 1)), key: key)
    }

    package func generate(row: Int64, into value: inout Value) {
        let day = startDays + Int64(permutation.apply(UInt64(row) % permutation.count))
        value.beginText()
        if timestamp {
            CivilDate.writeTimestamp(seconds: day * 86_400, into: &value.bytes)
        } else {
            CivilDate.writeDate(days: day, into: &value.bytes)
        }
    }

    package var capacity: Int64? { Int64(permutation.count) }
    package var summary: String { timestamp ? "unique timestamp" : "unique date" }
}

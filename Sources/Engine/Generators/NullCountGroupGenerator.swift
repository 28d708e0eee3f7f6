/// One column of a `num_nonnulls(a, b, …) = N`-style group: every row picks,
/// from a stream shared by the group, how many and which columns are
/// non-NULL (NOT NULL columns always are); this column is NULL unless picked.
package struct NullCountGroupGenerator: ValueGenerator {
    package let inner: any ValueGenerator
    package let groupStream: UInt64
    package let index: Int
    /// Per group column: true when it is NOT NULL (always non-NULL).
    package let required: [Bool]
    package let minNonNull: Int
    package let maxNonNull: Int

    package init(inner: any ValueGenerator, groupStream: UInt64, index: Int, required: [Bool], minNonNull: Int, maxNonNull: Int) {
        self.inner = inner
        self.groupStream = groupStream
        self.index = index
        self.required = required
        self.minNonNull = minNonNull
        self.maxNonNull = maxNonNull
    }

    package func generate(row: Int64, into value: inout Value) {
        if required[index] || Self.chosen(row: row, stream: groupStream, required: required, min: minNonNull, max: maxNonNull).contains(index) {
            inner.generate(row: row, into: &value)
        } else {
            value.setNull()
        }
    }

    /// The indices of the group's non-NULL columns for `row`.
    static func chosen(row: Int64, stream: UInt64, required: [Bool], min: Int, max: Int) -> Set<Int> {
        var r = RowRandom(stream: stream, row: row)
        let forced = required.indices.filter { required[$0] }
        var free = required.indices.filter { !required[$0] }
        let low = Swift.max(min, forced.count), high = Swift.min(max, required.count)
        let k = low <= high ? Int(r.int(Int64(low)...Int64(high))) : forced.count
        var picked = Set(forced)
        var i = 0
        while picked.count < k, i < free.count {
            let j = i + Int(r.below(UInt64(free.count - i)))
            free.swapAt(i, j)
            picked.insert(free[i])
            i += 1
        }
        return picked
    }

    package var summary: String { inner.summary + " (null-count group)" }
}

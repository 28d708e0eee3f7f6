#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How children choose a parent when nothing else decides it: parents are
/// not equally popular. Each parent gets a log-normal weight (σ = 0.8, drawn
/// from its own index on the FK's stream, so it is the same in every run),
/// and a child row picks a parent with probability proportional to it: a
/// few customers have many rentals, many have a few, some have none, as in
/// real data, instead of every customer having about the average.
///
/// Beyond `maxBuckets` parents the weights belong to that many contiguous
/// blocks of parents (uniform inside a block), so memory stays bounded
/// (16,384 weights, 128 KiB) however many parents there are.
package struct SkewedParents: Sendable {
    package static let maxBuckets: Int64 = 16_384
    /// σ of the log-normal popularity.
    package static let sigma = 0.8

    package let parentRows: Int64
    let buckets: Int64
    let weights: CumulativeWeights
    let stream: UInt64

    package init(parentRows: Int64, stream: UInt64) {
        precondition(parentRows > 0, "a skewed pick needs a parent row")
        self.parentRows = parentRows
        self.stream = stream
        let buckets = min(parentRows, Self.maxBuckets)
        self.buckets = buckets
        let weightStream = StableHash.mix(stream ^ 0x5_1ee_7ed)
        weights = CumulativeWeights((0..<buckets).map { b in
            var r = RowRandom(stream: weightStream, row: b)
            // Proportional to the block's share of parents, so blocks of
            // unequal size do not skew by size alone.
            let size = Double((b + 1) * parentRows / buckets - b * parentRows / buckets)
            return size * exp(Self.sigma * r.normal())
        })
    }

    @inline(__always)
    package func parentRow(for row: Int64) -> Int64 {
        var r = RowRandom(stream: stream, row: row)
        let b = Int64(weights.index(of: r.unit()))
        let lo = b * parentRows / buckets, hi = (b + 1) * parentRows / buckets
        return lo + Int64(r.below(UInt64(hi - lo)))
    }
}

/// Normalised cumulative weights, for drawing an index with probability
/// weight / Σ weights by one uniform number and a binary search:
/// `weighted_choice`, `zipf` and linked pools draw through this.
package struct CumulativeWeights: Sendable {
    /// Running sums divided by the total; the last is 1.
    package let cumulative: [Double]

    package init(_ weights: [Double]) {
        let total = weights.reduce(0, +)
        precondition(total > 0, "weights must sum to a positive number")
        var running = 0.0
        cumulative = weights.map { running += $0 / total; return running }
    }

    package var count: Int { cumulative.count }

    /// The probability of index `i`.
    package func share(_ i: Int) -> Double { cumulative[i] - (i == 0 ? 0 : cumulative[i - 1]) }

    /// The first index whose cumulative weight exceeds `u` (u in [0, 1)).
    @inline(__always)
    package func index(of u: Double) -> Int {
        var lo = 0, hi = cumulative.count - 1
        while lo < hi {
            let mid = (lo + hi) / 2
            if cumulative[mid] > u { hi = mid } else { lo = mid + 1 }
        }
        return lo
    }
}

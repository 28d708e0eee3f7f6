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
/// (16,384 buckets, 192 KiB of alias table) however many parents there are.
package struct SkewedParents: Sendable {
    package static let maxBuckets: Int64 = 16_384
    /// σ of the log-normal popularity.
    package static let sigma = 0.8

    package let parentRows: Int64
    let buckets: Int64
    /// Walker's alias table over the buckets (Vose's construction): one
    /// uniform number picks a bucket in O(1), where a binary search over
    /// cumulative weights cost a dozen dependent loads per child row.
    let table: AliasTable
    let stream: UInt64

    package init(parentRows: Int64, stream: UInt64) {
        precondition(parentRows > 0, "a skewed pick needs a parent row")
        self.parentRows = parentRows
        self.stream = stream
        let buckets = min(parentRows, Self.maxBuckets)
        self.buckets = buckets
        let weightStream = StableHash.mix(stream ^ 0x5_1ee_7ed)
        var weights = (0..<buckets).map { b -> Double in
            var r = RowRandom(stream: weightStream, row: b)
            // Proportional to the block's share of parents, so blocks of
            // unequal size do not skew by size alone.
            let size = Double((b + 1) * parentRows / buckets - b * parentRows / buckets)
            return size * exp(Self.sigma * r.normal())
        }
        let scale = Double(buckets) / weights.reduce(0, +)
        for b in weights.indices { weights[b] *= scale }
        var probability = [Double](repeating: 1, count: Int(buckets))
        var alias = [Int32](repeating: 0, count: Int(buckets))
        for b in alias.indices { alias[b] = Int32(b) }
        var small = weights.indices.filter { weights[$0] < 1 }
        var large = weights.indices.filter { weights[$0] >= 1 }
        while let l = small.popLast(), let g = large.popLast() {
            probability[l] = weights[l]
            alias[l] = Int32(g)
            weights[g] = weights[g] + weights[l] - 1
            if weights[g] < 1 { small.append(g) } else { large.append(g) }
        }
        table = AliasTable(probability: probability, alias: alias)
    }

    @inline(__always)
    package func parentRow(for row: Int64) -> Int64 {
        var r = RowRandom(stream: stream, row: row)
        let u = r.unit() * Double(buckets)
        let slot = min(Int(u), Int(buckets) - 1)
        let bucket = Int64(u - Double(slot) < table.probability[slot] ? slot : Int(table.alias[slot]))
        // One parent per bucket up to 16,384 parents; past that, uniform inside the block.
        guard buckets < parentRows else { return bucket }
        let lo = bucket * parentRows / buckets, hi = (bucket + 1) * parentRows / buckets
        return lo + Int64(r.below(UInt64(hi - lo)))
    }
}

/// The alias table's two columns in memory this class owns and frees: one
/// reference for a picker to carry (a pick copies no arrays and retains
/// nothing but this), read without bounds checks on the per-row path.
// @unchecked: the memory is written once, in init, and only read afterwards.
final class AliasTable: @unchecked Sendable {
    let probability: UnsafeMutableBufferPointer<Double>
    let alias: UnsafeMutableBufferPointer<Int32>

    init(probability: [Double], alias: [Int32]) {
        precondition(probability.count == alias.count)
        self.probability = .allocate(capacity: probability.count)
        _ = self.probability.initialize(from: probability)
        self.alias = .allocate(capacity: alias.count)
        _ = self.alias.initialize(from: alias)
    }

    deinit {
        probability.deallocate()
        alias.deallocate()
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `zipf`: rank k in 1…n with P(k) ∝ 1/k^s (popularity: a few products
/// sell most), by a binary search over weights built once per plan.
package struct ZipfGenerator: ValueGenerator {
    package let weights: CumulativeWeights
    package let s: Double
    package let stream: UInt64

    package init(n: Int64, s: Double, stream: UInt64) {
        weights = CumulativeWeights((0..<Int(n)).map { 1 / pow(Double($0 + 1), s) })
        self.s = s
        self.stream = stream
    }

    package func generate(row: Int64, into value: inout Value) {
        var r = RowRandom(stream: stream, row: row)
        value.setInt(Int64(weights.index(of: r.unit())) + 1)
    }

    package var summary: String { "zipf 1…\(weights.count), s=\(s)" }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `geometric`: the number of failures before the first success with
/// success probability p (by inversion), clamped to ≥ min: children per
/// parent, retries, items per order.
package struct GeometricCountGenerator: ValueGenerator {
    package let p: Double
    package let min: Int64
    package let stream: UInt64

    package init(p: Double, min: Int64, stream: UInt64) {
        self.p = p
        self.min = min
        self.stream = stream
    }

    package func generate(row: Int64, into value: inout Value) {
        var r = RowRandom(stream: stream, row: row)
        var failures: Int64 = 0
        if p < 1 {
            // P(X ≥ k) = (1 − p)^k, so X = floor(ln U / ln(1 − p)).
            let u = Swift.max(1 - r.unit(), 0x1.0p-53)
            failures = Int64(Swift.min((log(u) / log1p(-p)).rounded(.down), 1e15))
        }
        value.setInt(Swift.max(failures, min))
    }

    package var summary: String { "geometric p=\(p), ≥ \(min)" }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `log_normal`: round(exp(N(ln median, sigma))), capped at `cap`, as an
/// integer (smelt-datagen's values are integers too). Skewed like counts
/// and amounts: many small values, a long tail of large ones.
package struct LogNormalGenerator: ValueGenerator {
    package let median: Double
    package let sigma: Double
    package let cap: Int64?
    package let stream: UInt64

    package init(median: Double, sigma: Double, cap: Int64?, stream: UInt64) {
        self.median = median
        self.sigma = sigma
        self.cap = cap
        self.stream = stream
    }

    package func generate(row: Int64, into value: inout Value) {
        var r = RowRandom(stream: stream, row: row)
        let x = exp(log(median) + sigma * r.normal()).rounded()
        let capped = Swift.min(x, Double(cap ?? Int64.max / 2), 4e18)
        value.setInt(Int64(capped))
    }

    package var summary: String { "log-normal median \(median)" + (cap.map { " ≤ \($0)" } ?? "") }
}

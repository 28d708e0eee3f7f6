#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `normal`: mean + stddev·N(0,1), clamped, rounded to `decimals` (integers at 0).
package struct NormalGenerator: ValueGenerator {
    package let mean: Double
    package let stddev: Double
    package let lower: Double?
    package let upper: Double?
    package let decimals: Int
    package let stream: UInt64

    package init(mean: Double, stddev: Double, lower: Double?, upper: Double?, decimals: Int, stream: UInt64) {
        self.mean = mean
        self.stddev = stddev
        self.lower = lower
        self.upper = upper
        self.decimals = decimals
        self.stream = stream
    }

    package func generate(row: Int64, into value: inout Value) {
        var r = RowRandom(stream: stream, row: row)
        var x = mean + stddev * r.normal()
        if let lower { x = Swift.max(x, lower) }
        if let upper { x = Swift.min(x, upper) }
        if decimals == 0 {
            value.setInt(Int64(Swift.max(Swift.min(x.rounded(), 4e18), -4e18)))
        } else {
            let f = pow(10, Double(decimals))
            value.setDouble((x * f).rounded() / f)
        }
    }

    package var summary: String { "normal mean \(mean) sd \(stddev)" }
}

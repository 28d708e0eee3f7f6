import Engine

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `uniform_float`: a double in [min, max), unrounded.
package struct UniformFloatGenerator: ValueGenerator {
    package let min: Double
    package let max: Double
    package let stream: UInt64

    package init(min: Double, max: Double, stream: UInt64) {
        self.min = min
        self.max = max
        self.stream = stream
    }

    package func generate(row: Int64, into value: inout Value) {
        var r = RowRandom(stream: stream, row: row)
        // min + u·(max − min) can round up to max for huge spans; keep it half-open.
        value.setDouble(Swift.min(min + r.unit() * (max - min), max.nextDown))
    }

    package var summary: String { "float [\(min), \(max))" }
}

/// `log_normal`: round(exp(N(ln median, sigma))), capped at `max`, as an
/// integer (smelt-datagen's values are integers too).
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

/// `geometric`: the number of failures before the first success with
/// success probability p (by inversion), clamped to ≥ min.
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

/// `zipf`: rank k in 1…n with P(k) ∝ 1/k^s, by a binary search over the
/// precomputed cumulative distribution (built once per plan).
package struct ZipfGenerator: ValueGenerator {
    package let cumulative: [Double]
    package let s: Double
    package let stream: UInt64

    package init(n: Int64, s: Double, stream: UInt64) {
        var weights = [Double](repeating: 0, count: Int(n))
        var total = 0.0
        for k in 0..<Int(n) {
            total += 1 / pow(Double(k + 1), s)
            weights[k] = total
        }
        cumulative = weights.map { $0 / total }
        self.s = s
        self.stream = stream
    }

    package func generate(row: Int64, into value: inout Value) {
        var r = RowRandom(stream: stream, row: row)
        value.setInt(Int64(WeightedChoiceGenerator.index(of: r.unit(), in: cumulative)) + 1)
    }

    package var summary: String { "zipf 1…\(cumulative.count), s=\(s)" }
}

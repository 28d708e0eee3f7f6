/// A uniform integer in a closed range.
package struct IntegerGenerator: ValueGenerator {
    package let range: ClosedRange<Int64>
    package let stream: UInt64

    package init(range: ClosedRange<Int64>, stream: UInt64) {
        self.range = range
        self.stream = stream
    }

    package func generate(row: Int64, into value: inout Value) {
        var r = RowRandom(stream: stream, row: row)
        value.setInt(r.int(range))
    }

    package var summary: String { "int \(range.lowerBound)…\(range.upperBound)" }
}

/// Keys: `start + row` (optionally shuffled within the table's rows by a
/// permutation), so primary keys are dense, distinct and computable by any
/// child from a parent row index alone.
package struct SequenceGenerator: UniqueValueGenerator {
    package let start: Int64
    package let step: Int64
    package let upperBound: Int64

    package init(start: Int64 = 1, step: Int64 = 1, upperBound: Int64 = .max) {
        self.start = start
        self.step = step
        self.upperBound = upperBound
    }

    @inline(__always)
    package func generate(row: Int64, into value: inout Value) {
        value.setInt(start &+ row &* step)
    }

    package var capacity: Int64? {
        let span = (upperBound - start) / step
        return span < Int64.max ? span + 1 : nil
    }

    package var summary: String { "sequence from \(start)" }
}

/// Distinct integers scattered over a range: `lower + permutation(row)`.
/// Used for unique integer columns that are not keys (so they do not just
/// repeat the row number) and for unique columns with CHECK bounds.
package struct UniqueIntegerGenerator: UniqueValueGenerator {
    package let lower: Int64
    package let permutation: Permutation
    /// Whether the range is a CHECK's (so its size is what the CHECK allows).
    package var checkBounded = false
    /// Values inside the range a CHECK excludes (`<> 0`, `NOT IN`), sorted:
    /// the k-th index maps to the k-th value that is not one of them.
    package let skipping: [Int64]

    package init(range: ClosedRange<Int64>, key: UInt64, skipping excluded: [Int64] = []) {
        lower = range.lowerBound
        skipping = Array(Set(excluded.filter(range.contains))).sorted()
        let width = UInt64(bitPattern: range.upperBound &- range.lowerBound)
        let count = (width == .max ? .max : width + 1) - UInt64(skipping.count)
        permutation = Permutation(count: max(count, 1), key: key)
    }

    package func generate(row: Int64, into value: inout Value) {
        var v = lower &+ Int64(bitPattern: permutation.apply(UInt64(row) % permutation.count))
        for e in skipping {
            if e <= v { v += 1 } else { break }
        }
        value.setInt(v)
    }

    package var capacity: Int64? { permutation.count > UInt64(Int64.max) ? nil : Int64(permutation.count) }
    package var summary: String { "unique int from \(lower)" }
}

/// Floating point in a half-open range.
package struct DoubleGenerator: ValueGenerator {
    package let range: Range<Double>
    /// Fractional digits kept; nil keeps the draw as it is (`uniform_float`).
    package let decimals: Int?
    package let stream: UInt64

    package init(range: Range<Double>, decimals: Int? = 4, stream: UInt64) {
        self.range = range
        self.decimals = decimals
        self.stream = stream
    }

    package func generate(row: Int64, into value: inout Value) {
        var r = RowRandom(stream: stream, row: row)
        let v = range.lowerBound + r.unit() * (range.upperBound - range.lowerBound)
        guard let decimals else {
            // lower + u·(upper − lower) can round up to upper for huge spans; keep it half-open.
            value.setDouble(Swift.min(v, range.upperBound.nextDown))
            return
        }
        let f = decimals == 4 ? 10_000 : pow(10, Double(decimals))
        value.setDouble((v * f).rounded() / f)
    }

    package var summary: String {
        decimals == nil ? "float [\(range.lowerBound), \(range.upperBound))" : "float \(range.lowerBound)…\(range.upperBound)"
    }
}

/// An exact decimal with `scale` fractional digits, written as text so no
/// binary rounding ever reaches the database. Values are drawn as integers
/// of the smallest unit (e.g. cents) in `minUnits…maxUnits`.
///
/// With `logNormal` the distribution is skewed like prices: many small,
/// few large, median near `median`.
package struct DecimalGenerator: ValueGenerator {
    package let scale: Int
    package let minUnits: Int64
    package let maxUnits: Int64
    package let medianUnits: Double?
    package let stream: UInt64

    package init(scale: Int, minUnits: Int64, maxUnits: Int64, medianUnits: Double? = nil, stream: UInt64) {
        self.scale = scale
        self.minUnits = minUnits
        self.maxUnits = max(minUnits, maxUnits)
        self.medianUnits = medianUnits
        self.stream = stream
    }

    package func generate(row: Int64, into value: inout Value) {
        var r = RowRandom(stream: stream, row: row)
        var units: Int64
        if let medianUnits {
            let x = medianUnits * exp(0.9 * r.normal())
            units = Int64(max(Double(minUnits), min(Double(maxUnits), x.rounded())))
        } else {
            units = r.int(minUnits...maxUnits)
        }
        units = max(minUnits, min(maxUnits, units))
        value.beginText()
        Self.write(units: units, scale: scale, into: &value.bytes)
    }

    /// 10^n for n in 0…18 (clamped), the unit size of a decimal scale.
    package static func power10(_ n: Int) -> Int64 {
        var v: Int64 = 1
        for _ in 0..<max(0, min(n, 18)) { v *= 10 }
        return v
    }

    /// `units / 10^scale` in plain decimal notation.
    package static func write(units: Int64, scale: Int, into out: inout ByteWriter) {
        if scale == 0 { out.appendInt(units); return }
        var divisor: Int64 = 1
        for _ in 0..<scale { divisor *= 10 }
        if units < 0 { out.append(UInt8(ascii: "-")) }
        let magnitude = units.magnitude
        out.appendUInt(magnitude / UInt64(divisor))
        out.append(UInt8(ascii: "."))
        out.appendPadded(Int(magnitude % UInt64(divisor)), width: scale)
    }

    package var summary: String {
        medianUnits == nil ? "decimal(scale \(scale))" : "amount (log-normal, scale \(scale))"
    }
}

/// Booleans, true with probability `probability`.
package struct BoolGenerator: ValueGenerator {
    package let probability: Double
    package let stream: UInt64

    package init(probability: Double = 0.5, stream: UInt64) {
        self.probability = probability
        self.stream = stream
    }

    package func generate(row: Int64, into value: inout Value) {
        var r = RowRandom(stream: stream, row: row)
        value.setBool(r.chance(probability))
    }

    package var summary: String { "bool" }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

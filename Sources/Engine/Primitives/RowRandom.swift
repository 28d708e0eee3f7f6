/// The counter-based random source behind every value: a pure function of
/// (seed, table, column, row), so any row can be generated on any thread, in
/// any order, and a column's values never depend on another column's.
///
/// It is a `RandomNumberGenerator`, so the standard `random(in:using:)` works,
/// and successive draws within one cell are a SplitMix64 sequence started at
/// the cell's own key.
package struct RowRandom: RandomNumberGenerator {
    private var state: UInt64

    /// - Parameters:
    ///   - stream: `StableHash` of seed, table and column (see `streamKey`).
    ///   - row: zero-based row index.
    @inline(__always)
    package init(stream: UInt64, row: Int64) {
        state = StableHash.mix(stream ^ StableHash.mix(UInt64(bitPattern: row) &+ 0x632b_e59b_d9b4_e019))
    }

    /// The stream key of a column of a table under a seed.
    package static func streamKey(seed: UInt64, table: String, column: String) -> UInt64 {
        StableHash.mix(seed ^ StableHash.of(table, column))
    }

    @inline(__always)
    package mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }

    /// Uniform integer in `0..<bound` (bound > 0), with Lemire's multiply-shift;
    /// the tiny bias for huge bounds is irrelevant for test data.
    @inline(__always)
    package mutating func below(_ bound: UInt64) -> UInt64 {
        bound.multipliedFullWidth(by: next()).high
    }

    /// Uniform integer in a closed range.
    @inline(__always)
    package mutating func int(_ range: ClosedRange<Int64>) -> Int64 {
        let width = UInt64(bitPattern: range.upperBound &- range.lowerBound)
        if width == UInt64.max { return Int64(bitPattern: next()) }
        return range.lowerBound &+ Int64(bitPattern: below(width &+ 1))
    }

    /// Uniform double in [0, 1).
    @inline(__always)
    package mutating func unit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// True with probability `p`.
    @inline(__always)
    package mutating func chance(_ p: Double) -> Bool { unit() < p }

    /// A uniformly chosen element.
    @inline(__always)
    package mutating func pick<T>(_ items: [T]) -> T {
        items[Int(below(UInt64(items.count)))]
    }

    /// Standard normal draw (Box–Muller).
    package mutating func normal() -> Double {
        let u1 = max(unit(), 0x1.0p-53)
        let u2 = unit()
        return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

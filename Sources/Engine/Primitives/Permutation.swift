/// A keyed bijection of `0..<count`: how unique columns get distinct values
/// that still look shuffled, without retry loops or sets of seen values.
///
/// A 4-round Feistel network over the smallest even power of two ≥ count,
/// with cycle-walking to stay inside the domain. Every index maps to a
/// distinct index; the expected number of walks is below 4.
package struct Permutation: Sendable {
    package let count: UInt64
    private let halfBits: UInt64
    private let mask: UInt64
    private let keys: (UInt64, UInt64, UInt64, UInt64)

    package init(count: UInt64, key: UInt64) {
        precondition(count > 0, "a permutation needs a non-empty domain")
        self.count = count
        var bits: UInt64 = 2
        while bits < 64, (UInt64(1) << bits) < count { bits += 2 }
        halfBits = bits / 2
        mask = (UInt64(1) << halfBits) &- 1
        keys = (StableHash.mix(key ^ 1), StableHash.mix(key ^ 2), StableHash.mix(key ^ 3), StableHash.mix(key ^ 4))
    }

    /// The image of `index` (which must be below `count`).
    @inline(__always)
    package func apply(_ index: UInt64) -> UInt64 {
        var x = index
        repeat { x = round(x) } while x >= count
        return x
    }

    @inline(__always)
    private func round(_ x: UInt64) -> UInt64 {
        var l = x >> halfBits
        var r = x & mask
        for k in [keys.0, keys.1, keys.2, keys.3] {
            let f = StableHash.mix(r ^ k) & mask
            (l, r) = (r, l ^ f)
        }
        return (l << halfBits) | r
    }
}

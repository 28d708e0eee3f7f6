/// The second key of a join table laid out along its first (a playlist's
/// tracks, a profile's tracks per playlist): child rows come parent by
/// parent (`cumulative` as in a fan-out), and the k-th child of parent p
/// takes the other parent at place (k + offset(p)) mod n of one keyed
/// permutation of the n other parents. Within a parent k < its count ≤ n,
/// so the pairs are distinct by construction. `evenly`: parent p starts
/// where parent p − 1 ended, so the stretches tile the permutation and
/// every other parent is taken ⌊rows/n⌋ or ⌈rows/n⌉ times (each film in
/// 2 or 3 of 16 categories); else at a hashed place, about Poisson.
package struct DistinctWithinParent: Sendable {
    let cumulative: [Int64]
    let permutation: Permutation
    let evenly: Bool
    let key: UInt64

    /// nil without other parents to pick from.
    package init?(cumulative: [Int64], otherParents: Int64, evenly: Bool, key: UInt64) {
        guard otherParents > 0 else { return nil }
        self.cumulative = cumulative
        permutation = Permutation(count: UInt64(otherParents), key: key)
        self.evenly = evenly
        self.key = key
    }

    @inline(__always)
    func parentRow(for row: Int64) -> Int64? {
        guard let p = FanOutLayout.parent(of: row, cumulative: cumulative) else { return nil }
        let k = UInt64(row - (p == 0 ? 0 : cumulative[p - 1]))
        let n = permutation.count
        let offset = evenly ? UInt64(p == 0 ? 0 : cumulative[p - 1]) % n : StableHash.mix(UInt64(p) ^ key) % n
        return Int64(permutation.apply((k % n + offset) % n))
    }
}

/// Child rows laid out parent by parent: `cumulative[i]` children of
/// parents 0…i.
package enum FanOutLayout {
    /// The first parent whose cumulative count exceeds the row; nil past the last.
    @inline(__always)
    static func parent(of row: Int64, cumulative: [Int64]) -> Int? {
        var lo = 0, hi = cumulative.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if cumulative[mid] > row { hi = mid } else { lo = mid + 1 }
        }
        return lo < cumulative.count ? lo : nil
    }
}

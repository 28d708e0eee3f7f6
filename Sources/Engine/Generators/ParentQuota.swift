/// Children spread over parents by a drawn count per parent (a profile's
/// children per parent) without laying the child rows out parent by
/// parent: the child rows are permuted, and permuted row k takes the
/// parent whose stretch of the cumulative counts holds position k, so
/// every parent gets its count (scaled to the child rows planned) within
/// one, on any foreign key of the table, not only the one that drives it.
package struct ParentQuota: Sendable {
    /// Running sums of the parents' counts.
    let cumulative: [Double]
    let permutation: Permutation
    let childRows: Int64

    /// nil when no parent has a child or no child row is planned.
    package init?(counts: [Double], childRows: Int64, key: UInt64) {
        var total = 0.0
        let cumulative = counts.map { total += max(0, $0); return total }
        guard total > 0, childRows > 0 else { return nil }
        self.cumulative = cumulative
        permutation = Permutation(count: UInt64(childRows), key: key)
        self.childRows = childRows
    }

    @inline(__always)
    func parentRow(for row: Int64) -> Int64 {
        let k = permutation.apply(UInt64(row % childRows))
        let position = (Double(k) + 0.5) / Double(childRows) * cumulative[cumulative.count - 1]
        var lo = 0, hi = cumulative.count - 1
        while lo < hi {
            let mid = (lo + hi) / 2
            if cumulative[mid] > position { hi = mid } else { lo = mid + 1 }
        }
        return Int64(lo)
    }
}

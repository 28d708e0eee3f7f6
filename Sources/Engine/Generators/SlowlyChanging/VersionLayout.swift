/// Where the versions of a type-2 slowly changing dimension lie: rows are
/// laid out key by key, each business key's versions consecutive, oldest
/// first. Keys come in blocks of `blockKeys` whose mix of version counts
/// is fixed by the weights (so a block always has the same number of rows
/// and row → key is O(block), not a prefix sum over the table) and
/// shuffled per block, so keys with many versions are spread evenly.
///
/// Each key's validity starts on a drawn day and changes on later drawn
/// days; version *v* is valid over [change(v−1), change(v)), the last one
/// open (its `valid_to` NULL, `is_current` true). Intervals of one key
/// therefore touch and never overlap.
package struct VersionLayout: Sendable {
    /// Versions per key, in the order a block lists them before its shuffle.
    let pattern: [Int]
    let rowsPerBlock: Int64
    let stream: UInt64
    /// Days since the epoch, end exclusive.
    let days: Range<Int64>
    /// Rows of the table: a key cut short by the last row ends there, current.
    let rows: Int64

    package static let blockKeys = 20

    /// - Parameters: `versionWeights[i]` the share of keys with i + 1 versions.
    package init(versionWeights: [Double], days: Range<Int64>, rows: Int64, stream: UInt64) {
        precondition(!versionWeights.isEmpty && versionWeights.allSatisfy { $0 >= 0 } && versionWeights.reduce(0, +) > 0,
                     "version weights must be non-negative with a positive sum")
        precondition(days.count >= 2 * versionWeights.count, "the window must leave room for every version")
        let total = versionWeights.reduce(0, +)
        var counts = versionWeights.map { Int(($0 / total * Double(Self.blockKeys)).rounded()) }
        // Rounding may miss the block size; the most common count absorbs it.
        let common = counts.indices.max { counts[$0] < counts[$1] }!
        counts[common] += Self.blockKeys - counts.reduce(0, +)
        pattern = counts.enumerated().flatMap { Array(repeating: $0.offset + 1, count: max(0, $0.element)) }
        rowsPerBlock = Int64(pattern.reduce(0, +))
        self.days = days
        self.rows = rows
        self.stream = stream
    }

    /// The version of one row: its key (0-based), which version it is
    /// (1-based) of how many that key has in the table.
    package struct Slot: Equatable, Sendable {
        package var key: Int64
        package var version: Int
        /// The versions the key was planned with (its dates follow them).
        package var versions: Int
        /// The last version, or the table's last row cutting its key short.
        package var isCurrent: Bool
    }

    package func slot(row: Int64) -> Slot {
        let block = row / rowsPerBlock
        var offset = Int(row % rowsPerBlock)
        var order = pattern
        var r = RowRandom(stream: stream, row: block)
        for i in stride(from: order.count - 1, to: 0, by: -1) { order.swapAt(i, Int(r.below(UInt64(i + 1)))) }
        for (j, n) in order.enumerated() {
            if offset < n {
                return Slot(key: block * Int64(Self.blockKeys) + Int64(j), version: offset + 1, versions: n,
                            isCurrent: offset + 1 == n || row == rows - 1)
            }
            offset -= n
        }
        preconditionFailure("offset beyond the block")
    }

    /// The first row of a key's versions: the row stable attributes are drawn at.
    package func firstRow(of slot: Slot, row: Int64) -> Int64 { row - Int64(slot.version - 1) }

    /// The day version `version` of `key` becomes valid (1-based; the day
    /// after the last version is `days.upperBound`, never reached).
    package func change(key: Int64, version: Int, of versions: Int) -> Int64 {
        var r = RowRandom(stream: stream ^ 0x5CD2_5CD2_5CD2_5CD2, row: key)
        // The first version starts in the first half; each later one in an
        // even share of what is left, at least a day after the one before.
        var day = days.lowerBound + Int64(r.below(UInt64(max(1, days.count / 2))))
        for v in 1..<version {
            let left = days.upperBound - day - Int64(versions - v)
            day += 1 + Int64(r.below(UInt64(max(1, left / Int64(versions - v + 1)))))
        }
        return day
    }
}

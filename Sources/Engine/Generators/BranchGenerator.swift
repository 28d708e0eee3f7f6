/// Picks, per row, which branch of a table's cross-column ORs the row takes.
///
/// Every branch-dependent column of the table holds the same chooser, so the
/// columns of one row agree on the branch without reading each other: the
/// choice is a pure function of (seed, table, row), like every value.
package struct BranchChooser: Sendable, Equatable {
    package let stream: UInt64
    /// Cumulative weights, one per branch; a zero-width step is never taken.
    package let cumulative: [Double]

    package init(stream: UInt64, weights: [Double]) {
        precondition(!weights.isEmpty && weights.contains { $0 > 0 }, "a branch chooser needs a branch with weight")
        self.stream = stream
        var sum = 0.0
        cumulative = weights.map { sum += max(0, $0); return sum }
    }

    @inline(__always)
    package func branch(row: Int64) -> Int {
        var r = RowRandom(stream: stream, row: row)
        let x = r.unit() * cumulative[cumulative.count - 1]
        for (i, c) in cumulative.enumerated() where x < c { return i }
        return cumulative.count - 1
    }
}

/// A column whose requirements differ between the branches of its table's
/// CHECKs: the generator of the row's branch writes it (NULL in a branch
/// that needs NULL, the fixed value in one that fixes it, ...).
package struct BranchGenerator: ValueGenerator {
    package let chooser: BranchChooser
    package let branches: [any ValueGenerator]

    package init(chooser: BranchChooser, branches: [any ValueGenerator]) {
        precondition(branches.count == chooser.cumulative.count, "one generator per branch")
        self.chooser = chooser
        self.branches = branches
    }

    package func generate(row: Int64, into value: inout Value) {
        branches[chooser.branch(row: row)].generate(row: row, into: &value)
    }

    package var summary: String {
        var seen: [String] = []
        for (i, b) in branches.enumerated() where chooser.cumulative[i] > (i == 0 ? 0 : chooser.cumulative[i - 1]) {
            if !seen.contains(b.summary) { seen.append(b.summary) }
        }
        return "per row: " + seen.joined(separator: " | ")
    }
}

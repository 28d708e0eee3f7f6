import Engine

/// `--holdout F`: a share of the source's rows that `profile` leaves out,
/// chosen by a hash of the row's values (not its place), so `compare` finds
/// the same rows again and can ask whether the synthetic rows sit closer
/// to the rows the profile saw than to rows it never saw.
package struct Holdout: Sendable, Equatable {
    package let fraction: Double

    package init(fraction: Double) { self.fraction = fraction }

    /// Whether the row (every column of the table, in its order, as the
    /// database writes it in text) is held out.
    package func holds(_ row: some Collection<String?>) -> Bool {
        var hash: UInt64 = 0x686f_6c64_6f75_74
        for cell in row {
            hash = StableHash.mix(hash ^ (cell.map { StableHash.of($0) } ?? 0x6e75_6c6c))
        }
        return Double(hash >> 11) * 0x1.0p-53 < fraction
    }
}

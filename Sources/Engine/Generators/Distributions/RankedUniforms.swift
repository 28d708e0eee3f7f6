/// A uniform source's values over the first n rows replaced by their
/// ranks' evenly spaced places, computed once when the plan is made: the
/// order of the rows (and so a copula's dependence between columns) is
/// kept, and the values come out in exactly the distribution's
/// proportions instead of n random draws from it. Nine employees drawn
/// from their copula would put their countries and hire dates wherever
/// nine random uniforms fall; ranked, they cover the distribution evenly.
/// Rows past n wrap around.
package struct RankedUniforms: Sendable {
    let places: [Double]
    /// Whether the places reach 0 and 1 (see `init`).
    package let spanning: Bool

    /// The most rows ranked: the places cost 8 bytes a row.
    package static let maxRows: Int64 = 1 << 20

    /// `spanning`: places 0, 1/(n−1), …, 1, both ends reached (a parent
    /// table's busiest and idlest rows); else (k + ½)/n. nil for more than
    /// `maxRows` rows or none.
    package init?(_ source: UniformSource, rows: Int64, spanning: Bool) {
        guard rows > 0, rows <= Self.maxRows else { return nil }
        let n = Int(rows)
        let u = (0..<n).map { source.unit(row: Int64($0)) }
        let order = u.indices.sorted { u[$0] != u[$1] ? u[$0] < u[$1] : $0 < $1 }
        var places = [Double](repeating: 0.5, count: n)
        for (rank, row) in order.enumerated() {
            let place = spanning ? (n > 1 ? Double(rank) / Double(n - 1) : 0.5) : (Double(rank) + 0.5) / Double(n)
            places[row] = min(place, 1 - 0x1.0p-53)
        }
        self.places = places
        self.spanning = spanning
    }

    @inline(__always)
    func unit(row: Int64) -> Double {
        places[Int(row % Int64(places.count))]
    }
}

/// Distance to the closest record: how near each target row is to the
/// nearest row the profile was made from (training), against how near the
/// held-out rows, which the profile never saw, are to the training rows.
/// Numbers count their difference over the source's range, anything else 0
/// or 1; a row's distance is the mean over its columns (those `compare`
/// checks for copies). A fill that only learnt the distribution has about
/// 5 % of its rows nearer than the held-out rows' 5th percentile; one that
/// memorised its source, nearly all.
struct ClosestRecords {
    /// Rows compared per side at most (the work grows as their product).
    static let limit = 1_000
    /// The held-out percentile a target row must beat to count as near.
    static let percentile = 0.05

    /// Per column: the source's numeric range, or nil for a category.
    let ranges: [ClosedRange<Double>?]

    init(source rows: [[String?]]) {
        let width = rows.first?.count ?? 0
        ranges = (0..<width).map { i in
            let present = rows.compactMap { $0[i] }
            let numbers = present.compactMap(Double.init)
            guard !numbers.isEmpty, numbers.count == present.count, let lo = numbers.min(), let hi = numbers.max() else { return nil }
            return lo...hi
        }
    }

    func distance(_ a: [String?], _ b: [String?]) -> Double {
        var sum = 0.0
        for (i, range) in ranges.enumerated() {
            switch (a[i], b[i]) {
            case (nil, nil): continue
            case (nil, _), (_, nil): sum += 1
            case (let x?, let y?):
                if let range, let p = Double(x), let q = Double(y) {
                    sum += range.upperBound > range.lowerBound ? min(1, abs(p - q) / (range.upperBound - range.lowerBound)) : (p == q ? 0 : 1)
                } else { sum += x == y ? 0 : 1 }
            }
        }
        return ranges.isEmpty ? 0 : sum / Double(ranges.count)
    }

    func nearest(_ row: [String?], in rows: [[String?]]) -> Double {
        var best = Double.infinity
        for other in rows {
            best = min(best, distance(row, other))
            if best == 0 { break }
        }
        return best
    }

    /// How many of (at most `limit` of) `synthetic` are nearer `training`
    /// than the held-out rows' 5th percentile, and how many were compared.
    func nearerThanHeldOut(_ synthetic: [[String?]], training: [[String?]], heldOut: [[String?]]) -> (nearer: Int, compared: Int) {
        let train = Self.spread(training, Self.limit)
        guard !train.isEmpty, !heldOut.isEmpty else { return (0, 0) }
        let baseline = Self.spread(heldOut, Self.limit).map { nearest($0, in: train) }.sorted()
        let threshold = baseline[min(baseline.count - 1, Int(Double(baseline.count) * Self.percentile))]
        let rows = Self.spread(synthetic, Self.limit)
        return (rows.filter { nearest($0, in: train) < threshold }.count, rows.count)
    }

    /// At most `n` rows spread over the list.
    static func spread<T>(_ rows: [T], _ n: Int) -> [T] {
        guard rows.count > n, n > 0 else { return rows }
        return (0..<n).map { rows[$0 * rows.count / n] }
    }
}

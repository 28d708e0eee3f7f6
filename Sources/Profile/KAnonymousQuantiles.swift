/// Quantiles that reveal no single value. The sorted sample is first
/// clipped (winsorised) to its K-th lowest and K-th highest values and to
/// its 0.1 % and 99.9 % quantiles, so an outlier seen once moves nothing;
/// then each of the `points` is the mean of `k` neighbouring values, so no
/// value seen fewer than k times is written as it is.
package enum KAnonymousQuantiles {
    package static let points = 257

    /// nil when the sample holds fewer than `k` values.
    package static func of(sorted values: [Double], k: Int) -> [Double]? {
        let k = max(1, k)
        let n = values.count
        guard n >= k else { return nil }
        let low = values[min(n - 1, max(k - 1, Int(Double(n) * 0.001)))]
        let high = values[max(0, min(n - k, Int((Double(n) * 0.999).rounded(.up)) - 1))]
        let windows = n - k + 1
        return (0..<points).map { p in
            let start = Int((Double(p) / Double(points - 1) * Double(windows - 1)).rounded())
            var sum = 0.0
            for v in values[start..<(start + k)] { sum += min(max(v, low), max(low, high)) }
            return sum / Double(k)
        }
    }
}

extension KAnonymousQuantiles {
    /// Quantiles of children per parent. A parent with at least `k`
    /// children is a foreign key value seen at least `k` times, which the
    /// profile writes anyway among the column's frequent values, so such
    /// counts are kept exact (the two stores holding all the stock, the
    /// media type of 87 % of tracks); smaller counts are means of `k`
    /// neighbours as in `of(sorted:k:)`. nil with fewer than `k` parents.
    package static func ofCounts(sorted values: [Double], k: Int) -> [Double]? {
        let k = max(1, k)
        let n = values.count
        guard n >= k else { return nil }
        let small = values.prefix { $0 < Double(k) }
        let smoothed = of(sorted: Array(small), k: k)
        return (0..<points).map { p in
            let index = min(n - 1, Int((Double(p) / Double(points - 1) * Double(n - 1)).rounded()))
            if values[index] >= Double(k) { return values[index] }
            guard let smoothed, !small.isEmpty else { return values[index] }
            // The same place among the small counts, read from their smoothed quantiles.
            let place = Double(index) / Double(max(1, small.count - 1))
            return smoothed[min(points - 1, Int((place * Double(points - 1)).rounded()))]
        }
    }
}

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

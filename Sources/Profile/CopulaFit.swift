#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Engine

/// Fits a table's Gaussian copula from its sampled rows: every modelled
/// dimension becomes a normal score per row, Φ⁻¹ of where the row's value
/// sits in the column's CDF, and the copula is their correlation matrix.
/// Ties (a price of 0.99 on most rows, a category) spread over their
/// interval of the CDF by a hash of the row, as `fill` draws inside that
/// interval too. Dimensions that correlate with nothing are left out:
/// drawing them independently is the same, and cheaper.
enum CopulaFit {
    /// At most this many dimensions per table (each row costs d²/2 normal draws).
    static let maxDimensions = 16
    /// Pairs weaker than this are treated as independent, and so are pairs
    /// within sampling noise (2.5/√n: about one chance in 80 for
    /// independent columns).
    static func weakest(rows: Int) -> Double { max(0.05, 2.5 / Double(max(rows, 1)).squareRoot()) }

    /// One candidate: its dimension and each sampled row's normal score (NaN: NULL).
    struct Scores {
        var dimension: CopulaDimension
        var z: [Double]
        /// How much a tie spread over its interval dilutes correlation:
        /// a row's score is its value's latent normal plus noise inside the
        /// interval, so corr(score, X) = attenuation · ρ(latent, X). For
        /// intervals (a, b] of shares p it is Σ (φ(a) − φ(b))² / p: 1 for
        /// distinct values, 0.79 for three equal categories, 0 for a constant.
        var attenuation: Double
    }

    /// The attenuation of scores spread over these intervals of [0, 1).
    static func attenuation(_ intervals: [(start: Double, share: Double)]) -> Double {
        func density(_ u: Double) -> Double {
            guard u > 0, u < 1 else { return 0 }
            let x = StandardNormal.quantile(u)
            return exp(-x * x / 2) / (2 * Double.pi).squareRoot()
        }
        return intervals.reduce(0.0) { sum, i in
            guard i.share > 0 else { return sum }
            let d = density(i.start) - density(i.start + i.share)
            return sum + d * d / i.share
        }
    }

    /// The normal scores of a number, date or timestamp column by rank.
    static func rankScores(_ values: [Double], salt: UInt64) -> (z: [Double], attenuation: Double) {
        let order = values.indices.filter { !values[$0].isNaN }.sorted { values[$0] < values[$1] }
        let n = Double(order.count)
        var z = Array(repeating: Double.nan, count: values.count)
        var intervals: [(start: Double, share: Double)] = []
        var i = 0
        while i < order.count {
            var j = i
            while j + 1 < order.count, values[order[j + 1]] == values[order[i]] { j += 1 }
            for r in i...j {
                let row = order[r]
                z[row] = StandardNormal.quantile((Double(i) + jitter(row, salt) * Double(j - i + 1)) / n)
            }
            intervals.append((Double(i) / n, Double(j - i + 1) / n))
            i = j + 1
        }
        return (z, attenuation(intervals))
    }

    /// The normal scores of a category column: each frequent value owns the
    /// interval of its share, in the profile's order; every other value the rest.
    static func categoryScores(_ summary: ColumnSummary, frequent: [FrequentValue], salt: UInt64) -> (z: [Double], attenuation: Double) {
        var start: [Int32: (Double, Double)] = [:]
        var at = 0.0
        var intervals: [(start: Double, share: Double)] = []
        for f in frequent {
            if let id = summary.ids[f.value] { start[id] = (at, f.share) }
            intervals.append((at, f.share))
            at += f.share
        }
        let rest = (min(at, 1), max(0, 1 - at))
        intervals.append(rest)
        let z = summary.rowCodes.enumerated().map { row, code -> Double in
            guard code >= 0 else { return .nan }
            let (s, w) = start[code] ?? rest
            return StandardNormal.quantile(s + jitter(row, salt) * w)
        }
        return (z, attenuation(intervals))
    }

    /// A category's frequent values ordered by their mean score on the
    /// numeric dimension that separates them most (the largest share of
    /// its variance between categories), so a tier that follows income
    /// lies on the CDF in income's order and the copula sees one rising
    /// relation instead of a zigzag. Unchanged without such a dimension.
    static func order(_ summary: ColumnSummary, frequent: [FrequentValue], by numeric: [Scores]) -> [FrequentValue] {
        guard frequent.count > 1 else { return frequent }
        let index = Dictionary(frequent.enumerated().compactMap { i, f in summary.ids[f.value].map { ($0, i) } }, uniquingKeysWith: { a, _ in a })
        var best: (separation: Double, means: [Double])?
        for candidate in numeric {
            var sum = Array(repeating: 0.0, count: frequent.count), count = sum
            var total = 0.0, squares = 0.0, n = 0.0
            for (row, code) in summary.rowCodes.enumerated() where row < candidate.z.count && !candidate.z[row].isNaN {
                guard let i = index[code] else { continue }
                let z = candidate.z[row]
                sum[i] += z; count[i] += 1
                total += z; squares += z * z; n += 1
            }
            guard n > 1 else { continue }
            let mean = total / n
            let variance = squares - n * mean * mean
            guard variance > 1e-9 else { continue }
            let means = zip(sum, count).map { $1 > 0 ? $0 / $1 : mean }
            let between = zip(means, count).reduce(0.0) { $0 + $1.1 * ($1.0 - mean) * ($1.0 - mean) }
            if between / variance > (best?.separation ?? 0.05) { best = (between / variance, means) }
        }
        guard let means = best?.means else { return frequent }
        return frequent.indices.sorted { means[$0] != means[$1] ? means[$0] < means[$1] : $0 < $1 }.map { frequent[$0] }
    }

    /// A fixed uniform in (0, 1) per sampled row and dimension (`salt`):
    /// two columns tied on every row must not look correlated.
    static func jitter(_ row: Int, _ salt: UInt64) -> Double {
        (Double(StableHash.mix(StableHash.mix(UInt64(row) &+ 0x6a69_7474_6572) ^ StableHash.mix(salt)) >> 11) + 0.5) * 0x1.0p-53
    }

    /// The copula over the candidates, or nil when fewer than two
    /// dimensions correlate with anything (or the sample is too small).
    static func fit(_ candidates: [Scores], minimumRows: Int) -> CopulaProfile? {
        // A dimension almost all one tie (a constant) says nothing.
        let candidates = candidates.filter { $0.attenuation >= 0.05 }
        guard candidates.count >= 2 else { return nil }
        let d = candidates.count
        var r = Array(repeating: Array(repeating: 0.0, count: d), count: d)
        for i in 0..<d {
            r[i][i] = 1
            for j in 0..<i {
                let c = max(-0.999, min(0.999, undiluted(candidates[i], candidates[j], minimumRows: minimumRows)))
                r[i][j] = c
                r[j][i] = c
            }
        }
        let weakest = weakest(rows: candidates.map { $0.z.count }.max() ?? 0)
        var kept = (0..<d).filter { i in (0..<d).contains { $0 != i && abs(r[i][$0]) >= weakest } }
        if kept.count > maxDimensions {
            let strength = { (i: Int) in kept.reduce(0.0) { $0 + ($1 == i ? 0 : abs(r[i][$1])) } }
            kept = Array(kept.sorted { strength($0) > strength($1) }.prefix(maxDimensions)).sorted()
        }
        guard kept.count >= 2 else { return nil }
        return CopulaProfile(dimensions: kept.map { candidates[$0].dimension },
                             correlation: kept.map { i in kept.map { j in (r[i][j] * 10_000).rounded() / 10_000 } })
    }

    /// The latent correlation of two dimensions: the observed one divided by
    /// what spreading their ties diluted (unclamped).
    static func undiluted(_ a: Scores, _ b: Scores, minimumRows: Int) -> Double {
        correlation(a.z, b.z, minimumRows: minimumRows) / max(a.attenuation * b.attenuation, 1e-9)
    }

    /// Pearson's correlation over the rows where both are present; 0 when
    /// fewer than `minimumRows` rows are, or either does not vary.
    static func correlation(_ a: [Double], _ b: [Double], minimumRows: Int) -> Double {
        pearson(a, b, minimumRows: minimumRows) ?? 0
    }

    /// Pearson's ρ over the rows where both are numbers (NaN: absent); nil
    /// when fewer than `minimumRows` (at least 2) rows are, or either does not vary.
    static func pearson(_ a: [Double], _ b: [Double], minimumRows: Int) -> Double? {
        var n = 0.0, sa = 0.0, sb = 0.0, saa = 0.0, sbb = 0.0, sab = 0.0
        for i in 0..<min(a.count, b.count) where !a[i].isNaN && !b[i].isNaN {
            n += 1
            sa += a[i]; sb += b[i]
            saa += a[i] * a[i]; sbb += b[i] * b[i]; sab += a[i] * b[i]
        }
        guard n >= Double(max(2, minimumRows)) else { return nil }
        let va = saa - sa * sa / n, vb = sbb - sb * sb / n
        guard va > 1e-12 * max(1, saa), vb > 1e-12 * max(1, sbb) else { return nil }
        return max(-1, min(1, (sab - sa * sb / n) / (va * vb).squareRoot()))
    }
}

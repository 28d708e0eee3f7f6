import Engine
import Foundation
import SchemaModel

/// What `compare --html` draws, gathered while comparing: per column the
/// source's and the target's histograms, per table the two correlation
/// matrices of its numbers, per foreign key the two children-per-parent
/// curves. Aggregates only, like the report.
package struct ReportFigures: Sendable {
    package struct Histogram: Sendable {
        package var table: String
        package var column: String
        /// Bin or category labels, and each side's share per label.
        package var labels: [String]
        package var source: [Double]
        package var target: [Double]
    }

    package struct Correlations: Sendable {
        package var table: String
        package var columns: [String]
        /// nil where a column does not vary.
        package var source: [[Double?]]
        package var target: [[Double?]]
    }

    package struct Children: Sendable {
        package var table: String
        package var columns: [String]
        package var references: String
        /// Children per parent, sorted, at most 200 points of each.
        package var source: [Double]
        package var target: [Double]
    }

    package var histograms: [Histogram] = []
    package var correlations: [Correlations] = []
    package var children: [Children] = []

    package init() {}

    /// Ten equal-width bins over the source's range for numbers; the ten
    /// most frequent source categories (and "other") for the rest.
    static func histogram(table: String, column: Column, _ samples: (source: PairTrends.Sample, target: PairTrends.Sample)) -> Histogram {
        let kind = ColumnSummary.kind(of: column.type)
        let column = column.name
        if let a = samples.source.numbers, let b = samples.target.numbers, let range = PairTrends.binning(samples.source) {
            func shares(_ xs: [Double]) -> [Double] {
                var bins = Array(repeating: 0.0, count: 10)
                let present = xs.filter { !$0.isNaN }
                for x in present { bins[PairTrends.bin(x, range)] += 1 }
                return bins.map { present.isEmpty ? 0 : $0 / Double(present.count) }
            }
            let step = (range.upperBound - range.lowerBound) / 10
            let labels = (0..<10).map { label(range.lowerBound + Double($0) * step, kind: kind) }
            return Histogram(table: table, column: column, labels: labels, source: shares(a), target: shares(b))
        }
        var counts: [String: Int] = [:]
        for v in samples.source.labels.compactMap({ $0 }) { counts[v, default: 0] += 1 }
        let top = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(10).map(\.key)
        func shares(_ labels: [String?]) -> [Double] {
            let present = labels.compactMap { $0 }
            var out = top.map { t in Double(present.filter { $0 == t }.count) }
            out.append(Double(present.count) - out.reduce(0, +))
            return out.map { present.isEmpty ? 0 : $0 / Double(present.count) }
        }
        return Histogram(table: table, column: column, labels: top + ["other"], source: shares(samples.source.labels), target: shares(samples.target.labels))
    }

    static func correlations(table: String, _ shaped: [(column: String, samples: (source: PairTrends.Sample, target: PairTrends.Sample))]) -> Correlations? {
        let numeric = shaped.filter { $0.samples.source.numbers != nil && $0.samples.target.numbers != nil }.prefix(12)
        guard numeric.count >= 2 else { return nil }
        func matrix(_ side: KeyPath<(source: PairTrends.Sample, target: PairTrends.Sample), PairTrends.Sample>) -> [[Double?]] {
            numeric.map { a in numeric.map { b in PairTrends.pearson(a.samples[keyPath: side].numbers!, b.samples[keyPath: side].numbers!) } }
        }
        return Correlations(table: table, columns: numeric.map(\.column), source: matrix(\.source), target: matrix(\.target))
    }

    static func curve(_ sorted: [Double]) -> [Double] {
        ClosestRecords.spread(sorted, 200)
    }

    /// A bin's lower edge as a reader wants it: a day for dates and timestamps.
    static func label(_ x: Double, kind: ColumnProfile.Kind = .number) -> String {
        switch kind {
        case .date, .timestamp:
            return CivilDate.dateText(days: kind == .date ? Int64(x.rounded(.down)) : Int64((x / 86_400).rounded(.down)))
        default:
            return abs(x) >= 1e6 || x == x.rounded() ? String(Int64(max(min(x, 9e18), -9e18))) : String((x * 100).rounded() / 100)
        }
    }
}

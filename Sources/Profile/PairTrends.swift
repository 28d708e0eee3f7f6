import SchemaModel

/// sdmetrics' Column Pair Trends for one table: for two numbers (dates,
/// timestamps), 1 − |ρ_source − ρ_target| / 2 with Pearson's ρ; for any
/// other pair, 1 − the total variation distance of their contingency
/// tables, numbers put in 10 equal-width bins over the source's range.
enum PairTrends {
    /// One column of a sample: numbers (NaN: NULL or not a number) or category labels (nil: NULL).
    struct Sample {
        var numbers: [Double]?
        var labels: [String?]
    }

    /// At most this many columns per table are paired (their pairs grow as n²).
    static let maxColumns = 24

    static func sample(_ column: Column, _ cells: [String?]) -> Sample {
        let summary = ColumnSummary(column)
        guard summary.isNumeric else { return Sample(numbers: nil, labels: cells) }
        return Sample(numbers: cells.map { $0.flatMap(summary.number) ?? .nan }, labels: cells)
    }

    /// The score of one pair and its metric, or nil where it says nothing
    /// (a column that does not vary, too few rows with both values).
    static func score(_ a: (source: Sample, target: Sample), _ b: (source: Sample, target: Sample)) -> (metric: String, value: Double)? {
        if let sa = a.source.numbers, let ta = a.target.numbers, let sb = b.source.numbers, let tb = b.target.numbers {
            guard let rs = pearson(sa, sb), let rt = pearson(ta, tb) else { return nil }
            return ("correlation", 1 - abs(rs - rt) / 2)
        }
        let binA = binning(a.source), binB = binning(b.source)
        let source = contingency(a.source, b.source, binA, binB), target = contingency(a.target, b.target, binA, binB)
        guard source.total > 0, target.total > 0 else { return nil }
        var sum = 0.0
        for key in Set(source.counts.keys).union(target.counts.keys) {
            sum += abs(Double(source.counts[key] ?? 0) / source.total - Double(target.counts[key] ?? 0) / target.total)
        }
        return ("contingency", max(0, 1 - sum / 2))
    }

    /// Pearson's ρ over rows where both are numbers; nil when either does not vary.
    static func pearson(_ a: [Double], _ b: [Double]) -> Double? {
        CopulaFit.pearson(a, b, minimumRows: 2)
    }

    /// Ten equal-width bins over the source's range, for a numeric column.
    static func binning(_ s: Sample) -> ClosedRange<Double>? {
        guard let numbers = s.numbers else { return nil }
        let present = numbers.filter { !$0.isNaN }
        guard let lo = present.min(), let hi = present.max() else { return nil }
        return lo...hi
    }

    static func label(_ s: Sample, _ i: Int, _ range: ClosedRange<Double>?) -> String? {
        guard let range, let numbers = s.numbers else { return s.labels[i] }
        let x = numbers[i]
        guard !x.isNaN else { return nil }
        return String(bin(x, range))
    }

    /// Which of ten equal-width bins over `range` holds `x` (0 when the range is one value).
    static func bin(_ x: Double, _ range: ClosedRange<Double>) -> Int {
        let width = range.upperBound - range.lowerBound
        return width > 0 ? min(9, max(0, Int((x - range.lowerBound) / width * 10))) : 0
    }

    static func contingency(_ a: Sample, _ b: Sample, _ ra: ClosedRange<Double>?, _ rb: ClosedRange<Double>?) -> (counts: [String: Int], total: Double) {
        var counts: [String: Int] = [:]
        var total = 0.0
        for i in 0..<min(a.labels.count, b.labels.count) {
            guard let x = label(a, i, ra), let y = label(b, i, rb) else { continue }
            counts[x + "\u{1}" + y, default: 0] += 1
            total += 1
        }
        return (counts, total)
    }
}

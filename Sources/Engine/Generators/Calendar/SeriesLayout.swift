/// The rows of a day-by-day series over the days [first, first + count):
/// day D holds `rows(D)` rows (a daily base shaped by weekday, month,
/// holidays and growth since `origin`), and its i-th row is the global row
/// `(D − origin) × stride + i`. Every column draws at the global row, so
/// day D's rows are the same whether generated alone, in a batch or in
/// one long range, and keys built from the row never collide across runs.
package struct SeriesLayout: Sendable {
    package let origin: Int64
    package let first: Int64
    /// Running totals of rows per day of the batch.
    package let ends: [Int64]
    /// Rows a day can hold at most: the spacing of days in the global rows.
    package static let stride: Int64 = 1_000_000

    package init(origin: Int64, first: Int64, days: Int, perDay: Double, shape: SeasonalDateGenerator.Shape) {
        precondition(first >= origin && days >= 0, "a series starts at or after its origin")
        self.origin = origin
        self.first = first
        var running: Int64 = 0
        ends = (0..<Int64(days)).map { d in
            running += Self.rows(day: first + d, origin: origin, perDay: perDay, shape: shape)
            return running
        }
    }

    /// Rows on `day`: the shape's weight there, normalised by the mean
    /// weekday and month weights, times the daily base.
    package static func rows(day: Int64, origin: Int64, perDay: Double, shape: SeasonalDateGenerator.Shape) -> Int64 {
        let mean = shape.weekday.reduce(0, +) / 7 * shape.month.reduce(0, +) / 12
        let n = (perDay * shape.weight(days: day, years: Double(day - origin) / 365.25) / mean).rounded()
        return min(stride, max(0, Int64(n)))
    }

    package var rows: Int64 { ends.last ?? 0 }

    /// The day and global row of the batch's row `row`.
    @inline(__always)
    package func locate(row: Int64) -> (day: Int64, global: Int64) {
        var lo = 0, hi = ends.count - 1
        while lo < hi {
            let mid = (lo + hi) / 2
            if ends[mid] > row { hi = mid } else { lo = mid + 1 }
        }
        let within = row - (lo == 0 ? 0 : ends[lo - 1])
        let day = first + Int64(lo)
        return (day, (day - origin) * Self.stride + within)
    }
}

/// A column of a series table: the series date itself, or any other
/// column's generator drawn at the row's global index.
package struct SeriesGenerator: ValueGenerator {
    package let inner: (any ValueGenerator)?
    package let layout: SeriesLayout
    /// The plan's first row (the rows already there on `--append`): the batch's row 0.
    package let firstRow: Int64

    /// `inner` nil: the series column (the row's day).
    package init(inner: (any ValueGenerator)?, layout: SeriesLayout, firstRow: Int64 = 0) {
        self.inner = inner
        self.layout = layout
        self.firstRow = firstRow
    }

    package func generate(row: Int64, into value: inout Value) {
        let (day, global) = layout.locate(row: row - firstRow)
        guard let inner else {
            value.beginText()
            CivilDate.writeDate(days: day, into: &value.bytes)
            return
        }
        inner.generate(row: global, into: &value)
    }

    package func epochSeconds(row: Int64) -> Int64? {
        let (day, global) = layout.locate(row: row - firstRow)
        guard let inner else { return day * 86_400 }
        return inner.epochSeconds(row: global)
    }

    package var summary: String { inner.map { "\($0.summary), per series day" } ?? "series day" }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `seasonal_date`: a day of [start, end) drawn with a weight per day, the
/// product of its weekday's weight, its month's weight, a holiday factor
/// and compound yearly growth. So a fact table's rows follow a weekly and
/// a yearly rhythm, peak on the days `HolidayCalendar` names, and grow
/// year over year; a binary search over the cumulative weights, built once.
package struct SeasonalDateGenerator: ValueGenerator {
    package struct Shape: Sendable {
        /// Monday … Sunday.
        package var weekday: [Double]
        /// January … December.
        package var month: [Double]
        package var holidayFactor: Double
        /// Yearly growth rate: 0.1 gives a year later 10 % more rows per day.
        package var growth: Double

        package static let retail = Shape(weekday: [0.9, 0.85, 0.9, 0.95, 1.15, 1.35, 1.1],
                                          month: [0.8, 0.75, 0.9, 0.95, 1.0, 1.0, 1.0, 1.05, 0.95, 1.0, 1.25, 1.6],
                                          holidayFactor: 2.5, growth: 0)

        package init(weekday: [Double], month: [Double], holidayFactor: Double, growth: Double) {
            precondition(weekday.count == 7 && month.count == 12, "7 weekday and 12 month weights")
            self.weekday = weekday
            self.month = month
            self.holidayFactor = holidayFactor
            self.growth = growth
        }

        /// The relative weight of `days`, `t` years after the window's start.
        package func weight(days: Int64, years t: Double) -> Double {
            let month = CivilDate.civil(days: days).month
            let holiday = HolidayCalendar.isHoliday(days: days) ? holidayFactor : 1
            return weekday[HolidayCalendar.weekday(days: days) - 1] * self.month[month - 1] * holiday * pow(1 + growth, t)
        }
    }

    package enum Format: String, Sendable, CaseIterable {
        /// `YYYY-MM-DD`.
        case date
        /// `YYYYMMDD` as an integer, the date dimension's key.
        case key
    }

    package let start: Int64
    package let weights: CumulativeWeights
    package let format: Format
    package let stream: UInt64

    /// - Parameters: `days` the window, end exclusive (at least one day).
    package init(days: Range<Int64>, shape: Shape, format: Format, stream: UInt64) {
        precondition(!days.isEmpty, "a seasonal date needs at least one day")
        start = days.lowerBound
        weights = CumulativeWeights(days.map { shape.weight(days: $0, years: Double($0 - days.lowerBound) / 365.25) })
        self.format = format
        self.stream = stream
    }

    @inline(__always)
    func day(row: Int64) -> Int64 {
        var r = RowRandom(stream: stream, row: row)
        return start + Int64(weights.index(of: r.unit()))
    }

    package func generate(row: Int64, into value: inout Value) {
        let days = day(row: row)
        switch format {
        case .date:
            value.beginText()
            CivilDate.writeDate(days: days, into: &value.bytes)
        case .key: value.setInt(CalendarGenerator.key(days: days))
        }
    }

    package func epochSeconds(row: Int64) -> Int64? { format == .date ? day(row: row) * 86_400 : nil }

    package var summary: String { "seasonal date from \(CivilDate.dateText(days: start)), \(weights.count) days" }
}

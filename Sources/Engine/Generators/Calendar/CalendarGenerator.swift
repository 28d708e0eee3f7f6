/// One attribute of the date dimension: row *i* is the day `start + i`, so
/// a table of N rows holds every day of N consecutive days, none missing,
/// and each attribute (weekday, quarter, fiscal period, holiday flag) is
/// computed from that day rather than drawn.
package struct CalendarGenerator: ValueGenerator {
    package enum Field: String, Sendable, CaseIterable {
        /// The date itself, `YYYY-MM-DD`.
        case date
        /// The integer key `YYYYMMDD` warehouses join on.
        case key
        case year, quarter, month
        case monthName = "month_name"
        case dayOfMonth = "day_of_month"
        /// ISO: 1 Monday … 7 Sunday.
        case dayOfWeek = "day_of_week"
        case dayName = "day_name"
        /// ISO 8601 week number, 1…53.
        case weekOfYear = "week_of_year"
        case isWeekend = "is_weekend"
        case isHoliday = "is_holiday"
        /// The holiday's name, NULL on other days.
        case holidayName = "holiday_name"
        /// The year the fiscal year ends in.
        case fiscalYear = "fiscal_year"
        case fiscalQuarter = "fiscal_quarter"
        /// Month of the fiscal year, 1…12.
        case fiscalPeriod = "fiscal_period"
    }

    package let start: Int64
    package let field: Field
    /// The calendar month (1…12) a fiscal year starts in.
    package let fiscalStartMonth: Int

    package init(start: Int64, field: Field, fiscalStartMonth: Int = 1) {
        precondition((1...12).contains(fiscalStartMonth), "a fiscal year starts in a month 1…12")
        self.start = start
        self.field = field
        self.fiscalStartMonth = fiscalStartMonth
    }

    static let monthNames = ["January", "February", "March", "April", "May", "June", "July",
                             "August", "September", "October", "November", "December"]
    static let dayNames = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

    package func generate(row: Int64, into value: inout Value) {
        let days = start + row
        let (year, month, day) = CivilDate.civil(days: days)
        let fiscalPeriod = (month - fiscalStartMonth + 12) % 12 + 1
        switch field {
        case .date:
            value.beginText()
            CivilDate.writeDate(days: days, into: &value.bytes)
        case .key: value.setInt(Self.key(days: days))
        case .year: value.setInt(Int64(year))
        case .quarter: value.setInt(Int64((month - 1) / 3 + 1))
        case .month: value.setInt(Int64(month))
        case .monthName: value.setText(Self.monthNames[month - 1])
        case .dayOfMonth: value.setInt(Int64(day))
        case .dayOfWeek: value.setInt(Int64(HolidayCalendar.weekday(days: days)))
        case .dayName: value.setText(Self.dayNames[HolidayCalendar.weekday(days: days) - 1])
        case .weekOfYear: value.setInt(Int64(Self.isoWeek(days: days)))
        case .isWeekend: value.setBool(HolidayCalendar.weekday(days: days) >= 6)
        case .isHoliday: value.setBool(HolidayCalendar.isHoliday(days: days))
        case .holidayName:
            if let name = HolidayCalendar.name(days: days) { value.setText(name) } else { value.setNull() }
        case .fiscalYear: value.setInt(Int64(fiscalStartMonth == 1 || month < fiscalStartMonth ? year : year + 1))
        case .fiscalQuarter: value.setInt(Int64((fiscalPeriod - 1) / 3 + 1))
        case .fiscalPeriod: value.setInt(Int64(fiscalPeriod))
        }
    }

    package func epochSeconds(row: Int64) -> Int64? { field == .date ? (start + row) * 86_400 : nil }

    /// `YYYYMMDD` as an integer (2024-07-01 → 20240701).
    package static func key(days: Int64) -> Int64 {
        let (y, m, d) = CivilDate.civil(days: days)
        return Int64(y * 10_000 + m * 100 + d)
    }

    /// ISO 8601 week: the week (Monday first) holding the year's first Thursday is week 1.
    static func isoWeek(days: Int64) -> Int {
        let thursday = days - Int64(HolidayCalendar.weekday(days: days)) + 4
        let year = CivilDate.civil(days: thursday).year
        return Int((thursday - CivilDate.days(year: year, month: 1, day: 1)) / 7) + 1
    }

    package var summary: String { "calendar \(field.rawValue) from \(CivilDate.dateText(days: start))" }
}

/// The public holidays a retail year peaks on, computed from the date
/// alone (fixed dates and "the fourth Thursday of November" rules), so the
/// date dimension's `is_holiday` flag and the fact tables' holiday peaks
/// (`seasonal_date`) agree day for day without a table of years.
package enum HolidayCalendar {
    /// The holiday on `days` (days since 1970-01-01), or nil.
    package static func name(days: Int64) -> String? {
        let (year, month, day) = CivilDate.civil(days: days)
        switch (month, day) {
        case (1, 1): return "New Year's Day"
        case (2, 14): return "Valentine's Day"
        case (7, 4): return "Independence Day"
        case (10, 31): return "Halloween"
        case (12, 24): return "Christmas Eve"
        case (12, 25): return "Christmas Day"
        case (12, 26): return "Boxing Day"
        case (12, 31): return "New Year's Eve"
        default: break
        }
        if month == 5, days == nthWeekday(-1, weekday: 1, month: 5, year: year) { return "Memorial Day" }
        if month == 9, days == nthWeekday(1, weekday: 1, month: 9, year: year) { return "Labor Day" }
        if month == 11 {
            let thanksgiving = nthWeekday(4, weekday: 4, month: 11, year: year)
            if days == thanksgiving { return "Thanksgiving" }
            if days == thanksgiving + 1 { return "Black Friday" }
        }
        return nil
    }

    package static func isHoliday(days: Int64) -> Bool { name(days: days) != nil }

    /// ISO weekday of `days`: 1 Monday … 7 Sunday (1970-01-01 was a Thursday).
    package static func weekday(days: Int64) -> Int {
        Int(((days % 7) + 7 + 3) % 7) + 1
    }

    /// The `n`th `weekday` (1 Monday … 7 Sunday) of a month; `n = -1`: the last.
    static func nthWeekday(_ n: Int, weekday: Int, month: Int, year: Int) -> Int64 {
        if n < 0 {
            let last = CivilDate.days(year: year, month: month, day: CivilDate.daysInMonth(year: year, month: month))
            return last - Int64((Self.weekday(days: last) - weekday + 7) % 7)
        }
        let first = CivilDate.days(year: year, month: month, day: 1)
        return first + Int64((weekday - Self.weekday(days: first) + 7) % 7) + Int64(7 * (n - 1))
    }
}

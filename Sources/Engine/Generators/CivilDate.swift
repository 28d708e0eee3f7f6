/// Proleptic Gregorian calendar arithmetic on day numbers (days since
/// 1970-01-01), after Howard Hinnant's `civil_from_days`: dates are written
/// without Foundation's calendars and formatters, which are slow and
/// depend on the machine's locale and time zone.
package enum CivilDate {
    package static func days(year: Int, month: Int, day: Int) -> Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let m = Int64(month)
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + Int64(day) - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    package static func civil(days: Int64) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (Int(m <= 2 ? y + 1 : y), Int(m), Int(d))
    }

    /// The days in `month` (1-12) of `year`.
    package static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Parses `YYYY-MM-DD` (a time part after it is ignored). Lenient, for
    /// config values, `--dates`, partition bounds and generated text: months
    /// and days of one digit are read, and a day past the month's end rolls
    /// over into the next month. CHECK literals go through the strict
    /// `CheckCalendar.parse`, which refuses both.
    /// The days of a month of the proleptic Gregorian calendar (February 29 in leap years).
    package static func daysIn(year: Int, month: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// `YYYY-MM-DD` (anything after the tenth character ignored) as days
    /// since 1970-01-01; nil for another shape or a day the month does not
    /// have (2023-02-29, 2024-04-31).
    package static func parseDays(_ text: String) -> Int64? {
        let parts = text.prefix(10).split(separator: "-")
        guard parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              (1...12).contains(m), (1...daysIn(year: y, month: m)).contains(d) else { return nil }
        return days(year: y, month: m, day: d)
    }

    /// Parses `YYYY-MM-DD[ T]HH:MM[:SS[.fff]][±HH[:MM]]` into seconds since the
    /// epoch; a UTC offset, when present, is applied (the result is UTC).
    package static func parseSeconds(_ text: String) -> Int64? {
        guard let d = parseDays(text) else { return nil }
        var seconds = d * 86_400
        let rest = text.dropFirst(10).drop { $0 == " " || $0 == "T" }
        let clock = rest.prefix { $0.isNumber || $0 == ":" || $0 == "." }
        let hms = clock.split(separator: ":").compactMap { Int($0.prefix(2)) }
        if hms.count >= 2 { seconds += Int64(hms[0] * 3600 + hms[1] * 60 + (hms.count > 2 ? hms[2] : 0)) }
        let zone = rest.dropFirst(clock.count)
        if let sign = zone.first, sign == "+" || sign == "-" {
            let parts = zone.dropFirst().split(separator: ":").compactMap { Int($0) }
            var offset = 0
            if let first = parts.first {
                offset = first >= 100 ? (first / 100) * 3600 + (first % 100) * 60 : first * 3600
                if parts.count > 1 { offset += parts[1] * 60 }
            }
            seconds -= Int64(sign == "+" ? offset : -offset)
        }
        return seconds
    }

    /// `parseDays` for the text dbsynth's own generators write
    /// (`YYYY-MM-DD…`), read straight from the bytes without making a
    /// `String`; nil for any other shape (the caller falls back to `parseDays`).
    package static func writtenDays(_ b: [UInt8]) -> Int64? {
        b.withUnsafeBytes { writtenDays($0) }
    }

    /// `writtenDays` over bytes in place (a batch's arena).
    package static func writtenDays(_ b: UnsafeRawBufferPointer) -> Int64? {
        guard b.count >= 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"),
              let y = digits(b, 0..<4), let m = digits(b, 5..<7), let d = digits(b, 8..<10),
              (1...12).contains(m), (1...daysIn(year: y, month: m)).contains(d) else { return nil }
        return days(year: y, month: m, day: d)
    }

    /// `parseSeconds` for generated text: a date, or `YYYY-MM-DD HH:MM:SS`
    /// (space or `T`) with nothing after it but `+00`; nil for other shapes.
    package static func writtenSeconds(_ b: [UInt8]) -> Int64? {
        b.withUnsafeBytes { writtenSeconds($0) }
    }

    /// `writtenSeconds` over bytes in place (a batch's arena).
    package static func writtenSeconds(_ b: UnsafeRawBufferPointer) -> Int64? {
        guard let d = writtenDays(b) else { return nil }
        if b.count == 10 { return d * 86_400 }
        guard b.count == 19 || (b.count == 22 && b[19] == UInt8(ascii: "+") && b[20] == UInt8(ascii: "0") && b[21] == UInt8(ascii: "0")),
              b[10] == UInt8(ascii: " ") || b[10] == UInt8(ascii: "T"), b[13] == UInt8(ascii: ":"), b[16] == UInt8(ascii: ":"),
              let h = digits(b, 11..<13), let mi = digits(b, 14..<16), let s = digits(b, 17..<19) else { return nil }
        return d * 86_400 + Int64(h * 3600 + mi * 60 + s)
    }

    @inline(__always)
    static func digits(_ b: UnsafeRawBufferPointer, _ range: Range<Int>) -> Int? {
        var v = 0
        for i in range {
            let digit = b[i] &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            v = v * 10 + Int(digit)
        }
        return v
    }

    /// The day as `YYYY-MM-DD` text (summaries and reports, not the hot path).
    package static func dateText(days: Int64) -> String {
        var out = ByteWriter(capacity: 10)
        writeDate(days: days, into: &out)
        return String(decoding: out.bytes, as: UTF8.self)
    }

    package static func writeDate(days: Int64, into out: inout ByteWriter) {
        let (y, m, d) = civil(days: days)
        out.appendPadded(y, width: 4)
        out.append(UInt8(ascii: "-"))
        out.appendPadded(m, width: 2)
        out.append(UInt8(ascii: "-"))
        out.appendPadded(d, width: 2)
    }

    package static func writeTime(secondsOfDay s: Int64, into out: inout ByteWriter) {
        out.appendPadded(Int(s / 3600), width: 2)
        out.append(UInt8(ascii: ":"))
        out.appendPadded(Int(s / 60 % 60), width: 2)
        out.append(UInt8(ascii: ":"))
        out.appendPadded(Int(s % 60), width: 2)
    }

    /// The day (since 1970-01-01) an instant falls on, rounding down for
    /// instants before the epoch too.
    @inline(__always)
    package static func day(ofSeconds seconds: Int64) -> Int64 {
        seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
    }

    /// `YYYY-MM-DD HH:MM:SS`, the form both databases parse; with
    /// `separator: "T"` the ISO 8601 form smelt-datagen writes.
    package static func writeTimestamp(seconds: Int64, separator: UInt8 = UInt8(ascii: " "), into out: inout ByteWriter) {
        let days = day(ofSeconds: seconds)
        writeDate(days: days, into: &out)
        out.append(separator)
        writeTime(secondsOfDay: seconds - days * 86_400, into: &out)
    }
}

/// The window generated dates fall into unless a CHECK or config says
/// otherwise. Fixed, not relative to today, so the same seed gives the same
/// data next year too; it ends before any run's `now()`.
package enum DefaultWindow {
    package static let startDays = CivilDate.days(year: 2021, month: 1, day: 1)
    package static let endDays = CivilDate.days(year: 2025, month: 12, day: 31)
    package static let days = startDays...endDays
}

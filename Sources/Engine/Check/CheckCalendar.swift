import SchemaModel

// MARK: - Calendar helpers (proleptic Gregorian, UTC, no Foundation)

enum CheckCalendar {
    struct Interval: Equatable, CustomStringConvertible {
        var months: Int
        var days: Int
        var seconds: Double

        var negated: Interval { Interval(months: -months, days: -days, seconds: -seconds) }

        /// Approximate length (30-day months) for comparisons.
        var approximateSeconds: Double { Double(months) * 30 * 86_400 + Double(days) * 86_400 + seconds }

        /// The shortest and longest the interval can be, in seconds, from any
        /// starting point: a year is 365 or 366 days, k consecutive months
        /// between `minMonthDays[k]` and `maxMonthDays[k]` days (UTC days are
        /// 86 400 s).
        var secondsRange: ClosedRange<Double> {
            let n = Swift.abs(months), years = n / 12, rest = n % 12
            let shortest = Double(years * 365 + Self.minMonthDays[rest]) * 86_400
            let longest = Double(years * 366 + Self.maxMonthDays[rest]) * 86_400
            let other = Double(days) * 86_400 + seconds
            return months >= 0 ? (other + shortest)...(other + longest) : (other - longest)...(other - shortest)
        }

        static let minMonthDays = [0, 28, 59, 89, 120, 150, 181, 212, 242, 273, 303, 334]
        static let maxMonthDays = [0, 31, 62, 92, 123, 153, 184, 215, 245, 276, 306, 337]

        var description: String {
            var parts: [String] = []
            if months != 0 { parts.append("\(months) mons") }
            if days != 0 { parts.append("\(days) days") }
            if seconds != 0 || parts.isEmpty { parts.append("\(CheckCalendar.formatNumber(seconds)) seconds") }
            return parts.joined(separator: " ")
        }
    }

    /// Parses `YYYY-MM-DD`, optionally followed by ` ` or `T` and
    /// `HH:MM[:SS[.fff]]`, and an ignored zone (`Z`, `+01`, `-05:30`).
    /// Strict: exactly four-digit years and two-digit months and days, days
    /// within their month (unlike the lenient `CivilDate.parseDays` and
    /// `parseSeconds`, which also apply a zone).
    static func parse(_ text: String) -> (days: Int64, seconds: Double, hasTime: Bool)? {
        let c = Array(text.trimmingSpaces().utf8)
        func digits(_ from: Int, _ n: Int) -> Int? {
            guard from + n <= c.count else { return nil }
            var v = 0
            for i in from..<from + n {
                guard c[i] >= 48, c[i] <= 57 else { return nil }
                v = v * 10 + Int(c[i] - 48)
            }
            return v
        }
        guard c.count >= 10, let y = digits(0, 4), c[4] == UInt8(ascii: "-"), let m = digits(5, 2), c[7] == UInt8(ascii: "-"),
              let d = digits(8, 2), (1...12).contains(m), d >= 1, d <= CivilDate.daysInMonth(year: y, month: m) else { return nil }
        let days = CivilDate.days(year: y, month: m, day: d)
        if c.count == 10 { return (days, 0, false) }
        guard c[10] == UInt8(ascii: " ") || c[10] == UInt8(ascii: "T") else { return nil }
        var i = 11
        while i < c.count, c[i] == UInt8(ascii: " ") { i += 1 }
        guard let hh = digits(i, 2), i + 2 < c.count, c[i + 2] == UInt8(ascii: ":"), let mm = digits(i + 3, 2), hh <= 24, mm < 60 else { return nil }
        var secs = Double(hh * 3600 + mm * 60)
        i += 5
        if i < c.count, c[i] == UInt8(ascii: ":") {
            guard let ss = digits(i + 1, 2), ss <= 60 else { return nil }
            secs += Double(ss)
            i += 3
            if i < c.count, c[i] == UInt8(ascii: ".") {
                var j = i + 1
                var frac = 0.0, scale = 0.1
                while j < c.count, c[j] >= 48, c[j] <= 57 { frac += Double(c[j] - 48) * scale; scale /= 10; j += 1 }
                secs += frac
                i = j
            }
        }
        while i < c.count, c[i] == UInt8(ascii: " ") { i += 1 }
        if i < c.count {
            // Zone: Z, +HH, +HH:MM, +HHMM (ignored).
            guard c[i] == UInt8(ascii: "Z") || c[i] == UInt8(ascii: "+") || c[i] == UInt8(ascii: "-") else { return nil }
            let zone = c[(i + 1)...].filter { $0 != UInt8(ascii: ":") }
            guard c[i] == UInt8(ascii: "Z") ? zone.isEmpty : (zone.count == 2 || zone.count == 4) && zone.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        }
        return (days, secs, true)
    }

    static func parseTimeOfDay(_ text: String) -> Double? {
        guard let p = parse("2000-01-01 " + text.trimmingSpaces()) else { return nil }
        return p.seconds
    }

    /// Normalised text of a date/timestamp literal (`T` → space), or nil.
    static func normalizedTemporal(_ text: String) -> String? {
        guard let p = parse(text) else { return nil }
        return p.hasTime ? formatTimestamp(days: p.days, seconds: p.seconds) : formatDate(p.days)
    }

    static func pad(_ v: Int, _ n: Int) -> String {
        let s = String(Swift.abs(v))
        return (v < 0 ? "-" : "") + String(repeating: "0", count: max(0, n - s.count)) + s
    }

    static func formatDate(_ days: Int64) -> String {
        let (y, m, d) = CivilDate.civil(days: days)
        return pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2)
    }

    static func formatTime(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded(.down))
        var s = pad(whole / 3600, 2) + ":" + pad((whole % 3600) / 60, 2) + ":" + pad(whole % 60, 2)
        let frac = seconds - Double(whole)
        if frac > 0.000_000_5 {
            let micros = Int((frac * 1_000_000).rounded())
            var f = pad(micros, 6)
            while f.hasSuffix("0") { f.removeLast() }
            s += "." + f
        }
        return s
    }

    static func formatTimestamp(days: Int64, seconds: Double) -> String {
        formatDate(days) + " " + formatTime(seconds)
    }

    static func formatNumber(_ d: Double) -> String {
        if d == d.rounded(), Swift.abs(d) < 1e15 { return String(Int64(d)) }
        return String(d)
    }

    static func parseBool(_ s: String) -> Bool? {
        switch s.trimmingSpaces().lowercased() {
        case "t", "true", "y", "yes", "on", "1": return true
        case "f", "false", "n", "no", "off", "0": return false
        default: return nil
        }
    }

    /// `30 days`, `1 year 2 mons`, `-1 day`, `01:30:00`, `1 day 02:00:00`,
    /// `2 weeks`, `@ 3 hours`.
    static func parseInterval(_ text: String) -> Interval? {
        var words = text.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        if words.first == "@" { words.removeFirst() }
        var ago = false
        if words.last == "ago" { ago = true; words.removeLast() }
        guard !words.isEmpty else { return nil }
        var r = Interval(months: 0, days: 0, seconds: 0)
        var i = 0
        while i < words.count {
            let w = words[i]
            if w.contains(":") {
                let neg = w.hasPrefix("-")
                let body = neg || w.hasPrefix("+") ? String(w.dropFirst()) : w
                let parts = body.split(separator: ":", omittingEmptySubsequences: false).map { Double($0) }
                guard parts.count >= 2, parts.count <= 3, parts.allSatisfy({ $0 != nil }) else { return nil }
                let secs = parts[0]! * 3600 + parts[1]! * 60 + (parts.count == 3 ? parts[2]! : 0)
                r.seconds += neg ? -secs : secs
                i += 1
                continue
            }
            // A number with its unit attached (`30days`) or as the next word.
            var numberText = w
            var unit = ""
            if let firstLetter = w.firstIndex(where: { $0.isLetter }) {
                numberText = String(w[..<firstLetter])
                unit = String(w[firstLetter...])
            }
            guard let n = Double(numberText), n.isFinite, Swift.abs(n) < 1e9 else { return nil }
            if unit.isEmpty {
                guard i + 1 < words.count else {
                    r.seconds += n // bare number: seconds
                    i += 1
                    continue
                }
                unit = words[i + 1]
                i += 1
            }
            i += 1
            switch unit {
            case "year", "years", "yr", "yrs", "y": r.months += Int(n * 12)
            case "month", "months", "mon", "mons": r.months += Int(n)
            case "week", "weeks", "w": r.days += Int(n * 7)
            case "day", "days", "d": r.days += Int(n)
            case "hour", "hours", "hr", "hrs", "h": r.seconds += n * 3600
            case "minute", "minutes", "min", "mins", "m": r.seconds += n * 60
            case "second", "seconds", "sec", "secs", "s": r.seconds += n
            case "millisecond", "milliseconds", "ms": r.seconds += n / 1000
            default: return nil
            }
        }
        return ago ? r.negated : r
    }

    /// Adds an interval to a point in time (months first, clamping the day).
    static func add(_ i: Interval, days: Int64, seconds: Double) -> (days: Int64, seconds: Double) {
        var d = days
        if i.months != 0 {
            let (y, m, day) = CivilDate.civil(days: d)
            let total = y * 12 + (m - 1) + i.months
            let ny = Int((Double(total) / 12).rounded(.down)), nm = total - ny * 12 + 1
            d = CivilDate.days(year: ny, month: nm, day: min(day, CivilDate.daysInMonth(year: ny, month: nm)))
        }
        d += Int64(i.days)
        var s = seconds + i.seconds
        let carry = Int64((s / 86_400).rounded(.down))
        d += carry
        s -= Double(carry) * 86_400
        return (d, s)
    }

    /// SQLite date modifiers: `±N days|hours|minutes|seconds|months|years`,
    /// `start of day|month|year`.
    static func applySQLiteModifier(_ m: String, days: Int64, seconds: Double) -> (Int64, Double)? {
        let t = m.trimmingSpaces().lowercased()
        switch t {
        case "start of day": return (days, 0)
        case "start of month":
            let (y, mo, _) = CivilDate.civil(days: days)
            return (CivilDate.days(year: y, month: mo, day: 1), 0)
        case "start of year":
            let (y, _, _) = CivilDate.civil(days: days)
            return (CivilDate.days(year: y, month: 1, day: 1), 0)
        case "utc", "localtime": return (days, seconds)
        default:
            guard let i = parseInterval(t) else { return nil }
            let r = add(i, days: days, seconds: seconds)
            return (r.days, r.seconds)
        }
    }
}

extension Double {
    /// The value as an `Int` when it is finite and well inside `Int`'s range.
    var checkInt: Int? { isFinite && Swift.abs(self) <= 4.5e15 ? Int(self) : nil }
}

extension String {
    /// ASCII case-insensitive equality (identifiers, keywords).
    func checkCaseInsensitiveEquals(_ other: String) -> Bool {
        lowercased() == other.lowercased()
    }

    func checkReplacing(_ target: String, with replacement: String) -> String {
        let t = Array(self), a = Array(target)
        guard !a.isEmpty else { return self }
        var out = ""
        var i = 0
        while i < t.count {
            if i + a.count <= t.count, Array(t[i..<i + a.count]) == a {
                out += replacement
                i += a.count
            } else {
                out.append(t[i])
                i += 1
            }
        }
        return out
    }
}

import Engine

/// Reads the text forms generators write (dates, timestamps, decimals,
/// UUIDs) into the values Parquet stores, straight from a batch's arena.
/// nil means the text is not of that shape; the caller says which column.
enum ParquetValueParser {
    /// Days since 1970-01-01 of `YYYY-MM-DD[…]`.
    static func days(_ text: UnsafeRawBufferPointer) -> Int64? {
        CivilDate.writtenDays(text) ?? CivilDate.parseDays(String(decoding: text, as: UTF8.self))
    }

    /// Microseconds since the epoch (UTC when the text has an offset) of a
    /// timestamp, with up to six fractional digits.
    static func micros(_ text: UnsafeRawBufferPointer) -> Int64? {
        if let seconds = CivilDate.writtenSeconds(text) { return seconds * 1_000_000 }
        let string = String(decoding: text, as: UTF8.self)
        guard let seconds = CivilDate.parseSeconds(string) else { return nil }
        var fraction: Int64 = 0
        // The fraction follows the seconds (`HH:MM:SS.ffffff`), after the date's ten characters.
        if let dot = string.utf8.indices.dropFirst(10).first(where: { string.utf8[$0] == UInt8(ascii: ".") }) {
            var scale: Int64 = 100_000
            for b in string.utf8[string.utf8.index(after: dot)...] {
                let digit = b &- UInt8(ascii: "0")
                guard digit < 10 else { break }
                fraction += Int64(digit) * scale
                scale /= 10
            }
        }
        return seconds * 1_000_000 + fraction
    }

    /// `-123.4567` as an integer of 10^-`scale` units (more fractional
    /// digits are rounded half away from zero); nil when it is not a plain
    /// decimal or needs more than `precision` digits.
    static func decimalUnits(_ text: UnsafeRawBufferPointer, precision: Int, scale: Int) -> Int128? {
        var i = 0
        var negative = false
        if i < text.count, text[i] == UInt8(ascii: "-") || text[i] == UInt8(ascii: "+") {
            negative = text[i] == UInt8(ascii: "-")
            i += 1
        }
        var units: Int128 = 0
        var fractionDigits = 0
        var inFraction = false
        var sawDigit = false
        var droppedDigit: UInt8?
        while i < text.count {
            let b = text[i]
            i += 1
            if b == UInt8(ascii: ".") {
                guard !inFraction else { return nil }
                inFraction = true
                continue
            }
            let digit = b &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            sawDigit = true
            if inFraction {
                if fractionDigits == scale {
                    // The first digit past the scale decides the rounding.
                    if droppedDigit == nil { droppedDigit = digit }
                    continue
                }
                fractionDigits += 1
            }
            guard let next = appendingDigit(units, digit) else { return nil }
            units = next
        }
        guard sawDigit else { return nil }
        for _ in fractionDigits..<scale {
            guard let next = appendingDigit(units, 0) else { return nil }
            units = next
        }
        if let droppedDigit, droppedDigit >= 5 { units += 1 }
        guard units < power10(precision) else { return nil }
        return negative ? -units : units
    }

    /// `units · 10 + digit`, nil past 38 digits.
    private static func appendingDigit(_ units: Int128, _ digit: UInt8) -> Int128? {
        units < power10(37) ? units * 10 + Int128(digit) : nil
    }

    /// 10^n as an `Int128`, n at most 38.
    static func power10(_ n: Int) -> Int128 { powersOf10[min(max(n, 0), 38)] }

    private static let powersOf10: [Int128] = (0...38).map { n in (0..<n).reduce(Int128(1)) { v, _ in v * 10 } }

    /// The 16 bytes of a UUID written as hex (dashes anywhere are skipped).
    static func uuid(_ text: UnsafeRawBufferPointer, into out: inout (UInt64, UInt64)) -> Bool {
        var high: UInt64 = 0
        var low: UInt64 = 0
        var nibbles = 0
        for b in text where b != UInt8(ascii: "-") {
            let v: UInt8
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): v = b - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): v = b - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): v = b - UInt8(ascii: "A") + 10
            default: return false
            }
            if nibbles < 16 { high = high << 4 | UInt64(v) } else { low = low << 4 | UInt64(v) }
            nibbles += 1
        }
        guard nibbles == 32 else { return false }
        out = (high, low)
        return true
    }
}

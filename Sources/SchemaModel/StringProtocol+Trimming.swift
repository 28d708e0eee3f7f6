extension StringProtocol where UTF8View: BidirectionalCollection {
    /// The text without leading and trailing white space, as SQL and C's
    /// `isspace()` see it: space, tab, line feed, vertical tab, form feed and
    /// carriage return. Other Unicode spaces (no-break space, ...) are kept:
    /// neither database skips them in SQL text or when casting text to a
    /// number, date or boolean. No Foundation needed.
    package func trimmingSpaces() -> String {
        let bytes = utf8
        var start = bytes.startIndex
        var end = bytes.endIndex
        while start < end, Self.isSpace(bytes[start]) { bytes.formIndex(after: &start) }
        while start < end {
            let last = bytes.index(before: end)
            guard Self.isSpace(bytes[last]) else { break }
            end = last
        }
        // The cuts fall next to ASCII bytes, so the slice is whole UTF-8.
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte)
    }
}

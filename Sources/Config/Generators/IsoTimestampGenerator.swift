import Engine

/// `timestamp`: an instant in [start, end) written `YYYY-MM-DDTHH:MM:SS`
/// (smelt-datagen's form, which PostgreSQL and SQLite both read).
package struct IsoTimestampGenerator: ValueGenerator {
    package let start: Int64
    package let end: Int64
    package let stream: UInt64

    package init(start: Int64, end: Int64, stream: UInt64) {
        self.start = start
        self.end = end
        self.stream = stream
    }

    package func generate(row: Int64, into value: inout Value) {
        var r = RowRandom(stream: stream, row: row)
        let seconds = r.int(start...(end - 1))
        value.beginText()
        CivilDate.writeTimestamp(seconds: seconds, into: &value.bytes)
        // writeTimestamp separates with a space; the ISO form has a T.
        value.bytes.bytes[10] = UInt8(ascii: "T")
    }

    package var summary: String { "timestamp" }
}

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

/// `partition: {column, start, days}`: rows spread evenly over `days`
/// consecutive dates, in row order (row i gets day ⌊i·days/rows⌋).
package struct PartitionDateGenerator: ValueGenerator {
    package let start: Int64
    package let days: Int64
    package let rows: Int64

    package init(start: Int64, days: Int64, rows: Int64) {
        self.start = start
        self.days = days
        self.rows = max(rows, 1)
    }

    package func generate(row: Int64, into value: inout Value) {
        let day = Int64((Double(row) * Double(days) / Double(rows)).rounded(.down))
        value.beginText()
        CivilDate.writeDate(days: start + min(day, days - 1), into: &value.bytes)
    }

    package var summary: String { "partition date, \(days) days" }
}

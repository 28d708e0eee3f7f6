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

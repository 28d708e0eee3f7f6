/// A row's own origin time (when it was created, ordered, rented) on or
/// after the origin time of the parent row it points at: a rental after its
/// customer's `create_date`, a payment after its rental. The parent's value
/// is recomputed from the parent's generator at the picked parent row
/// (`parent` is that FK's generator of the parent's column), never read
/// back; the child's time is spread uniformly between it and the end of
/// the date window, so children of early parents spread over the years and
/// children of late parents crowd after them.
package struct AfterParentGenerator: ValueGenerator {
    package let parent: ForeignKeyGenerator
    /// The column's value without its parent: used when the parent's time is
    /// NULL or not a date.
    package let own: any ValueGenerator
    package let unit: OrderedAfterGenerator.Unit
    /// The last day or second (per `unit`) of the date window.
    package let windowEnd: Int64
    package let timeZoneSuffix: Bool
    package let stream: UInt64
    /// For a timestamp that must be unique (`UNIQUE (rental_date, …)` with
    /// the timestamp carrying it): distinct microseconds per row, a
    /// permutation of 0..<1,000,000, so values differ by construction
    /// whatever seconds they land on.
    package let uniqueMicroseconds: Permutation?

    package init(parent: ForeignKeyGenerator, own: any ValueGenerator, unit: OrderedAfterGenerator.Unit, windowEnd: Int64,
                 timeZoneSuffix: Bool, stream: UInt64, uniqueMicroseconds: Permutation? = nil) {
        self.parent = parent
        self.own = own
        self.unit = unit
        self.windowEnd = windowEnd
        self.timeZoneSuffix = timeZoneSuffix
        self.stream = stream
        self.uniqueMicroseconds = uniqueMicroseconds
    }

    /// The parent's instant: straight from its generator when it can say,
    /// else from the text it writes.
    @inline(__always)
    func parentSeconds(row: Int64, scratch value: inout Value) -> Int64? {
        if let seconds = parent.epochSeconds(row: row) { return seconds }
        parent.generate(row: row, into: &value)
        guard value.kind == .text else { return nil }
        return CivilDate.writtenSeconds(value.bytes.bytes) ?? CivilDate.parseSeconds(String(decoding: value.bytes.bytes, as: UTF8.self))
    }

    /// The child's instant for `row` (a day's midnight in days units), or
    /// nil when the parent's time cannot be read.
    @inline(__always)
    func instant(row: Int64, scratch: inout Value) -> Int64? {
        guard let seconds = parentSeconds(row: row, scratch: &scratch) else { return nil }
        var r = RowRandom(stream: stream, row: row)
        if unit == .days {
            let start = CivilDate.day(ofSeconds: seconds)
            return (start < windowEnd ? r.int(start...windowEnd) : start) * 86_400
        }
        return seconds < windowEnd ? r.int(seconds...windowEnd) : seconds
    }

    package func generate(row: Int64, into value: inout Value) {
        guard unit != .number else { return own.generate(row: row, into: &value) }
        // Without a readable parent time the column keeps its own value; a
        // unique one then starts at the window's end, past every other row.
        guard let seconds = instant(row: row, scratch: &value) else {
            guard uniqueMicroseconds != nil else { return own.generate(row: row, into: &value) }
            return writeSeconds(windowEnd, row: row, into: &value)
        }
        if unit == .days {
            value.beginText()
            CivilDate.writeDate(days: seconds / 86_400, into: &value.bytes)
        } else {
            writeSeconds(seconds, row: row, into: &value)
        }
    }

    func writeSeconds(_ seconds: Int64, row: Int64, into value: inout Value) {
        value.beginText()
        CivilDate.writeTimestamp(seconds: seconds, into: &value.bytes)
        if let uniqueMicroseconds {
            value.bytes.append(UInt8(ascii: "."))
            value.bytes.appendPadded(Int(uniqueMicroseconds.apply(UInt64(row) % uniqueMicroseconds.count)), width: 6)
        }
        if timeZoneSuffix { value.bytes.append("+00") }
    }

    package func epochSeconds(row: Int64) -> Int64? {
        guard uniqueMicroseconds == nil, unit != .number else { return nil }
        var scratch = Value()
        return instant(row: row, scratch: &scratch) ?? own.epochSeconds(row: row)
    }

    package var summary: String { (uniqueMicroseconds == nil ? "" : "unique ") + "on or after \(parent.parentName)" }
}

extension AfterParentGenerator: UniqueValueGenerator {
    /// Distinct only with unique microseconds; the planner asks only then.
    package var capacity: Int64? { uniqueMicroseconds.map { Int64($0.count) } }
}

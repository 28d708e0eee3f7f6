/// A date uniformly drawn from a day range.
package struct DateGenerator: ValueGenerator {
    package let days: ClosedRange<Int64>
    package let stream: UInt64

    package init(days: ClosedRange<Int64> = DefaultWindow.startDays...DefaultWindow.endDays, stream: UInt64) {
        self.days = days
        self.stream = stream
    }

    package func generate(row: Int64, into value: inout Value) {
        value.beginText()
        CivilDate.writeDate(days: day(row: row), into: &value.bytes)
    }

    /// `DEFAULT CURRENT_DATE`: later days likelier, as for `TimestampGenerator.recent`.
    package var recent = false

    @inline(__always)
    func day(row: Int64) -> Int64 { drawInstant(days, recent: recent, stream: stream, row: row) }

    package func epochSeconds(row: Int64) -> Int64? { day(row: row) * 86_400 }

    package var summary: String { recent ? "date, recent likelier (its DEFAULT is today)" : "date" }
}

/// A timestamp uniformly drawn from a range of epoch seconds; with a time
/// zone it is written in UTC with an explicit `+00` offset.
package struct TimestampGenerator: ValueGenerator {
    package let seconds: ClosedRange<Int64>
    package let withTimeZone: Bool
    /// Between date and time: a space, or `T` for smelt-datagen's ISO form.
    package let separator: UInt8
    package let stream: UInt64

    package init(seconds: ClosedRange<Int64>? = nil, withTimeZone: Bool, separator: UInt8 = UInt8(ascii: " "), stream: UInt64) {
        self.seconds = seconds ?? (DefaultWindow.startDays * 86_400)...(DefaultWindow.endDays * 86_400 + 86_399)
        self.withTimeZone = withTimeZone
        self.separator = separator
        self.stream = stream
    }

    package func generate(row: Int64, into value: inout Value) {
        value.beginText()
        CivilDate.writeTimestamp(seconds: second(row: row), separator: separator, into: &value.bytes)
        if withTimeZone { value.bytes.append("+00") }
    }

    /// `DEFAULT now()`: the later part of the window is likelier (density
    /// rising linearly to its end), as rows written "now" by an app that
    /// grows pile up toward the present.
    package var recent = false

    @inline(__always)
    func second(row: Int64) -> Int64 { drawInstant(seconds, recent: recent, stream: stream, row: row) }

    package func epochSeconds(row: Int64) -> Int64? { second(row: row) }

    package var summary: String { (withTimeZone ? "timestamptz" : "timestamp") + (recent ? ", recent likelier (its DEFAULT is now)" : "") }
}

/// A time of day.
package struct TimeGenerator: ValueGenerator {
    package let withTimeZone: Bool
    package let stream: UInt64

    package init(withTimeZone: Bool, stream: UInt64) {
        self.withTimeZone = withTimeZone
        self.stream = stream
    }

    package func generate(row: Int64, into value: inout Value) {
        var r = RowRandom(stream: stream, row: row)
        value.beginText()
        CivilDate.writeTime(secondsOfDay: r.int(0...86_399), into: &value.bytes)
        if withTimeZone { value.bytes.append("+00") }
    }

    package var summary: String { "time" }
}

/// An interval of whole days, hours and minutes (`3 days 04:05:00`).
package struct IntervalGenerator: ValueGenerator {
    package let stream: UInt64
    package init(stream: UInt64) { self.stream = stream }

    package func generate(row: Int64, into value: inout Value) {
        var r = RowRandom(stream: stream, row: row)
        value.beginText()
        value.bytes.appendInt(r.int(0...30))
        value.bytes.append(" days ")
        CivilDate.writeTime(secondsOfDay: r.int(0...86_399), into: &value.bytes)
    }

    package var summary: String { "interval" }
}

/// A day or second of `range` for `row`: uniform, or with `recent` a
/// density rising linearly to the range's end (the square root of a
/// uniform draw), for dates and timestamps written "now".
@inline(__always)
func drawInstant(_ range: ClosedRange<Int64>, recent: Bool, stream: UInt64, row: Int64) -> Int64 {
    var r = RowRandom(stream: stream, row: row)
    guard recent else { return r.int(range) }
    let span = Double(range.upperBound - range.lowerBound)
    return range.lowerBound + Int64((span * r.unit().squareRoot()).rounded(.down))
}

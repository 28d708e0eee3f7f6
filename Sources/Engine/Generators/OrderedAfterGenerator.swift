/// A column that a CHECK orders after another (`end_date > start_date`): the
/// other column's value for the same row plus a positive gap, so the order
/// holds by construction and both stay pure functions of the row.
package struct OrderedAfterGenerator: ValueGenerator {
    package enum Unit: Sendable { case days, seconds, number }

    package let base: any ValueGenerator
    package let unit: Unit
    package let gap: ClosedRange<Int64>
    package let timeZoneSuffix: Bool
    package let stream: UInt64
    /// Values past this (days or seconds, per `unit`) are pulled back to it,
    /// never closer to the base than the minimum gap: `updated_at` does not
    /// wander past the date window into the future.
    package let cap: Int64?
    /// Writes the value when the base is NULL (the base's branch of a CHECK
    /// needs NULL) and this column may not be: the order then holds vacuously.
    package let whenBaseIsNull: (any ValueGenerator)?

    package init(base: any ValueGenerator, unit: Unit, gap: ClosedRange<Int64>, timeZoneSuffix: Bool, stream: UInt64, cap: Int64? = nil,
                 whenBaseIsNull: (any ValueGenerator)? = nil) {
        self.whenBaseIsNull = whenBaseIsNull
        self.base = base
        self.unit = unit
        self.gap = gap
        self.timeZoneSuffix = timeZoneSuffix
        self.stream = stream
        self.cap = cap
    }

    /// `base + delta`, folded back into `base + minimum gap … cap` when it
    /// would pass the cap (spread out, not piled up on the cap itself).
    @inline(__always)
    func later(_ base: Int64, _ delta: Int64) -> Int64 {
        let value = base &+ delta
        guard let cap, value > cap else { return value }
        let earliest = base &+ gap.lowerBound
        guard cap > earliest else { return earliest }
        return earliest + (delta - gap.lowerBound) % (cap - earliest + 1)
    }

    package func generate(row: Int64, into value: inout Value) {
        var r = RowRandom(stream: stream, row: row)
        guard unit != .number else {
            base.generate(row: row, into: &value)
            if value.kind == .null, let whenBaseIsNull { return whenBaseIsNull.generate(row: row, into: &value) }
            let delta = r.int(gap)
            switch value.kind {
            case .int: value.setInt(value.int &+ delta)
            case .double: value.setDouble(value.double + Double(delta))
            default: break
            }
            return
        }
        // A base that knows its instant is read as a number, not as text.
        // The text of a timestamp base may be a date (a timestamp after a date column).
        let seconds: Int64
        if let known = base.epochSeconds(row: row) {
            seconds = known
        } else {
            base.generate(row: row, into: &value)
            if value.kind == .null, let whenBaseIsNull { return whenBaseIsNull.generate(row: row, into: &value) }
            guard value.kind == .text, let read = CivilDate.writtenSeconds(value.bytes.bytes)
                    ?? CivilDate.parseSeconds(String(decoding: value.bytes.bytes, as: UTF8.self)) else { return }
            seconds = read
        }
        let delta = r.int(gap)
        value.beginText()
        if unit == .days {
            CivilDate.writeDate(days: later(CivilDate.day(ofSeconds: seconds), delta), into: &value.bytes)
        } else {
            CivilDate.writeTimestamp(seconds: later(seconds, delta), into: &value.bytes)
            if timeZoneSuffix { value.bytes.append("+00") }
        }
    }

    package var summary: String { "after \(base.summary)" }
}

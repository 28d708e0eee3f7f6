/// A safety net around a generator for columns whose CHECKs are not fully
/// captured by construction (excluded values, letter case, blank text, time
/// bounds against `now()`): each value is verified against the column's
/// domain; a value that fails is replaced by a bounded number of alternative
/// draws (still a pure function of the row), then by a fixed value known to
/// satisfy the domain. Never used for unique columns, whose values must stay
/// a bijection of the row.
package struct DomainGuardGenerator: ValueGenerator {
    package let inner: any ValueGenerator
    package let domain: ColumnDomain
    /// A value known to pass, used when the alternatives fail too.
    package let fallback: (any ValueGenerator)?
    /// Unix time for `now()`-relative bounds, fixed for the whole fill.
    package let now: Int64
    /// The column's language, when built: text is checked against its
    /// automaton (one table lookup per character) instead of running every
    /// pattern's NFA, and against `rest` for everything else.
    package let language: RegexLanguage?
    let rest: ColumnDomain

    static let attempts: Int64 = 12

    package init(inner: any ValueGenerator, domain: ColumnDomain, fallback: (any ValueGenerator)?, now: Int64, language: RegexLanguage? = nil) {
        self.inner = inner
        self.domain = domain
        self.fallback = fallback
        self.now = now
        self.language = language
        var rest = domain
        if language != nil { rest.patterns = []; rest.forbiddenPatterns = [] }
        self.rest = rest
    }

    package func generate(row: Int64, into value: inout Value) {
        inner.generate(row: row, into: &value)
        if passes(value) { return }
        for attempt in 1...Self.attempts {
            // Alternative rows far outside any table, derived from (row, attempt).
            let alternative = Int64(bitPattern: StableHash.mix(UInt64(bitPattern: row) ^ UInt64(attempt) << 56) >> 2)
            inner.generate(row: alternative, into: &value)
            if passes(value) { return }
        }
        if let fallback { fallback.generate(row: row, into: &value) }
    }

    func passes(_ value: Value) -> Bool {
        let v = Self.checkValue(value)
        if let language, case .text(let s) = v {
            return language.contains(s) && rest.contains(v, now: now)
        }
        return domain.contains(v, now: now)
    }

    static func checkValue(_ value: Value) -> CheckValue {
        switch value.kind {
        case .null: return .null
        case .int: return .number(Double(value.int))
        case .double: return .number(value.double)
        case .bool: return .bool(value.int != 0)
        case .text, .bytes: return .text(String(decoding: value.bytes.bytes, as: UTF8.self))
        }
    }

    package var summary: String { inner.summary + " (checked)" }
}

/// Strings matching a CHECK's regular expression or LIKE pattern.
package struct PatternGenerator: ValueGenerator {
    package let pattern: SimplePattern
    package let minLength: Int
    package let maxLength: Int?
    package let letterCase: SimplePattern.LetterCase
    package let stream: UInt64

    package init(pattern: SimplePattern, minLength: Int, maxLength: Int?, letterCase: SimplePattern.LetterCase, stream: UInt64) {
        self.pattern = pattern
        self.minLength = minLength
        self.maxLength = maxLength
        self.letterCase = letterCase
        self.stream = stream
    }

    package func generate(row: Int64, into value: inout Value) {
        var r = RowRandom(stream: stream, row: row)
        if let text = pattern.generate(minLength: minLength, maxLength: maxLength, letterCase: letterCase, random: { r.below($0) }) {
            value.setText(text)
        } else {
            value.setNull()
        }
    }

    package var summary: String { "matching \(pattern)" }
}

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
        base.generate(row: row, into: &value)
        if value.kind == .null, let whenBaseIsNull { return whenBaseIsNull.generate(row: row, into: &value) }
        var r = RowRandom(stream: stream, row: row)
        let delta = r.int(gap)
        switch (unit, value.kind) {
        case (.number, .int):
            value.setInt(value.int &+ delta)
        case (.number, .double):
            value.setDouble(value.double + Double(delta))
        case (.days, .text):
            guard let days = CivilDate.parseDays(String(decoding: value.bytes.bytes, as: UTF8.self)) else { return }
            value.beginText()
            CivilDate.writeDate(days: later(days, delta), into: &value.bytes)
        case (.seconds, .text):
            // The base may be a date (a timestamp after a date column) or a timestamp.
            guard let seconds = CivilDate.parseSeconds(String(decoding: value.bytes.bytes, as: UTF8.self)) else { return }
            value.beginText()
            CivilDate.writeTimestamp(seconds: later(seconds, delta), into: &value.bytes)
            if timeZoneSuffix { value.bytes.append("+00") }
        default:
            break
        }
    }

    package var summary: String { "after \(base.summary)" }
}

import SchemaModel

/// What the non-NULL values of one column must satisfy, derived from every
/// CHECK of its table (and the CHECKs of its domain) by `DomainDeriver`.
///
/// Every field is a requirement on a non-NULL value, and all of them hold
/// together. NULL passes every CHECK except `IS NOT NULL`, so it is allowed
/// unless `notNull`; `mustBeNull` says only NULL is allowed. A default
/// `ColumnDomain()` is unconstrained.
package struct ColumnDomain: Sendable, Equatable {
    /// A literal value from a CHECK, with its kind.
    package enum Literal: Sendable, Equatable, Hashable, CustomStringConvertible {
        /// A number: its value and the text it was written as (`1.50`).
        case number(Double, text: String)
        case text(String)
        case bool(Bool)

        /// The literal's text (`1.50`, `M`, `true`).
        package var text: String {
            switch self {
            case .number(_, let t): return t
            case .text(let s): return s
            case .bool(let b): return b ? "true" : "false"
            }
        }

        package var checkValue: CheckValue {
            switch self {
            case .number(let v, _): return .number(v)
            case .text(let s): return .text(s)
            case .bool(let b): return .bool(b)
            }
        }

        package var isNumber: Bool { if case .number = self { return true } else { return false } }

        /// Value equality across kinds: numbers by value (`1` = `1.0`, and
        /// numeric text), booleans as 1/0.
        package func sameValue(as other: Literal) -> Bool {
            switch (self, other) {
            case (.number(let a, _), .number(let b, _)): return a == b
            case (.text(let a), .text(let b)): return a == b
            case (.bool(let a), .bool(let b)): return a == b
            case (.number(let a, _), .text(let s)), (.text(let s), .number(let a, _)): return Double(s) == a
            case (.bool(let b), .number(let a, _)), (.number(let a, _), .bool(let b)): return a == (b ? 1 : 0)
            case (.bool(let b), .text(let s)), (.text(let s), .bool(let b)): return CheckCalendar.parseBool(s) == b
            }
        }

        package var description: String {
            switch self {
            case .text(let s): return "'" + s + "'"
            default: return text
            }
        }
    }

    /// A numeric bound: the value, whether it is included, and its literal text.
    package struct NumericBound: Sendable, Equatable {
        package var value: Double
        package var inclusive: Bool
        package var text: String

        package init(_ value: Double, inclusive: Bool, text: String? = nil) {
            self.value = value
            self.inclusive = inclusive
            self.text = text ?? CheckCalendar.formatNumber(value)
        }
    }

    /// The reference point of a date/time bound.
    package enum TimeAnchor: Sendable, Equatable {
        /// A date (`2020-01-01`) or timestamp (`2020-01-01 10:00:00`) literal,
        /// normalised (space separator, zone dropped).
        case literal(String)
        /// `now()` / `CURRENT_TIMESTAMP` plus an offset in seconds.
        case now(offsetSeconds: Double)
        /// `CURRENT_DATE` (today's midnight) plus an offset in seconds
        /// (`CURRENT_DATE - 30` is `-30 * 86 400`).
        case currentDate(offsetSeconds: Double)

        /// The anchor as (days since 1970-01-01, seconds into the day) at
        /// Unix time `now`.
        package func resolve(now: Int64) -> (days: Int64, seconds: Double)? {
            switch self {
            case .literal(let s):
                guard let p = CheckCalendar.parse(s) else { return nil }
                return (p.days, p.seconds)
            case .now(let off):
                return Self.normalise(Double(now) + off)
            case .currentDate(let off):
                let day = CivilDate.day(ofSeconds: now)
                return Self.normalise(Double(day) * 86_400 + off)
            }
        }

        private static func normalise(_ t: Double) -> (days: Int64, seconds: Double) {
            let d = (t / 86_400).rounded(.down)
            return (Int64(min(max(d, -1e10), 1e10)), t - d * 86_400)
        }

        var relativeOffset: (base: Int, offset: Double)? {
            switch self {
            case .literal: return nil
            case .now(let o): return (0, o)
            case .currentDate(let o): return (1, o)
            }
        }
    }

    package struct TimeBound: Sendable, Equatable {
        package var anchor: TimeAnchor
        package var inclusive: Bool

        package init(_ anchor: TimeAnchor, inclusive: Bool) {
            self.anchor = anchor
            self.inclusive = inclusive
        }
    }

    package var lower: NumericBound?
    package var upper: NumericBound?
    /// The only values allowed (IN lists, `= ANY`, `= const`), nil when not
    /// restricted; filtered by every other requirement.
    package var allowed: [Literal]?
    /// Values that are not allowed (`<>`, `NOT IN`).
    package var excluded: [Literal] = []
    /// Length in characters (`length`, `char_length`; lower bounds of `octet_length`).
    package var minLength: Int?
    package var maxLength: Int?
    /// Upper bound on the UTF-8 length (`octet_length`).
    package var maxOctetLength: Int?
    /// Date/time bounds; every one must hold (literal and now-relative bounds
    /// cannot be compared without knowing "now", so both are kept).
    package var timeLower: [TimeBound] = []
    package var timeUpper: [TimeBound] = []
    /// Patterns the value must match (LIKE, GLOB, regular expressions); the
    /// first is usually the one to generate from, the others to verify.
    package var patterns: [SimplePattern] = []
    /// Patterns the value must not match (NOT LIKE, `!~`).
    package var forbiddenPatterns: [SimplePattern] = []
    package var notNull = false
    package var mustBeNull = false
    /// `lower(x) = x`: no uppercase letters.
    package var lowercase = false
    /// `upper(x) = x`: no lowercase letters.
    package var uppercase = false
    /// `btrim(x) <> ''`: at least one character that is not a space.
    package var notBlank = false
    /// `btrim(x) = x`: no leading or trailing spaces.
    package var trimmed = false
    /// SQLite `date(x) IS NOT NULL`: the value is ISO date or timestamp text.
    package var isoTemporal = false
    /// Bounds on the number of array elements (`cardinality(a) > 0`,
    /// `array_length(a, 1) <= 5`).
    package var minCardinality: Int?
    package var maxCardinality: Int?
    /// The JSON types allowed (`jsonb_typeof(x) = 'object'`), nil when any.
    package var jsonTypes: [String]?

    package init() {}

    // MARK: Conveniences

    /// The first pattern (the one to generate from).
    package var pattern: SimplePattern? { patterns.first }

    /// Allowed values as literal text (nil when unrestricted).
    package var allowedValues: [String]? { allowed?.map(\.text) }
    /// Excluded values as literal text.
    package var excludedValues: [String] { excluded.map(\.text) }
    /// Whether the allowed values are all number literals (`IN (0, 1)`).
    package var allowedAreNumbers: Bool { allowed.map { !$0.isEmpty && $0.allSatisfy(\.isNumber) } ?? false }

    /// The value may not be later than now (`x <= now()`, `x < CURRENT_DATE`, ...).
    package var notAfterNow: Bool {
        timeUpper.contains { b in b.anchor.relativeOffset.map { $0.offset <= 0 } ?? false }
    }

    /// The value may not be earlier than now (`x >= now()`, ...).
    package var notBeforeNow: Bool {
        timeLower.contains { b in b.anchor.relativeOffset.map { $0.offset >= 0 } ?? false }
    }

    package var isUnconstrained: Bool { self == ColumnDomain() }

    // MARK: Membership

    /// Whether `value` satisfies the domain. Now-relative time bounds use
    /// `now` (Unix seconds); with `now == nil` they are not checked.
    package func contains(_ value: CheckValue, now: Int64? = nil) -> Bool {
        if case .null = value { return !notNull }
        if mustBeNull { return false }
        return admitsNonNull(value, now: now)
    }

    func admitsNonNull(_ value: CheckValue, now: Int64?) -> Bool {
        let text: String
        switch value {
        case .null: return false
        case .number(let d): text = CheckCalendar.formatNumber(d)
        case .text(let s): text = s
        case .bool(let b): text = b ? "true" : "false"
        }
        let literal: Literal
        switch value {
        case .number(let d): literal = .number(d, text: text)
        case .bool(let b): literal = .bool(b)
        default: literal = .text(text)
        }
        if let allowed, !allowed.contains(where: { $0.sameValue(as: literal) }) { return false }
        if excluded.contains(where: { $0.sameValue(as: literal) }) { return false }
        if lower != nil || upper != nil {
            let n: Double?
            switch value {
            case .number(let d): n = d
            case .bool(let b): n = b ? 1 : 0
            default: n = Double(text.trimmingSpaces())
            }
            guard let n else { return false }
            if let lower, n < lower.value || (!lower.inclusive && n == lower.value) { return false }
            if let upper, n > upper.value || (!upper.inclusive && n == upper.value) { return false }
        }
        let length = text.unicodeScalars.count
        if let minLength, length < minLength { return false }
        if let maxLength, length > maxLength { return false }
        if let maxOctetLength, text.utf8.count > maxOctetLength { return false }
        if isoTemporal, CheckCalendar.parse(text) == nil { return false }
        if !timeLower.isEmpty || !timeUpper.isEmpty {
            guard let p = CheckCalendar.parse(text) else { return false }
            for b in timeLower {
                if now == nil, b.anchor.relativeOffset != nil { continue }
                guard let a = b.anchor.resolve(now: now ?? 0) else { return false }
                let c = Self.compare((p.days, p.seconds), a)
                if c < 0 || (c == 0 && !b.inclusive) { return false }
            }
            for b in timeUpper {
                if now == nil, b.anchor.relativeOffset != nil { continue }
                guard let a = b.anchor.resolve(now: now ?? 0) else { return false }
                let c = Self.compare((p.days, p.seconds), a)
                if c > 0 || (c == 0 && !b.inclusive) { return false }
            }
        }
        for p in patterns where !p.matches(text) { return false }
        for p in forbiddenPatterns where p.matches(text) { return false }
        if lowercase, text.lowercased() != text { return false }
        if uppercase, text.uppercased() != text { return false }
        if notBlank, text.allSatisfy({ $0 == " " }) { return false }
        if trimmed, text.first == " " || text.last == " " { return false }
        if minCardinality != nil || maxCardinality != nil {
            guard let items = CheckParser.parseArrayLiteral(text) else { return false }
            if let m = minCardinality, items.count < m { return false }
            if let m = maxCardinality, items.count > m { return false }
        }
        if let jsonTypes, !jsonTypes.contains(Self.jsonType(of: text) ?? "") { return false }
        return true
    }

    /// The values `jsonb_typeof` returns.
    package static let jsonTypeNames = ["object", "array", "string", "number", "boolean", "null"]

    /// What `jsonb_typeof` says of JSON text (by its first character), nil when it is not JSON.
    package static func jsonType(of text: String) -> String? {
        guard let c = text.unicodeScalars.first(where: { !" \t\n\r".unicodeScalars.contains($0) }) else { return nil }
        switch c {
        case "{": return "object"
        case "[": return "array"
        case "\"": return "string"
        case "t", "f": return "boolean"
        case "n": return "null"
        case "-", "0"..."9": return "number"
        default: return nil
        }
    }

    /// Keeps only the JSON types in `types` (intersected with those already allowed).
    package mutating func restrictJSONTypes(to types: [String]) {
        jsonTypes = (jsonTypes ?? Self.jsonTypeNames).filter { types.contains($0) }
    }

    static func compare(_ a: (Int64, Double), _ b: (Int64, Double)) -> Int {
        if a.0 != b.0 { return a.0 < b.0 ? -1 : 1 }
        if a.1 != b.1 { return a.1 < b.1 ? -1 : 1 }
        return 0
    }

    static func compareLiteralTimes(_ a: String, _ b: String) -> Int? {
        guard let p = CheckCalendar.parse(a), let q = CheckCalendar.parse(b) else { return nil }
        return compare((p.days, p.seconds), (q.days, q.seconds))
    }

    // MARK: Text generation

    /// A non-NULL text value in the domain, or nil when none was found in
    /// `attempts` draws: one of the allowed values, else a string generated
    /// from each pattern in turn (letters and digits without a pattern) with
    /// the length bounds and letter case, checked against every requirement.
    /// `random(n)` returns a number in `0..<n`; `now` resolves now-relative
    /// time bounds (unchecked when nil).
    package func generateText(now: Int64? = nil, attempts: Int = 16, random: (UInt64) -> UInt64) -> String? {
        if mustBeNull { return nil }
        if let allowed {
            let ok = allowed.filter { admitsNonNull($0.checkValue, now: now) }
            return ok.isEmpty ? nil : ok[Int(random(UInt64(ok.count)))].text
        }
        let generators = patterns.isEmpty ? [SimplePattern(elements: [.init(.any, min: 0, max: nil)])] : patterns
        let minL = max(minLength ?? 0, notBlank ? 1 : 0)
        let maxL = [maxLength, maxOctetLength].compactMap { $0 }.min()
        let letterCase: SimplePattern.LetterCase = lowercase ? .lower : (uppercase ? .upper : .any)
        for attempt in 0..<max(1, attempts) {
            let p = generators[attempt % generators.count]
            guard let s = p.generate(minLength: minL, maxLength: maxL, letterCase: letterCase, random: random) else { continue }
            if admitsNonNull(.text(s), now: now) { return s }
        }
        return nil
    }

    // MARK: Satisfiability

    /// Whether some non-NULL value satisfies the domain (as far as can be
    /// told without knowing the column's type and "now").
    package var hasNonNullValue: Bool { unsatisfiableReason == nil }

    /// Why no non-NULL value satisfies the domain, or nil.
    package var unsatisfiableReason: String? {
        if mustBeNull { return "only NULL is allowed" }
        if let allowed, allowed.isEmpty { return "no allowed value is left" }
        if let l = lower, let u = upper, l.value > u.value || (l.value == u.value && !(l.inclusive && u.inclusive)) {
            return "lower bound \(l.text) is above upper bound \(u.text)"
        }
        if let l = lower, let u = upper, l.value == u.value, excluded.contains(where: { $0.sameValue(as: .number(l.value, text: l.text)) }) {
            return "the only value in range, \(l.text), is excluded"
        }
        let minL = max(minLength ?? 0, notBlank ? 1 : 0, patterns.map(\.minLength).max() ?? 0)
        let maxL = [maxLength, maxOctetLength, patterns.compactMap(\.maxLength).min()].compactMap { $0 }.min()
        if let maxL, minL > maxL { return "minimum length \(minL) is above maximum length \(maxL)" }
        if let lo = minCardinality, let hi = maxCardinality, lo > hi { return "at least \(lo) and at most \(hi) elements" }
        if let jsonTypes, jsonTypes.isEmpty { return "no JSON type is left" }
        for l in timeLower {
            for u in timeUpper {
                var c: Int? = nil
                if case .literal(let a) = l.anchor, case .literal(let b) = u.anchor { c = Self.compareLiteralTimes(a, b) }
                if let x = l.anchor.relativeOffset, let y = u.anchor.relativeOffset, x.base == y.base {
                    c = x.offset < y.offset ? -1 : (x.offset > y.offset ? 1 : 0)
                }
                if let c, c > 0 || (c == 0 && !(l.inclusive && u.inclusive)) { return "the date/time range is empty" }
            }
        }
        return nil
    }

    /// Whether any value (NULL included) satisfies the domain.
    package var isSatisfiable: Bool {
        if mustBeNull { return !notNull }
        return hasNonNullValue || !notNull
    }

    // MARK: Intersection

    /// The domain whose values satisfy both `self` and `other`.
    package func intersection(_ other: ColumnDomain) -> ColumnDomain {
        var d = self
        d.intersect(other)
        return d
    }

    package mutating func intersect(_ other: ColumnDomain) {
        if let o = other.lower { tightenLower(o) }
        if let o = other.upper { tightenUpper(o) }
        if let o = other.allowed {
            if let a = allowed {
                allowed = a.filter { x in o.contains { $0.sameValue(as: x) } }
            } else {
                allowed = o
            }
        }
        for e in other.excluded where !excluded.contains(where: { $0.sameValue(as: e) }) { excluded.append(e) }
        if let m = other.minLength { minLength = max(minLength ?? m, m) }
        if let m = other.maxLength { maxLength = min(maxLength ?? m, m) }
        if let m = other.maxOctetLength { maxOctetLength = min(maxOctetLength ?? m, m) }
        for b in other.timeLower { addTimeBound(b, lower: true) }
        for b in other.timeUpper { addTimeBound(b, lower: false) }
        for p in other.patterns where !patterns.contains(p) { patterns.append(p) }
        for p in other.forbiddenPatterns where !forbiddenPatterns.contains(p) { forbiddenPatterns.append(p) }
        notNull = notNull || other.notNull
        mustBeNull = mustBeNull || other.mustBeNull
        lowercase = lowercase || other.lowercase
        uppercase = uppercase || other.uppercase
        notBlank = notBlank || other.notBlank
        trimmed = trimmed || other.trimmed
        isoTemporal = isoTemporal || other.isoTemporal
        if let m = other.minCardinality { minCardinality = max(minCardinality ?? m, m) }
        if let m = other.maxCardinality { maxCardinality = min(maxCardinality ?? m, m) }
        if let t = other.jsonTypes { restrictJSONTypes(to: t) }
        normalize()
    }

    mutating func tightenLower(_ b: NumericBound) {
        guard let l = lower else { lower = b; return }
        if b.value > l.value || (b.value == l.value && !b.inclusive) { lower = b }
    }

    mutating func tightenUpper(_ b: NumericBound) {
        guard let u = upper else { upper = b; return }
        if b.value < u.value || (b.value == u.value && !b.inclusive) { upper = b }
    }

    /// Adds a time bound, keeping only the tightest one per kind of anchor
    /// (literal, now-relative, today-relative).
    mutating func addTimeBound(_ b: TimeBound, lower isLower: Bool) {
        var list = isLower ? timeLower : timeUpper
        func sameKind(_ x: TimeAnchor, _ y: TimeAnchor) -> Bool {
            switch (x, y) {
            case (.literal, .literal), (.now, .now), (.currentDate, .currentDate): return true
            default: return false
            }
        }
        if let i = list.firstIndex(where: { sameKind($0.anchor, b.anchor) }) {
            let old = list[i]
            var c: Int
            switch (old.anchor, b.anchor) {
            case (.literal(let x), .literal(let y)): c = Self.compareLiteralTimes(y, x) ?? 0
            default:
                let x = old.anchor.relativeOffset!.offset, y = b.anchor.relativeOffset!.offset
                c = y < x ? -1 : (y > x ? 1 : 0)
            }
            if !isLower { c = -c }
            // c > 0: the new bound is tighter.
            if c > 0 || (c == 0 && !b.inclusive) { list[i] = b }
        } else {
            list.append(b)
        }
        if isLower { timeLower = list } else { timeUpper = list }
    }

    /// Filters the allowed values by every other requirement and removes
    /// duplicates (now-relative time bounds are left to generation time).
    package mutating func normalize() {
        if let a = allowed {
            var kept: [Literal] = []
            for v in a where !kept.contains(where: { $0.sameValue(as: v) }) {
                var probe = self
                probe.allowed = nil
                if probe.admitsNonNull(v.checkValue, now: nil) { kept.append(v) }
            }
            allowed = kept
        }
        var ex: [Literal] = []
        for e in excluded where !ex.contains(where: { $0.sameValue(as: e) }) { ex.append(e) }
        excluded = ex
    }
}

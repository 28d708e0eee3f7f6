import SchemaModel

/// Chooses the generator for one column that is not an FK: by the CHECK
/// domain's allowed values, uniqueness, realistic kind and type, in that
/// order, with ranges and lengths narrowed to what the CHECKs allow.
struct ValueGeneratorFactory {
    let table: Table
    let column: Column
    let rows: Int64
    let unique: Bool
    let isPrimaryKey: Bool
    let stream: UInt64
    let seed: UInt64
    /// What the column's CHECKs (table and domain) require; unconstrained if none.
    var domain = ColumnDomain()
    /// Unix time that `now()` in a CHECK means during this fill.
    var now: Int64 = 0
    /// First row index generated (existing rows on `--append`).
    var firstRow: Int64 = 0
    /// Days (since 1970-01-01) that dates and timestamps fall in, unless a CHECK says otherwise.
    var window: ClosedRange<Int64> = DefaultWindow.days
    /// The largest value already in this column (`--append`), if an integer.
    var keyFloor: Int64?

    func make(warn: (String) -> Void) throws -> any ValueGenerator {
        if domain.mustBeNull { return NullGenerator() }
        let type = column.type
        var labels: [String]?
        if case .enumeration(_, let l) = type, !l.isEmpty { labels = l }
        if let allowed = domain.allowedValues {
            let values = labels.map { l in allowed.filter(l.contains) } ?? allowed
            if values.isEmpty {
                throw PlanError("\(table.name).\(column.name): no value satisfies its CHECK constraints (\(allowed.joined(separator: ", ")) are not valid \(type.summary) values)")
            }
            labels = values
        }
        if let labels {
            let numeric = domain.allowedAreNumbers && type.isInteger
            if !unique, labels.count > 1, let weights = labelWeights(labels) {
                return WeightedChoiceGenerator(
                    choices: zip(labels, weights).map { (value: numeric ? Int64($0).map(Literal.int) ?? .text($0) : .text($0), weight: $1) },
                    stream: stream)
            }
            return unique ? UniqueChoiceGenerator(values: labels, numeric: numeric, key: stream)
                          : ChoiceGenerator(values: labels, numeric: numeric, stream: stream)
        }
        let kind = KindInference.infer(table: table.name.name, column: column.name, type: type)
        if unique {
            let g = try makeUnique(kind: kind)
            if type.isTextual, domain.needsTextLanguage, !(g is any DomainBoundedUniqueGenerator) {
                warn("\(table.name).\(column.name): its CHECKs (\(domain.patterns.map(\.description).joined(separator: ", "))) are too complex to enumerate distinct values inside; unique values are generated without them and the database may reject rows")
            }
            return g
        }
        if let evidence = defaultCentered() { return guarded(evidence) }
        var base: any ValueGenerator
        // Built once per column: the automaton can take a moment.
        let language = type.isTextual && usesTextLanguage(kind: kind) ? textLanguage() : nil
        if let language {
            if let kind, let g = semantic(kind) {
                base = LanguageRepairGenerator(inner: g, language: language, domain: domain, stream: stream)
            } else if domain.patterns.isEmpty {
                base = LanguageRepairGenerator(inner: try byType(type, warn: warn), language: language, domain: domain, stream: stream)
            } else {
                base = LanguageGenerator(language: language, stream: stream)
            }
        } else if let pattern = domain.pattern, type.isTextual {
            let letterCase: SimplePattern.LetterCase = domain.lowercase ? .lower : (domain.uppercase ? .upper : .any)
            base = PatternGenerator(pattern: pattern, minLength: domain.minLength ?? 0, maxLength: textLimit, letterCase: letterCase, stream: stream)
        } else if let kind, let g = semantic(kind) {
            base = g
        } else {
            base = try byType(type, warn: warn)
        }
        return guarded(base, language: language)
    }

    /// How often rows hold each label, when something says: a status
    /// lifecycle (most rows delivered, few cancelled: `StatusLifecycle`),
    /// and the column's DEFAULT, which is the most frequent value
    /// (`status DEFAULT 'active'`, 60%), the rest keeping their proportions.
    /// nil: a uniform pick.
    func labelWeights(_ labels: [String]) -> [Double]? {
        var weights = StatusLifecycle.isStatusColumn(column.name) ? StatusLifecycle.weights(labels) : nil
        if case .text(let preset)? = DefaultEvidence.literal(column.defaultExpression), let at = labels.firstIndex(of: preset) {
            var rest = weights ?? [Double](repeating: 1, count: labels.count)
            rest[at] = 0
            let total = rest.reduce(0, +)
            weights = rest.indices.map { $0 == at ? 0.6 : (total > 0 ? 0.4 * rest[$0] / total : 0) }
        }
        return weights
    }

    /// Numbers around the column's constant DEFAULT, booleans mostly equal
    /// to it, recent dates for `DEFAULT now()` (see `DefaultEvidence`); nil
    /// without such a default, for keys,
    /// and for 0/1 defaults of flag-like integer columns.
    func defaultCentered() -> (any ValueGenerator)? {
        if DefaultEvidence.isNow(column.defaultExpression), !isPrimaryKey {
            switch column.type {
            case .date: return windowDates(recent: true)
            case .timestamp(let tz): return windowTimestamps(withTimeZone: tz, recent: true)
            default: return nil
            }
        }
        guard let literal = DefaultEvidence.literal(column.defaultExpression), !isPrimaryKey else { return nil }
        let lowerName = column.name.lowercased()
        let flagLike = ["is_", "has_", "can_", "allow"].contains(where: lowerName.hasPrefix) || ["active", "enabled", "deleted", "flag", "visible"].contains(where: lowerName.hasSuffix)
        var center: Double
        switch literal {
        case .bool(let b) where column.type == .boolean:
            return BoolGenerator(probability: b ? 0.85 : 0.15, stream: stream)
        case .int(let i) where column.type == .boolean && (i == 0 || i == 1):
            return BoolGenerator(probability: i == 1 ? 0.85 : 0.15, stream: stream)
        case .int(let i): center = Double(i)
        case .double(let d): center = d
        default: return nil
        }
        guard center >= 0, !(flagLike && center <= 1) else { return nil }
        var scale = 0
        var upper = 1e15
        switch column.type {
        case .integer(let bytes): upper = Double(Self.maxInteger(bytes: bytes))
        case .numeric(let p, let s):
            scale = s ?? 2
            if let p { upper = Double(DecimalGenerator.power10(p - scale)) - 1 / Double(DecimalGenerator.power10(scale)) }
        case .real, .double: scale = 2
        default: return nil
        }
        if let u = domain.upper { upper = min(upper, u.value) }
        let lower = max(0, domain.lower?.value ?? 0)
        guard lower <= center, center <= upper else { return nil }
        return DefaultCenteredGenerator(center: center, scale: scale, lower: lower, upper: upper, stream: stream)
    }

    /// Days of `timeWindow` (whole days inside it).
    func windowDates(recent: Bool) -> DateGenerator {
        let w = timeWindow
        var g = DateGenerator(days: (w.lowerBound + 86_399) / 86_400...w.upperBound / 86_400, stream: stream)
        g.recent = recent
        return g
    }

    /// Instants of `timeWindow`.
    func windowTimestamps(withTimeZone: Bool, recent: Bool) -> TimestampGenerator {
        var g = TimestampGenerator(seconds: timeWindow, withTimeZone: withTimeZone, stream: stream)
        g.recent = recent
        return g
    }

    /// Wraps `base` in a `DomainGuardGenerator` when the column has CHECKs.
    func guarded(_ base: any ValueGenerator, language: RegexLanguage? = nil) -> any ValueGenerator {
        guard !domain.isUnconstrained else { return base }
        return DomainGuardGenerator(inner: base, domain: domain, fallback: fallback(language: language), now: now, language: language)
    }

    /// Whether a text column's values come from (or are repaired into) the
    /// domain's automaton: for general or several patterns, forbidden
    /// patterns or values, case rules, lengths, and for realistic kinds
    /// whose values a pattern or case rule may reject. A single simple
    /// pattern without a kind keeps the cheaper `PatternGenerator`.
    func usesTextLanguage(kind: SemanticKind?) -> Bool {
        guard column.type.isTextual, !domain.isUnconstrained, domain.allowed == nil else { return false }
        if kind != nil, !domain.patterns.isEmpty || domain.lowercase || domain.uppercase || domain.needsTextLanguage { return true }
        if domain.patterns.count == 1, !domain.patterns[0].isGeneral, domain.forbiddenPatterns.isEmpty,
           !domain.excluded.contains(where: { if case .text = $0 { return true } else { return false } }) {
            return false
        }
        return domain.needsTextLanguage || domain.lowercase || domain.uppercase
    }

    /// Whether values that differ only in letter case count as equal in a
    /// unique index: citext, or a case-insensitive collation.
    var caseInsensitiveKeys: Bool {
        let t = column.declaredType.lowercased()
        let c = column.collation?.lowercased() ?? ""
        return t.contains("citext") || c == "nocase" || c.contains("_ci") || c.contains("nondeterministic")
    }

    /// The column's language (see `ColumnDomain.textLanguage`), within the type's length.
    func textLanguage() -> RegexLanguage? {
        return domain.textLanguage(typeLimit: column.type.lengthLimit, caseInsensitiveKeys: unique && caseInsensitiveKeys, freeText: !unique)
    }

    /// A generator of one value known to satisfy the domain, for the guard's last resort.
    func fallback(language: RegexLanguage?) -> (any ValueGenerator)? {
        if let language, let first = language.firstLength(atLeast: 0) {
            return ConstantGenerator(language.string(index: 0, length: first))
        }
        if let lower = domain.lower {
            var v = lower.value
            if !lower.inclusive { v = column.type.isInteger ? v.rounded(.down) + 1 : v + 0.01 }
            if column.type.isInteger { return ConstantGenerator(String(Int64(v.rounded(.up)))) }
            return ConstantGenerator(CheckCalendar.formatNumber(v))
        }
        if let upper = domain.upper {
            var v = upper.value
            if !upper.inclusive { v = column.type.isInteger ? v.rounded(.up) - 1 : v - 0.01 }
            if column.type.isInteger { return ConstantGenerator(String(Int64(v.rounded(.down)))) }
            return ConstantGenerator(CheckCalendar.formatNumber(v))
        }
        if let min = domain.minLength, column.type.isTextual {
            return ConstantGenerator(String(repeating: domain.uppercase ? "X" : "x", count: max(min, 1)))
        }
        return nil
    }

    /// Seconds since the epoch that dates and timestamps are drawn from: the
    /// default window, narrowed (or moved) to the CHECK's date/time bounds.
    var timeWindow: ClosedRange<Int64> {
        var lo = window.lowerBound * 86_400, hi = window.upperBound * 86_400 + 86_399
        var blo = Int64.min / 4, bhi = Int64.max / 4
        for b in domain.timeLower {
            guard let (d, s) = b.anchor.resolve(now: now) else { continue }
            let t = d * 86_400 + Int64(s.rounded(.up)) + (b.inclusive ? 0 : 1)
            blo = max(blo, t)
        }
        for b in domain.timeUpper {
            guard let (d, s) = b.anchor.resolve(now: now) else { continue }
            let t = d * 86_400 + Int64(s.rounded(.down)) - (b.inclusive ? 0 : 1)
            bhi = min(bhi, t)
        }
        guard blo <= bhi else { return lo...hi }
        if max(lo, blo) <= min(hi, bhi) { return max(lo, blo)...min(hi, bhi) }
        // The CHECK's window lies outside the default one: take up to five years of it.
        if bhi < lo { lo = max(blo, bhi - 5 * 365 * 86_400); hi = bhi } else { lo = blo; hi = min(bhi, blo + 5 * 365 * 86_400) }
        return lo...hi
    }

    /// The text length limit: the type's, narrowed by CHECKs on the length.
    var textLimit: Int? {
        var limit = column.type.lengthLimit
        for l in [domain.maxLength, domain.maxOctetLength].compactMap({ $0 }) { limit = min(limit ?? l, l) }
        return limit
    }

    /// `preferred` narrowed to the CHECK bounds, or the bounds' own start
    /// when the two do not meet.
    func integerRange(_ preferred: ClosedRange<Int64>, typeMax: Int64 = .max) -> ClosedRange<Int64> {
        var lo = Int64.min / 4, hi = min(typeMax, Int64.max / 4)
        if case .integer(let bytes) = column.type { lo = max(lo, -Self.maxInteger(bytes: bytes) - 1) }
        if let l = domain.lower {
            var v = l.value.rounded(.up)
            if !l.inclusive && v == l.value { v += 1 }
            lo = max(lo, Int64(max(min(v, 1e18), -1e18)))
        }
        if let u = domain.upper {
            var v = u.value.rounded(.down)
            if !u.inclusive && v == u.value { v -= 1 }
            hi = min(hi, Int64(max(min(v, 1e18), -1e18)))
        }
        guard lo <= hi else { return preferred }
        let a = max(preferred.lowerBound, lo), b = min(preferred.upperBound, hi)
        if a <= b { return a...b }
        if preferred.upperBound < lo { return lo...min(hi, lo &+ 1000) }
        return max(lo, hi &- 1000)...hi
    }

    /// Distinct values for distinct rows, by type.
    func makeUnique(kind: SemanticKind?) throws -> any ValueGenerator {
        switch column.type {
        case .integer(let bytes):
            let upper = Self.maxInteger(bytes: bytes)
            // Keys continue above what is there: row `firstRow` gets max + 1.
            let floor = (keyFloor ?? 0) + 1
            if isPrimaryKey || column.identity != nil, domain.lower == nil, domain.upper == nil {
                return SequenceGenerator(start: floor - firstRow, upperBound: upper)
            }
            let span = max((firstRow + rows) * 10, 1000)
            return boundedUnique(floor...min(upper, floor + span), typeMax: upper)
        case .numeric(let p, let s):
            let digits = (p ?? 18) - (s ?? 0)
            let upper = digits >= 18 ? Int64.max : DecimalGenerator.power10(digits) - 1
            if isPrimaryKey, domain.lower == nil, domain.upper == nil { return SequenceGenerator(start: 1, upperBound: upper) }
            // Whole numbers inside the CHECK's range: a permutation of that range.
            return boundedUnique(1...min(upper, max(rows * 10, 1000)), typeMax: upper)
        case .real, .double, .money:
            return boundedUnique(1...max(rows * 10, 1000))
        case .uuid:
            return UUIDGenerator(stream: stream)
        case .text, .char:
            if let g = uniqueInLanguage(kind: kind) { return g }
            if case .char(let n) = column.type {
                return UniqueTextGenerator(words: Vocabulary.words, maxLength: n, fixedLength: n, rows: rows, key: stream)
            }
            if let kind, kind == .email || kind == .username || kind == .phone,
               (textLimit ?? 255) >= 32, !domain.lowercase || kind != .username {
                return SemanticGenerator(kind: kind, column: column, unique: true, stream: stream, seed: seed, table: table.name.description)
            }
            return UniqueTextGenerator(words: Vocabulary.words, maxLength: textLimit, rows: rows, key: stream)
        case .boolean:
            return UniqueChoiceGenerator(values: ["true", "false"], numeric: false, key: stream)
        case .date:
            return uniqueDays(timestamp: false)
        case .timestamp:
            return uniqueDays(timestamp: true)
        default:
            // Types with a huge value space: the row index embedded in text.
            return UniqueTextGenerator(words: Vocabulary.words, maxLength: nil, rows: rows, key: stream)
        }
    }

    /// Distinct integers: over `preferred` narrowed to the CHECK's bounds,
    /// or, when a CHECK bounds the column on both sides, over the whole
    /// range it leaves, so a permutation stays inside it and its size is the
    /// capacity the planner caps the table to.
    func boundedUnique(_ preferred: ClosedRange<Int64>, typeMax: Int64 = .max) -> UniqueIntegerGenerator {
        // On --append (a key floor) new values stay above the existing ones.
        let excluded = domain.excluded.compactMap { l -> Int64? in
            guard case .number(let v, _) = l, v == v.rounded(), abs(v) < 1e18 else { return nil }
            return Int64(v)
        }
        guard domain.lower != nil, domain.upper != nil, keyFloor == nil else {
            return UniqueIntegerGenerator(range: integerRange(preferred, typeMax: typeMax), key: stream, skipping: excluded)
        }
        var g = UniqueIntegerGenerator(range: integerRange(Int64.min / 4...Int64.max / 4, typeMax: typeMax), key: stream, skipping: excluded)
        g.checkBounded = true
        return g
    }

    /// Distinct days for distinct rows: by default the days before the date
    /// window; inside a CHECK's date/time bounds when it has any, with as
    /// many rows as days there (the capacity) when it is bounded on both sides.
    func uniqueDays(timestamp: Bool) -> UniqueDayGenerator {
        var lo: Int64? = nil, hi: Int64? = nil
        for b in domain.timeLower {
            guard let (d, s) = b.anchor.resolve(now: now) else { continue }
            let t = d * 86_400 + Int64(s.rounded(.up)) + (b.inclusive ? 0 : 1)
            lo = max(lo ?? t, t)
        }
        for b in domain.timeUpper {
            guard let (d, s) = b.anchor.resolve(now: now) else { continue }
            let t = d * 86_400 + Int64(s.rounded(.down)) - (b.inclusive ? 0 : 1)
            hi = min(hi ?? t, t)
        }
        // Whole days: the first midnight at or after the lower bound, the
        // last one at or before the upper bound.
        let firstDay = lo.map { Int64((Double($0) / 86_400).rounded(.up)) }
        let lastDay = hi.map { Int64((Double($0) / 86_400).rounded(.down)) }
        var start = window.lowerBound - rows
        var count = rows
        if let firstDay { start = firstDay }
        if let lastDay {
            if firstDay == nil { start = min(start, lastDay - rows + 1) }
            count = max(1, min(rows, lastDay - start + 1))
        }
        return UniqueDayGenerator(startDays: start, key: stream, rows: count, timestamp: timestamp)
    }

    /// A unique text column limited by patterns, case or length rules: the
    /// n-th strings of its language, or realistic values kept inside it
    /// (`UniqueSemanticLanguageGenerator`) for usernames, emails and
    /// phones. nil when the domain needs no automaton or none could be built.
    func uniqueInLanguage(kind: SemanticKind?) -> (any ValueGenerator)? {
        guard domain.allowed == nil, domain.needsTextLanguage || (kind != nil && (domain.lowercase || domain.uppercase)) else { return nil }
        guard let language = textLanguage() else { return nil }
        let total = firstRow + rows
        if let kind, kind == .email || kind == .username || kind == .phone {
            let semantic = SemanticGenerator(kind: kind, column: column, unique: true, stream: stream, seed: seed, table: table.name.description)
            if let g = UniqueSemanticLanguageGenerator(semantic: semantic, language: language, rows: total, key: stream) { return g }
        } else if UniqueSemanticLanguageGenerator.takesWords(language, rows: total) {
            let words = TextGenerator(words: Vocabulary.words, wordCount: 1...1, maxLength: nil, capitalized: false, stream: stream)
            if let g = UniqueSemanticLanguageGenerator(semantic: words, language: language, rows: total, key: stream, innerIsUnique: false) { return g }
        }
        return UniqueLanguageGenerator(language: language, rows: total, key: stream)
    }

    /// A realistic generator for `kind` when it suits the column's type,
    /// within the CHECK bounds.
    func semantic(_ kind: SemanticKind) -> (any ValueGenerator)? {
        let person = { SemanticGenerator(kind: kind, column: column, unique: false, stream: stream, seed: seed, table: table.name.description) }
        switch (kind, column.type) {
        case (.price, .numeric(let p, let s)), (.salary, .numeric(let p, let s)):
            let scale = s ?? 2
            let units = unitRange(scale: scale, preferred: kind == .salary ? 20_000...250_000 : 1...100_000, precision: p)
            let median = Double(kind == .salary ? 60_000 : 20) * Double(DecimalGenerator.power10(scale))
            return DecimalGenerator(scale: scale, minUnits: units.lowerBound, maxUnits: units.upperBound,
                                    medianUnits: min(max(median, Double(units.lowerBound)), Double(units.upperBound)), stream: stream)
        case (.price, .integer), (.quantity, .integer), (.salary, .integer):
            let preferred: ClosedRange<Int64> = kind == .price ? 1...500 : (kind == .salary ? 20_000...250_000 : 1...20)
            return IntegerGenerator(range: integerRange(preferred, typeMax: kindMax(.max)), stream: stream)
        case (.quantity, .numeric(let p, let s)):
            let units = unitRange(scale: s ?? 0, preferred: 1...20, precision: p)
            return DecimalGenerator(scale: s ?? 0, minUnits: units.lowerBound, maxUnits: units.upperBound, stream: stream)
        case (.rating, .integer): return IntegerGenerator(range: integerRange(1...5), stream: stream)
        case (.rating, .numeric(let p, let s)):
            let units = unitRange(scale: s ?? 1, preferred: 1...5, precision: p)
            return DecimalGenerator(scale: s ?? 1, minUnits: units.lowerBound, maxUnits: units.upperBound, stream: stream)
        case (.age, .integer): return IntegerGenerator(range: integerRange(18...90, typeMax: kindMax(.max)), stream: stream)
        case (.percentage, .integer): return IntegerGenerator(range: integerRange(0...100, typeMax: kindMax(.max)), stream: stream)
        case (.percentage, .numeric(let p, let s)):
            let units = unitRange(scale: s ?? 2, preferred: 0...100, precision: p)
            return DecimalGenerator(scale: s ?? 2, minUnits: units.lowerBound, maxUnits: units.upperBound, stream: stream)
        case (.price, .real), (.price, .double), (.price, .money), (.salary, .real), (.salary, .double), (.salary, .money):
            let r = integerRange(kind == .salary ? 20_000...250_000 : 1...500)
            return DoubleGenerator(range: Double(r.lowerBound)..<Double(r.upperBound) + 1, stream: stream)
        case (.rating, .real), (.rating, .double):
            let r = integerRange(1...5)
            return DoubleGenerator(range: Double(r.lowerBound)..<Double(r.upperBound), stream: stream)
        case (.latitude, .numeric), (.latitude, .real), (.latitude, .double),
             (.longitude, .numeric), (.longitude, .real), (.longitude, .double):
            return person()
        case (.birthDate, .date):
            return DateGenerator(days: CivilDate.days(year: 1950, month: 1, day: 1)...CivilDate.days(year: 2003, month: 12, day: 31), stream: stream)
        case (.birthDate, .timestamp(let tz)):
            return TimestampGenerator(seconds: CivilDate.days(year: 1950, month: 1, day: 1) * 86_400...CivilDate.days(year: 2003, month: 12, day: 31) * 86_400, withTimeZone: tz, stream: stream)
        case (.deletedAt, .timestamp(let tz)):
            return NullableGenerator(inner: TimestampGenerator(withTimeZone: tz, stream: stream), nullFraction: column.isNullable ? 0.9 : 0, stream: stream ^ 0xde1)
        case (.uuid, .uuid): return UUIDGenerator(stream: stream)
        case (_, .text), (_, .char):
            if kind.isNumeric || kind.isTemporal { return nil }
            return person()
        default:
            return nil
        }
    }

    /// The largest value of the column's integer type, capped at `cap`.
    func kindMax(_ cap: Int64) -> Int64 {
        if case .integer(let bytes) = column.type { return min(cap, Self.maxInteger(bytes: bytes)) }
        return cap
    }

    /// A decimal column's range in smallest units (`scale` digits), narrowed
    /// by the CHECK bounds and the precision.
    func unitRange(scale: Int, preferred: ClosedRange<Int64>, precision: Int?) -> ClosedRange<Int64> {
        let f = DecimalGenerator.power10(scale)
        let typeMax = precision.map { DecimalGenerator.power10($0) - 1 } ?? Int64.max / 4
        var lo = max(-typeMax, preferred.lowerBound * f), hi = min(typeMax, preferred.upperBound * f)
        var blo = -typeMax, bhi = typeMax
        if let l = domain.lower {
            var v = (l.value * Double(f)).rounded(.up)
            if !l.inclusive && v == l.value * Double(f) { v += 1 }
            blo = max(blo, Int64(max(min(v, 1e18), -1e18)))
        }
        if let u = domain.upper {
            var v = (u.value * Double(f)).rounded(.down)
            if !u.inclusive && v == u.value * Double(f) { v -= 1 }
            bhi = min(bhi, Int64(max(min(v, 1e18), -1e18)))
        }
        guard blo <= bhi else { return lo...max(lo, hi) }
        let a = max(lo, blo), b = min(hi, bhi)
        if a <= b { return a...b }
        lo = blo; hi = bhi
        if preferred.upperBound * f < blo { return blo...min(bhi, blo &+ 1000 * f) }
        return max(blo, bhi &- 1000 * f)...bhi
    }

    /// How many elements arrays get: 0–4, within a `cardinality` CHECK's bounds.
    var arrayCount: ClosedRange<Int64> {
        let lo = Int64(max(0, domain.minCardinality ?? 0))
        let hi = Int64(max(0, domain.maxCardinality ?? Int(max(lo, 4))))
        return lo <= hi ? lo...max(lo, min(hi, max(lo, 4))) : lo...lo
    }

    /// A plain generator by type, for columns nothing more specific applies to.
    func byType(_ type: DataType, warn: (String) -> Void) throws -> any ValueGenerator {
        switch type {
        case .boolean: return BoolGenerator(stream: stream)
        case .integer(let bytes): return IntegerGenerator(range: integerRange(Self.plausibleIntegers(column.name), typeMax: Self.maxInteger(bytes: bytes)), stream: stream)
        case .numeric(let p, let s):
            let scale = s ?? 2
            let units = unitRange(scale: scale, preferred: 0...1000, precision: p)
            return DecimalGenerator(scale: scale, minUnits: units.lowerBound, maxUnits: units.upperBound, stream: stream)
        case .real, .double:
            let r = integerRange(0...999)
            return DoubleGenerator(range: Double(r.lowerBound)..<Double(r.upperBound) + (r.lowerBound == r.upperBound ? 0.5 : 0), stream: stream)
        case .money: return DecimalGenerator(scale: 2, minUnits: 100, maxUnits: 100_000, medianUnits: 2000, stream: stream)
        case .text: return TextGenerator(words: Vocabulary.words, maxLength: textLimit, stream: stream)
        case .char(let n):
            return n <= 3 ? UniqueTextGenerator(words: Vocabulary.words, maxLength: n, fixedLength: n, rows: 1, key: stream)
                          : TextGenerator(words: Vocabulary.words, wordCount: 1...1, maxLength: n, stream: stream)
        case .date: return windowDates(recent: false)
        case .time(let tz): return TimeGenerator(withTimeZone: tz, stream: stream)
        case .timestamp(let tz): return windowTimestamps(withTimeZone: tz, recent: false)
        case .interval: return IntervalGenerator(stream: stream)
        case .uuid: return UUIDGenerator(stream: stream)
        case .json, .jsonb:
            if let types = domain.jsonTypes, !types.contains("object"), let first = types.first {
                return JSONValueGenerator(type: first, words: Vocabulary.words, stream: stream)
            }
            return JSONGenerator(words: Vocabulary.words, stream: stream)
        case .bytes: return BytesGenerator(stream: stream)
        case .inet: return InetGenerator(network: false, stream: stream)
        case .cidr: return InetGenerator(network: true, stream: stream)
        case .macaddr: return MacAddressGenerator(stream: stream)
        case .bit(let n, let varying): return BitStringGenerator(length: n, varying: varying, stream: stream)
        case .xml: return ConstantGenerator("<item/>")
        case .tsvector: return TextGenerator(words: Vocabulary.words, wordCount: 2...5, maxLength: nil, capitalized: false, stream: stream)
        case .tsquery: return TextGenerator(words: Vocabulary.words, wordCount: 1...1, maxLength: nil, capitalized: false, stream: stream)
        case .enumeration(_, let labels): return ChoiceGenerator(values: labels, stream: stream)
        case .geometric(let name): return GeometricShapeGenerator(type: name, stream: stream)
        case .composite(_, let names, let types):
            let fields = try zip(names, types).map { name, type in
                try ValueGeneratorFactory(table: table, column: Column(name: name, type: type, declaredType: type.summary),
                                          rows: rows, unique: false, isPrimaryKey: false,
                                          stream: StableHash.mix(stream ^ StableHash.of(name)), seed: seed).byType(type, warn: warn)
            }
            return CompositeGenerator(fields: fields)
        case .range(_, let subtype, let multirange):
            return RangeGenerator(subtype: subtype, multirange: multirange, stream: stream)
        case .array(let element, _):
            guard !column.elementChecks.isEmpty else { return ArrayGenerator(element: try byType(element, warn: warn), count: arrayCount, stream: stream) }
            // Elements of a domain type: generate them as a column of that domain.
            let derived = DomainDeriver.derive(checks: [], columns: ["value"], domainChecks: column.elementChecks.map { (column: "value", expression: $0) })
            var factory = ValueGeneratorFactory(table: table, column: Column(name: "value", type: element, declaredType: element.summary),
                                                rows: rows, unique: false, isPrimaryKey: false, stream: stream, seed: seed)
            factory.domain = derived.domain("value")
            factory.now = now
            factory.window = window
            return ArrayGenerator(element: try factory.make(warn: warn), count: arrayCount, stream: stream)
        case .unknown(let name):
            if column.isNullable {
                warn("\(table.name).\(column.name): type \(name) is not supported; the column is left NULL")
                return NullGenerator()
            }
            throw PlanError("\(table.name).\(column.name): type \(name) is not supported and the column is NOT NULL")
        }
    }

    /// A plausible range for an integer column nothing else describes, by
    /// name: years are recent, durations and lengths short, counts small.
    static func plausibleIntegers(_ name: String) -> ClosedRange<Int64> {
        let words = Set(NameWords.split(name))
        if words.contains("year") || words.contains("yr") { return 1960...2025 }
        if !words.isDisjoint(with: ["duration", "length", "minutes", "mins", "days", "hours", "period"]) { return 1...240 }
        if !words.isDisjoint(with: ["count", "num", "number", "qty", "stock", "visits", "views", "clicks", "votes"]) { return 0...500 }
        if !words.isDisjoint(with: ["level", "priority", "rank", "position", "order", "sequence", "step"]) { return 1...10 }
        return 0...1000
    }

    static func maxInteger(bytes: Int) -> Int64 {
        switch bytes {
        case 2: return Int64(Int16.max)
        case 4: return Int64(Int32.max)
        default: return Int64.max
        }
    }
}

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
                let day = now >= 0 ? now / 86_400 : (now - 86_399) / 86_400
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
            default: n = Double(text.checkTrimmedSpaces)
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
        return true
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

// MARK: - Relations between columns

/// `lesser <= greater` (or `<` when strict), from `end_date > start_date`.
package struct ColumnOrder: Sendable, Equatable, Hashable {
    package var lesser: String
    package var greater: String
    package var strict: Bool

    package init(lesser: String, greater: String, strict: Bool) {
        self.lesser = lesser
        self.greater = greater
        self.strict = strict
    }
}

/// Between `minNonNull` and `maxNonNull` of `columns` are non-NULL
/// (`num_nonnulls(a, b) = 1`, `num_nulls(a, b, c) >= 1`,
/// `(a IS NULL) OR (b IS NULL)`).
package struct NullCountGroup: Sendable, Equatable, Hashable {
    package var columns: [String]
    package var minNonNull: Int
    package var maxNonNull: Int

    package init(columns: [String], minNonNull: Int, maxNonNull: Int) {
        self.columns = columns
        self.minNonNull = minNonNull
        self.maxNonNull = maxNonNull
    }
}

/// Everything `DomainDeriver` learned from a table's CHECKs.
package struct DerivedConstraints: Sendable, Equatable {
    /// A CHECK that is not fully captured by `domains`, `orders` and `groups`.
    package struct Unsupported: Sendable, Equatable {
        package var name: String?
        package var expression: String
        package var reason: String
        /// The column, for a CHECK of the column's domain.
        package var column: String?
    }

    /// A choice the deriver made that is sound but stricter than the CHECK
    /// (an OR satisfied through one branch).
    package struct Note: Sendable, Equatable {
        package var name: String?
        package var expression: String
        package var note: String
        /// The column, for a domain CHECK.
        package var column: String?
    }

    /// One input CHECK, parsed, with its column references resolved to the
    /// table's column names (for `CheckEvaluator`).
    package struct ParsedCheck: Sendable, Equatable {
        package var name: String?
        package var text: String
        /// The column, for a domain CHECK (its `VALUE` is resolved to it).
        package var column: String?
        package var expression: CheckExpression?
        package var parseError: CheckParseError?
    }

    /// Keyed by the table's column name; columns without requirements are absent.
    package var domains: [String: ColumnDomain] = [:]
    package var orders: [ColumnOrder] = []
    package var groups: [NullCountGroup] = []
    package var unsupported: [Unsupported] = []
    package var notes: [Note] = []
    package var checks: [ParsedCheck] = []

    package init() {}

    /// The domain of a column (unconstrained when absent).
    package func domain(_ column: String) -> ColumnDomain { domains[column] ?? ColumnDomain() }
}

// MARK: - Derivation

/// Turns a table's CHECK texts into per-column domains, column orders and
/// NULL-count groups.
///
/// Sound by construction: a row whose values lie in the derived domains (and
/// respect the orders and groups) passes every CHECK that is not listed in
/// `unsupported`. A CHECK that is only partly captured is listed (its captured
/// parts still narrow the domains). An OR is satisfied through one branch —
/// all values NULL-able in a `col IS NULL` branch, else the first branch that
/// is fully captured and satisfiable — and the choice is noted.
package enum DomainDeriver {
    /// - Parameters:
    ///   - checks: the table's CHECKs (name, text).
    ///   - columns: the table's column names.
    ///   - domainChecks: CHECKs of column domains, `VALUE` meaning the column.
    ///   - nonNullable: columns declared NOT NULL (used only to reject OR
    ///     branches that need NULL there).
    package static func derive(
        checks: [(name: String?, expression: String)],
        columns: [String],
        domainChecks: [(column: String, expression: String)] = [],
        nonNullable: Set<String> = []
    ) -> DerivedConstraints {
        var out = DerivedConstraints()
        struct Item { var name: String?; var text: String; var column: String? }
        let items = checks.map { Item(name: $0.name, text: $0.expression, column: nil) }
            + domainChecks.map { Item(name: nil, text: $0.expression, column: $0.column) }
        let deriver = DomainDeriverCore(nonNullable: nonNullable)
        var state = DomainDerivationState()
        var failures: [[(conjunct: CheckExpression?, reason: String)]] = Array(repeating: [], count: items.count)
        var deferred: [(Int, CheckExpression)] = []
        var conjunctCounts = Array(repeating: 1, count: items.count)

        for (i, item) in items.enumerated() {
            let parsed: CheckExpression
            do {
                parsed = try CheckParser.parse(item.text)
            } catch let e as CheckParseError {
                out.checks.append(.init(name: item.name, text: item.text, column: item.column, expression: nil, parseError: e))
                failures[i].append((nil, "cannot parse: \(e.message)"))
                continue
            } catch {
                failures[i].append((nil, "cannot parse: \(error)"))
                continue
            }
            let (resolved, unknown) = resolve(parsed, columns: columns, valueColumn: item.column)
            out.checks.append(.init(name: item.name, text: item.text, column: item.column, expression: resolved, parseError: nil))
            if !unknown.isEmpty {
                failures[i].append((nil, "unknown column\(unknown.count > 1 ? "s" : "") \(unknown.joined(separator: ", "))"))
                continue
            }
            let conjuncts = negationNormalForm(resolved).conjuncts
            conjunctCounts[i] = conjuncts.count
            for conjunct in conjuncts {
                if isDisjunction(conjunct) {
                    deferred.append((i, conjunct))
                    continue
                }
                do {
                    state = try deriver.apply(conjunct, state)
                    for n in state.notes {
                        out.notes.append(.init(name: item.name, expression: item.text, note: n, column: item.column))
                    }
                    state.notes.removeAll()
                } catch {
                    failures[i].append((conjunct, (error as? DomainDerivationFailure)?.reason ?? "\(error)"))
                }
            }
        }
        // ORs last, so a branch is chosen knowing the other requirements.
        for (i, conjunct) in deferred {
            do {
                state = try deriver.apply(conjunct, state)
                for n in state.notes {
                    out.notes.append(.init(name: items[i].name, expression: items[i].text, note: n, column: items[i].column))
                }
                state.notes.removeAll()
            } catch {
                failures[i].append((conjunct, (error as? DomainDerivationFailure)?.reason ?? "\(error)"))
            }
        }

        // Uncaptured single-column conjuncts over a finite allowed list are
        // captured exactly by evaluating them on each allowed value.
        for (column, var d) in state.domains { d.normalize(); state.domains[column] = d }
        for i in failures.indices {
            failures[i] = failures[i].filter { failure in
                guard let conjunct = failure.conjunct else { return true }
                return !refineByEvaluation(conjunct, state: &state)
            }
        }

        for (i, f) in failures.enumerated() where !f.isEmpty {
            let reasons = f.map { failure in
                if let c = failure.conjunct, conjunctCounts[i] > 1 { return "`\(c)`: \(failure.reason)" }
                return failure.reason
            }
            out.unsupported.append(.init(name: items[i].name, expression: items[i].text, reason: reasons.joined(separator: "; "), column: items[i].column))
        }

        // Groups: merge by column set; one-column groups become notNull / mustBeNull.
        var groups: [NullCountGroup] = []
        for g in state.groups {
            if g.columns.count == 1 {
                let c = g.columns[0]
                if g.minNonNull >= 1 { state.domains[c, default: ColumnDomain()].notNull = true }
                if g.maxNonNull <= 0 { state.domains[c, default: ColumnDomain()].mustBeNull = true }
                continue
            }
            if g.minNonNull <= 0 && g.maxNonNull >= g.columns.count { continue }
            groups.append(g)
        }
        out.groups = groups
        out.orders = state.orders
        for (column, var d) in state.domains {
            d.normalize()
            if !d.isUnconstrained { out.domains[column] = d }
        }
        return out
    }

    /// ORs (and NOT BETWEEN, an OR in disguise) are applied after everything
    /// else, so a branch is chosen knowing the other requirements.
    static func isDisjunction(_ e: CheckExpression) -> Bool {
        switch e {
        case .or, .between(_, _, _, negated: true): return true
        default: return false
        }
    }

    /// Resolves column references to the table's column names: exact match
    /// first, then case-insensitive (quoted names too, as SQLite does); the
    /// unquoted `VALUE` of a domain CHECK becomes `valueColumn`; a quoted name
    /// that is no column is a string (SQLite's double-quoted strings).
    /// Returns the names that matched nothing.
    package static func resolve(_ e: CheckExpression, columns: [String], valueColumn: String? = nil) -> (CheckExpression, unknown: [String]) {
        var unknown: [String] = []
        let r = e.rewritten { node in
            guard case .column(let name, let quoted) = node else { return node }
            if let valueColumn, !quoted, name.lowercased() == "value" { return .column(valueColumn, quoted: true) }
            if columns.contains(name) { return node }
            if !quoted, columns.contains(name.lowercased()) { return .column(name.lowercased(), quoted: quoted) }
            if let c = columns.first(where: { $0.lowercased() == name.lowercased() }) { return .column(c, quoted: quoted) }
            if quoted { return .string(name) }
            if !unknown.contains(name) { unknown.append(name) }
            return node
        }
        return (r, unknown)
    }

    /// Pushes NOT down to the leaves (valid under three-valued logic):
    /// De Morgan, inverted comparisons, NOT IN, NOT LIKE, IS NOT NULL, ...
    package static func negationNormalForm(_ e: CheckExpression, negated: Bool = false) -> CheckExpression {
        switch e {
        case .not(let x): return negationNormalForm(x, negated: !negated)
        case .and(let a, let b):
            let x = negationNormalForm(a, negated: negated), y = negationNormalForm(b, negated: negated)
            return negated ? .or(x, y) : .and(x, y)
        case .or(let a, let b):
            let x = negationNormalForm(a, negated: negated), y = negationNormalForm(b, negated: negated)
            return negated ? .and(x, y) : .or(x, y)
        default: break
        }
        guard negated else { return e }
        switch e {
        case .comparison(let op, let a, let b): return .comparison(op.negated, a, b)
        case .inList(let x, let items, let n): return .inList(x, items, negated: !n)
        case .match(let op, let x, let p, let n): return .match(op, x, pattern: p, negated: !n)
        case .between(let x, let lo, let hi, let n): return .between(x, low: lo, high: hi, negated: !n)
        case .isNull(let x, let n): return .isNull(x, negated: !n)
        case .isDistinct(let a, let b, let n): return .isDistinct(a, b, negated: !n)
        case .bool(let b): return .bool(!b)
        case .null: return .null
        default: return .not(e)
        }
    }

    /// Captures `conjunct` by filtering its only column's allowed list with
    /// the evaluator. False when that is not possible.
    static func refineByEvaluation(_ conjunct: CheckExpression, state: inout DomainDerivationState) -> Bool {
        var usesNow = false
        conjunct.visit { node in
            if case .currentTime = node { usesNow = true }
            if case .function(let n, let args) = node, n == "date" || n == "datetime",
               args.first == .string("now") { usesNow = true }
        }
        if usesNow { return false }
        let columns = Set(conjunct.columnReferences.map(\.name))
        if columns.isEmpty {
            return CheckEvaluator.passes(conjunct, row: [:], now: 0) == true
        }
        guard columns.count == 1, let column = columns.first, var domain = state.domains[column], let allowed = domain.allowed else {
            return false
        }
        var kept: [ColumnDomain.Literal] = []
        for v in allowed {
            guard let ok = CheckEvaluator.passes(conjunct, row: [column: v.checkValue], now: 0) else { return false }
            if ok { kept.append(v) }
        }
        domain.allowed = kept
        if CheckEvaluator.passes(conjunct, row: [column: .null], now: 0) != true { domain.notNull = true }
        state.domains[column] = domain
        return true
    }
}

struct DomainDerivationFailure: Error {
    var reason: String
    init(_ reason: String) { self.reason = reason }
}

struct DomainDerivationState {
    var domains: [String: ColumnDomain] = [:]
    var orders: [ColumnOrder] = []
    var groups: [NullCountGroup] = []
    var notes: [String] = []

    mutating func update(_ column: String, _ body: (inout ColumnDomain) -> Void) {
        var d = domains[column] ?? ColumnDomain()
        body(&d)
        domains[column] = d
    }

    mutating func addOrder(_ o: ColumnOrder) {
        if let i = orders.firstIndex(where: { $0.lesser == o.lesser && $0.greater == o.greater }) {
            orders[i].strict = orders[i].strict || o.strict
        } else {
            orders.append(o)
        }
    }

    mutating func addGroup(_ g: NullCountGroup) {
        let key = g.columns.sorted()
        if let i = groups.firstIndex(where: { $0.columns.sorted() == key }) {
            groups[i].minNonNull = max(groups[i].minNonNull, g.minNonNull)
            groups[i].maxNonNull = min(groups[i].maxNonNull, g.maxNonNull)
        } else {
            groups.append(g)
        }
    }
}

/// The operands the deriver understands.
private enum DomainTerm: Equatable {
    case column(String)
    case length(String, octet: Bool, trimmed: Bool)
    case upper(String)
    case lower(String)
    case trim(String)
    /// Counts the non-NULL (or, when `countsNulls`, the NULL) columns.
    case nullCount([String], countsNulls: Bool)

    var column: String? {
        switch self {
        case .column(let c), .length(let c, _, _), .upper(let c), .lower(let c), .trim(let c): return c
        case .nullCount: return nil
        }
    }
}

private enum DomainConstant: Equatable {
    case number(Double, String)
    case text(String)
    case bool(Bool)
    case null
    /// A date/timestamp literal (normalised).
    case temporal(String)

    var literal: ColumnDomain.Literal? {
        switch self {
        case .number(let v, let t): return .number(v, text: t)
        case .text(let s): return .text(s)
        case .bool(let b): return .bool(b)
        case .temporal(let s): return .text(s)
        case .null: return nil
        }
    }

    var textValue: String? {
        switch self {
        case .text(let s), .temporal(let s): return s
        case .number(_, let t): return t
        default: return nil
        }
    }

    var numberValue: (Double, String)? {
        switch self {
        case .number(let v, let t): return (v, t)
        case .text(let s):
            let t = s.checkTrimmedSpaces
            return Double(t).map { ($0, t) }
        default: return nil
        }
    }
}

/// `now()` / `CURRENT_DATE` plus an offset known only within a range (months
/// and years have varying lengths).
private struct DomainRelativeTime {
    var today: Bool
    var offset: ClosedRange<Double>

    func anchor(lowerBound: Bool) -> ColumnDomain.TimeAnchor {
        // A lower bound takes the latest possible point, an upper bound the
        // earliest, so the bound holds whatever the true length.
        let o = lowerBound ? offset.upperBound : offset.lowerBound
        return today ? .currentDate(offsetSeconds: o) : .now(offsetSeconds: o)
    }
}

private enum DomainOperand {
    case term(DomainTerm)
    case constant(DomainConstant)
    case relative(DomainRelativeTime)
    case other
}

private struct DomainDeriverCore {
    let nonNullable: Set<String>

    // MARK: Operands

    func plainColumn(_ e: CheckExpression) -> String? {
        if case .column(let c, _) = e.strippingCasts { return c }
        return nil
    }

    func term(_ e: CheckExpression) -> DomainTerm? {
        let x = e.strippingCasts
        switch x {
        case .column(let c, _): return .column(c)
        case .function(let name, let args):
            if name == "num_nulls" || name == "num_nonnulls" {
                let cols = args.compactMap(plainColumn)
                guard cols.count == args.count, !cols.isEmpty else { return nil }
                return .nullCount(cols, countsNulls: name == "num_nulls")
            }
            guard args.count == 1 else { return nil }
            switch name {
            case "length", "char_length", "character_length", "len", "octet_length":
                let octet = name == "octet_length"
                guard let inner = term(args[0]) else { return nil }
                switch inner {
                case .column(let c), .upper(let c), .lower(let c): return .length(c, octet: octet, trimmed: false)
                case .trim(let c): return .length(c, octet: octet, trimmed: true)
                default: return nil
                }
            case "upper": return plainColumn(args[0]).map { .upper($0) }
            case "lower": return plainColumn(args[0]).map { .lower($0) }
            case "btrim", "trim", "ltrim", "rtrim": return plainColumn(args[0]).map { .trim($0) }
            default: return nil
            }
        case .arithmetic(.add, _, _):
            // SQLite: (a IS NOT NULL) + (b IS NOT NULL) = 1
            var cols: [String] = []
            var polarity: Bool? = nil
            func collect(_ e: CheckExpression) -> Bool {
                switch e.strippingCasts {
                case .arithmetic(.add, let a, let b): return collect(a) && collect(b)
                case .isNull(let inner, let negated):
                    guard let c = plainColumn(inner), polarity == nil || polarity == negated else { return false }
                    polarity = negated
                    cols.append(c)
                    return true
                default: return false
                }
            }
            guard collect(x), let p = polarity else { return nil }
            return .nullCount(cols, countsNulls: !p)
        default: return nil
        }
    }

    func constant(_ e: CheckExpression) -> DomainConstant? {
        switch e {
        case .number(let v, let t): return .number(v, t)
        case .string(let s): return .text(s)
        case .bool(let b): return .bool(b)
        case .null: return .null
        case .collate(let x, _): return constant(x)
        case .negate(let x):
            if case .number(let v, let t)? = constant(x) { return .number(-v, t.hasPrefix("-") ? String(t.dropFirst()) : "-" + t) }
            return nil
        case .cast(let x, let type):
            guard let c = constant(x) else { return nil }
            if c == .null { return .null }
            switch CheckExpression.typeFamily(type) {
            case .integer, .decimal:
                if let (v, t) = c.numberValue { return .number(v, t) }
                if case .bool(let b) = c { return .number(b ? 1 : 0, b ? "1" : "0") }
                return nil
            case .bool:
                if case .bool = c { return c }
                if let s = c.textValue, let b = CheckCalendar.parseBool(s) { return .bool(b) }
                return nil
            case .date:
                guard let s = c.textValue, let p = CheckCalendar.parse(s) else { return nil }
                return .temporal(CheckCalendar.formatDate(p.days))
            case .timestamp:
                guard let s = c.textValue, let n = CheckCalendar.normalizedTemporal(s) else { return nil }
                return .temporal(n)
            case .text:
                if case .temporal(let s) = c { return .text(s) }
                if case .number(_, let t) = c { return .text(t) }
                return c
            case .time, .interval: return nil
            case .other: return c
            }
        case .arithmetic, .function, .caseWhen:
            // Constant folding of column-free, time-free expressions.
            var pure = true
            e.visit { node in
                switch node {
                case .column, .currentTime: pure = false
                case .function(let n, _) where n == "date" || n == "datetime" || n == "time": pure = false
                default: break
                }
            }
            guard pure, let v = CheckEvaluator.value(of: e, now: 0) else { return nil }
            switch v {
            case .null: return .null
            case .number(let d): return .number(d, CheckCalendar.formatNumber(d))
            case .text(let s): return .text(s)
            case .bool(let b): return .bool(b)
            }
        default: return nil
        }
    }

    func relative(_ e: CheckExpression) -> DomainRelativeTime? {
        switch e {
        case .currentTime(.timestamp): return DomainRelativeTime(today: false, offset: 0...0)
        case .currentTime(.date): return DomainRelativeTime(today: true, offset: 0...0)
        case .collate(let x, _): return relative(x)
        case .cast(let x, let type):
            guard let r = relative(x) else { return nil }
            switch CheckExpression.typeFamily(type) {
            case .date:
                if r.today { return r }
                if r.offset == 0...0 { return DomainRelativeTime(today: true, offset: 0...0) }
                return nil
            case .timestamp, .other: return r
            default: return nil
            }
        case .arithmetic(let op, let a, let b) where op == .add || op == .subtract:
            if let r = relative(a), let k = offsetRange(b) {
                let o = op == .add ? k : (-k.upperBound)...(-k.lowerBound)
                return DomainRelativeTime(today: r.today, offset: (r.offset.lowerBound + o.lowerBound)...(r.offset.upperBound + o.upperBound))
            }
            if op == .add, let r = relative(b), let k = offsetRange(a) {
                return DomainRelativeTime(today: r.today, offset: (r.offset.lowerBound + k.lowerBound)...(r.offset.upperBound + k.upperBound))
            }
            return nil
        case .function(let name, let args) where (name == "date" || name == "datetime") && args.first == .string("now"):
            var r = DomainRelativeTime(today: name == "date", offset: 0...0)
            for m in args.dropFirst() {
                guard case .string(let s) = m, let i = CheckCalendar.parseInterval(s) else { return nil }
                let k = i.secondsRange
                r.offset = (r.offset.lowerBound + k.lowerBound)...(r.offset.upperBound + k.upperBound)
            }
            if name == "date", r.offset.lowerBound != r.offset.upperBound || r.offset.lowerBound.truncatingRemainder(dividingBy: 86_400) != 0 {
                return nil
            }
            return r
        default: return nil
        }
    }

    /// An offset in seconds: a number of days, or an interval literal.
    func offsetRange(_ e: CheckExpression) -> ClosedRange<Double>? {
        switch e {
        case .number(let v, _): return (v * 86_400)...(v * 86_400)
        case .negate(let x):
            guard let r = offsetRange(x) else { return nil }
            return (-r.upperBound)...(-r.lowerBound)
        case .cast(let x, let type):
            if CheckExpression.typeFamily(type) == .interval, case .string(let s) = x.strippingCasts,
               let i = CheckCalendar.parseInterval(s) {
                return i.secondsRange
            }
            if CheckExpression.typeFamily(type) == .integer, let r = offsetRange(x) { return r }
            return nil
        default: return nil
        }
    }

    func operand(_ e: CheckExpression) -> DomainOperand {
        if let t = term(e) { return .term(t) }
        if let r = relative(e) { return .relative(r) }
        if let c = constant(e) { return .constant(c) }
        return .other
    }

    // MARK: Application

    func apply(_ e: CheckExpression, _ s: DomainDerivationState) throws -> DomainDerivationState {
        var s = s
        switch e {
        case .and:
            for c in e.conjuncts { s = try apply(c, s) }
            return s
        case .or:
            return try applyOr(e.disjuncts, s)
        case .bool(true), .null:
            return s
        case .bool(false):
            throw DomainDerivationFailure("the CHECK is always false")
        case .comparison(let op, let a, let b):
            return try comparison(op, a, b, s)
        case .between(let x, let lo, let hi, let negated):
            if negated {
                return try applyOr([.comparison(.less, x, lo), .comparison(.greater, x, hi)], s)
            }
            s = try comparison(.greaterOrEqual, x, lo, s)
            return try comparison(.lessOrEqual, x, hi, s)
        case .inList(let x, let items, let negated):
            return try inList(x, items, negated: negated, s)
        case .match(let op, let x, let p, let negated):
            return try match(op, x, p, negated: negated, s)
        case .isNull(let x, let negated):
            if negated, case .function(let f, let args) = x.strippingCasts, f == "date" || f == "datetime", args.count == 1,
               let c = plainColumn(args[0]) {
                // SQLite's idiom for "a valid date".
                s.update(c) { $0.notNull = true; $0.isoTemporal = true; $0.normalize() }
                return s
            }
            guard let t = term(x) else { throw DomainDerivationFailure("IS NULL on an expression") }
            if case .nullCount = t {
                if negated { return s }
                throw DomainDerivationFailure("num_nulls()/num_nonnulls() is never NULL")
            }
            s.update(t.column!) { if negated { $0.notNull = true } else { $0.mustBeNull = true } }
            return s
        case .isDistinct(let a, let b, let negated):
            var l = operand(a), r = operand(b)
            if case .term = r, !(l.isTerm) { swap(&l, &r) }
            guard case .term(let t) = l, case .constant(let c) = r else {
                throw DomainDerivationFailure("IS DISTINCT FROM needs a column and a constant")
            }
            if c == .null { return try apply(.isNull(a, negated: !negated), s) }
            if negated {
                // IS NOT DISTINCT FROM c: non-NULL and equal.
                guard let col = t.column else { throw DomainDerivationFailure("IS NOT DISTINCT FROM on this expression") }
                s.update(col) { $0.notNull = true }
                return try termConstant(t, .equal, c, s)
            }
            // IS DISTINCT FROM c: NULL, or not equal.
            return try termConstant(t, .notEqual, c, s)
        case .column(let c, _):
            s.update(c) { $0.intersect(Self.allowing([.bool(true)])) }
            return s
        case .not(let x):
            if let c = plainColumn(x) {
                s.update(c) { $0.intersect(Self.allowing([.bool(false)])) }
                return s
            }
            throw DomainDerivationFailure("NOT over \(x) is not supported")
        case .cast(let x, _), .collate(let x, _):
            return try apply(x, s)
        default:
            throw DomainDerivationFailure("`\(e)` is not supported")
        }
    }

    static func allowing(_ values: [ColumnDomain.Literal]) -> ColumnDomain {
        var d = ColumnDomain()
        d.allowed = values
        return d
    }

    func comparison(_ op0: CheckExpression.ComparisonOperator, _ a: CheckExpression, _ b: CheckExpression, _ s0: DomainDerivationState) throws -> DomainDerivationState {
        var s = s0
        var op = op0
        var l = operand(a), r = operand(b)
        if !l.isTerm, r.isTerm {
            swap(&l, &r)
            op = op.flipped
        }
        switch (l, r) {
        case (.term(let t), .constant(let c)):
            return try termConstant(t, op, c, s)
        case (.term(.column(let x)), .term(.column(let y))):
            if x == y {
                // x = x, x <= x, x >= x hold for any non-NULL value; the rest never do.
                if op == .equal || op == .lessOrEqual || op == .greaterOrEqual { return s }
                s.update(x) { $0.mustBeNull = true }
                return s
            }
            switch op {
            case .less: s.addOrder(ColumnOrder(lesser: x, greater: y, strict: true))
            case .lessOrEqual: s.addOrder(ColumnOrder(lesser: x, greater: y, strict: false))
            case .greater: s.addOrder(ColumnOrder(lesser: y, greater: x, strict: true))
            case .greaterOrEqual: s.addOrder(ColumnOrder(lesser: y, greater: x, strict: false))
            case .equal, .notEqual:
                throw DomainDerivationFailure("\(op == .equal ? "equality" : "inequality") between two columns is not supported")
            }
            return s
        case (.term(.column(let x)), .term(let t)), (.term(let t), .term(.column(let x))):
            guard op == .equal, t.column == x else {
                throw DomainDerivationFailure("comparing \(a) with \(b) is not supported")
            }
            switch t {
            case .lower: s.update(x) { $0.lowercase = true }
            case .upper: s.update(x) { $0.uppercase = true }
            case .trim: s.update(x) { $0.trimmed = true }
            default: throw DomainDerivationFailure("comparing \(a) with \(b) is not supported")
            }
            return s
        case (.term(.column(let x)), .relative(let rt)):
            switch op {
            case .greater, .greaterOrEqual:
                s.update(x) { $0.addTimeBound(.init(rt.anchor(lowerBound: true), inclusive: op == .greaterOrEqual), lower: true) }
            case .less, .lessOrEqual:
                s.update(x) { $0.addTimeBound(.init(rt.anchor(lowerBound: false), inclusive: op == .lessOrEqual), lower: false) }
            default:
                throw DomainDerivationFailure("equality with the current time is not supported")
            }
            return s
        case (.constant(let x), .constant(let y)):
            guard let xl = x.literal, let yl = y.literal else { return s } // NULL: passes
            let e = CheckExpression.comparison(op, Self.expression(xl), Self.expression(yl))
            if CheckEvaluator.passes(e, row: [:], now: 0) == true { return s }
            throw DomainDerivationFailure("the comparison is always false")
        default:
            throw DomainDerivationFailure("comparing \(a) with \(b) is not supported")
        }
    }

    static func expression(_ l: ColumnDomain.Literal) -> CheckExpression {
        switch l {
        case .number(let v, let t): return .number(v, text: t)
        case .text(let s): return .string(s)
        case .bool(let b): return .bool(b)
        }
    }

    func termConstant(_ t: DomainTerm, _ op: CheckExpression.ComparisonOperator, _ c: DomainConstant, _ s0: DomainDerivationState) throws -> DomainDerivationState {
        var s = s0
        if c == .null { return s } // compares to NULL: NULL, passes
        switch t {
        case .column(let x):
            switch op {
            case .equal:
                s.update(x) { $0.intersect(Self.allowing([c.literal!])) }
            case .notEqual:
                s.update(x) { $0.excluded.append(c.literal!); $0.normalize() }
            default:
                try orderingBound(x, op, c, &s)
            }
            return s
        case .length(let x, let octet, let trimmed):
            guard let (v0, _) = c.numberValue else { throw DomainDerivationFailure("length compared with a non-number") }
            // Lengths beyond any real string are clamped (keeps Int conversions safe).
            let v = min(max(v0, -1e12), 1e12)
            var lo: Int? = nil, hi: Int? = nil
            switch op {
            case .equal:
                guard v == v.rounded() else { throw DomainDerivationFailure("length compared with a fraction") }
                lo = Int(v); hi = Int(v)
            case .greater: lo = Int(v.rounded(.down)) + 1
            case .greaterOrEqual: lo = Int(v.rounded(.up))
            case .less: hi = Int(v.rounded(.up)) - 1
            case .lessOrEqual: hi = Int(v.rounded(.down))
            case .notEqual:
                if v < 0 || v != v.rounded() { return s }
                guard v == 0 else { throw DomainDerivationFailure("length <> \(c.textValue ?? "") is not supported") }
                lo = 1
            }
            if let l = lo, l <= 0 { lo = nil }
            s.update(x) { d in
                if let lo {
                    if trimmed {
                        if lo == 1 && hi == nil { d.notBlank = true } else { d.trimmed = true; d.minLength = max(d.minLength ?? lo, lo) }
                    } else {
                        d.minLength = max(d.minLength ?? lo, lo)
                    }
                }
                if let hi {
                    if octet { d.maxOctetLength = min(d.maxOctetLength ?? hi, hi) } else { d.maxLength = min(d.maxLength ?? hi, hi) }
                }
                d.normalize()
            }
            return s
        case .upper(let x), .lower(let x):
            let isUpper: Bool = { if case .upper = t { return true } else { return false } }()
            guard op == .equal, let str = c.textValue else {
                throw DomainDerivationFailure("\(isUpper ? "upper" : "lower")() is only supported with = / IN")
            }
            let ok = isUpper ? str.uppercased() == str : str.lowercased() == str
            s.update(x) { $0.intersect(Self.allowing(ok ? [.text(str)] : [])) }
            return s
        case .trim(let x):
            if let str = c.textValue, str.allSatisfy({ $0 == " " }), op == .notEqual || op == .greater {
                s.update(x) { $0.notBlank = true }
                return s
            }
            throw DomainDerivationFailure("btrim() is only supported as btrim(x) <> ''")
        case .nullCount(let cols, let countsNulls):
            guard let (v, _) = c.numberValue, v == v.rounded() else { throw DomainDerivationFailure("num_nulls() compared with a non-integer") }
            let n = cols.count, k = Int(min(max(v, -1e12), 1e12))
            var lo = 0, hi = n
            switch op {
            case .equal: lo = k; hi = k
            case .greater: lo = k + 1
            case .greaterOrEqual: lo = k
            case .less: hi = k - 1
            case .lessOrEqual: hi = k
            case .notEqual:
                if k == 0 { lo = 1 } else if k == n { hi = n - 1 } else if k < 0 || k > n { return s } else {
                    throw DomainDerivationFailure("num_nulls() <> \(k) is not supported")
                }
            }
            lo = max(lo, 0); hi = min(hi, n)
            if countsNulls { (lo, hi) = (n - hi, n - lo) }
            s.addGroup(NullCountGroup(columns: cols, minNonNull: lo, maxNonNull: hi))
            return s
        }
    }

    func orderingBound(_ x: String, _ op: CheckExpression.ComparisonOperator, _ c: DomainConstant, _ s: inout DomainDerivationState) throws {
        let isLower = op == .greater || op == .greaterOrEqual
        let inclusive = op == .greaterOrEqual || op == .lessOrEqual
        switch c {
        case .number(let v, let t):
            let b = ColumnDomain.NumericBound(v, inclusive: inclusive, text: t)
            s.update(x) { if isLower { $0.tightenLower(b) } else { $0.tightenUpper(b) }; $0.normalize() }
        case .temporal(let t):
            s.update(x) { $0.addTimeBound(.init(.literal(t), inclusive: inclusive), lower: isLower); $0.normalize() }
        case .text(let str):
            if let n = CheckCalendar.normalizedTemporal(str) {
                s.update(x) { $0.addTimeBound(.init(.literal(n), inclusive: inclusive), lower: isLower); $0.normalize() }
            } else if let (v, t) = c.numberValue {
                let b = ColumnDomain.NumericBound(v, inclusive: inclusive, text: t)
                s.update(x) { if isLower { $0.tightenLower(b) } else { $0.tightenUpper(b) }; $0.normalize() }
            } else if str.isEmpty {
                switch op {
                case .greater: s.update(x) { $0.minLength = max($0.minLength ?? 1, 1); $0.normalize() }
                case .greaterOrEqual: break
                case .lessOrEqual: s.update(x) { $0.intersect(Self.allowing([.text("")])) }
                default: s.update(x) { $0.mustBeNull = true }
                }
            } else {
                throw DomainDerivationFailure("ordering against the text '\(str)' is not supported")
            }
        case .bool:
            throw DomainDerivationFailure("ordering against a boolean is not supported")
        case .null:
            break
        }
    }

    func inList(_ x: CheckExpression, _ items: [CheckExpression], negated: Bool, _ s0: DomainDerivationState) throws -> DomainDerivationState {
        var s = s0
        guard let t = term(x) else { throw DomainDerivationFailure("IN on an expression that is not a column") }
        var values: [ColumnDomain.Literal] = []
        var sawNull = false
        for item in items {
            guard let c = constant(item) else { throw DomainDerivationFailure("IN list item \(item) is not a constant") }
            if let l = c.literal { values.append(l) } else { sawNull = true }
        }
        if sawNull && !negated { return s } // x IN (..., NULL) is never false
        switch t {
        case .column(let c):
            s.update(c) { d in
                if negated {
                    d.excluded += values
                    d.normalize()
                } else {
                    d.intersect(Self.allowing(values))
                }
            }
            return s
        case .upper(let c), .lower(let c):
            guard !negated else { throw DomainDerivationFailure("NOT IN on upper()/lower() is not supported") }
            let isUpper: Bool = { if case .upper = t { return true } else { return false } }()
            let kept = values.filter { v in
                guard case .text(let str) = v else { return false }
                return isUpper ? str.uppercased() == str : str.lowercased() == str
            }
            s.update(c) { $0.intersect(Self.allowing(kept)) }
            return s
        case .length, .nullCount:
            guard !negated else { throw DomainDerivationFailure("NOT IN on this expression is not supported") }
            let ints = values.compactMap { v -> Int? in
                guard case .number(let d, _) = v, d == d.rounded() else { return nil }
                return d.checkInt
            }
            guard ints.count == values.count, let lo = ints.min(), let hi = ints.max(), Set(ints).count == hi - lo + 1 else {
                throw DomainDerivationFailure("IN on a length or count needs a contiguous list of integers")
            }
            s = try termConstant(t, .greaterOrEqual, .number(Double(lo), String(lo)), s)
            return try termConstant(t, .lessOrEqual, .number(Double(hi), String(hi)), s)
        case .trim:
            throw DomainDerivationFailure("IN on btrim() is not supported")
        }
    }

    func match(_ op: CheckExpression.MatchOperator, _ x: CheckExpression, _ p: CheckExpression, negated: Bool, _ s0: DomainDerivationState) throws -> DomainDerivationState {
        var s = s0
        guard let c = plainColumn(x) else { throw DomainDerivationFailure("pattern match on an expression that is not a column") }
        guard let pc = constant(p) else { throw DomainDerivationFailure("the pattern is not a constant") }
        if pc == .null { return s }
        guard case .text(let text) = pc else { throw DomainDerivationFailure("the pattern is not text") }
        let pattern: SimplePattern
        switch op {
        // SQLite's LIKE ignores ASCII case: a forbidden LIKE pattern is kept
        // case-insensitive, which is right (or stricter) for both databases.
        case .like: pattern = .like(text, caseInsensitive: negated)
        case .ilike: pattern = .like(text, caseInsensitive: true)
        case .glob:
            guard let g = SimplePattern.glob(text) else { throw DomainDerivationFailure("malformed GLOB pattern") }
            pattern = g
        case .regex, .regexCaseInsensitive:
            do {
                pattern = try .regex(text, caseInsensitive: op == .regexCaseInsensitive)
            } catch let u as SimplePattern.UnsupportedPattern {
                throw DomainDerivationFailure("regular expression '\(text)': \(u.reason)")
            }
        }
        s.update(c) { d in
            if negated {
                if !d.forbiddenPatterns.contains(pattern) { d.forbiddenPatterns.append(pattern) }
            } else if !d.patterns.contains(pattern) {
                d.patterns.append(pattern)
            }
            d.normalize()
        }
        return s
    }

    // MARK: OR

    func applyOr(_ disjuncts: [CheckExpression], _ s: DomainDerivationState) throws -> DomainDerivationState {
        // `col IS NULL OR rest`: NULL in col satisfies the OR; otherwise rest
        // must hold, where `col IS NOT NULL` is then true anyway.
        var nullColumns: [String] = []
        var rest: [CheckExpression] = []
        for d in disjuncts {
            if case .isNull(let x, false) = d, let c = plainColumn(x) {
                if !nullColumns.contains(c) { nullColumns.append(c) }
            } else {
                rest.append(d)
            }
        }
        if !nullColumns.isEmpty {
            if rest.isEmpty {
                var s = s
                s.addGroup(NullCountGroup(columns: nullColumns, minNonNull: 0, maxNonNull: nullColumns.count - 1))
                return s
            }
            let reduced: [CheckExpression] = rest.map { d in
                let kept = d.conjuncts.filter { conjunct in
                    if case .isNull(let x, true) = conjunct, let c = plainColumn(x), nullColumns.contains(c) { return false }
                    return true
                }
                return kept.isEmpty ? .bool(true) : kept.dropFirst().reduce(kept[0]) { .and($0, $1) }
            }
            var r = try reduced.count == 1 ? apply(reduced[0], s) : applyOr(reduced, s)
            let touchesOthers = reduced.contains { e in e.columnReferences.contains { !nullColumns.contains($0.name) } }
            if touchesOthers {
                r.notes.append("applied `\(reduced.map(\.description).joined(separator: " OR "))` to every row, although NULL in \(nullColumns.joined(separator: ", ")) would also satisfy the CHECK")
            }
            return r
        }

        // x = 'a' OR x = 'b' OR x IN (...): one allowed list.
        var union: [ColumnDomain.Literal] = []
        var unionColumn: String? = nil
        var isUnion = true
        for d in rest {
            guard let one = try? apply(d, DomainDerivationState()), one.orders.isEmpty, one.groups.isEmpty, one.domains.count == 1,
                  let (c, dom) = one.domains.first, let allowed = dom.allowed,
                  dom == Self.allowing(allowed), unionColumn == nil || unionColumn == c else {
                isUnion = false
                break
            }
            unionColumn = c
            for v in allowed where !union.contains(where: { $0.sameValue(as: v) }) { union.append(v) }
        }
        if isUnion, let c = unionColumn {
            var r = s
            r.update(c) { $0.intersect(Self.allowing(union)) }
            return r
        }

        // Otherwise the first branch that is captured and satisfiable.
        var reasons: [String] = []
        for (i, d) in rest.enumerated() {
            do {
                var r = try apply(d, s)
                if let why = unsatisfiable(before: s, after: r) {
                    reasons.append("branch \(i + 1) `\(d)` \(why)")
                    continue
                }
                if rest.count > 1 {
                    r.notes.append("satisfied through branch \(i + 1) of \(rest.count): `\(d)`")
                }
                return r
            } catch {
                reasons.append("branch \(i + 1) `\(d)`: \((error as? DomainDerivationFailure)?.reason ?? "\(error)")")
            }
        }
        throw DomainDerivationFailure("no branch of the OR can be captured (\(reasons.joined(separator: "; ")))")
    }

    /// Why the columns changed between two states leave no value, or nil.
    func unsatisfiable(before: DomainDerivationState, after: DomainDerivationState) -> String? {
        for (c, d) in after.domains where before.domains[c] != d {
            var d = d
            d.normalize()
            if d.mustBeNull {
                if d.notNull || nonNullable.contains(c) { return "needs NULL in the NOT NULL column \(c)" }
            } else if let why = d.unsatisfiableReason {
                return "leaves no value for \(c): \(why)"
            }
        }
        for g in after.groups where !before.groups.contains(g) {
            let forcedNonNull = g.columns.filter { after.domains[$0]?.notNull == true || nonNullable.contains($0) }.count
            let forcedNull = g.columns.filter { after.domains[$0]?.mustBeNull == true }.count
            if g.minNonNull > g.maxNonNull || forcedNonNull > g.maxNonNull || g.columns.count - forcedNull < g.minNonNull {
                return "cannot satisfy the NULL count of \(g.columns.joined(separator: ", "))"
            }
        }
        for o in after.orders where !before.orders.contains(o) {
            if after.orders.contains(where: { $0.lesser == o.greater && $0.greater == o.lesser && ($0.strict || o.strict) }) {
                return "orders \(o.lesser) and \(o.greater) both ways"
            }
        }
        return nil
    }
}

extension DomainOperand {
    var isTerm: Bool { if case .term = self { return true } else { return false } }
}

// MARK: - SimplePattern

/// A pattern from LIKE, GLOB or a subset of POSIX regular expressions: a
/// sequence of character sets, each repeated `min...max` times, optionally
/// anchored at either end. It can tell whether a string matches and generate
/// a matching string.
///
/// Regular expressions supported: `^` at the start, `$` at the end, literal
/// characters and escapes (`\.`), `.`, bracket classes (`[A-Z0-9_-]`,
/// `[^@]`, `[[:digit:]]`), `\d \w \s \D \W \S`, the quantifiers `* + ? {n}
/// {n,} {n,m}` (lazy `?` ignored), and groups without alternation that are
/// not quantified (or that hold one element). Not supported: `|`,
/// back-references, look-around, word boundaries, quantified multi-element
/// groups.
package struct SimplePattern: Sendable, Equatable, CustomStringConvertible {
    package struct CharSet: Sendable, Equatable {
        package var ranges: [ClosedRange<UInt32>]
        package var negated: Bool
        /// Also matches any non-ASCII letter (`\w`, `[[:alpha:]]`); generation
        /// sticks to the ranges.
        package var unicodeLetters: Bool

        package init(ranges: [ClosedRange<UInt32>], negated: Bool = false, unicodeLetters: Bool = false) {
            self.ranges = ranges
            self.negated = negated
            self.unicodeLetters = unicodeLetters
        }

        package static let any = CharSet(ranges: [], negated: true)

        package static func literal(_ c: Unicode.Scalar) -> CharSet { CharSet(ranges: [c.value...c.value]) }

        func rawContains(_ c: Unicode.Scalar) -> Bool {
            if ranges.contains(where: { $0.contains(c.value) }) { return true }
            return unicodeLetters && c.value >= 0x80 && c.properties.isAlphabetic
        }

        package func contains(_ c: Unicode.Scalar, caseInsensitive: Bool = false) -> Bool {
            var hit = rawContains(c)
            if !hit, caseInsensitive {
                for v in SimplePattern.caseVariants(c) where rawContains(v) { hit = true; break }
            }
            return hit != negated
        }
    }

    package struct Element: Sendable, Equatable {
        package var set: CharSet
        package var min: Int
        /// nil: unbounded.
        package var max: Int?

        package init(_ set: CharSet, min: Int = 1, max: Int? = 1) {
            self.set = set
            self.min = min
            self.max = max
        }
    }

    package enum Syntax: String, Sendable, Equatable { case like, glob, regex }

    package enum LetterCase: Sendable, Equatable { case any, lower, upper }

    package struct UnsupportedPattern: Error, Sendable, Equatable {
        package var reason: String
    }

    package var elements: [Element]
    package var anchoredStart: Bool
    package var anchoredEnd: Bool
    package var caseInsensitive: Bool
    package var syntax: Syntax
    /// The pattern text as written.
    package var source: String

    package init(elements: [Element], anchoredStart: Bool = true, anchoredEnd: Bool = true, caseInsensitive: Bool = false,
                 syntax: Syntax = .regex, source: String = "") {
        self.elements = elements
        self.anchoredStart = anchoredStart
        self.anchoredEnd = anchoredEnd
        self.caseInsensitive = caseInsensitive
        self.syntax = syntax
        self.source = source
    }

    package var description: String {
        switch syntax {
        case .like: return (caseInsensitive ? "ILIKE '" : "LIKE '") + source + "'"
        case .glob: return "GLOB '" + source + "'"
        case .regex: return (caseInsensitive ? "~* '" : "~ '") + source + "'"
        }
    }

    /// The shortest matching string's length.
    package var minLength: Int { elements.reduce(0) { $0 + $1.min } }

    /// The longest matching string's length (nil: unbounded).
    package var maxLength: Int? {
        guard anchoredStart, anchoredEnd else { return nil }
        var total = 0
        for e in elements {
            guard let m = e.max else { return nil }
            total += m
        }
        return total
    }

    /// The literal text every match starts with (anchored patterns only).
    package var literalPrefix: String {
        guard anchoredStart else { return "" }
        var s = ""
        for e in elements {
            guard !caseInsensitive, !e.set.negated, e.set.ranges.count == 1, e.set.ranges[0].count == 1, e.min == e.max,
                  let c = Unicode.Scalar(e.set.ranges[0].lowerBound) else { break }
            s += String(repeating: String(Character(c)), count: e.min)
        }
        return s
    }

    // MARK: Construction

    /// A LIKE pattern: `%` any run, `_` any character, `\` escapes.
    package static func like(_ pattern: String, caseInsensitive: Bool = false) -> SimplePattern {
        var elements: [Element] = []
        var it = pattern.unicodeScalars.makeIterator()
        while let c = it.next() {
            switch c {
            case "%":
                if let last = elements.last, last.set == .any, last.max == nil { continue }
                elements.append(Element(.any, min: 0, max: nil))
            case "_": elements.append(Element(.any))
            case "\\":
                if let n = it.next() { elements.append(Element(.literal(n))) } else { elements.append(Element(.literal(c))) }
            default: elements.append(Element(.literal(c)))
            }
        }
        return SimplePattern(elements: elements, caseInsensitive: caseInsensitive, syntax: .like, source: pattern)
    }

    /// A SQLite GLOB pattern: `*`, `?`, `[...]` / `[^...]`; nil when malformed.
    package static func glob(_ pattern: String) -> SimplePattern? {
        var elements: [Element] = []
        let cs = Array(pattern.unicodeScalars)
        var i = 0
        while i < cs.count {
            let c = cs[i]
            switch c {
            case "*":
                if !(elements.last.map { $0.set == .any && $0.max == nil } ?? false) { elements.append(Element(.any, min: 0, max: nil)) }
                i += 1
            case "?":
                elements.append(Element(.any))
                i += 1
            case "[":
                var j = i + 1
                var set = CharSet(ranges: [])
                if j < cs.count, cs[j] == "^" { set.negated = true; j += 1 }
                var first = true
                while j < cs.count, cs[j] != "]" || first {
                    first = false
                    let lo = cs[j]
                    if j + 2 < cs.count, cs[j + 1] == "-", cs[j + 2] != "]" {
                        guard lo.value <= cs[j + 2].value else { return nil }
                        set.ranges.append(lo.value...cs[j + 2].value)
                        j += 3
                    } else {
                        set.ranges.append(lo.value...lo.value)
                        j += 1
                    }
                }
                guard j < cs.count else { return nil }
                elements.append(Element(set))
                i = j + 1
            default:
                elements.append(Element(.literal(c)))
                i += 1
            }
        }
        return SimplePattern(elements: elements, syntax: .glob, source: pattern)
    }

    /// A POSIX regular expression (the subset described on the type).
    package static func regex(_ pattern: String, caseInsensitive: Bool = false) throws -> SimplePattern {
        var p = RegexParser(cs: Array(pattern.unicodeScalars))
        if p.cs.first == "^" { p.anchoredStart = true; p.i = 1 }
        let elements = try p.sequence(depth: 0)
        return SimplePattern(elements: elements, anchoredStart: p.anchoredStart, anchoredEnd: p.anchoredEnd,
                             caseInsensitive: caseInsensitive, syntax: .regex, source: pattern)
    }

    private struct RegexParser {
        let cs: [Unicode.Scalar]
        var i = 0
        var anchoredStart = false
        var anchoredEnd = false

        init(cs: [Unicode.Scalar]) { self.cs = cs }

        func fail(_ reason: String) -> UnsupportedPattern { UnsupportedPattern(reason: reason) }

        mutating func sequence(depth: Int) throws -> [Element] {
            var elems: [Element] = []
            var lastAtom: Range<Int>? = nil
            var lastWasQuantifier = false
            func quantify(_ q: (Int, Int?), _ symbol: String) throws {
                if lastWasQuantifier, symbol == "?" || symbol == "+" { return } // lazy / possessive
                guard let r = lastAtom else { throw fail("quantifier '\(symbol)' without an operand") }
                lastWasQuantifier = true
                if r.isEmpty { return }
                guard r.count == 1 else { throw fail("a quantified group of several elements is not supported") }
                var e = elems[r.lowerBound]
                if e.min == 1 && e.max == 1 {
                    e.min = q.0
                    e.max = q.1
                } else if q.0 == q.1 {
                    e.min *= q.0
                    e.max = e.max.map { $0 * q.0 }
                } else {
                    throw fail("nested quantifiers are not supported")
                }
                elems[r.lowerBound] = e
            }
            while i < cs.count {
                let c = cs[i]
                switch c {
                case "$":
                    if depth == 0, i == cs.count - 1 { anchoredEnd = true; i += 1; continue }
                    throw fail("'$' is only supported at the end")
                case "^":
                    throw fail("'^' is only supported at the start")
                case "|":
                    throw fail("alternation '|' is not supported")
                case ")":
                    if depth > 0 { return elems }
                    throw fail("unbalanced ')'")
                case "(":
                    i += 1
                    if i + 1 < cs.count, cs[i] == "?", cs[i + 1] == ":" { i += 2 } else if i < cs.count, cs[i] == "?" {
                        throw fail("'(?' groups are not supported")
                    }
                    let inner = try sequence(depth: depth + 1)
                    guard i < cs.count, cs[i] == ")" else { throw fail("unbalanced '('") }
                    i += 1
                    lastAtom = elems.count..<(elems.count + inner.count)
                    elems += inner
                    lastWasQuantifier = false
                    continue
                case "*": i += 1; try quantify((0, nil), "*"); continue
                case "+": i += 1; try quantify((1, nil), "+"); continue
                case "?": i += 1; try quantify((0, 1), "?"); continue
                case "{":
                    if let (q, len) = brace(at: i) {
                        i += len
                        try quantify(q, "{")
                        continue
                    }
                    elems.append(Element(.literal(c)))
                    i += 1
                case ".":
                    elems.append(Element(.any))
                    i += 1
                case "[":
                    elems.append(Element(try bracket()))
                case "\\":
                    i += 1
                    guard i < cs.count else { throw fail("trailing backslash") }
                    elems.append(Element(try escape(cs[i], inBracket: false)))
                    i += 1
                default:
                    elems.append(Element(.literal(c)))
                    i += 1
                }
                lastAtom = (elems.count - 1)..<elems.count
                lastWasQuantifier = false
            }
            if depth > 0 { throw fail("unbalanced '('") }
            return elems
        }

        /// `{n}`, `{n,}`, `{n,m}` at `at`: the bounds and the length of the text.
        func brace(at: Int) -> ((Int, Int?), Int)? {
            var j = at + 1
            func number() -> Int? {
                var v: Int? = nil
                while j < cs.count, let d = Int(String(cs[j])), cs[j].isASCII {
                    v = (v ?? 0) * 10 + d
                    if v! > 10_000 { return nil }
                    j += 1
                }
                return v
            }
            guard let lo = number() else { return nil }
            var hi: Int? = lo
            if j < cs.count, cs[j] == "," {
                j += 1
                hi = number()
            }
            guard j < cs.count, cs[j] == "}" else { return nil }
            if let hi, hi < lo { return nil }
            return ((lo, hi), j - at + 1)
        }

        func escape(_ c: Unicode.Scalar, inBracket: Bool) throws -> CharSet {
            switch c {
            case "d": return SimplePattern.digits
            case "D": return CharSet(ranges: SimplePattern.digits.ranges, negated: true)
            case "w": return SimplePattern.word
            case "W": return CharSet(ranges: SimplePattern.word.ranges, negated: true, unicodeLetters: true)
            case "s": return SimplePattern.space
            case "S": return CharSet(ranges: SimplePattern.space.ranges, negated: true)
            case "n": return .literal("\n")
            case "t": return .literal("\t")
            case "r": return .literal("\r")
            case "f": return .literal("\u{c}")
            case "v": return .literal("\u{b}")
            case "b" where inBracket: return .literal("\u{8}")
            default:
                if c.properties.isAlphabetic || ("0"..."9").contains(c) {
                    throw fail("the escape '\\\(c)' is not supported")
                }
                return .literal(c)
            }
        }

        mutating func bracket() throws -> CharSet {
            i += 1 // [
            var set = CharSet(ranges: [])
            if i < cs.count, cs[i] == "^" { set.negated = true; i += 1 }
            var first = true
            while i < cs.count {
                let c = cs[i]
                if c == "]" && !first { i += 1; return set }
                first = false
                var lo: Unicode.Scalar
                if c == "[", i + 1 < cs.count, cs[i + 1] == ":" {
                    guard let end = (i + 2..<cs.count).first(where: { cs[$0] == ":" && $0 + 1 < cs.count && cs[$0 + 1] == "]" }) else {
                        throw fail("unterminated '[:' class")
                    }
                    let name = String(String.UnicodeScalarView(cs[(i + 2)..<end]))
                    guard let cls = SimplePattern.posixClass(name) else { throw fail("the class [:\(name):] is not supported") }
                    set.ranges += cls.ranges
                    set.unicodeLetters = set.unicodeLetters || cls.unicodeLetters
                    i = end + 2
                    continue
                } else if c == "[", i + 1 < cs.count, cs[i + 1] == "." || cs[i + 1] == "=" {
                    throw fail("collating elements are not supported")
                } else if c == "\\", i + 1 < cs.count {
                    let e = try escape(cs[i + 1], inBracket: true)
                    i += 2
                    if e.negated { throw fail("a negated class inside brackets is not supported") }
                    if e.ranges.count != 1 || e.ranges[0].count != 1 {
                        set.ranges += e.ranges
                        set.unicodeLetters = set.unicodeLetters || e.unicodeLetters
                        continue
                    }
                    lo = Unicode.Scalar(e.ranges[0].lowerBound)!
                } else {
                    lo = c
                    i += 1
                }
                if i + 1 < cs.count, cs[i] == "-", cs[i + 1] != "]" {
                    var hi = cs[i + 1]
                    i += 2
                    if hi == "\\", i < cs.count {
                        let e = try escape(cs[i], inBracket: true)
                        guard !e.negated, e.ranges.count == 1, e.ranges[0].count == 1 else { throw fail("bad range end") }
                        hi = Unicode.Scalar(e.ranges[0].lowerBound)!
                        i += 1
                    }
                    guard lo.value <= hi.value else { throw fail("range \(lo)-\(hi) is out of order") }
                    set.ranges.append(lo.value...hi.value)
                } else {
                    set.ranges.append(lo.value...lo.value)
                }
            }
            throw fail("unterminated '['")
        }
    }

    static let digits = CharSet(ranges: [0x30...0x39])
    static let word = CharSet(ranges: [0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x5F...0x5F], unicodeLetters: true)
    static let space = CharSet(ranges: [0x20...0x20, 0x09...0x0D])

    static func posixClass(_ name: String) -> CharSet? {
        switch name {
        case "digit": return digits
        case "alpha": return CharSet(ranges: [0x41...0x5A, 0x61...0x7A], unicodeLetters: true)
        case "alnum": return CharSet(ranges: [0x30...0x39, 0x41...0x5A, 0x61...0x7A], unicodeLetters: true)
        case "upper": return CharSet(ranges: [0x41...0x5A])
        case "lower": return CharSet(ranges: [0x61...0x7A])
        case "space": return space
        case "blank": return CharSet(ranges: [0x20...0x20, 0x09...0x09])
        case "punct": return CharSet(ranges: [0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E])
        case "xdigit": return CharSet(ranges: [0x30...0x39, 0x41...0x46, 0x61...0x66])
        case "word": return word
        case "print": return CharSet(ranges: [0x20...0x7E])
        case "graph": return CharSet(ranges: [0x21...0x7E])
        default: return nil
        }
    }

    static func caseVariants(_ c: Unicode.Scalar) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        for s in [c.properties.lowercaseMapping, c.properties.uppercaseMapping] {
            let u = Array(s.unicodeScalars)
            if u.count == 1, u[0] != c { out.append(u[0]) }
        }
        return out
    }

    // MARK: Matching

    /// Whether `text` matches (the whole text for anchored ends; anywhere
    /// otherwise, as `~` does).
    package func matches(_ text: String) -> Bool {
        let cs = Array(text.unicodeScalars)
        let n = cs.count
        var reach = [Bool](repeating: !anchoredStart, count: n + 1)
        reach[0] = true
        for e in elements {
            var next = [Bool](repeating: false, count: n + 1)
            var any = false
            for p in 0...n where reach[p] {
                var q = p, k = 0
                while k < e.min, q < n, e.set.contains(cs[q], caseInsensitive: caseInsensitive) { q += 1; k += 1 }
                if k < e.min { continue }
                next[q] = true
                any = true
                while e.max.map({ k < $0 }) ?? true, q < n, e.set.contains(cs[q], caseInsensitive: caseInsensitive) {
                    q += 1; k += 1
                    // An unbounded run that reaches a position an earlier run
                    // reached goes on exactly as that one did.
                    if e.max == nil, next[q] { break }
                    next[q] = true
                }
            }
            if !any { return false }
            reach = next
        }
        return anchoredEnd ? reach[n] : reach.contains(true)
    }

    // MARK: Generation

    /// Characters tried, in order, for `.`, negated sets and padding.
    private static let alphabet: [Unicode.Scalar] =
        Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".unicodeScalars)
    private static let fallbackAlphabet: [Unicode.Scalar] = (0x21...0x7E).compactMap(Unicode.Scalar.init) + [" "]

    /// The longest string `generate` produces.
    package static let maxGeneratedLength = 100_000

    /// A string that matches, with a length in `minLength...maxLength`, or nil
    /// when there is none. `random(n)` must return a number in `0..<n`.
    /// Unanchored patterns are generated without padding unless the length
    /// needs it. `letterCase` steers letters when the sets allow it.
    package func generate(minLength: Int = 0, maxLength: Int? = nil, letterCase: LetterCase = .any,
                          random: (UInt64) -> UInt64) -> String? {
        var elems = elements
        var implicit = [Bool](repeating: false, count: elems.count)
        if !anchoredStart { elems.insert(Element(.any, min: 0, max: nil), at: 0); implicit.insert(true, at: 0) }
        if !anchoredEnd { elems.append(Element(.any, min: 0, max: nil)); implicit.append(true) }
        let caps = elems.indices.map { i in implicit[i] ? 0 : (elems[i].max ?? (elems[i].min + 8)) }
        let lo = max(0, minLength), hi = maxLength ?? Int.max
        guard lo <= hi, lo <= Self.maxGeneratedLength else { return nil }
        let sumMin = elems.reduce(0) { $0 + $1.min }
        let sumCap = caps.reduce(0, +)
        guard sumMin <= hi else { return nil }
        let a = max(lo, sumMin), b = min(hi, sumCap)
        let length: Int
        if a <= b {
            length = a + Int(random(UInt64(b - a + 1)))
        } else {
            guard elems.contains(where: { $0.max == nil }) else { return nil }
            length = a
        }
        var counts = elems.map(\.min)
        var extra = length - sumMin
        let explicitUnbounded = elems.indices.filter { elems[$0].max == nil && !implicit[$0] }
        let implicitUnbounded = elems.indices.filter { implicit[$0] }
        while extra > 0 {
            var candidates = elems.indices.filter { counts[$0] < caps[$0] }
            if candidates.isEmpty { candidates = explicitUnbounded.isEmpty ? implicitUnbounded : explicitUnbounded }
            guard !candidates.isEmpty else { return nil }
            let k = candidates[Int(random(UInt64(candidates.count)))]
            counts[k] += 1
            extra -= 1
        }
        var out = String.UnicodeScalarView()
        for (i, e) in elems.enumerated() where counts[i] > 0 {
            let pool = Self.pool(e.set, caseInsensitive: caseInsensitive, letterCase: letterCase)
            for _ in 0..<counts[i] {
                guard var c = pool.pick(random) else { return nil }
                if caseInsensitive {
                    if letterCase == .lower, let l = Self.caseVariants(c).first(where: { $0.properties.isLowercase }), c.properties.isUppercase { c = l }
                    if letterCase == .upper, let u = Self.caseVariants(c).first(where: { $0.properties.isUppercase }), c.properties.isLowercase { c = u }
                }
                out.append(c)
            }
        }
        return String(out)
    }

    private enum Pool {
        case list([Unicode.Scalar])
        case ranges([ClosedRange<UInt32>], total: UInt64)

        func pick(_ random: (UInt64) -> UInt64) -> Unicode.Scalar? {
            switch self {
            case .list(let l):
                return l.isEmpty ? nil : l[Int(random(UInt64(l.count)))]
            case .ranges(let rs, let total):
                for _ in 0..<16 {
                    var k = random(total)
                    for r in rs {
                        let n = UInt64(r.count)
                        if k < n {
                            if let c = Unicode.Scalar(r.lowerBound + UInt32(k)) { return c }
                            break
                        }
                        k -= n
                    }
                }
                return nil
            }
        }
    }

    private static func pool(_ set: CharSet, caseInsensitive: Bool, letterCase: LetterCase) -> Pool {
        func caseOK(_ c: Unicode.Scalar) -> Bool {
            switch letterCase {
            case .any: return true
            case .lower: return !c.properties.isUppercase
            case .upper: return !c.properties.isLowercase
            }
        }
        func prefer(_ l: [Unicode.Scalar]) -> [Unicode.Scalar] {
            let printable = l.filter { $0.value >= 0x20 }
            let base = printable.isEmpty ? l : printable
            let cased = base.filter(caseOK)
            return cased.isEmpty || caseInsensitive ? (cased.isEmpty ? base : cased) : cased
        }
        if set.negated {
            let first = alphabet.filter { set.contains($0) }
            if !first.isEmpty { return .list(prefer(first)) }
            return .list(prefer(fallbackAlphabet.filter { set.contains($0) }))
        }
        let total = set.ranges.reduce(UInt64(0)) { $0 + UInt64($1.count) }
        if total <= 4096 {
            var l: [Unicode.Scalar] = []
            for r in set.ranges { for v in r { if let c = Unicode.Scalar(v), !l.contains(c) { l.append(c) } } }
            return .list(prefer(l))
        }
        return .ranges(set.ranges, total: total)
    }
}

import SchemaModel

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
            let conjuncts = negationNormalForm(expandingPredicateEquality(resolved)).conjuncts
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
        // An OR over one column narrows that column's domain for every row;
        // an OR across columns becomes per-row branches (below).
        var branching: [(Int, [CheckExpression])] = []
        // NULL tests alone (`a IS NULL OR b IS NULL`) are a NULL-count group,
        // unless they share a column with an OR that branches: then the
        // group could not see the row's branch, so they branch too.
        let branchingColumns = Set(deferred.flatMap { _, c in
            Self.rowBranches(c).map { _ in Self.onlyNullTests(c) ? [] : c.columnReferences.map(\.name) } ?? []
        })
        for (i, conjunct) in deferred {
            if let disjuncts = Self.rowBranches(conjunct),
               !Self.onlyNullTests(conjunct) || conjunct.columnReferences.contains(where: { branchingColumns.contains($0.name) }) {
                branching.append((i, disjuncts))
                continue
            }
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

        // Every satisfiable combination of one disjunct per cross-column OR.
        var combinations: [(state: DomainDerivationState, choices: [Branch.Choice])] = [(state, [])]
        for (i, disjuncts) in branching {
            var next: [(state: DomainDerivationState, choices: [Branch.Choice])] = []
            var reasons: [String] = []
            for (base, choices) in combinations {
                for (k, d) in disjuncts.enumerated() {
                    do {
                        var r = try deriver.apply(d, base)
                        if let why = deriver.unsatisfiable(before: base, after: r) {
                            reasons.append("branch \(k + 1) `\(d)` \(why)")
                            continue
                        }
                        r.notes.removeAll()
                        next.append((r, choices + [Branch.Choice(check: items[i].name, branch: k, of: disjuncts.count, text: d.description)]))
                    } catch {
                        reasons.append("branch \(k + 1) `\(d)`: \((error as? DomainDerivationFailure)?.reason ?? "\(error)")")
                    }
                }
            }
            if next.isEmpty {
                let unique = reasons.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
                failures[i].append((nil, "no branch of the OR can be captured (\(unique.joined(separator: "; ")))"))
                continue
            }
            // Bounded: a table with many independent ORs keeps the first
            // combinations (each still satisfies every CHECK).
            combinations = Array(next.prefix(Self.maximumBranches))
            // One disjunct left for every row: stricter than the CHECK, noted.
            let taken = Set(combinations.compactMap { $0.choices.last?.branch })
            if disjuncts.count > 1, taken.count == 1, let k = taken.first {
                out.notes.append(.init(name: items[i].name, expression: items[i].text,
                                       note: "satisfied through branch \(k + 1) of \(disjuncts.count): `\(disjuncts[k])`", column: items[i].column))
            }
        }

        // Uncaptured single-column conjuncts over a finite allowed list are
        // captured exactly by evaluating them on each allowed value.
        var finished: [DomainDerivationState] = []
        for (index, combination) in combinations.enumerated() {
            var s = combination.state
            for (column, var d) in s.domains { d.normalize(); s.domains[column] = d }
            for i in failures.indices {
                let kept = failures[i].filter { failure in
                    guard let conjunct = failure.conjunct else { return true }
                    return !refineByEvaluation(conjunct, state: &s)
                }
                if index == 0 { failures[i] = kept }
            }
            finished.append(s)
        }

        for (i, f) in failures.enumerated() where !f.isEmpty {
            let reasons = f.map { failure in
                if let c = failure.conjunct, conjunctCounts[i] > 1 { return "`\(c)`: \(failure.reason)" }
                return failure.reason
            }
            out.unsupported.append(.init(name: items[i].name, expression: items[i].text, reason: reasons.joined(separator: "; "), column: items[i].column))
        }

        let results = finished.map(Self.finish)
        out.domains = results[0].domains
        out.groups = results[0].groups
        out.orders = results[0].orders
        if results.count > 1 {
            out.branches = zip(results, combinations).map { result, combination in
                Branch(domains: result.domains, orders: result.orders, groups: result.groups, choices: combination.choices)
            }
        }
        return out
    }

    /// How many per-row branches a table may have.
    static let maximumBranches = 64

    /// Groups merged by column set (one-column groups become notNull /
    /// mustBeNull) and domains normalised, dropping unconstrained ones.
    private static func finish(_ state: DomainDerivationState) -> (domains: [String: ColumnDomain], orders: [ColumnOrder], groups: [NullCountGroup]) {
        var state = state
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
        var domains: [String: ColumnDomain] = [:]
        for (column, var d) in state.domains {
            d.normalize()
            if !d.isUnconstrained { domains[column] = d }
        }
        return (domains, state.orders, groups)
    }

    /// The disjuncts of an OR that spans several columns, each a branch a
    /// row can take (`(a IS NULL AND b = 0) OR (a IS NOT NULL AND b >= 1)`);
    /// nil for an OR over one column, which narrows that column's domain
    /// instead (`x = 'a' OR x = 'b'`, `x IS NULL OR x > 0`). A disjunction of
    /// NULL tests alone (`a IS NULL OR b IS NULL`) is one too, but `derive`
    /// keeps it a NULL-count group unless it shares a column with another.
    static func rowBranches(_ e: CheckExpression) -> [CheckExpression]? {
        guard case .or = e else { return nil }
        let columns = Set(e.columnReferences.map(\.name))
        guard columns.count >= 2 else { return nil }
        return e.disjuncts
    }

    /// Whether an OR is made of `column IS NULL` tests only.
    static func onlyNullTests(_ e: CheckExpression) -> Bool {
        e.disjuncts.allSatisfy { d in
            if case .isNull(let x, false) = d, case .column = x.strippingCasts { return true }
            return false
        }
    }

    /// `P = Q` and `P <> Q` over two NULL tests (`(user_id IS NULL) <> (email
    /// IS NULL)`) as the OR of the cases that satisfy them, so they branch
    /// per row like any other cross-column OR.
    static func expandingPredicateEquality(_ e: CheckExpression) -> CheckExpression {
        func isTest(_ x: CheckExpression) -> Bool {
            switch x {
            case .isNull, .isDistinct: return true
            default: return false
            }
        }
        return e.rewritten { node in
            guard case .comparison(let op, let a, let b) = node, op == .equal || op == .notEqual, isTest(a), isTest(b) else { return node }
            let notA = negationNormalForm(a, negated: true), notB = negationNormalForm(b, negated: true)
            return op == .equal ? .or(.and(a, b), .and(notA, notB)) : .or(.and(a, notB), .and(notA, b))
        }
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
    /// `cardinality(a)`, `array_length(a, 1)`: the number of elements.
    case cardinality(String)
    /// `jsonb_typeof(x)` / `json_typeof(x)`.
    case jsonType(String)
    /// Counts the non-NULL (or, when `countsNulls`, the NULL) columns.
    case nullCount([String], countsNulls: Bool)

    var column: String? {
        switch self {
        case .column(let c), .length(let c, _, _), .upper(let c), .lower(let c), .trim(let c), .cardinality(let c), .jsonType(let c): return c
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
            let t = s.trimmingSpaces()
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
            if name == "array_length" || name == "array_upper", args.count == 2, case .number(1, _) = args[1].strippingCasts {
                return plainColumn(args[0]).map { .cardinality($0) }
            }
            guard args.count == 1 else { return nil }
            switch name {
            case "cardinality": return plainColumn(args[0]).map { .cardinality($0) }
            case "jsonb_typeof", "json_typeof": return plainColumn(args[0]).map { .jsonType($0) }
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
        if let rewritten = Self.spreadLeastGreatest(op0, a, b) { return try apply(rewritten, s0) }
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

    /// `LEAST(x, y) >= c` is `x >= c AND y >= c`, `LEAST(x, y) <= c` is
    /// `x <= c OR y <= c` (and the other way round for GREATEST, and for
    /// SQLite's `min(x, y)` / `max(x, y)`); NULL
    /// arguments are ignored by both functions, and a NULL bound on one
    /// argument leaves the other to decide, so the rewrite is exact except
    /// for all-NULL rows, which pass both. nil for other comparisons.
    static func spreadLeastGreatest(_ op0: CheckExpression.ComparisonOperator, _ a: CheckExpression, _ b: CheckExpression) -> CheckExpression? {
        // SQLite's scalar min()/max() of several arguments are NULL when any
        // argument is; the rewrite gives NULL (passes) then too.
        func isExtremum(_ e: CheckExpression) -> Bool {
            guard case .function(let n, let args) = e else { return false }
            return n == "least" || n == "greatest" || ((n == "min" || n == "max") && args.count >= 2)
        }
        var op = op0, f = a.strippingCasts, other = b
        if isExtremum(b.strippingCasts) {
            if isExtremum(f) { return nil }
            f = b.strippingCasts; other = a; op = op.flipped
        }
        guard isExtremum(f), case .function(let name, let args) = f else { return nil }
        let isLeast = name == "least" || name == "min"
        let parts = args.map { CheckExpression.comparison(op, $0, other) }
        let all = parts.dropFirst().reduce(parts[0]) { .and($0, $1) }
        let any = parts.dropFirst().reduce(parts[0]) { .or($0, $1) }
        switch op {
        case .greater, .greaterOrEqual: return isLeast ? all : any
        case .less, .lessOrEqual: return isLeast ? any : all
        case .equal, .notEqual: return nil
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
            guard let bounds = try countBounds(op, c, of: "length", notEqualZeroOnly: false) else { return s }
            let lo = bounds.lo.flatMap { $0 > 0 ? $0 : nil }, hi = bounds.hi
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
        case .cardinality(let x):
            guard let (lo, hi) = try countBounds(op, c, of: "cardinality", notEqualZeroOnly: true) else { return s }
            s.update(x) { d in
                if let lo, lo > 0 { d.minCardinality = max(d.minCardinality ?? lo, lo) }
                if let hi { d.maxCardinality = min(d.maxCardinality ?? hi, hi) }
            }
            return s
        case .jsonType(let x):
            guard let str = c.textValue, op == .equal || op == .notEqual else {
                throw DomainDerivationFailure("jsonb_typeof() is only supported with =, <> and IN")
            }
            let types = op == .equal ? [str] : ColumnDomain.jsonTypeNames.filter { $0 != str }
            s.update(x) { $0.restrictJSONTypes(to: types) }
            return s
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

    /// The integer bounds `count op c` puts on a count (a length, a
    /// cardinality): nil when it constrains nothing (`length(x) <> -1`).
    func countBounds(_ op: CheckExpression.ComparisonOperator, _ c: DomainConstant, of what: String,
                     notEqualZeroOnly: Bool) throws -> (lo: Int?, hi: Int?)? {
        guard let (v0, _) = c.numberValue else { throw DomainDerivationFailure("\(what) compared with a non-number") }
        // Counts beyond any real value are clamped (keeps Int conversions safe).
        let v = min(max(v0, -1e12), 1e12)
        switch op {
        case .equal:
            guard v == v.rounded() else { throw DomainDerivationFailure("\(what) compared with a fraction") }
            return (Int(v), Int(v))
        case .greater: return (Int(v.rounded(.down)) + 1, nil)
        case .greaterOrEqual: return (Int(v.rounded(.up)), nil)
        case .less: return (nil, Int(v.rounded(.up)) - 1)
        case .lessOrEqual: return (nil, Int(v.rounded(.down)))
        case .notEqual:
            if !notEqualZeroOnly, v < 0 || v != v.rounded() { return nil }
            guard v == 0 else { throw DomainDerivationFailure("\(what) <> \(c.textValue ?? "") is not supported") }
            return (1, nil)
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
        case .jsonType(let c):
            let names = values.map(\.text)
            s.update(c) { $0.restrictJSONTypes(to: negated ? ColumnDomain.jsonTypeNames.filter { !names.contains($0) } : names) }
            return s
        case .length, .nullCount, .cardinality:
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

extension DomainDeriver {
    /// The domains of every column of `table` under all its CHECKs and its
    /// columns' domain CHECKs.
    package static func derive(table: Table) -> DerivedConstraints {
        derive(
            checks: table.checks.map { (name: $0.name, expression: $0.expression) },
            columns: table.columns.map(\.name),
            domainChecks: table.columns.flatMap { c in c.domainChecks.map { (column: c.name, expression: $0) } },
            nonNullable: Set(table.columns.filter { !$0.isNullable }.map(\.name)))
    }
}

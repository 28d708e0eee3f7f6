#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SchemaModel

/// A concrete value of a column for `CheckEvaluator`. Dates and timestamps
/// are ISO text (`2024-05-01`, `2024-05-01 13:45:00`).
package enum CheckValue: Sendable, Equatable, Hashable {
    case null
    case number(Double)
    case text(String)
    case bool(Bool)
}

/// The values of one row as a CHECK reads them, by column name (matched
/// case-insensitively when not exactly, as SQL identifiers are).
package protocol CheckRow {
    func checkValue(of column: String) -> CheckValue?
}

extension Dictionary: CheckRow where Key == String, Value == CheckValue {
    package func checkValue(of column: String) -> CheckValue? {
        if let v = self[column] { return v }
        return first { $0.key.checkCaseInsensitiveEquals(column) }?.value
    }
}

/// Evaluates a parsed CHECK for one concrete row, with SQL's three-valued
/// logic, so tests and the engine can verify generated values.
///
/// Semantics follow PostgreSQL where the two databases differ (LIKE is
/// case-sensitive, `||` with NULL is NULL), with SQLite's conveniences where
/// PostgreSQL would reject the expression anyway (numbers compare with numeric
/// text, booleans are 0/1 in arithmetic, `date('now', '-1 day')`).
/// Dates/timestamps compare as points in time when both sides are ISO text
/// (a date is its midnight); time zones are ignored. "Now" is
/// `now` (Unix seconds, UTC), the system clock when not given.
package enum CheckEvaluator {
    /// The SQL truth value: `true`, `false`, or nil for NULL *or* for an
    /// expression it cannot evaluate (use `passes` to tell them apart).
    package static func evaluate(_ e: CheckExpression, row: [String: CheckValue], now: Int64? = nil) -> Bool? {
        try? CheckEvaluation(row: row, now: now ?? currentUnixTime()).truth(e)
    }

    /// Whether a CHECK accepts the row: true when the expression is true or
    /// NULL, false when it is false, nil when it cannot be evaluated.
    package static func passes(_ e: CheckExpression, row: some CheckRow, now: Int64? = nil) -> Bool? {
        do {
            return try CheckEvaluation(row: row, now: now ?? currentUnixTime()).truth(e) ?? true
        } catch {
            return nil
        }
    }

    /// The value of any expression (nil when it cannot be evaluated).
    package static func value(of e: CheckExpression, row: [String: CheckValue] = [:], now: Int64? = nil) -> CheckValue? {
        guard let v = try? CheckEvaluation(row: row, now: now ?? currentUnixTime()).value(e) else { return nil }
        return v.checkValue
    }

    /// Why an expression cannot be evaluated, or nil when it can (for this row).
    package static func unsupportedReason(_ e: CheckExpression, row: [String: CheckValue], now: Int64? = nil) -> String? {
        do {
            _ = try CheckEvaluation(row: row, now: now ?? currentUnixTime()).value(e)
            return nil
        } catch let u as CheckUnsupported {
            return u.reason
        } catch {
            return "\(error)"
        }
    }

    package static func currentUnixTime() -> Int64 {
        Int64(time(nil))
    }
}

struct CheckUnsupported: Error {
    var reason: String
    init(_ reason: String) { self.reason = reason }
}

// MARK: - Internal typed values

/// Values during evaluation: like `CheckValue`, plus the temporal types casts
/// and `now()` produce.
enum CheckEvalValue: Equatable {
    case null
    case number(Double)
    case text(String)
    case bool(Bool)
    case date(Int64)                       // days since 1970-01-01
    case timestamp(Int64, Double)          // days, seconds into the day
    case time(Double)                      // seconds into the day
    case interval(CheckCalendar.Interval)

    init(_ v: CheckValue) {
        switch v {
        case .null: self = .null
        case .number(let d): self = .number(d)
        case .text(let s): self = .text(s)
        case .bool(let b): self = .bool(b)
        }
    }

    var checkValue: CheckValue {
        switch self {
        case .null: return .null
        case .number(let d): return .number(d)
        case .text(let s): return .text(s)
        case .bool(let b): return .bool(b)
        case .date(let d): return .text(CheckCalendar.formatDate(d))
        case .timestamp(let d, let s): return .text(CheckCalendar.formatTimestamp(days: d, seconds: s))
        case .time(let s): return .text(CheckCalendar.formatTime(s))
        case .interval(let i): return .text(i.description)
        }
    }

    var isNull: Bool { self == .null }
}

private struct CheckEvaluation {
    let row: any CheckRow
    let now: Int64

    // MARK: Truth

    func truth(_ e: CheckExpression) throws -> Bool? {
        switch e {
        case .and(let a, let b):
            let ta = Result { try truth(a) }, tb = Result { try truth(b) }
            if case .success(false) = ta { return false }
            if case .success(false) = tb { return false }
            let x = try ta.get(), y = try tb.get()
            return (x == nil || y == nil) ? nil : true
        case .or(let a, let b):
            let ta = Result { try truth(a) }, tb = Result { try truth(b) }
            if case .success(true) = ta { return true }
            if case .success(true) = tb { return true }
            let x = try ta.get(), y = try tb.get()
            return (x == nil || y == nil) ? nil : false
        case .not(let a):
            return try truth(a).map { !$0 }
        default:
            return try Self.truthValue(try value(e))
        }
    }

    static func truthValue(_ v: CheckEvalValue) throws -> Bool? {
        switch v {
        case .null: return nil
        case .bool(let b): return b
        case .number(let d): return d != 0
        case .text(let s):
            if let b = CheckCalendar.parseBool(s) { return b }
            if let d = Double(s) { return d != 0 }
            return false
        default: throw CheckUnsupported("a \(v) is not a truth value")
        }
    }

    // MARK: Values

    func lookup(_ name: String) throws -> CheckEvalValue {
        guard let v = row.checkValue(of: name) else { throw CheckUnsupported("no value for column \(name)") }
        return CheckEvalValue(v)
    }

    func value(_ e: CheckExpression) throws -> CheckEvalValue {
        switch e {
        case .column(let n, _): return try lookup(n)
        case .number(let d, _): return .number(d)
        case .string(let s): return .text(s)
        case .bool(let b): return .bool(b)
        case .null: return .null
        case .currentTime(let k):
            let days = Self.floorDiv(now, 86_400)
            let secs = Double(now - days * 86_400)
            switch k {
            case .timestamp: return .timestamp(days, secs)
            case .date: return .date(days)
            case .time: return .time(secs)
            }
        case .and, .or, .not:
            return try truth(e).map { .bool($0) } ?? .null
        case .collate(let x, _): return try value(x)
        case .cast(let x, let type): return try cast(try value(x), to: type)
        case .negate(let x):
            switch try value(x) {
            case .null: return .null
            case .number(let d): return .number(-d)
            case .bool(let b): return .number(b ? -1 : 0)
            case .interval(let i): return .interval(i.negated)
            case .text(let s):
                if let d = Double(s) { return .number(-d) }
                throw CheckUnsupported("cannot negate '\(s)'")
            default: throw CheckUnsupported("cannot negate \(x)")
            }
        case .arithmetic(let op, let a, let b):
            return try arithmetic(op, try value(a), try value(b))
        case .comparison(let op, let a, let b):
            guard let c = try compare(try value(a), try value(b)) else { return .null }
            switch op {
            case .equal: return .bool(c == 0)
            case .notEqual: return .bool(c != 0)
            case .less: return .bool(c < 0)
            case .lessOrEqual: return .bool(c <= 0)
            case .greater: return .bool(c > 0)
            case .greaterOrEqual: return .bool(c >= 0)
            }
        case .between(let x, let lo, let hi, let negated):
            let v = try value(x)
            let a = try compare(v, try value(lo)).map { $0 >= 0 }
            let b = try compare(v, try value(hi)).map { $0 <= 0 }
            let r: Bool?
            if a == false || b == false { r = false } else if a == nil || b == nil { r = nil } else { r = true }
            return r.map { .bool(negated ? !$0 : $0) } ?? .null
        case .inList(let x, let items, let negated):
            let v = try value(x)
            if v.isNull { return .null }
            var sawNull = false
            for item in items {
                let iv = try value(item)
                guard let c = try compare(v, iv) else { sawNull = true; continue }
                if c == 0 { return .bool(!negated) }
            }
            return sawNull ? .null : .bool(negated)
        case .match(let op, let x, let p, let negated):
            let v = try value(x), pv = try value(p)
            if v.isNull || pv.isNull { return .null }
            guard case .text(let pattern) = pv.asText else { throw CheckUnsupported("pattern is not text") }
            guard case .text(let subject) = v.asText else { throw CheckUnsupported("match subject is not text") }
            let sp: SimplePattern
            switch op {
            case .like: sp = SimplePattern.like(pattern)
            case .ilike: sp = SimplePattern.like(pattern, caseInsensitive: true)
            case .glob:
                guard let g = SimplePattern.glob(pattern) else { throw CheckUnsupported("malformed GLOB pattern '\(pattern)'") }
                sp = g
            case .regex, .regexCaseInsensitive:
                do { sp = try SimplePattern.regex(pattern, caseInsensitive: op == .regexCaseInsensitive) } catch let u as SimplePattern.UnsupportedPattern {
                    throw CheckUnsupported(u.reason)
                }
            }
            let m = sp.matches(subject)
            return .bool(negated ? !m : m)
        case .isNull(let x, let negated):
            return .bool(try value(x).isNull != negated)
        case .isDistinct(let a, let b, let negated):
            let va = try value(a), vb = try value(b)
            let distinct: Bool
            if va.isNull || vb.isNull {
                distinct = va.isNull != vb.isNull
            } else {
                distinct = try compare(va, vb) != 0
            }
            return .bool(distinct != negated)
        case .caseWhen(let operand, let conditions, let results, let otherwise):
            let ov = try operand.map { try value($0) }
            for (c, r) in zip(conditions, results) {
                let hit: Bool
                if let ov {
                    hit = try compare(ov, try value(c)) == 0
                } else {
                    hit = try truth(c) == true
                }
                if hit { return try value(r) }
            }
            return try otherwise.map { try value($0) } ?? .null
        case .function(let name, let args):
            return try function(name, args)
        }
    }

    static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }

    // MARK: Casts

    func cast(_ v: CheckEvalValue, to type: String) throws -> CheckEvalValue {
        if v.isNull { return .null }
        switch CheckExpression.typeFamily(type) {
        case .integer, .decimal:
            let isInt = CheckExpression.typeFamily(type) == .integer
            let d: Double
            switch v {
            case .number(let x): d = x
            case .bool(let b): d = b ? 1 : 0
            case .text(let s):
                guard let x = Double(s.trimmingSpaces()) else { throw CheckUnsupported("'\(s)' is not a number") }
                d = x
            default: throw CheckUnsupported("cannot cast \(v) to \(type)")
            }
            return .number(isInt ? d.rounded(.toNearestOrAwayFromZero) : d)
        case .text:
            var t = v.asText
            // char(n)/varchar(n) truncate on explicit cast.
            if case .text(let s) = t, let n = Self.typeLength(type), s.count > n { t = .text(String(s.prefix(n))) }
            return t
        case .bool:
            switch v {
            case .bool: return v
            case .number(let d): return .bool(d != 0)
            case .text(let s):
                guard let b = CheckCalendar.parseBool(s) else { throw CheckUnsupported("'\(s)' is not a boolean") }
                return .bool(b)
            default: throw CheckUnsupported("cannot cast \(v) to boolean")
            }
        case .date:
            switch v {
            case .date: return v
            case .timestamp(let d, _): return .date(d)
            case .text(let s):
                guard let p = CheckCalendar.parse(s) else { throw CheckUnsupported("'\(s)' is not a date") }
                return .date(p.days)
            default: throw CheckUnsupported("cannot cast \(v) to date")
            }
        case .timestamp:
            switch v {
            case .timestamp: return v
            case .date(let d): return .timestamp(d, 0)
            case .text(let s):
                guard let p = CheckCalendar.parse(s) else { throw CheckUnsupported("'\(s)' is not a timestamp") }
                return .timestamp(p.days, p.seconds)
            default: throw CheckUnsupported("cannot cast \(v) to timestamp")
            }
        case .time:
            switch v {
            case .time: return v
            case .timestamp(_, let s): return .time(s)
            case .text(let s):
                if let t = CheckCalendar.parseTimeOfDay(s) { return .time(t) }
                if let p = CheckCalendar.parse(s) { return .time(p.seconds) }
                throw CheckUnsupported("'\(s)' is not a time")
            default: throw CheckUnsupported("cannot cast \(v) to time")
            }
        case .interval:
            switch v {
            case .interval: return v
            case .text(let s):
                guard let i = CheckCalendar.parseInterval(s) else { throw CheckUnsupported("'\(s)' is not an interval") }
                return .interval(i)
            default: throw CheckUnsupported("cannot cast \(v) to interval")
            }
        case .other:
            // Enums, domains and unknown types: transparent.
            return v
        }
    }

    static func typeLength(_ type: String) -> Int? {
        let t = type.lowercased()
        guard !t.hasSuffix("]"), let open = t.firstIndex(of: "("), let close = t.firstIndex(of: ")"), open < close else { return nil }
        return Int(t[t.index(after: open)..<close])
    }

    // MARK: Comparison

    /// -1/0/1, or nil when either side is NULL.
    func compare(_ a: CheckEvalValue, _ b: CheckEvalValue) throws -> Int? {
        if a.isNull || b.isNull { return nil }
        func cmp<T: Comparable>(_ x: T, _ y: T) -> Int { x < y ? -1 : (x > y ? 1 : 0) }
        if let ta = a.instant, let tb = b.instant { return cmp(ta.0, tb.0) != 0 ? cmp(ta.0, tb.0) : cmp(ta.1, tb.1) }
        switch (a, b) {
        case (.number(let x), .number(let y)): return cmp(x, y)
        case (.text(let x), .text(let y)):
            if let p = CheckCalendar.parse(x), let q = CheckCalendar.parse(y) {
                return cmp(p.days, q.days) != 0 ? cmp(p.days, q.days) : cmp(p.seconds, q.seconds)
            }
            let xs = x.unicodeScalars.map(\.value), ys = y.unicodeScalars.map(\.value)
            if xs.lexicographicallyPrecedes(ys) { return -1 }
            return ys.lexicographicallyPrecedes(xs) ? 1 : 0
        case (.bool(let x), .bool(let y)): return cmp(x ? 1 : 0, y ? 1 : 0)
        case (.bool(let x), .number(let y)): return cmp(x ? 1.0 : 0.0, y)
        case (.number(let x), .bool(let y)): return cmp(x, y ? 1.0 : 0.0)
        case (.bool(let x), .text(let s)):
            guard let y = CheckCalendar.parseBool(s) else { throw CheckUnsupported("'\(s)' is not a boolean") }
            return cmp(x ? 1 : 0, y ? 1 : 0)
        case (.text(let s), .bool(let y)):
            guard let x = CheckCalendar.parseBool(s) else { throw CheckUnsupported("'\(s)' is not a boolean") }
            return cmp(x ? 1 : 0, y ? 1 : 0)
        case (.number(let x), .text(let s)):
            if let y = Double(s.trimmingSpaces()) { return cmp(x, y) }
            return -1 // SQLite: numbers sort before text
        case (.text(let s), .number(let y)):
            if let x = Double(s.trimmingSpaces()) { return cmp(x, y) }
            return 1
        case (.date, .text(let s)), (.timestamp, .text(let s)):
            guard let p = CheckCalendar.parse(s), let ta = a.instant else { throw CheckUnsupported("'\(s)' is not a date") }
            return cmp(ta.0, p.days) != 0 ? cmp(ta.0, p.days) : cmp(ta.1, p.seconds)
        case (.text(let s), .date), (.text(let s), .timestamp):
            guard let p = CheckCalendar.parse(s), let tb = b.instant else { throw CheckUnsupported("'\(s)' is not a date") }
            return cmp(p.days, tb.0) != 0 ? cmp(p.days, tb.0) : cmp(p.seconds, tb.1)
        case (.time(let x), .time(let y)): return cmp(x, y)
        case (.time(let x), .text(let s)):
            guard let y = CheckCalendar.parseTimeOfDay(s) else { throw CheckUnsupported("'\(s)' is not a time") }
            return cmp(x, y)
        case (.text(let s), .time(let y)):
            guard let x = CheckCalendar.parseTimeOfDay(s) else { throw CheckUnsupported("'\(s)' is not a time") }
            return cmp(x, y)
        case (.interval(let x), .interval(let y)): return cmp(x.approximateSeconds, y.approximateSeconds)
        default:
            throw CheckUnsupported("cannot compare \(a) with \(b)")
        }
    }

    // MARK: Arithmetic

    func arithmetic(_ op: CheckExpression.ArithmeticOperator, _ a: CheckEvalValue, _ b: CheckEvalValue) throws -> CheckEvalValue {
        if a.isNull || b.isNull { return .null }
        if op == .concat {
            guard case .text(let x) = a.asText, case .text(let y) = b.asText else { throw CheckUnsupported("cannot concatenate") }
            return .text(x + y)
        }
        switch (a, b) {
        case (.date(let d), _), (.timestamp(let d, _), _):
            let secs: Double
            if case .timestamp(_, let s) = a { secs = s } else { secs = 0 }
            let isDate: Bool = { if case .date = a { return true } else { return false } }()
            switch (op, b) {
            case (.add, .number(let n)) where isDate, (.subtract, .number(let n)) where isDate:
                guard n == n.rounded(), let k = n.checkInt, Swift.abs(k) < 10_000_000 else { throw CheckUnsupported("date ± \(n) days") }
                return .date(d + Int64(op == .add ? k : -k))
            case (.add, .interval(let i)), (.subtract, .interval(let i)):
                guard Swift.abs(i.approximateSeconds) < 1e14 else { throw CheckUnsupported("interval out of range") }
                let r = CheckCalendar.add(op == .add ? i : i.negated, days: d, seconds: secs)
                return .timestamp(r.days, r.seconds)
            case (.subtract, .date(let e)) where isDate:
                return .number(Double(d - e))
            case (.subtract, _):
                if let other = b.instant {
                    let total = Double(d - other.0) * 86_400 + secs - other.1
                    return .interval(CheckCalendar.Interval(months: 0, days: 0, seconds: total))
                }
                throw CheckUnsupported("cannot subtract \(b) from a date")
            default: throw CheckUnsupported("unsupported date arithmetic")
            }
        case (.number, .date), (.number, .timestamp), (.interval, .date), (.interval, .timestamp):
            if op == .add { return try arithmetic(.add, b, a) }
            throw CheckUnsupported("unsupported date arithmetic")
        case (.interval(let x), .interval(let y)):
            switch op {
            case .add: return .interval(CheckCalendar.Interval(months: x.months + y.months, days: x.days + y.days, seconds: x.seconds + y.seconds))
            case .subtract: return .interval(CheckCalendar.Interval(months: x.months - y.months, days: x.days - y.days, seconds: x.seconds - y.seconds))
            default: throw CheckUnsupported("unsupported interval arithmetic")
            }
        case (.text(let s), _) where CheckCalendar.parse(s) != nil && (op == .add || op == .subtract) && Double(s) == nil:
            let p = CheckCalendar.parse(s)!
            return try arithmetic(op, p.hasTime ? .timestamp(p.days, p.seconds) : .date(p.days), b)
        default:
            guard let x = a.numeric, let y = b.numeric else { throw CheckUnsupported("arithmetic on non-numbers") }
            switch op {
            case .add: return .number(x + y)
            case .subtract: return .number(x - y)
            case .multiply: return .number(x * y)
            case .divide:
                guard y != 0 else { throw CheckUnsupported("division by zero") }
                let q = x / y
                // Integers divide with truncation, other numbers exactly; the
                // values do not say which they are, so only exact quotients count.
                if x == x.rounded(), y == y.rounded(), q != q.rounded() {
                    throw CheckUnsupported("integer or exact division of \(CheckCalendar.formatNumber(x)) by \(CheckCalendar.formatNumber(y)) is ambiguous")
                }
                return .number(q)
            case .modulo:
                guard y != 0 else { throw CheckUnsupported("division by zero") }
                return .number(x.truncatingRemainder(dividingBy: y))
            case .power: return .number(pow(x, y))
            case .concat: throw CheckUnsupported("concatenation")
            }
        }
    }

    // MARK: Functions

    func function(_ name: String, _ args: [CheckExpression]) throws -> CheckEvalValue {
        let vals = try args.map { try value($0) }
        func text(_ i: Int) throws -> String? {
            guard i < vals.count else { throw CheckUnsupported("\(name) needs \(i + 1) arguments") }
            if vals[i].isNull { return nil }
            guard case .text(let s) = vals[i].asText else { throw CheckUnsupported("\(name): not text") }
            return s
        }
        func number(_ i: Int) throws -> Double? {
            guard i < vals.count else { throw CheckUnsupported("\(name) needs \(i + 1) arguments") }
            if vals[i].isNull { return nil }
            guard let d = vals[i].numeric else { throw CheckUnsupported("\(name): not a number") }
            return d
        }
        func arity(_ range: ClosedRange<Int>) throws {
            guard range.contains(vals.count) else { throw CheckUnsupported("\(name) with \(vals.count) arguments") }
        }
        switch name {
        case "length", "char_length", "character_length", "len":
            try arity(1...1)
            return try text(0).map { .number(Double($0.unicodeScalars.count)) } ?? .null
        case "octet_length":
            try arity(1...1)
            return try text(0).map { .number(Double($0.utf8.count)) } ?? .null
        case "upper", "lower":
            try arity(1...1)
            return try text(0).map { .text(name == "upper" ? $0.uppercased() : $0.lowercased()) } ?? .null
        case "btrim", "trim", "ltrim", "rtrim":
            try arity(1...2)
            guard let s = try text(0) else { return .null }
            let set: Set<Character>
            if vals.count == 2 {
                guard let c = try text(1) else { return .null }
                set = Set(c)
            } else {
                set = [" "]
            }
            var sub = Substring(s)
            if name != "rtrim" { while let f = sub.first, set.contains(f) { sub.removeFirst() } }
            if name != "ltrim" { while let l = sub.last, set.contains(l) { sub.removeLast() } }
            return .text(String(sub))
        case "cardinality", "array_length", "array_upper":
            try arity(name == "cardinality" ? 1...1 : 2...2)
            guard let s = try text(0) else { return .null }
            guard let items = CheckParser.parseArrayLiteral(s) else { throw CheckUnsupported("\(name) of '\(s)', not a flat array") }
            if name != "cardinality" {
                guard let d = try number(1) else { return .null }
                guard d == 1 else { throw CheckUnsupported("\(name) of dimension \(CheckCalendar.formatNumber(d))") }
                // array_length of an empty array is NULL, not 0.
                if items.isEmpty { return .null }
            }
            return .number(Double(items.count))
        case "jsonb_typeof", "json_typeof":
            try arity(1...1)
            guard let s = try text(0) else { return .null }
            guard let t = ColumnDomain.jsonType(of: s) else { throw CheckUnsupported("'\(s)' is not JSON") }
            return .text(t)
        case "num_nulls", "num_nonnulls":
            let nulls = vals.filter(\.isNull).count
            return .number(Double(name == "num_nulls" ? nulls : vals.count - nulls))
        case "coalesce", "ifnull":
            return vals.first { !$0.isNull } ?? .null
        case "nullif":
            try arity(2...2)
            if vals[0].isNull { return .null }
            return try compare(vals[0], vals[1]) == 0 ? .null : vals[0]
        case "greatest", "least":
            let nonNull = vals.filter { !$0.isNull }
            guard var best = nonNull.first else { return .null }
            for v in nonNull.dropFirst() {
                let c = try compare(v, best) ?? 0
                if name == "greatest" ? c > 0 : c < 0 { best = v }
            }
            return best
        case "max" where vals.count >= 2, "min" where vals.count >= 2: // SQLite scalar max/min
            if vals.contains(where: \.isNull) { return .null }
            var best = vals[0]
            for v in vals.dropFirst() {
                let c = try compare(v, best) ?? 0
                if name == "max" ? c > 0 : c < 0 { best = v }
            }
            return best
        case "abs":
            try arity(1...1)
            return try number(0).map { .number(Swift.abs($0)) } ?? .null
        case "round":
            try arity(1...2)
            guard let x = try number(0) else { return .null }
            let digits = vals.count == 2 ? (try number(1) ?? 0) : 0
            let f = pow(10, digits)
            return .number((x * f).rounded(.toNearestOrAwayFromZero) / f)
        case "floor", "ceil", "ceiling", "trunc":
            try arity(1...1)
            guard let x = try number(0) else { return .null }
            return .number(name == "floor" ? x.rounded(.down) : name == "trunc" ? x.rounded(.towardZero) : x.rounded(.up))
        case "mod":
            try arity(2...2)
            guard let x = try number(0), let y = try number(1) else { return .null }
            guard y != 0 else { throw CheckUnsupported("division by zero") }
            return .number(x.truncatingRemainder(dividingBy: y))
        case "substring", "substr":
            try arity(2...3)
            guard let s = try text(0), let from = try number(1) else { return .null }
            let chars = Array(s)
            guard let from0 = from.checkInt else { throw CheckUnsupported("substring start out of range") }
            var start = from0 - 1
            var count = chars.count - start
            if vals.count == 3 {
                guard let c = try number(2) else { return .null }
                guard let c0 = c.checkInt else { throw CheckUnsupported("substring length out of range") }
                count = c0
            }
            if start < 0 { count += start; start = 0 }
            guard count > 0, start < chars.count else { return .text("") }
            return .text(String(chars[start..<min(chars.count, start + count)]))
        case "left", "right":
            try arity(2...2)
            guard let s = try text(0), let n = try number(1) else { return .null }
            guard let n0 = n.checkInt else { throw CheckUnsupported("\(name) count out of range") }
            let k = n0 >= 0 ? min(n0, s.count) : max(0, s.count + n0)
            return .text(String(name == "left" ? s.prefix(k) : s.suffix(k)))
        case "position", "strpos", "instr":
            try arity(2...2)
            let (needleIndex, hayIndex) = name == "position" ? (0, 1) : (1, 0)
            guard let needle = try text(needleIndex), let hay = try text(hayIndex) else { return .null }
            let h = Array(hay), n = Array(needle)
            if n.isEmpty { return .number(1) }
            if n.count <= h.count {
                for i in 0...(h.count - n.count) where Array(h[i..<i + n.count]) == n { return .number(Double(i + 1)) }
            }
            return .number(0)
        case "replace":
            try arity(3...3)
            guard let s = try text(0), let a = try text(1), let b = try text(2) else { return .null }
            return .text(a.isEmpty ? s : s.checkReplacing(a, with: b))
        case "reverse":
            try arity(1...1)
            return try text(0).map { .text(String($0.reversed())) } ?? .null
        case "typeof":
            try arity(1...1)
            switch vals[0] {
            case .null: return .text("null")
            case .number(let d): return .text(d == d.rounded() && Swift.abs(d) < 9.2e18 ? "integer" : "real")
            case .bool: return .text("integer")
            default: return .text("text")
            }
        case "date", "datetime", "time":
            // SQLite date functions: date(x, modifiers...).
            guard !vals.isEmpty else { throw CheckUnsupported("\(name)() without arguments") }
            guard let s = try text(0) else { return .null }
            var days: Int64, secs: Double
            if s.checkCaseInsensitiveEquals("now") {
                days = Self.floorDiv(now, 86_400)
                secs = Double(now - days * 86_400)
            } else if let p = CheckCalendar.parse(s) {
                days = p.days
                secs = p.seconds
            } else {
                return .null
            }
            for i in 1..<max(1, vals.count) {
                guard let m = try text(i) else { return .null }
                guard let r = CheckCalendar.applySQLiteModifier(m, days: days, seconds: secs) else {
                    throw CheckUnsupported("date modifier '\(m)'")
                }
                (days, secs) = r
            }
            switch name {
            case "date": return .text(CheckCalendar.formatDate(days))
            case "time": return .text(CheckCalendar.formatTime(secs.rounded(.down)))
            default: return .text(CheckCalendar.formatTimestamp(days: days, seconds: secs.rounded(.down)))
            }
        case "extract", "date_part":
            try arity(2...2)
            guard let field = try text(0) else { return .null }
            let v = vals[1]
            if v.isNull { return .null }
            var inst = v.instant
            if inst == nil, case .text(let s) = v, let p = CheckCalendar.parse(s) { inst = (p.days, p.seconds) }
            guard let (d, s) = inst else { throw CheckUnsupported("extract from \(v)") }
            let (y, m, day) = CivilDate.civil(days: d)
            switch field.lowercased() {
            case "year": return .number(Double(y))
            case "month": return .number(Double(m))
            case "day": return .number(Double(day))
            case "hour": return .number((s / 3600).rounded(.down))
            case "minute": return .number((s.truncatingRemainder(dividingBy: 3600) / 60).rounded(.down))
            case "second": return .number(s.truncatingRemainder(dividingBy: 60))
            case "dow": return .number(Double(((d % 7) + 11) % 7)) // 1970-01-01 was a Thursday (4)
            case "isodow": let w = ((d % 7) + 11) % 7; return .number(Double(w == 0 ? 7 : w))
            case "doy": return .number(Double(d - CivilDate.days(year: y, month: 1, day: 1) + 1))
            case "epoch": return .number(Double(d) * 86_400 + s)
            default: throw CheckUnsupported("extract field \(field)")
            }
        default:
            throw CheckUnsupported("function \(name)() is not supported")
        }
    }
}

extension CheckEvalValue {
    /// (days, seconds) for dates and timestamps.
    var instant: (Int64, Double)? {
        switch self {
        case .date(let d): return (d, 0)
        case .timestamp(let d, let s): return (d, s)
        default: return nil
        }
    }

    var numeric: Double? {
        switch self {
        case .number(let d): return d
        case .bool(let b): return b ? 1 : 0
        case .text(let s): return Double(s.trimmingSpaces())
        default: return nil
        }
    }

    /// Text form (numbers as PostgreSQL/SQLite print them; NULL stays NULL).
    var asText: CheckEvalValue {
        switch self {
        case .null, .text: return self
        case .number(let d): return .text(CheckCalendar.formatNumber(d))
        case .bool(let b): return .text(b ? "true" : "false")
        default: return CheckEvalValue(checkValue)
        }
    }
}

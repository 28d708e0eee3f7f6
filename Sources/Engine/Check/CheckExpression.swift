/// The parsed form of one CHECK expression (a table CHECK or a domain CHECK).
///
/// It is deliberately close to the SQL text: casts are kept with their target
/// type, column references keep their spelling and whether they were quoted.
/// Two normalisations happen while parsing, because both databases print the
/// same condition in different ways:
/// - `x = ANY (ARRAY[...])` becomes `.inList(x, [...], negated: false)` and
///   `x <> ALL (ARRAY[...])` becomes `.inList(x, [...], negated: true)`;
/// - a minus sign directly in front of a number literal is folded into the
///   literal (`-5` is `.number(-5, text: "-5")`).
/// PostgreSQL's operator spellings of LIKE (`~~`, `~~*`, `!~~`, `!~~*`) become
/// `.match(.like/.ilike, ...)`, and `IS [NOT] TRUE/FALSE` becomes
/// `.isDistinct(x, .bool(...))`.
package indirect enum CheckExpression: Sendable, Equatable {
    /// A column, by the name as written (quotes removed). `quoted` tells
    /// whether it was a quoted identifier (`"x"`, `[x]`, `` `x` ``); unquoted
    /// names match columns case-insensitively. A domain CHECK refers to its
    /// value as the unquoted column `VALUE`. A qualified `t.x` keeps only `x`.
    case column(String, quoted: Bool)
    /// A number literal: its value and the text it was written as.
    case number(Double, text: String)
    case string(String)
    case bool(Bool)
    case null
    /// `now()`, `CURRENT_TIMESTAMP`, `CURRENT_DATE`, ... (see `CurrentTime`).
    case currentTime(CurrentTime)
    /// A function call: lowercased name without a `pg_catalog.` prefix.
    /// `ARRAY[a, b]` outside `= ANY (...)` is `.function("array", [a, b])`,
    /// `TRIM(x)` is `btrim`, `EXTRACT(f FROM x)` is `extract('f', x)`.
    case function(String, [CheckExpression])
    /// `x::type` or `CAST(x AS type)`; the type as written, lowercased,
    /// including modifiers and array brackets (`character varying(10)`, `text[]`).
    case cast(CheckExpression, type: String)
    /// Arithmetic negation (`-x` where `x` is not a number literal).
    case negate(CheckExpression)
    case arithmetic(ArithmeticOperator, CheckExpression, CheckExpression)
    case comparison(ComparisonOperator, CheckExpression, CheckExpression)
    case between(CheckExpression, low: CheckExpression, high: CheckExpression, negated: Bool)
    case inList(CheckExpression, [CheckExpression], negated: Bool)
    /// LIKE / ILIKE / regular expression / GLOB match, possibly negated.
    case match(MatchOperator, CheckExpression, pattern: CheckExpression, negated: Bool)
    /// `x IS NULL` (negated: `x IS NOT NULL`).
    case isNull(CheckExpression, negated: Bool)
    /// `a IS DISTINCT FROM b` (negated: `IS NOT DISTINCT FROM`); also SQLite's
    /// `a IS NOT b` / `a IS b`, and `x IS [NOT] TRUE/FALSE`.
    case isDistinct(CheckExpression, CheckExpression, negated: Bool)
    case and(CheckExpression, CheckExpression)
    case or(CheckExpression, CheckExpression)
    case not(CheckExpression)
    /// `x COLLATE name`.
    case collate(CheckExpression, String)
    /// `CASE [operand] WHEN c THEN r ... [ELSE e] END`; `conditions` and
    /// `results` have the same length.
    case caseWhen(operand: CheckExpression?, conditions: [CheckExpression], results: [CheckExpression], otherwise: CheckExpression?)

    package enum CurrentTime: String, Sendable, Equatable {
        /// `now()`, `CURRENT_TIMESTAMP`, `LOCALTIMESTAMP`, `transaction_timestamp()`, ...
        case timestamp
        /// `CURRENT_DATE`
        case date
        /// `CURRENT_TIME`, `LOCALTIME`
        case time
    }

    package enum ArithmeticOperator: String, Sendable, Equatable {
        case add = "+", subtract = "-", multiply = "*", divide = "/", modulo = "%", power = "^", concat = "||"
    }

    package enum ComparisonOperator: String, Sendable, Equatable {
        case equal = "=", notEqual = "<>", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="

        /// The operator with its operands swapped: `a < b` is `b > a`.
        package var flipped: ComparisonOperator {
            switch self {
            case .equal, .notEqual: return self
            case .less: return .greater
            case .lessOrEqual: return .greaterOrEqual
            case .greater: return .less
            case .greaterOrEqual: return .lessOrEqual
            }
        }

        /// The logical negation: `NOT (a < b)` is `a >= b` (also under SQL's
        /// three-valued logic).
        package var negated: ComparisonOperator {
            switch self {
            case .equal: return .notEqual
            case .notEqual: return .equal
            case .less: return .greaterOrEqual
            case .lessOrEqual: return .greater
            case .greater: return .lessOrEqual
            case .greaterOrEqual: return .less
            }
        }
    }

    package enum MatchOperator: String, Sendable, Equatable {
        case like, ilike
        /// POSIX regular expression (`~`; SQLite `REGEXP`).
        case regex
        /// `~*`
        case regexCaseInsensitive
        /// SQLite `GLOB`.
        case glob
    }
}

extension CheckExpression {
    /// The operands of a chain of ANDs, left to right.
    package var conjuncts: [CheckExpression] {
        if case .and(let a, let b) = self { return a.conjuncts + b.conjuncts }
        return [self]
    }

    /// The operands of a chain of ORs, left to right.
    package var disjuncts: [CheckExpression] {
        if case .or(let a, let b) = self { return a.disjuncts + b.disjuncts }
        return [self]
    }

    /// The expression with casts and COLLATE clauses removed from the top.
    package var strippingCasts: CheckExpression {
        switch self {
        case .cast(let e, _), .collate(let e, _): return e.strippingCasts
        default: return self
        }
    }

    /// Every column reference in the expression (with duplicates, in order).
    package var columnReferences: [(name: String, quoted: Bool)] {
        var out: [(name: String, quoted: Bool)] = []
        visit { if case .column(let n, let q) = $0 { out.append((n, q)) } }
        return out
    }

    /// Calls `body` for this node and every node below it (pre-order).
    package func visit(_ body: (CheckExpression) -> Void) {
        body(self)
        for child in children { child.visit(body) }
    }

    package var children: [CheckExpression] {
        switch self {
        case .column, .number, .string, .bool, .null, .currentTime: return []
        case .function(_, let args): return args
        case .cast(let e, _), .negate(let e), .not(let e), .collate(let e, _), .isNull(let e, _): return [e]
        case .arithmetic(_, let a, let b), .comparison(_, let a, let b), .and(let a, let b), .or(let a, let b),
             .isDistinct(let a, let b, _), .match(_, let a, let b, _):
            return [a, b]
        case .between(let e, let lo, let hi, _): return [e, lo, hi]
        case .inList(let e, let items, _): return [e] + items
        case .caseWhen(let operand, let conditions, let results, let otherwise):
            return (operand.map { [$0] } ?? []) + conditions + results + (otherwise.map { [$0] } ?? [])
        }
    }

    /// Rebuilds the tree bottom-up, replacing each node by `transform(node)`
    /// (applied after the node's children were rewritten).
    package func rewritten(_ transform: (CheckExpression) -> CheckExpression) -> CheckExpression {
        func r(_ e: CheckExpression) -> CheckExpression { e.rewritten(transform) }
        let rebuilt: CheckExpression
        switch self {
        case .column, .number, .string, .bool, .null, .currentTime: rebuilt = self
        case .function(let n, let args): rebuilt = .function(n, args.map(r))
        case .cast(let e, let t): rebuilt = .cast(r(e), type: t)
        case .negate(let e): rebuilt = .negate(r(e))
        case .not(let e): rebuilt = .not(r(e))
        case .collate(let e, let c): rebuilt = .collate(r(e), c)
        case .isNull(let e, let n): rebuilt = .isNull(r(e), negated: n)
        case .arithmetic(let op, let a, let b): rebuilt = .arithmetic(op, r(a), r(b))
        case .comparison(let op, let a, let b): rebuilt = .comparison(op, r(a), r(b))
        case .and(let a, let b): rebuilt = .and(r(a), r(b))
        case .or(let a, let b): rebuilt = .or(r(a), r(b))
        case .isDistinct(let a, let b, let n): rebuilt = .isDistinct(r(a), r(b), negated: n)
        case .match(let op, let a, let p, let n): rebuilt = .match(op, r(a), pattern: r(p), negated: n)
        case .between(let e, let lo, let hi, let n): rebuilt = .between(r(e), low: r(lo), high: r(hi), negated: n)
        case .inList(let e, let items, let n): rebuilt = .inList(r(e), items.map(r), negated: n)
        case .caseWhen(let operand, let conditions, let results, let otherwise):
            rebuilt = .caseWhen(operand: operand.map(r), conditions: conditions.map(r), results: results.map(r), otherwise: otherwise.map(r))
        }
        return transform(rebuilt)
    }

    /// The base name of a cast target: lowercased, without modifiers,
    /// schema or array brackets (`character varying(10)` → `character varying`,
    /// `pg_catalog.int4` → `int4`). `isArray` tells whether it ended in `[]`.
    package static func baseTypeName(_ type: String) -> (name: String, isArray: Bool) {
        var t = type.lowercased()
        var isArray = false
        while t.hasSuffix("[]") { t.removeLast(2); isArray = true }
        if let p = t.firstIndex(of: "(") {
            // Keep anything after the modifier (`timestamp(3) with time zone`).
            let close = t[p...].firstIndex(of: ")") ?? t.endIndex
            let rest = close < t.endIndex ? String(t[t.index(after: close)...]) : ""
            t = String(t[..<p]) + rest
        }
        t = t.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        if let dot = t.lastIndex(of: "."), !t.contains("\"") { t = String(t[t.index(after: dot)...]) }
        return (t, isArray)
    }

    /// Type families the deriver and evaluator care about.
    package enum TypeFamily: Sendable, Equatable {
        case integer, decimal, text, bool, date, timestamp, time, interval, other
    }

    package static func typeFamily(_ type: String) -> TypeFamily {
        let (name, isArray) = baseTypeName(type)
        if isArray { return .other }
        switch name {
        case "int", "integer", "int2", "int4", "int8", "smallint", "bigint", "tinyint", "mediumint", "serial", "bigserial", "smallserial":
            return .integer
        case "numeric", "decimal", "real", "float", "float4", "float8", "double precision", "double", "money":
            return .decimal
        case "text", "varchar", "character varying", "char", "character", "bpchar", "name", "citext", "string", "clob",
             "nvarchar", "nchar", "national character varying", "national character":
            return .text
        case "bool", "boolean": return .bool
        case "date": return .date
        case "timestamp", "timestamptz", "timestamp without time zone", "timestamp with time zone", "datetime":
            return .timestamp
        case "time", "timetz", "time without time zone", "time with time zone": return .time
        case "interval": return .interval
        default: return .other
        }
    }
}

extension CheckExpression: CustomStringConvertible {
    /// SQL-like text of the expression (fully parenthesised where it matters),
    /// used in reasons and notes.
    package var description: String {
        switch self {
        case .column(let n, let q):
            return q || !Self.isPlainIdentifier(n) ? "\"" + n.replacingAll("\"", with: "\"\"") + "\"" : n
        case .number(_, let text): return text
        case .string(let s): return "'" + s.replacingAll("'", with: "''") + "'"
        case .bool(let b): return b ? "TRUE" : "FALSE"
        case .null: return "NULL"
        case .currentTime(let k):
            switch k {
            case .timestamp: return "now()"
            case .date: return "CURRENT_DATE"
            case .time: return "CURRENT_TIME"
            }
        case .function(let n, let args):
            if n == "array" { return "ARRAY[" + args.map(\.description).joined(separator: ", ") + "]" }
            return n + "(" + args.map(\.description).joined(separator: ", ") + ")"
        case .cast(let e, let t): return e.atomDescription + "::" + t
        case .negate(let e): return "-" + e.atomDescription
        case .arithmetic(let op, let a, let b): return a.atomDescription + " " + op.rawValue + " " + b.atomDescription
        case .comparison(let op, let a, let b): return a.atomDescription + " " + op.rawValue + " " + b.atomDescription
        case .between(let e, let lo, let hi, let n):
            return e.atomDescription + (n ? " NOT" : "") + " BETWEEN " + lo.atomDescription + " AND " + hi.atomDescription
        case .inList(let e, let items, let n):
            return e.atomDescription + (n ? " NOT IN (" : " IN (") + items.map(\.description).joined(separator: ", ") + ")"
        case .match(let op, let e, let p, let n):
            let word: String
            switch op {
            case .like: word = "LIKE"
            case .ilike: word = "ILIKE"
            case .glob: word = "GLOB"
            case .regex: word = n ? "!~" : "~"
            case .regexCaseInsensitive: word = n ? "!~*" : "~*"
            }
            let not = (n && (op == .like || op == .ilike || op == .glob)) ? "NOT " : ""
            return e.atomDescription + " " + not + word + " " + p.atomDescription
        case .isNull(let e, let n): return e.atomDescription + (n ? " IS NOT NULL" : " IS NULL")
        case .isDistinct(let a, let b, let n):
            return a.atomDescription + (n ? " IS NOT DISTINCT FROM " : " IS DISTINCT FROM ") + b.atomDescription
        case .and(let a, let b): return a.atomDescription + " AND " + b.atomDescription
        case .or(let a, let b): return a.atomDescription + " OR " + b.atomDescription
        case .not(let e): return "NOT " + e.atomDescription
        case .collate(let e, let c): return e.atomDescription + " COLLATE " + c
        case .caseWhen(let operand, let conditions, let results, let otherwise):
            var s = "CASE"
            if let operand { s += " " + operand.description }
            for (c, r) in zip(conditions, results) { s += " WHEN " + c.description + " THEN " + r.description }
            if let otherwise { s += " ELSE " + otherwise.description }
            return s + " END"
        }
    }

    private var atomDescription: String {
        switch self {
        case .column, .number, .string, .bool, .null, .currentTime, .function, .cast, .caseWhen: return description
        case .negate(let e) where e.isAtom: return description
        default: return "(" + description + ")"
        }
    }

    private var isAtom: Bool {
        switch self {
        case .column, .number, .string, .bool, .null, .currentTime, .function, .cast: return true
        default: return false
        }
    }

    private static func isPlainIdentifier(_ s: String) -> Bool {
        guard let f = s.unicodeScalars.first, f == "_" || f.properties.isAlphabetic else { return false }
        return s.unicodeScalars.allSatisfy { $0 == "_" || $0 == "$" || $0.properties.isAlphabetic || ("0"..."9").contains($0) }
    }
}

extension String {
    /// Replaces every occurrence of `target` (no Foundation needed).
    fileprivate func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var out = ""
        var rest = self[...]
        while let r = rest.checkRange(of: target) {
            out += rest[..<r.lowerBound]
            out += replacement
            rest = rest[r.upperBound...]
        }
        out += rest
        return out
    }
}

extension Substring {
    /// First occurrence of `target` (character-wise; no Foundation needed).
    fileprivate func checkRange(of target: String) -> Range<Substring.Index>? {
        let t = Array(target)
        guard !t.isEmpty else { return nil }
        var i = startIndex
        while i < endIndex {
            var j = i
            var k = 0
            while k < t.count, j < endIndex, self[j] == t[k] { j = index(after: j); k += 1 }
            if k == t.count { return i..<j }
            i = index(after: i)
        }
        return nil
    }
}

/// The parsed form of a POSIX/ARE regular expression (the subset real CHECKs
/// use), as written: no implicit `.*` around unanchored patterns — that is
/// added when the expression is compiled (`RegexProgram`).
package indirect enum RegexNode: Sendable, Equatable {
    /// One character from a set.
    case set(SimplePattern.CharSet)
    /// The operands in order; `concat([])` matches the empty string.
    case concat([RegexNode])
    /// Any one of the operands.
    case alternation([RegexNode])
    /// The operand `min...max` times (`max == nil`: unbounded).
    case repetition(RegexNode, min: Int, max: Int?)
    /// `^` / `\A`: only at the start of the text.
    case start
    /// `$` / `\Z`: only at the end of the text.
    case end

    package static let empty = RegexNode.concat([])

    /// The node matching exactly `text`.
    package static func literal(_ text: String) -> RegexNode {
        .concat(text.unicodeScalars.map { .set(.literal($0)) })
    }

    /// Every character set in the node, in order.
    package var sets: [SimplePattern.CharSet] {
        switch self {
        case .set(let s): return [s]
        case .concat(let items), .alternation(let items): return items.flatMap(\.sets)
        case .repetition(let n, _, _): return n.sets
        case .start, .end: return []
        }
    }

    /// The shortest length of a match (anchors ignored).
    package var minLength: Int {
        switch self {
        case .set: return 1
        case .concat(let items): return items.reduce(0) { Self.saturatingAdd($0, $1.minLength) }
        case .alternation(let items): return items.map(\.minLength).min() ?? 0
        case .repetition(let n, let lo, _): return Self.saturatingMultiply(n.minLength, lo)
        case .start, .end: return 0
        }
    }

    /// The longest length of a match of the node itself (nil: unbounded).
    package var maxLength: Int? {
        switch self {
        case .set: return 1
        case .concat(let items):
            var total = 0
            for i in items {
                guard let m = i.maxLength else { return nil }
                total = Self.saturatingAdd(total, m)
            }
            return total
        case .alternation(let items):
            var best = 0
            for i in items {
                guard let m = i.maxLength else { return nil }
                best = max(best, m)
            }
            return best
        case .repetition(let n, _, let hi):
            guard let m = n.maxLength else { return nil }
            if m == 0 { return 0 }
            guard let hi else { return nil }
            return Self.saturatingMultiply(m, hi)
        case .start, .end: return 0
        }
    }

    /// Whether every match is anchored at the start (first element is `^`
    /// in every branch).
    package var anchoredStart: Bool {
        switch self {
        case .start: return true
        case .concat(let items):
            for i in items {
                if i.anchoredStart { return true }
                if i.maxLength != 0 { return false }
            }
            return false
        case .alternation(let items): return !items.isEmpty && items.allSatisfy(\.anchoredStart)
        default: return false
        }
    }

    /// Whether every match is anchored at the end.
    package var anchoredEnd: Bool {
        switch self {
        case .end: return true
        case .concat(let items):
            for i in items.reversed() {
                if i.anchoredEnd { return true }
                if i.maxLength != 0 { return false }
            }
            return false
        case .alternation(let items): return !items.isEmpty && items.allSatisfy(\.anchoredEnd)
        default: return false
        }
    }

    static func saturatingAdd(_ a: Int, _ b: Int) -> Int {
        let (v, o) = a.addingReportingOverflow(b)
        return o ? Int.max : v
    }

    static func saturatingMultiply(_ a: Int, _ b: Int) -> Int {
        let (v, o) = a.multipliedReportingOverflow(by: b)
        return o ? Int.max : v
    }
}

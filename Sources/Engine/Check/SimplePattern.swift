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
///
/// A regular expression outside that subset (alternation, quantified groups,
/// anchors inside groups) is still accepted: it keeps no `elements`
/// (`isGeneral`), and matches and generates through its compiled
/// `program` (see `RegexSyntaxParser`, `RegexProgram`, `RegexLanguage`).
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
    /// The compiled expression (regular expressions only; LIKE and GLOB
    /// compile on demand through `compiled()`).
    package var program: RegexProgram?
    /// Whether `elements` do not describe the pattern (only `program` does).
    package var isGeneral = false

    package static func == (a: SimplePattern, b: SimplePattern) -> Bool {
        a.syntax == b.syntax && a.source == b.source && a.caseInsensitive == b.caseInsensitive
            && a.elements == b.elements && a.anchoredStart == b.anchoredStart && a.anchoredEnd == b.anchoredEnd && a.isGeneral == b.isGeneral
    }

    /// The pattern as a regular expression node (anchors included).
    package var node: RegexNode {
        if let program { return program.node }
        var items: [RegexNode] = anchoredStart ? [.start] : []
        for e in elements { items.append(e.min == 1 && e.max == 1 ? .set(e.set) : .repetition(.set(e.set), min: e.min, max: e.max)) }
        if anchoredEnd { items.append(.end) }
        return .concat(items)
    }

    /// The compiled search program of the pattern (nil if it is too large).
    package func compiled() -> RegexProgram? {
        program ?? (try? RegexProgram(node, caseInsensitive: caseInsensitive))
    }

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
    package var minLength: Int {
        if isGeneral, let program { return program.node.minLength }
        return elements.reduce(0) { $0 + $1.min }
    }

    /// The longest matching string's length (nil: unbounded).
    package var maxLength: Int? {
        if isGeneral, let program {
            return program.node.anchoredStart && program.node.anchoredEnd ? program.node.maxLength : nil
        }
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
        let (node, embeddedCI) = try RegexSyntaxParser.parse(pattern)
        let ci = caseInsensitive || embeddedCI
        let program = try RegexProgram(node, caseInsensitive: ci)
        var p = RegexParser(cs: Array(pattern.unicodeScalars))
        if p.cs.first == "^" { p.anchoredStart = true; p.i = 1 }
        var result: SimplePattern
        if !embeddedCI, !pattern.hasPrefix("***"), let elements = try? p.sequence(depth: 0) {
            result = SimplePattern(elements: elements, anchoredStart: p.anchoredStart, anchoredEnd: p.anchoredEnd,
                                   caseInsensitive: ci, syntax: .regex, source: pattern)
        } else {
            result = SimplePattern(elements: [], anchoredStart: node.anchoredStart, anchoredEnd: node.anchoredEnd,
                                   caseInsensitive: ci, syntax: .regex, source: pattern)
            result.isGeneral = true
        }
        result.program = program
        return result
    }

    private struct RegexParser {
        let cs: [Unicode.Scalar]
        var i = 0
        var anchoredStart = false
        var anchoredEnd = false

        init(cs: [Unicode.Scalar]) { self.cs = cs }

        /// Escapes, bracket expressions and bounds, in the element patterns' dialect.
        var syntax: RegexCharacterSyntax { RegexCharacterSyntax(cs, dialect: .elements) }

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
                    if let (q, len) = syntax.brace(at: i) {
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
                    elems.append(Element(try syntax.bracket(at: &i)))
                case "\\":
                    i += 1
                    guard i < cs.count else { throw fail("trailing backslash") }
                    let escaped = cs[i]
                    i += 1
                    elems.append(Element(try syntax.escape(escaped, at: &i, inBracket: false)))
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
        if let program { return program.matches(text) }
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
        if isGeneral, let program { return Self.generateGeneral(program, minLength: minLength, maxLength: maxLength, letterCase: letterCase, random: random) }
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

    /// Draws from a general expression until one matches within the bounds.
    static func generateGeneral(_ program: RegexProgram, minLength: Int, maxLength: Int?, letterCase: LetterCase,
                                random: (UInt64) -> UInt64) -> String? {
        for _ in 0..<32 {
            var s = program.node.randomString(random: random)
            switch letterCase {
            case .lower where program.caseInsensitive: s = s.lowercased()
            case .upper where program.caseInsensitive: s = s.uppercased()
            default: break
            }
            let n = s.unicodeScalars.count
            if n >= minLength, maxLength.map({ n <= $0 }) ?? true, program.matches(s) { return s }
        }
        return nil
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

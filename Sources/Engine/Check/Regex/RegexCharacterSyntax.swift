/// The pieces of a regular expression's text that both regex parsers read the
/// same way: backslash escapes (`\d`, `\.`, `\n`), bracket expressions
/// (`[a-z]`, `[^@]`, `[[:digit:]]`, `[\d_-]`) and `{m}`, `{m,}`, `{m,n}`
/// bounds. `RegexSyntaxParser` reads the whole expression with the
/// `.advanced` dialect, `SimplePattern`'s element parser with `.elements`.
///
/// Refused with `SimplePattern.UnsupportedPattern`: escapes of other letters
/// and digits, `[:name:]` classes not listed in `SimplePattern.posixClass`,
/// collating elements, negated classes inside brackets, ranges out of order,
/// an unterminated `[` or `[:`.
struct RegexCharacterSyntax {
    enum Dialect {
        /// PostgreSQL's ARE escapes: `\b` is a backspace everywhere, and
        /// `\a`, `\e` and the code points `\xhhh`, `\uhhhh`, `\Uhhhhhhhh` are read.
        case advanced
        /// The escapes an element pattern takes: `\b` only inside brackets;
        /// `\a`, `\e`, `\x`, `\u` and `\U` are refused. Bounds stop at 10,000.
        case elements
    }

    let cs: [Unicode.Scalar]
    let dialect: Dialect

    init(_ cs: [Unicode.Scalar], dialect: Dialect) {
        self.cs = cs
        self.dialect = dialect
    }

    func fail(_ reason: String) -> SimplePattern.UnsupportedPattern { .init(reason: reason) }

    /// The set the escape `\c` stands for. `i` is just past `c`; an escape
    /// that reads more (the hex digits of `\x`) moves it past them.
    func escape(_ c: Unicode.Scalar, at i: inout Int, inBracket: Bool) throws -> SimplePattern.CharSet {
        let advanced = dialect == .advanced
        switch c {
        case "d": return SimplePattern.digits
        case "D": return .init(ranges: SimplePattern.digits.ranges, negated: true)
        case "w": return SimplePattern.word
        case "W": return .init(ranges: SimplePattern.word.ranges, negated: true, unicodeLetters: true)
        case "s": return SimplePattern.space
        case "S": return .init(ranges: SimplePattern.space.ranges, negated: true)
        case "n": return .literal("\n")
        case "t": return .literal("\t")
        case "r": return .literal("\r")
        case "f": return .literal("\u{c}")
        case "v": return .literal("\u{b}")
        case "a" where advanced: return .literal("\u{7}")
        case "e" where advanced: return .literal("\u{1b}")
        case "b" where advanced || inBracket: return .literal("\u{8}") // ARE: backspace
        case "x" where advanced, "u" where advanced, "U" where advanced:
            var j = i, v: UInt32 = 0, digits = 0
            let limit = c == "x" ? 8 : (c == "u" ? 4 : 8)
            while j < cs.count, digits < limit, cs[j].isASCII, let d = UInt32(String(cs[j]), radix: 16) {
                v = v * 16 + d; j += 1; digits += 1
            }
            guard digits > 0, let s = Unicode.Scalar(v) else { throw fail("malformed '\\\(c)' escape") }
            i = j
            return .literal(s)
        default:
            if c.properties.isAlphabetic || ("0"..."9").contains(c) {
                throw fail("the escape '\\\(c)' is not supported")
            }
            return .literal(c)
        }
    }

    /// The bracket expression whose `[` is at `i`; `i` moves past its `]`.
    func bracket(at i: inout Int) throws -> SimplePattern.CharSet {
        i += 1 // [
        var set = SimplePattern.CharSet(ranges: [])
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
                i += 1
                let e0 = cs[i]
                i += 1
                let e = try escape(e0, at: &i, inBracket: true)
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
                    let e0 = cs[i]
                    i += 1
                    let e = try escape(e0, at: &i, inBracket: true)
                    guard !e.negated, e.ranges.count == 1, e.ranges[0].count == 1 else { throw fail("bad range end") }
                    hi = Unicode.Scalar(e.ranges[0].lowerBound)!
                }
                guard lo.value <= hi.value else { throw fail("range \(lo)-\(hi) is out of order") }
                set.ranges.append(lo.value...hi.value)
            } else {
                set.ranges.append(lo.value...lo.value)
            }
        }
        throw fail("unterminated '['")
    }

    /// `{n}`, `{n,}`, `{n,m}` at `at`: the bounds and the length of the text;
    /// nil when it is not one (a number past the dialect's limit included).
    func brace(at: Int) -> ((Int, Int?), Int)? {
        let limit = dialect == .advanced ? 100_000 : 10_000
        var j = at + 1
        func number() -> Int? {
            var v: Int? = nil
            while j < cs.count, cs[j].isASCII, let d = Int(String(cs[j])) {
                v = (v ?? 0) * 10 + d
                if v! > limit { return nil }
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
}

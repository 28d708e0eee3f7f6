/// Parses the POSIX/ARE regular expressions PostgreSQL's `~` accepts, the
/// subset real CHECKs use: literals and escapes, `.`, bracket classes with
/// ranges, negation and `[:name:]` classes, `\d \w \s \D \W \S`, anchors
/// `^ $ \A \Z`, groups `( )` / `(?: )`, alternation, and the quantifiers
/// `* + ? {m} {m,} {m,n}` (lazy forms accepted, same language) on any atom.
/// A leading `(?i)` makes the expression case-insensitive, `***=` literal.
///
/// Refused with `SimplePattern.UnsupportedPattern`: back-references,
/// look-around, word boundaries, collating elements — anything whose
/// language is not regular or not worth modelling.
package struct RegexSyntaxParser {
    /// Repetition bounds above this are refused (PostgreSQL's own limit is 255).
    static let maxBound = 1_000

    let cs: [Unicode.Scalar]
    var i = 0
    /// Set by a leading `(?i)`.
    package private(set) var caseInsensitive = false

    init(_ text: String) { cs = Array(text.unicodeScalars) }

    /// Escapes, bracket expressions and bounds, read as PostgreSQL reads AREs.
    var syntax: RegexCharacterSyntax { RegexCharacterSyntax(cs, dialect: .advanced) }

    /// The node of `text`, and whether embedded options asked for case-insensitivity.
    package static func parse(_ text: String) throws -> (node: RegexNode, caseInsensitive: Bool) {
        var p = RegexSyntaxParser(text)
        if text.hasPrefix("***=") {
            return (.literal(String(text.dropFirst(4))), false)
        }
        if text.hasPrefix("***:") { p.i = 4 }
        p.embeddedOptions()
        let node = try p.alternation(depth: 0)
        if p.i < p.cs.count { throw p.fail("unbalanced ')'") }
        return (node, p.caseInsensitive)
    }

    func fail(_ reason: String) -> SimplePattern.UnsupportedPattern { .init(reason: reason) }

    mutating func embeddedOptions() {
        guard i + 2 < cs.count, cs[i] == "(", cs[i + 1] == "?" else { return }
        var j = i + 2
        var ci = caseInsensitive
        while j < cs.count, cs[j] != ")" {
            switch cs[j] {
            case "i": ci = true
            case "c": ci = false
            case "n", "p", "w", "s", "t", "e", "q", "b": break
            default: return
            }
            j += 1
        }
        guard j < cs.count, j > i + 2 else { return }
        caseInsensitive = ci
        i = j + 1
    }

    mutating func alternation(depth: Int) throws -> RegexNode {
        var branches = [try sequence(depth: depth)]
        while i < cs.count, cs[i] == "|" {
            i += 1
            branches.append(try sequence(depth: depth))
        }
        return branches.count == 1 ? branches[0] : .alternation(branches)
    }

    mutating func sequence(depth: Int) throws -> RegexNode {
        var items: [RegexNode] = []
        while i < cs.count {
            let c = cs[i]
            if c == "|" { break }
            if c == ")" {
                if depth > 0 { break }
                throw fail("unbalanced ')'")
            }
            var atom: RegexNode
            switch c {
            case "(":
                i += 1
                if i < cs.count, cs[i] == "?" {
                    guard i + 1 < cs.count, cs[i + 1] == ":" else { throw fail("'(?' groups (look-around) are not supported") }
                    i += 2
                }
                atom = try alternation(depth: depth + 1)
                guard i < cs.count, cs[i] == ")" else { throw fail("unbalanced '('") }
                i += 1
            case "^": i += 1; atom = .start
            case "$": i += 1; atom = .end
            case ".": i += 1; atom = .set(.any)
            case "[": atom = .set(try syntax.bracket(at: &i))
            case "\\":
                i += 1
                guard i < cs.count else { throw fail("trailing backslash") }
                atom = try escapeAtom()
            case "*", "+", "?":
                // A quantifier with nothing to repeat: literal in POSIX.
                if items.isEmpty { i += 1; atom = .set(.literal(c)) } else { throw fail("quantifier '\(c)' follows another quantifier") }
            case "{":
                if syntax.brace(at: i) != nil, !items.isEmpty { throw fail("quantifier '{' follows another quantifier") }
                i += 1
                atom = .set(.literal(c))
            default:
                i += 1
                atom = .set(.literal(c))
            }
            atom = try quantifiers(on: atom)
            items.append(atom)
        }
        return items.count == 1 ? items[0] : .concat(items)
    }

    /// Applies the quantifiers after an atom (one, plus an optional lazy `?`).
    mutating func quantifiers(on atom: RegexNode) throws -> RegexNode {
        guard i < cs.count else { return atom }
        var q: (Int, Int?)? = nil
        switch cs[i] {
        case "*": q = (0, nil); i += 1
        case "+": q = (1, nil); i += 1
        case "?": q = (0, 1); i += 1
        case "{":
            if let (b, len) = syntax.brace(at: i) { q = b; i += len }
        default: break
        }
        guard let (lo, hi) = q else { return atom }
        if i < cs.count, cs[i] == "?" { i += 1 } // lazy: same language
        if case .start = atom { return atom }
        if case .end = atom { return atom }
        if let hi, hi > Self.maxBound { throw fail("repetition bound \(hi) is too large") }
        if lo > Self.maxBound { throw fail("repetition bound \(lo) is too large") }
        if i < cs.count, "*+?".unicodeScalars.contains(cs[i]) || (cs[i] == "{" && syntax.brace(at: i) != nil) {
            throw fail("nested quantifiers are not supported")
        }
        return .repetition(atom, min: lo, max: hi)
    }

    mutating func escapeAtom() throws -> RegexNode {
        let c = cs[i]
        i += 1
        switch c {
        case "A": return .start
        case "Z": return .end
        case "m", "M", "y", "Y":
            throw fail("word boundaries ('\\\(c)') are not supported")
        default:
            if ("1"..."9").contains(c) { throw fail("back-references are not supported") }
            return .set(try syntax.escape(c, at: &i, inBracket: false))
        }
    }
}

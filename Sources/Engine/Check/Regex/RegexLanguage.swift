/// The set of strings a text column may hold, as a deterministic automaton:
/// the intersection of the patterns it must match, minus the patterns it
/// must not match, over a finite alphabet (letters, digits, `_-.` and every
/// character the patterns name, without the letters a `lower(x) = x` /
/// `upper(x) = x` rule forbids), within length bounds.
///
/// Determinising makes the strings countable: `count(length:)` is exact (or
/// saturated at 2^62), `string(index:)` is a bijection from `0..<capacity`
/// onto the language — shortest strings first, then by automaton order — so
/// a unique column can take the n-th string of its permuted row index, and
/// `capacity` says before loading how many distinct values exist.
/// Immutable once built; shared by every thread.
package final class RegexLanguage: Sendable {
    /// Counts saturate here; indices handed to `string(index:)` stay below it.
    package static let saturation: UInt64 = 1 << 62
    /// Automata with more states than this are not built (`init` returns nil).
    static let maxStates = 4_000
    /// Strings longer than this are not counted or generated.
    static let maxCountedLength = 4_096
    /// Roughly how many additions counting may cost before it stops early.
    static let countingBudget = 40_000_000

    /// The characters of each class: characters every pattern treats alike.
    package let classes: [[Unicode.Scalar]]
    let classOf: [UInt32: Int32]
    /// `classOf` for the 256 first scalars (-1: outside the alphabet): one
    /// array read per character of Latin text instead of a hash lookup.
    let latinClassOf: [Int32]
    /// The class of every character outside the alphabet, -1 when none.
    let otherClass: Int32
    /// Letters of the other case have no class, outside the alphabet too.
    let letterCase: SimplePattern.LetterCase
    /// `transitions[state * classes.count + class]`, -1 when dead.
    let transitions: [Int32]
    let accepting: [Bool]
    /// `counts[length][state]`: strings of that length accepted from the state.
    let counts: [[UInt64]]
    /// Shortest accepted completion from each state (-1: none counted).
    let shortest: [Int32]
    package let minLength: Int
    /// The longest length counted (the column's limit, or where counting stopped).
    package let maxLength: Int
    /// Whether every length up to the column's limit was counted.
    package let complete: Bool

    package var stateCount: Int { accepting.count }

    /// - Parameters:
    ///   - positive: programs every value must match.
    ///   - negative: programs no value may match.
    ///   - letterCase: letters removed from the alphabet.
    ///   - minLength, maxLength: length bounds in characters (nil: unbounded;
    ///     counted up to `maxCountedLength`).
    ///   - extraAlphabet: more characters to allow (a space for free text).
    package init?(positive: [RegexProgram], negative: [RegexProgram], letterCase: SimplePattern.LetterCase = .any,
                  minLength: Int = 0, maxLength: Int? = nil, extraAlphabet: String = "") {
        let programs = positive + negative
        // Alphabet.
        var universe = Set<UInt32>()
        for s in "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_-.".unicodeScalars { universe.insert(s.value) }
        var explicit: [UInt32] = []
        // Negated sets' members too: every character left outside then
        // behaves alike (in each negated set, in no other), one class (`otherClass`).
        for p in programs {
            for set in p.sets {
                var budget = 512
                for r in set.ranges {
                    for v in r {
                        guard budget > 0 else { break }
                        budget -= 1
                        explicit.append(v)
                        if p.caseInsensitive, let c = Unicode.Scalar(v) {
                            for x in SimplePattern.caseVariants(c) { explicit.append(x.value) }
                        }
                    }
                }
            }
        }
        for v in explicit { universe.insert(v) }
        for s in extraAlphabet.unicodeScalars { universe.insert(s.value) }
        func allowedCase(_ v: UInt32) -> Bool {
            guard let c = Unicode.Scalar(v) else { return false }
            switch letterCase {
            case .any: return true
            case .lower: return String(c).lowercased() == String(c)
            case .upper: return String(c).uppercased() == String(c)
            }
        }
        func printable(_ v: UInt32) -> Bool { v >= 0x20 && v != 0x7F && !(0x80..<0xA0).contains(v) && !(0xD800...0xDFFF).contains(v) }
        var alphabet = universe.filter { printable($0) && allowedCase($0) }
        // A set of control characters only (`\t`) keeps its members.
        for p in positive {
            for set in p.sets where !set.negated {
                let members = set.ranges.lazy.flatMap { $0 }.prefix(64)
                if !members.contains(where: { alphabet.contains($0) }), let first = members.first(where: allowedCase) {
                    alphabet.insert(first)
                }
            }
        }
        // Order: lowercase, digits, uppercase, the rest by code point.
        func rank(_ v: UInt32) -> (Int, UInt32) {
            switch v {
            case 0x61...0x7A: return (0, v)
            case 0x30...0x39: return (1, v)
            case 0x41...0x5A: return (2, v)
            default: return (3, v)
            }
        }
        let ordered = alphabet.sorted { rank($0) < rank($1) }
        // Classes: characters with the same membership in every set.
        var signatures: [[Bool]: Int] = [:]
        var classes: [[Unicode.Scalar]] = []
        var classOf: [UInt32: Int32] = [:]
        for v in ordered {
            guard let c = Unicode.Scalar(v) else { continue }
            var sig: [Bool] = []
            for p in programs { for k in p.sets.indices { sig.append(p.setContains(k, c)) } }
            if let i = signatures[sig] {
                classes[i].append(c)
                classOf[v] = Int32(i)
            } else {
                signatures[sig] = classes.count
                classOf[v] = Int32(classes.count)
                classes.append([c])
            }
        }
        guard !classes.isEmpty else { return nil }
        // Characters outside the alphabet (`é`, `,` in free text under
        // `btrim(note) <> ''`) are members of exactly the negated sets: they
        // share a class, represented by one of them for generation.
        var otherSignature: [Bool] = []
        for p in programs { for set in p.sets { otherSignature.append(set.negated) } }
        var otherClass: Int32 = -1
        if let i = signatures[otherSignature] {
            otherClass = Int32(i)
        } else if let representative = ["é", "ñ", "ø", "ç", "ü"].compactMap({ $0.unicodeScalars.first })
                    .first(where: { !universe.contains($0.value) && allowedCase($0.value) }) {
            otherClass = Int32(classes.count)
            classes.append([representative])
            classOf[representative.value] = otherClass
        }
        self.otherClass = otherClass
        self.classes = classes
        self.classOf = classOf
        // Left out on purpose (letter case, control characters): no class.
        latinClassOf = (0..<256).map { v in
            classOf[UInt32(v)] ?? (universe.contains(UInt32(v)) || !printable(UInt32(v)) || !allowedCase(UInt32(v)) ? -1 : otherClass)
        }
        self.letterCase = letterCase

        // Subset construction over all programs at once.
        let k = classes.count
        var marks = programs.map { [UInt32](repeating: 0, count: $0.states.count) }
        var generation: UInt32 = 0
        var stack: [Int32] = []
        var keys: [[Int32]: Int32] = [:]
        var stateSets: [[[Int32]]] = []
        var transitions: [Int32] = []
        var accepting: [Bool] = []
        func key(_ sets: [[Int32]]) -> [Int32] {
            var out: [Int32] = []
            for s in sets { out += s; out.append(-1) }
            return out
        }
        func intern(_ sets: [[Int32]]) -> Int32? {
            // A positive program with no live state: no match can follow.
            for i in positive.indices where sets[i].isEmpty { return -1 }
            let kk = key(sets)
            if let id = keys[kk] { return id }
            guard stateSets.count < Self.maxStates else { return nil }
            let id = Int32(stateSets.count)
            keys[kk] = id
            stateSets.append(sets)
            return id
        }
        var initial: [[Int32]] = []
        for (pi, p) in programs.enumerated() {
            generation += 1
            var out: [Int32] = []
            p.close(p.initial, atStart: true, atEnd: false, mark: &marks[pi], generation: generation, stack: &stack, out: &out)
            initial.append(out.sorted())
        }
        guard let start = intern(initial), start == 0 else { return nil }
        var next = 0
        while next < stateSets.count {
            let sets = stateSets[next]
            generation += 1
            var ok = true
            for i in positive.indices where !programs[i].accepts(sets[i], mark: &marks[i], generation: generation, stack: &stack) { ok = false }
            generation += 1
            for i in negative.indices where programs[positive.count + i].accepts(sets[positive.count + i], mark: &marks[positive.count + i], generation: generation, stack: &stack) { ok = false }
            accepting.append(ok)
            for c in 0..<k {
                let rep = classes[c][0]
                var stepped: [[Int32]] = []
                for (pi, p) in programs.enumerated() {
                    generation += 1
                    var out: [Int32] = []
                    for s in sets[pi] {
                        let st = p.states[Int(s)]
                        if case .char(let si) = st.op, p.setContains(si, rep) {
                            p.close(st.next, atStart: false, atEnd: false, mark: &marks[pi], generation: generation, stack: &stack, out: &out)
                        }
                    }
                    stepped.append(out.sorted())
                }
                guard let t = intern(stepped) else { return nil }
                transitions.append(t)
            }
            next += 1
        }
        self.transitions = transitions
        self.accepting = accepting

        // Counting by length.
        let n = accepting.count
        // Without a limit, strings up to 512 characters past the minimum are
        // plenty (and keep the count table small).
        let limit = min(maxLength ?? (max(0, minLength) + 512), Self.maxCountedLength)
        let sizes = classes.map { UInt64($0.count) }
        var counts: [[UInt64]] = [accepting.map { $0 ? 1 : 0 }]
        var complete = true
        var work = 0
        var len = 0
        while len < limit {
            let prev = counts[len]
            if !prev.contains(where: { $0 > 0 }) { break }
            work += n * k
            if work > Self.countingBudget, len >= minLength { complete = false; break }
            var row = [UInt64](repeating: 0, count: n)
            for s in 0..<n {
                var total: UInt64 = 0
                let base = s * k
                for c in 0..<k {
                    let t = transitions[base + c]
                    if t < 0 { continue }
                    let x = prev[Int(t)]
                    if x == 0 { continue }
                    total = Self.add(total, Self.multiply(sizes[c], x))
                }
                row[s] = total
            }
            counts.append(row)
            len += 1
        }
        if maxLength == nil, len == limit { complete = false }
        self.counts = counts
        self.complete = complete
        self.minLength = max(0, minLength)
        self.maxLength = counts.count - 1
        var shortest = [Int32](repeating: -1, count: n)
        for (l, row) in counts.enumerated() {
            for s in 0..<n where shortest[s] < 0 && row[s] > 0 { shortest[s] = Int32(l) }
        }
        self.shortest = shortest
    }

    @inline(__always) static func add(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let (v, o) = a.addingReportingOverflow(b)
        return o || v > saturation ? saturation : v
    }

    @inline(__always) static func multiply(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let (v, o) = a.multipliedReportingOverflow(by: b)
        return o || v > saturation ? saturation : v
    }

    // MARK: Counting

    /// Accepted strings of exactly `length` characters (saturated).
    package func count(length: Int) -> UInt64 {
        guard length >= minLength, length < counts.count else { return 0 }
        return counts[length][0]
    }

    /// Accepted strings with lengths in `minLength...upTo` (saturated).
    package func count(upTo: Int) -> UInt64 {
        var total: UInt64 = 0
        if minLength <= min(upTo, maxLength) {
            for l in minLength...min(upTo, maxLength) { total = Self.add(total, counts[l][0]) }
        }
        return total
    }

    /// How many distinct strings the language holds (saturated at 2^62);
    /// nil when that is more than counting could tell (unbounded length or
    /// counting stopped early with at least `saturation`... strings).
    package var capacity: UInt64? {
        let c = count(upTo: maxLength)
        if c >= Self.saturation { return nil }
        return complete ? c : nil
    }

    package var isEmpty: Bool { count(upTo: maxLength) == 0 }

    // MARK: Enumeration

    /// The `index`-th string of `length` characters (`index < count(length:)`).
    package func string(index: UInt64, length: Int) -> String {
        var n = index
        var s = 0
        let k = classes.count
        var out = String.UnicodeScalarView()
        for pos in 0..<length {
            let rem = length - pos - 1
            for c in 0..<k {
                let t = transitions[s * k + c]
                if t < 0 { continue }
                let x = counts[rem][Int(t)]
                if x == 0 { continue }
                let block = Self.multiply(UInt64(classes[c].count), x)
                if n < block {
                    out.append(classes[c][Int(n / x)])
                    n %= x
                    s = Int(t)
                    break
                }
                n -= block
            }
        }
        return String(out)
    }

    /// The `index`-th string in length-then-automaton order (`index` below
    /// `count(upTo: maxLength)`): a bijection onto the language.
    package func string(index: UInt64) -> String {
        var n = index
        for l in minLength...max(minLength, maxLength) {
            let c = count(length: l)
            if n < c { return string(index: n, length: l) }
            n -= c
        }
        return ""
    }

    /// The shortest length at or above `atLeast` with an accepted string.
    package func firstLength(atLeast: Int) -> Int? {
        var l = max(atLeast, minLength)
        while l <= maxLength {
            if counts[l][0] > 0 { return l }
            l += 1
        }
        return nil
    }

    /// A random string: a length drawn among the first dozen lengths that
    /// have strings (from `minLength`), then a uniform string of that length.
    /// nil when the language is empty. `random(n)` returns a number in `0..<n`.
    package func randomString(random: (UInt64) -> UInt64) -> String? {
        guard let first = firstLength(atLeast: minLength) else { return nil }
        var lengths: [Int] = []
        var l = first
        while l <= maxLength, l < first + 12 {
            if counts[l][0] > 0 { lengths.append(l) }
            l += 1
        }
        let length = lengths[Int(random(UInt64(lengths.count)))]
        return string(index: random(count(length: length)), length: length)
    }

    // MARK: Walking

    /// The class of a character, or nil when it is outside the alphabet.
    @inline(__always) func classIndex(_ c: Unicode.Scalar) -> Int? {
        if c.value < 256 {
            let i = latinClassOf[Int(c.value)]
            return i < 0 ? nil : Int(i)
        }
        if let i = classOf[c.value] { return Int(i) }
        guard otherClass >= 0 else { return nil }
        switch letterCase {
        case .any: return Int(otherClass)
        case .lower: return c.properties.isUppercase ? nil : Int(otherClass)
        case .upper: return c.properties.isLowercase ? nil : Int(otherClass)
        }
    }

    /// The state after reading `text` from `state`, nil when it dies.
    package func state(after text: String, from state: Int = 0) -> Int? {
        var s = state
        for c in text.unicodeScalars {
            guard let ci = classIndex(c) else { return nil }
            let t = transitions[s * classes.count + ci]
            if t < 0 { return nil }
            s = Int(t)
        }
        return s
    }

    /// Whether `text` is in the language (within the counted lengths).
    package func contains(_ text: String) -> Bool {
        let n = text.unicodeScalars.count
        guard n >= minLength, n <= maxLength, let s = state(after: text) else { return false }
        return accepting[s]
    }

    /// `contains` on UTF-8 bytes (a generated value's buffer), decoding
    /// scalars as it walks instead of making a String.
    package func contains(utf8 bytes: [UInt8]) -> Bool {
        var s = 0
        var n = 0
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while case .scalarValue(let c) = decoder.decode(&iterator) {
            n += 1
            guard n <= maxLength, let ci = classIndex(c) else { return false }
            let t = transitions[s * classes.count + ci]
            if t < 0 { return false }
            s = Int(t)
        }
        return n >= minLength && accepting[s]
    }

    /// Whether some accepted completion of at most `budget` characters
    /// follows `state`.
    @inline(__always) func live(_ state: Int, budget: Int) -> Bool {
        let m = shortest[state]
        return m >= 0 && Int(m) <= budget
    }

    /// The closest string of the language to `text`, read left to right: a
    /// character the automaton accepts is kept, otherwise it becomes a
    /// similar one (the other letter case, a `_`/`-`/`.` for punctuation, a
    /// digit for a digit) or is dropped; the end is completed with the first
    /// shortest completion. `bruce.graham20` against
    /// `^[a-zA-Z]([_]?[a-zA-Z0-9])+$` becomes `bruce_graham20`. nil when no
    /// string of the language fits.
    package func repair(_ text: String) -> String? {
        var (out, s, produced) = walk(text, reserve: 0)
        // Pad to the minimum length and to an accepting state.
        let need = max(0, minLength - produced)
        for l in need...max(need, maxLength - produced) where l < counts.count && counts[l][s] > 0 {
            out.append(contentsOf: completion(from: s, length: l).unicodeScalars)
            let r = String(out)
            return contains(r) ? r : nil
        }
        return nil
    }

    /// `text` repaired as in `repair` into the start of a string of the
    /// language, leaving room for `reserve` more characters, without completing it.
    package func repairPrefix(_ text: String, reserve: Int) -> String? {
        guard maxLength >= reserve else { return nil }
        return String(walk(text, reserve: reserve).out)
    }

    /// Whether every string of `count` decimal digits after `prefix` makes a
    /// string of the language.
    package func acceptsAnyDigits(after prefix: String, count: Int) -> Bool {
        let total = prefix.unicodeScalars.count + count
        guard total >= minLength, total <= maxLength, let start = state(after: prefix) else { return false }
        let k = classes.count
        var digitClasses: [Int] = []
        for d in "0123456789".unicodeScalars {
            guard let c = classIndex(d) else { return false }
            if !digitClasses.contains(c) { digitClasses.append(c) }
        }
        var layer: Set<Int> = [start]
        for _ in 0..<count {
            var next = Set<Int>()
            for s in layer {
                for c in digitClasses {
                    let t = transitions[s * k + c]
                    if t < 0 { return false }
                    next.insert(Int(t))
                }
            }
            layer = next
        }
        return layer.allSatisfy { accepting[$0] }
    }

    /// The greedy left-to-right repair: kept, replaced or dropped characters,
    /// the state reached and the length produced.
    func walk(_ text: String, reserve: Int) -> (out: String.UnicodeScalarView, state: Int, produced: Int) {
        let k = classes.count
        var s = 0
        var out = String.UnicodeScalarView()
        var produced = 0
        for c in text.unicodeScalars {
            let budget = maxLength - reserve - produced - 1
            if budget < 0 { break }
            if let ci = classIndex(c) {
                let t = Int(transitions[s * k + ci])
                if t >= 0, live(t, budget: budget + reserve) {
                    out.append(c); s = t; produced += 1
                    continue
                }
            }
            // A similar character that keeps the string completable.
            var best: (score: Int, scalar: Unicode.Scalar, state: Int)? = nil
            for ci in 0..<k {
                let t = Int(transitions[s * k + ci])
                guard t >= 0, live(t, budget: budget + reserve) else { continue }
                for x in classes[ci].prefix(96) {
                    let score = Self.similarity(c, x)
                    if score > 0, score > (best?.score ?? 0) { best = (score, x, t) }
                }
            }
            if let best {
                out.append(best.scalar); s = best.state; produced += 1
            }
        }
        return (out, s, produced)
    }

    /// The first completion of `length` characters from `state`.
    func completion(from state: Int, length: Int) -> String {
        var s = state
        let k = classes.count
        var out = String.UnicodeScalarView()
        for pos in 0..<length {
            let rem = length - pos - 1
            for c in 0..<k {
                let t = transitions[s * k + c]
                if t >= 0, counts[rem][Int(t)] > 0 { out.append(classes[c][0]); s = Int(t); break }
            }
        }
        return String(out)
    }

    /// How good a replacement `x` is for `c` (0: not a replacement).
    static func similarity(_ c: Unicode.Scalar, _ x: Unicode.Scalar) -> Int {
        if String(c).lowercased() == String(x).lowercased() { return 10 }
        let p = c.properties, q = x.properties
        if p.numericType != nil, q.numericType != nil { return 6 }
        let separators: Set<Unicode.Scalar> = ["_", "-", ".", " ", "+", "@"]
        if separators.contains(c) || p.generalCategory == .otherPunctuation || p.generalCategory == .dashPunctuation || p.generalCategory == .connectorPunctuation {
            if x == "_" { return 5 }
            if x == "-" { return 4 }
            if x == "." { return 3 }
        }
        if p.isAlphabetic, q.isAlphabetic { return 1 }
        return 0
    }
}

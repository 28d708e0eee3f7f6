extension RegexNode {
    /// Unbounded repetitions draw at most this many extra copies.
    static let randomRepetitionSpan = 8

    /// A random string built by walking the expression: one branch of each
    /// alternation, a count within each repetition's bounds (unbounded ones
    /// get at most 8 extra copies), a character of each set (letters and
    /// digits first for `.` and negated sets). Anchors produce nothing, so
    /// the result can fail an expression with anchors in the middle: callers
    /// verify with `RegexProgram.matches`. `RegexLanguage` is the exact
    /// generator; this is the cheap one for patterns without one.
    package func randomString(caseInsensitive: Bool = false, random: (UInt64) -> UInt64) -> String {
        var out = String.UnicodeScalarView()
        write(into: &out, random: random)
        return String(out)
    }

    private func write(into out: inout String.UnicodeScalarView, random: (UInt64) -> UInt64) {
        switch self {
        case .set(let s):
            if let c = Self.pick(s, random: random) { out.append(c) }
        case .concat(let items):
            for i in items { i.write(into: &out, random: random) }
        case .alternation(let items):
            guard !items.isEmpty else { return }
            items[Int(random(UInt64(items.count)))].write(into: &out, random: random)
        case .repetition(let inner, let lo, let hi):
            let top = hi ?? (lo + Self.randomRepetitionSpan)
            let n = lo + Int(random(UInt64(max(0, top - lo) + 1)))
            for _ in 0..<n { inner.write(into: &out, random: random) }
        case .start, .end:
            break
        }
    }

    private static let preferred: [Unicode.Scalar] = Array("abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ".unicodeScalars)
    private static let printable: [Unicode.Scalar] = (0x21...0x7E).compactMap(Unicode.Scalar.init)

    static func pick(_ set: SimplePattern.CharSet, random: (UInt64) -> UInt64) -> Unicode.Scalar? {
        if set.negated {
            var pool = preferred.filter { set.contains($0) }
            if pool.isEmpty { pool = printable.filter { set.contains($0) } }
            return pool.isEmpty ? nil : pool[Int(random(UInt64(pool.count)))]
        }
        let total = set.ranges.reduce(UInt64(0)) { $0 + UInt64($1.count) }
        guard total > 0 else { return nil }
        for _ in 0..<8 {
            var k = random(total)
            for r in set.ranges {
                let n = UInt64(r.count)
                if k < n {
                    if let c = Unicode.Scalar(r.lowerBound + UInt32(k)), c.value >= 0x20 || total < 4 { return c }
                    break
                }
                k -= n
            }
        }
        return Unicode.Scalar(set.ranges[0].lowerBound)
    }
}

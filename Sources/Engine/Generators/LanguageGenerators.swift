/// A unique generator confined to what a column's CHECKs allow (a pattern,
/// a length, an IN list, a range): `inspect` shows how many distinct values
/// that leaves, and `Planner.capUniqueColumns` caps the table to it.
package protocol DomainBoundedUniqueGenerator: UniqueValueGenerator {
    /// The distinct values, as text: a number, or a floor when there are
    /// more than can be counted; nil when the generator is not confined.
    var domainCapacity: String? { get }
}

extension DomainBoundedUniqueGenerator {
    package var domainCapacity: String? {
        capacity.map(String.init) ?? "more than \(RegexLanguage.saturation)"
    }
}

/// Distinct strings of a column's language for distinct rows: the n-th string
/// of the language (`RegexLanguage.string(index:)`) at the row's permuted
/// index, so uniqueness and every pattern hold by construction. The indices
/// cover the shortest lengths holding at least four times the rows;
/// `capacity` is the whole language (within the length limit), so a table
/// asking for more rows than there are strings is capped before loading.
package struct UniqueLanguageGenerator: DomainBoundedUniqueGenerator {
    package let language: RegexLanguage
    package let permutation: Permutation

    package init?(language: RegexLanguage, rows: Int64, key: UInt64) {
        let target = max(UInt64(max(rows, 0)) * 4, 64)
        var used: UInt64 = 0
        var l = language.minLength
        while l <= language.maxLength, used < target {
            used = RegexLanguage.add(used, language.count(length: l))
            l += 1
        }
        guard used > 0 else { return nil }
        self.language = language
        permutation = Permutation(count: min(used, RegexLanguage.saturation), key: key)
    }

    package func generate(row: Int64, into value: inout Value) {
        let index = permutation.apply(UInt64(bitPattern: row) % permutation.count)
        value.setText(language.string(index: index))
    }

    package var capacity: Int64? { language.capacity.map { Int64(min($0, UInt64(Int64.max))) } }
    package var summary: String { "unique in pattern" }
}

/// Realistic unique values (usernames, emails, phones, or words) kept inside
/// a column's language, unique by construction:
/// - a value of a unique inner generator (`innerIsUnique`) that is in the
///   language and does not end in a digit is used as it is (the semantic
///   generator makes them distinct per row);
/// - otherwise the semantic value without its trailing number, repaired
///   into a prefix of the language (`bruce.graham` → `bruce_graham`), gets
///   the row's own fixed-width code of decimal digits (`bruce_graham0412`),
///   provided every digit string of that width completes the prefix; else a
///   fixed prefix known to work takes its place.
/// Values of the second kind end in a digit and differ in their last
/// `codeWidth` characters; values of the first kind do not end in a digit.
/// So no two rows collide.
package struct UniqueSemanticLanguageGenerator: DomainBoundedUniqueGenerator {
    package let semantic: any ValueGenerator
    package let language: RegexLanguage
    package let codeWidth: Int
    package let permutation: Permutation
    /// A prefix after which any `codeWidth` digits complete a string of the language.
    package let fallbackPrefix: String
    /// Whether the inner generator's values are distinct per row by themselves.
    package let innerIsUnique: Bool

    package init?(semantic: any ValueGenerator, language: RegexLanguage, rows: Int64, key: UInt64, innerIsUnique: Bool = true) {
        var width = 2
        var span: UInt64 = 100
        while span < UInt64(max(rows, 1)) * 4, width < 18 { width += 1; span *= 10 }
        guard let prefix = Self.findPrefix(language, width: width) else { return nil }
        self.semantic = semantic
        self.language = language
        codeWidth = width
        permutation = Permutation(count: span, key: key)
        fallbackPrefix = prefix
        self.innerIsUnique = innerIsUnique
    }

    /// Whether `word` passes into the language unchanged as a prefix before
    /// the digit code: the language takes words, so words plus codes read
    /// better than its shortest strings.
    package static func takesWords(_ language: RegexLanguage, rows: Int64) -> Bool {
        var width = 2
        var span: UInt64 = 100
        while span < UInt64(max(rows, 1)) * 4, width < 18 { width += 1; span *= 10 }
        return ["harbor", "maple"].allSatisfy { w in
            language.repairPrefix(w, reserve: width) == w && language.acceptsAnyDigits(after: w, count: width)
        }
    }

    static func findPrefix(_ language: RegexLanguage, width: Int) -> String? {
        var candidates = ["user", "id", "u", "x", ""]
        for i in 0..<min(UInt64(64), language.count(upTo: language.maxLength)) { candidates.append(language.string(index: i)) }
        for c in candidates {
            guard let p = language.repairPrefix(c, reserve: width) else { continue }
            if language.acceptsAnyDigits(after: p, count: width) { return p }
        }
        return nil
    }

    package func generate(row: Int64, into value: inout Value) {
        semantic.generate(row: row, into: &value)
        let text = value.kind == .null ? "" : String(decoding: value.bytes.bytes, as: UTF8.self)
        if innerIsUnique, let last = text.unicodeScalars.last, !("0"..."9").contains(last), language.contains(text) { return }
        var base = Substring(text)
        while let l = base.unicodeScalars.last, ("0"..."9").contains(l) { base = base.dropLast() }
        var prefix = fallbackPrefix
        if let p = language.repairPrefix(String(base), reserve: codeWidth), language.acceptsAnyDigits(after: p, count: codeWidth) {
            prefix = p
        }
        var code = permutation.apply(UInt64(bitPattern: row) % permutation.count)
        var digits = [UInt8](repeating: 48, count: codeWidth)
        for i in stride(from: codeWidth - 1, through: 0, by: -1) {
            digits[i] = 48 + UInt8(code % 10)
            code /= 10
        }
        value.beginText()
        value.bytes.append(prefix)
        value.bytes.append(contentsOf: digits)
    }

    package var capacity: Int64? { Int64(permutation.count) }
    package var summary: String { "\(semantic.summary) in pattern" }
    /// The digit codes bound the rows, not the language.
    package var domainCapacity: String? { language.capacity.map { String(min($0, permutation.count)) } ?? String(permutation.count) }
}

/// A column's usual generator, its values brought into the column's
/// language when they are not: first the required letter case, then
/// `RegexLanguage.repair` (the closest string, `bruce.graham20` →
/// `bruce_graham20`), last a random string of the language. The result is
/// still verified by the `DomainGuardGenerator` around it.
package struct LanguageRepairGenerator: ValueGenerator {
    package let inner: any ValueGenerator
    package let language: RegexLanguage
    package let domain: ColumnDomain
    package let stream: UInt64
    /// The domain without its patterns (the language holds them).
    let rest: ColumnDomain
    /// Whether `rest` can judge a value on its bytes, decided once.
    let restDirect: Bool

    package init(inner: any ValueGenerator, language: RegexLanguage, domain: ColumnDomain, stream: UInt64) {
        self.inner = inner
        self.language = language
        self.domain = domain
        self.stream = stream
        var rest = domain
        rest.patterns = []
        rest.forbiddenPatterns = []
        self.rest = rest
        restDirect = rest.checksTextDirectly
    }

    @inline(__always) func admits(_ text: String) -> Bool {
        language.contains(text) && rest.contains(.text(text))
    }

    package func generate(row: Int64, into value: inout Value) {
        inner.generate(row: row, into: &value)
        guard value.kind == .text else { return }
        // Most values pass as written: checked on their bytes, no String.
        if restDirect, language.contains(utf8: value.bytes.bytes), rest.admits(utf8: value.bytes.bytes) == true { return }
        var text = String(decoding: value.bytes.bytes, as: UTF8.self)
        if admits(text) { return }
        if domain.lowercase { text = text.lowercased() } else if domain.uppercase { text = text.uppercased() }
        if admits(text) { value.setText(text); return }
        if let r = language.repair(text), admits(r) { value.setText(r); return }
        var rng = RowRandom(stream: stream ^ 0x7265_7061_6972, row: row)
        if let s = language.randomString(random: { rng.below($0) }) { value.setText(s) }
    }

    package var summary: String { inner.summary + " in pattern" }
}

/// Random strings of a column's language (`RegexLanguage.randomString`).
package struct LanguageGenerator: ValueGenerator {
    package let language: RegexLanguage
    package let stream: UInt64

    package init(language: RegexLanguage, stream: UInt64) {
        self.language = language
        self.stream = stream
    }

    package func generate(row: Int64, into value: inout Value) {
        var r = RowRandom(stream: stream, row: row)
        if let s = language.randomString(random: { r.below($0) }) { value.setText(s) } else { value.setNull() }
    }

    package var summary: String { "matching pattern" }
}

extension UniqueChoiceGenerator: DomainBoundedUniqueGenerator {}

extension UniqueIntegerGenerator: DomainBoundedUniqueGenerator {
    package var domainCapacity: String? { checkBounded ? capacity.map(String.init) : nil }
}

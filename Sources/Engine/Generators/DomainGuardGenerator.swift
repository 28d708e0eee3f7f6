/// A safety net around a generator for columns whose CHECKs are not fully
/// captured by construction (excluded values, letter case, blank text, time
/// bounds against `now()`): each value is verified against the column's
/// domain; a value that fails is replaced by a bounded number of alternative
/// draws (still a pure function of the row), then by a fixed value known to
/// satisfy the domain. Never used for unique columns, whose values must stay
/// a bijection of the row.
package struct DomainGuardGenerator: ValueGenerator {
    package let inner: any ValueGenerator
    package let domain: ColumnDomain
    /// The inner value's uniform: values outside the domain are few and redrawn.
    package var drivingUniform: UniformSource? { inner.drivingUniform }
    /// A value known to pass, used when the alternatives fail too.
    package let fallback: (any ValueGenerator)?
    /// Unix time for `now()`-relative bounds, fixed for the whole fill.
    package let now: Int64
    /// The column's language, when built: text is checked against its
    /// automaton (one table lookup per character) instead of running every
    /// pattern's NFA, and against `rest` for everything else.
    package let language: RegexLanguage?
    let rest: ColumnDomain
    /// Whether numbers and text can be checked on the value itself, without
    /// a String (`ColumnDomain+Bytes`), decided once.
    let numbersDirect: Bool
    let textDirect: Bool

    static let attempts: Int64 = 12

    package init(inner: any ValueGenerator, domain: ColumnDomain, fallback: (any ValueGenerator)?, now: Int64, language: RegexLanguage? = nil) {
        self.inner = inner
        self.domain = domain
        self.fallback = fallback
        self.now = now
        self.language = language
        var rest = domain
        if language != nil { rest.patterns = []; rest.forbiddenPatterns = [] }
        self.rest = rest
        numbersDirect = domain.checksNumbersDirectly
        textDirect = rest.checksTextDirectly
    }

    package func generate(row: Int64, into value: inout Value) {
        inner.generate(row: row, into: &value)
        if passes(value) { return }
        for attempt in 1...Self.attempts {
            // Alternative rows far outside any table, derived from (row, attempt).
            let alternative = Int64(bitPattern: StableHash.mix(UInt64(bitPattern: row) ^ UInt64(attempt) << 56) >> 2)
            inner.generate(row: alternative, into: &value)
            if passes(value) { return }
        }
        if let fallback { fallback.generate(row: row, into: &value) }
    }

    func passes(_ value: Value) -> Bool {
        switch value.kind {
        case .int where numbersDirect: return domain.admits(number: Double(value.int))
        case .double where numbersDirect: return domain.admits(number: value.double)
        case .text where textDirect:
            if let language, !language.contains(utf8: value.bytes.bytes) { return false }
            if let admitted = rest.admits(utf8: value.bytes.bytes) { return admitted }
        default: break
        }
        return passesAsText(value)
    }

    /// The check through `CheckValue` and `String`: what only text can answer.
    func passesAsText(_ value: Value) -> Bool {
        let v = Self.checkValue(value)
        if let language, case .text(let s) = v {
            return language.contains(s) && rest.contains(v, now: now)
        }
        return domain.contains(v, now: now)
    }

    static func checkValue(_ value: Value) -> CheckValue {
        switch value.kind {
        case .null: return .null
        case .int: return .number(Double(value.int))
        case .double: return .number(value.double)
        case .bool: return .bool(value.int != 0)
        case .text, .bytes: return .text(String(decoding: value.bytes.bytes, as: UTF8.self))
        }
    }

    package var summary: String { inner.summary + " (checked)" }
}

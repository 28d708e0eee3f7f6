/// Checks of generated values without making a String: numbers against
/// numeric bounds and lists, text (its UTF-8 bytes) against lengths, lists,
/// blanks, trimming and ASCII letter case. Requirements only text can
/// answer (patterns, times, arrays, JSON, numeric bounds on text) leave the
/// check to `contains`, which `DomainGuardGenerator` then calls.
extension ColumnDomain {
    /// Whether `admits(number:)` answers for every number.
    package var checksNumbersDirectly: Bool {
        patterns.isEmpty && forbiddenPatterns.isEmpty && minLength == nil && maxLength == nil && maxOctetLength == nil
            && timeLower.isEmpty && timeUpper.isEmpty && !isoTemporal && minCardinality == nil && maxCardinality == nil
            && jsonTypes == nil && !lowercase && !uppercase && !notBlank && !trimmed
    }

    /// Whether `admits(utf8:)` answers for every text (patterns are left to
    /// the caller's automaton).
    package var checksTextDirectly: Bool {
        patterns.isEmpty && forbiddenPatterns.isEmpty && lower == nil && upper == nil && timeLower.isEmpty && timeUpper.isEmpty
            && !isoTemporal && minCardinality == nil && maxCardinality == nil
            && (allowed ?? []).allSatisfy { if case .text = $0 { return true } else { return false } }
            && excluded.allSatisfy { if case .text = $0 { return true } else { return false } }
    }

    /// A non-NULL number against the domain (`checksNumbersDirectly`).
    package func admits(number d: Double) -> Bool {
        if mustBeNull { return false }
        func same(_ l: Literal) -> Bool {
            switch l {
            case .number(let v, _): return v == d
            case .text(let s): return Double(s) == d
            case .bool(let b): return d == (b ? 1 : 0)
            }
        }
        if let allowed, !allowed.contains(where: same) { return false }
        if excluded.contains(where: same) { return false }
        if let lower, d < lower.value || (!lower.inclusive && d == lower.value) { return false }
        if let upper, d > upper.value || (!upper.inclusive && d == upper.value) { return false }
        return true
    }

    /// A non-NULL text's UTF-8 bytes against the domain
    /// (`checksTextDirectly`); nil when letter case must be judged beyond
    /// ASCII, which only `contains` can.
    package func admits(utf8 bytes: [UInt8]) -> Bool? {
        if mustBeNull { return false }
        if let allowed, !allowed.contains(where: { $0.text.utf8.elementsEqual(bytes) }) { return false }
        if excluded.contains(where: { $0.text.utf8.elementsEqual(bytes) }) { return false }
        if minLength != nil || maxLength != nil {
            // Scalars are the bytes that do not continue a sequence.
            var length = 0
            for b in bytes where b & 0xC0 != 0x80 { length += 1 }
            if let minLength, length < minLength { return false }
            if let maxLength, length > maxLength { return false }
        }
        if let maxOctetLength, bytes.count > maxOctetLength { return false }
        if lowercase || uppercase {
            for b in bytes {
                if b >= 0x80 { return nil }
                if lowercase, b >= 0x41, b <= 0x5A { return false }
                if uppercase, b >= 0x61, b <= 0x7A { return false }
            }
        }
        if notBlank, bytes.allSatisfy({ $0 == 0x20 }) { return false }
        if trimmed, bytes.first == 0x20 || bytes.last == 0x20 { return false }
        if let jsonTypes {
            let first = bytes.first { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }
            guard let type = first.flatMap(Self.jsonType(ofFirstByte:)), jsonTypes.contains(type) else { return false }
        }
        return true
    }

    /// `jsonType(of:)` by the first non-blank byte.
    static func jsonType(ofFirstByte b: UInt8) -> String? {
        switch b {
        case UInt8(ascii: "{"): return "object"
        case UInt8(ascii: "["): return "array"
        case UInt8(ascii: "\""): return "string"
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return "boolean"
        case UInt8(ascii: "n"): return "null"
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return "number"
        default: return nil
        }
    }
}

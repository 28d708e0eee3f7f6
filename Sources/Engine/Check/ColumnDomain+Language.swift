extension ColumnDomain {
    /// What free text adds to the automaton's alphabet: the space and the
    /// accented Latin letters of realistic names (`Córdoba`).
    static let freeTextAlphabet = " " + String(String.UnicodeScalarView((0xC0...0x17F).compactMap(Unicode.Scalar.init).filter { $0.properties.isAlphabetic }))

    /// Whether text values need the automaton to be generated inside the
    /// domain: patterns, forbidden patterns or values, upper case, a minimum
    /// length, trimming or a byte limit (a lowercase rule or a maximum length
    /// alone are met by the ordinary text generators).
    package var needsTextLanguage: Bool {
        !patterns.isEmpty || !forbiddenPatterns.isEmpty || excluded.contains { if case .text = $0 { return true } else { return false } }
            || uppercase || (minLength ?? 0) > 0 || trimmed || notBlank || maxOctetLength != nil
    }

    /// The strings of the domain as an automaton (see `RegexLanguage`):
    /// every pattern, minus forbidden patterns, excluded values and
    /// untrimmed or blank text, in the letter case and lengths required.
    /// nil when a pattern cannot be compiled, the automaton is too large, or
    /// the domain has requirements an automaton does not capture (numeric
    /// or time bounds), or no string is left.
    /// - Parameters:
    ///   - typeLimit: the column type's length limit (varchar(n)).
    ///   - exactLength: char(n): every value has this length.
    ///   - caseInsensitiveKeys: distinct values must differ beyond letter
    ///     case (citext): letters are kept to one case.
    ///   - freeText: spaces are allowed when no pattern says otherwise (free
    ///     text that is not a key: keys avoid spaces, which `char(n)`
    ///     comparison ignores at the end).
    package func textLanguage(typeLimit: Int?, exactLength: Int? = nil, caseInsensitiveKeys: Bool = false, freeText: Bool = false) -> RegexLanguage? {
        guard !mustBeNull, lower == nil, upper == nil, timeLower.isEmpty, timeUpper.isEmpty, !isoTemporal else { return nil }
        var positive: [RegexProgram] = []
        for p in patterns {
            guard let c = p.compiled() else { return nil }
            positive.append(c)
        }
        var negative: [RegexProgram] = []
        for p in forbiddenPatterns {
            guard let c = p.compiled() else { return nil }
            negative.append(c)
        }
        for case .text(let s) in excluded {
            if let c = try? RegexProgram(.concat([.start, .literal(s), .end]), caseInsensitive: false) { negative.append(c) }
        }
        let space = RegexNode.set(.literal(" "))
        if trimmed, let c = try? RegexProgram(.alternation([.concat([.start, space]), .concat([space, .end])]), caseInsensitive: false) {
            negative.append(c)
        }
        if notBlank, let c = try? RegexProgram(.concat([.start, .repetition(space, min: 0, max: nil), .end]), caseInsensitive: false) {
            negative.append(c)
        }
        var minL = max(minLength ?? 0, notBlank ? 1 : 0)
        var maxL = [maxLength, maxOctetLength, typeLimit].compactMap { $0 }.min()
        if let exactLength {
            minL = max(minL, exactLength)
            maxL = min(maxL ?? exactLength, exactLength)
        }
        var cases: [SimplePattern.LetterCase] = [lowercase ? .lower : (uppercase ? .upper : .any)]
        if caseInsensitiveKeys, cases[0] == .any { cases = [.lower, .upper] }
        for letterCase in cases {
            if let l = RegexLanguage(positive: positive, negative: negative, letterCase: letterCase, minLength: minL, maxLength: maxL,
                                     extraAlphabet: freeText && positive.isEmpty ? Self.freeTextAlphabet : ""), !l.isEmpty {
                return l
            }
        }
        return nil
    }
}

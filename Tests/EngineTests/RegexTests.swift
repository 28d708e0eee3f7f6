import Testing
@testable import Engine

/// The regular expression engine: parser, NFA matcher, generators and the
/// bijection from indices into a language.
@Suite struct RegexTests {
    static func program(_ text: String, ci: Bool = false) throws -> RegexProgram {
        let (node, embedded) = try RegexSyntaxParser.parse(text)
        return try RegexProgram(node, caseInsensitive: ci || embedded)
    }

    static let matchCases: [(String, String, Bool)] = [
        ("^[0-9]{14}$", "20240101120000", true),
        ("^[0-9]{14}$", "2024010112000", false),
        ("^[a-zA-Z]([_]?[a-zA-Z0-9])+$", "bruce_graham20", true),
        ("^[a-zA-Z]([_]?[a-zA-Z0-9])+$", "bruce.graham20", false),
        ("^[a-zA-Z]([_]?[a-zA-Z0-9])+$", "bruce__graham", false),
        ("^[a-zA-Z]([_]?[a-zA-Z0-9])+$", "b_", false),
        ("^https?://[^/]+", "https://example.com/x", true),
        ("^https?://[^/]+", "ftp://example.com", false),
        ("[^@]+@[^@]+\\.[^@]+", "ann@example.org", true),
        ("[^@]+@[^@]+\\.[^@]+", "ann@example", false),
        ("abc", "xxabcxx", true),
        ("^(foo|bar)+$", "foobarfoo", true),
        ("^(foo|bar)+$", "foobaz", false),
        ("^(?:ab){2,3}$", "ababab", true),
        ("^(?:ab){2,3}$", "ab", false),
        ("^[[:upper:]][[:lower:]]+$", "Alice", true),
        ("^[[:alnum:]_]*$", "a_1", true),
        ("^\\d{3}-\\d{4}$", "555-1234", true),
        ("^\\w+\\s\\w+$", "hello world", true),
        ("^\\S+$", "hello world", false),
        ("^a|b$", "ax", true),
        ("^a|b$", "xb", true),
        ("^a|b$", "xa", false),
        ("^(a|ab)(c|bcd)(d*)$", "abcd", true),
        ("^[^[:space:]]+$", "a b", false),
        ("", "anything", true),
        ("^$", "", true),
        ("^x*$", "", true),
    ]

    @Test func matcherAgreesWithPostgreSQLSemantics() throws {
        for (re, text, expected) in Self.matchCases {
            #expect(try Self.program(re).matches(text) == expected, "\(re) on '\(text)'")
        }
        #expect(try Self.program("^[a-z]+$", ci: true).matches("AbC"))
        #expect(try Self.program("(?i)^[a-z]+$").matches("AbC"))
        #expect(try !Self.program("^[a-z]+$").matches("AbC"))
    }

    @Test func refusesWhatIsNotRegular() {
        for re in ["(a)\\1", "(?=a)", "a\\yb", "[[.a.]]", "(ab", "ab)", "x{2000}"] {
            #expect(throws: SimplePattern.UnsupportedPattern.self, "\(re)") { _ = try Self.program(re) }
        }
    }

    @Test func randomStringsMatch() throws {
        var r = RowRandom(stream: 7, row: 1)
        for (re, _, _) in Self.matchCases {
            let p = try Self.program(re)
            guard let lang = RegexLanguage(positive: [p], negative: [], maxLength: 40) else {
                Issue.record("no language for \(re)"); continue
            }
            for _ in 0..<50 {
                let s = try #require(lang.randomString { r.below($0) }, "\(re)")
                #expect(p.matches(s), "\(re) generated '\(s)'")
                #expect(s.unicodeScalars.count <= 40)
            }
        }
    }

    @Test func capacityIsExactOnSmallLanguages() throws {
        func lang(_ re: String, min: Int = 0, max: Int? = nil, negative: [String] = [], letterCase: SimplePattern.LetterCase = .any) throws -> RegexLanguage {
            try #require(RegexLanguage(positive: [try Self.program(re)], negative: try negative.map { try Self.program($0) },
                                       letterCase: letterCase, minLength: min, maxLength: max))
        }
        #expect(try lang("^[0-9]{3}$").capacity == 1000)
        #expect(try lang("^[ab]{1,3}$").capacity == 2 + 4 + 8)
        #expect(try lang("^(foo|bar|foobar)$").capacity == 3)
        // Ambiguous branches are counted once: `a|a` has one string.
        #expect(try lang("^(a|a)(b|b)$").capacity == 1)
        #expect(try lang("^[a-c]+$", max: 2).capacity == 3 + 9)
        #expect(try lang("^[a-c]+$", min: 2, max: 2).capacity == 9)
        #expect(try lang("^[a-cA-C]$", letterCase: .lower).capacity == 3)
        // First digit 1-9 without 7, second 0-9 without 7.
        #expect(try lang("^[0-9]{2}$", negative: ["^0", "7"]).capacity == 8 * 9)
        #expect(try lang("^[0-9]{14}$").capacity == 100_000_000_000_000)
        #expect(try lang("^[a-z]+$").capacity == nil) // unbounded
    }

    @Test func nthStringsAreDistinctAndMatch() throws {
        let p = try Self.program("^[a-zA-Z]([_]?[a-zA-Z0-9])+$")
        let lang = try #require(RegexLanguage(positive: [p], negative: [], minLength: 2, maxLength: 24))
        var seen = Set<String>()
        let perm = Permutation(count: 1_000_000, key: 3)
        for i in 0..<5000 as Range<UInt64> {
            let s = lang.string(index: perm.apply(i))
            #expect(p.matches(s) && (2...24).contains(s.count), "'\(s)'")
            #expect(seen.insert(s).inserted, "duplicate '\(s)'")
        }
        // Exhaustive on a small language: every index a distinct member.
        let small = try #require(RegexLanguage(positive: [try Self.program("^(x|y[0-2]){1,3}$")], negative: []))
        let total = try #require(small.capacity)
        let all = Set((0..<total).map { small.string(index: $0) })
        #expect(all.count == Int(total))
        #expect(all.allSatisfy { small.contains($0) })
    }

    @Test func repairKeepsTheRealisticPart() throws {
        let p = try Self.program("^[a-zA-Z]([_]?[a-zA-Z0-9])+$")
        let lang = try #require(RegexLanguage(positive: [p], negative: [], minLength: 2, maxLength: 24))
        #expect(lang.repair("bruce.graham20") == "bruce_graham20")
        #expect(lang.repair("x") .map(p.matches) == true)
        let lower = try #require(RegexLanguage(positive: [], negative: [], letterCase: .lower, maxLength: 40))
        #expect(lower.repair("Harbor") == "harbor")
    }
}

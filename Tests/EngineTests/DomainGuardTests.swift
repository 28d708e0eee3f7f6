import Testing
import SchemaModel
@testable import Engine

/// The guard checks numbers and text on the value's own bytes where it can;
/// it must agree with the String path on every value.
@Suite struct DomainGuardTests {
    static func domain(_ check: String, column: String = "v") -> ColumnDomain {
        DomainDeriver.derive(checks: [(name: nil, expression: check)], columns: [column]).domains[column] ?? ColumnDomain()
    }

    static let numbers: [Double] = [-5, -0.5, 0, 0.5, 1, 2, 3, 4.99, 5, 10, 99.99, 100, 100.01, 1e9]
    static let texts = ["", " ", "  ", "a", "A", "ab", " ab", "ab ", "abc", "ABC", "Ab", "new", "done", "ÉTÉ", "été", "日本",
                        "{\"a\":1}", "[1]", "12", "true", "x-1", "abcdefghijkl"]

    @Test(arguments: [
        "v > 0 AND v <= 100", "v BETWEEN 1 AND 10", "v IN (1, 2, 4.99)", "v <> 5 AND v >= 0", "v IN ('1', '2')", "v < 0 OR v > 99",
    ])
    func numbersAgreeWithTheTextPath(check: String) {
        let d = Self.domain(check)
        #expect(d.checksNumbersDirectly, "\(check) is checked on the number")
        let guarded = DomainGuardGenerator(inner: NullGenerator(), domain: d, fallback: nil, now: 0)
        var value = Value()
        for n in Self.numbers {
            value.setDouble(n)
            #expect(guarded.passes(value) == guarded.passesAsText(value), "\(check) on \(n)")
            if n == n.rounded(), abs(n) < 1e12 {
                value.setInt(Int64(n))
                #expect(guarded.passes(value) == guarded.passesAsText(value), "\(check) on \(Int64(n))")
            }
        }
    }

    @Test(arguments: [
        "length(v) BETWEEN 2 AND 3", "v = lower(v)", "v = upper(v)", "v <> ''", "btrim(v) <> ''", "v = btrim(v)",
        "v IN ('new', 'done')", "v NOT IN ('ab', 'abc')", "octet_length(v) <= 3", "char_length(v) <= 2 AND v <> 'Ab'",
    ])
    func textAgreesWithTheStringPath(check: String) {
        let d = Self.domain(check)
        let guarded = DomainGuardGenerator(inner: NullGenerator(), domain: d, fallback: nil, now: 0)
        #expect(guarded.textDirect, "\(check) is checked on the bytes")
        var value = Value()
        for t in Self.texts {
            value.setText(t)
            #expect(guarded.passes(value) == guarded.passesAsText(value), "\(check) on '\(t)'")
        }
    }

    @Test func patternsGoThroughTheAutomatonOnBytes() throws {
        let d = Self.domain("v ~ '^[a-z]{2,3}$'")
        let language = try #require(d.textLanguage(typeLimit: 20, caseInsensitiveKeys: false, freeText: true))
        let guarded = DomainGuardGenerator(inner: NullGenerator(), domain: d, fallback: nil, now: 0, language: language)
        var value = Value()
        for t in Self.texts {
            value.setText(t)
            #expect(guarded.passes(value) == guarded.passesAsText(value), "pattern on '\(t)'")
            #expect(language.contains(utf8: Array(t.utf8)) == language.contains(t))
        }
    }

    /// Characters no pattern names (accents, punctuation) are one class of
    /// the automaton: free text under `btrim(v) <> ''` passes as written.
    @Test func charactersOutsideThePatternsAlphabetAreKeptNotRepaired() throws {
        let d = Self.domain("btrim(v) <> ''")
        let language = try #require(d.textLanguage(typeLimit: nil, caseInsensitiveKeys: false, freeText: true))
        for note in ["Left a message for Léa, on Wednesday.", "Naïve “quotes” & 日本 — fine!", "x"] {
            #expect(language.contains(note), "\(note)")
            #expect(language.contains(utf8: Array(note.utf8)))
            #expect(language.repair(note) == note)
        }
        #expect(!language.contains("   "), "blank text still fails")
        let lower = try #require(RegexLanguage(positive: [], negative: [], letterCase: .lower, maxLength: 40))
        #expect(lower.contains("été") && !lower.contains("Été") && !lower.contains("Harbor"))
    }
}

import Testing
@testable import Engine

/// Column domains as automata, the unique generators built on them, and the
/// function CHECKs the deriver and evaluator understand.
@Suite struct DomainLanguageTests {
    static func domain(_ checks: [String], _ column: String = "x") -> ColumnDomain {
        DomainDeriver.derive(checks: checks.map { (name: nil, expression: $0) }, columns: [column, "y"]).domain(column)
    }

    @Test func languageHoldsEveryTextRequirement() throws {
        let d = Self.domain(["x ~ '^[a-c]{1,2}$'", "x NOT IN ('a', 'bb')", "x !~ 'c$'"])
        let lang = try #require(d.textLanguage(typeLimit: nil))
        // 3 + 9 strings, minus a, bb, and the 4 ending in c (c, ac, bc, cc).
        #expect(lang.capacity == 12 - 2 - 4)
        for i in 0..<UInt64(6) { #expect(d.contains(.text(lang.string(index: i)))) }
        let trimmed = Self.domain(["btrim(x) = x", "length(x) = 2", "upper(x) = x"])
        let t = try #require(trimmed.textLanguage(typeLimit: nil, freeText: true))
        var r = RowRandom(stream: 1, row: 1)
        for _ in 0..<200 {
            let s = try #require(t.randomString { r.below($0) })
            #expect(trimmed.contains(.text(s)) && s.uppercased() == s, "'\(s)'")
        }
    }

    @Test func caseInsensitiveKeysKeepOneLetterCase() throws {
        let d = Self.domain(["x ~ '^[a-zA-Z]{2}$'"])
        #expect(try #require(d.textLanguage(typeLimit: nil)).capacity == 52 * 52)
        #expect(try #require(d.textLanguage(typeLimit: nil, caseInsensitiveKeys: true)).capacity == 26 * 26)
    }

    @Test func uniqueSemanticValuesStayDistinctAndInside() throws {
        let d = Self.domain(["length(x) >= 2 AND length(x) <= 24 AND x ~ '^[a-zA-Z]([_]?[a-zA-Z0-9])+$'"])
        let lang = try #require(d.textLanguage(typeLimit: nil, caseInsensitiveKeys: true))
        // An inner generator that is far from the pattern and repeats itself.
        let inner = ConstantGenerator("bruce.graham")
        let g = try #require(UniqueSemanticLanguageGenerator(semantic: inner, language: lang, rows: 5000, key: 9, innerIsUnique: false))
        var seen = Set<String>()
        var v = Value()
        for row in 0..<Int64(5000) {
            g.generate(row: row, into: &v)
            let s = String(decoding: v.bytes.bytes, as: UTF8.self)
            #expect(d.contains(.text(s)), "'\(s)'")
            #expect(seen.insert(s.lowercased()).inserted, "duplicate '\(s)'")
            if row == 0 { #expect(s.hasPrefix("bruce_graham")) }
        }
        // The n-th string generator: distinct, inside, capacity exact.
        let small = Self.domain(["x ~ '^v[0-9]{2}$'"])
        let smallLanguage = try #require(small.textLanguage(typeLimit: 3))
        let u = try #require(UniqueLanguageGenerator(language: smallLanguage, rows: 100, key: 4))
        #expect(u.capacity == 100)
        let all = Set((0..<Int64(100)).map { row -> String in u.generate(row: row, into: &v); return String(decoding: v.bytes.bytes, as: UTF8.self) })
        #expect(all.count == 100 && all.allSatisfy { small.contains(.text($0)) })
    }

    @Test func functionChecksBecomeDomains() {
        #expect(Self.domain(["jsonb_typeof(x) = 'array'"]).jsonTypes == ["array"])
        #expect(Self.domain(["json_typeof(x) <> 'null'"]).jsonTypes == ["object", "array", "string", "number", "boolean"])
        #expect(Self.domain(["jsonb_typeof(x) IN ('object', 'array')"]).jsonTypes == ["object", "array"])
        let a = Self.domain(["cardinality(x) > 0", "array_length(x, 1) <= 3"])
        #expect(a.minCardinality == 1 && a.maxCardinality == 3)
        #expect(a.contains(.text("{a,b}")) && !a.contains(.text("{}")) && !a.contains(.text("{1,2,3,4}")))
        let l = Self.domain(["LEAST(x, 100) >= 5", "GREATEST(x, 0) <= 50"])
        #expect(l.lower?.value == 5 && l.upper?.value == 50)
        let m = Self.domain(["max(x, 0) <= 40"])
        #expect(m.upper?.value == 40)
        #expect(Self.domain(["x::citext = lower(x::text)::citext"]).lowercase)
        #expect(Self.domain(["(x)::text = lower((x)::text)"]).lowercase)
    }

    @Test func evaluatorKnowsTheFunctions() throws {
        func truth(_ e: String, _ v: CheckValue) throws -> Bool? {
            CheckEvaluator.evaluate(try CheckParser.parse(e), row: ["x": v], now: 0)
        }
        #expect(try truth("jsonb_typeof(x) = 'object'", .text("{\"a\": 1}")) == true)
        #expect(try truth("jsonb_typeof(x) = 'object'", .text("[1]")) == false)
        #expect(try truth("cardinality(x) > 0", .text("{}")) == false)
        #expect(try truth("cardinality(x) = 2", .text("{a,\"b c\"}")) == true)
        // array_length of an empty array is NULL: the CHECK passes.
        #expect(CheckEvaluator.passes(try CheckParser.parse("array_length(x, 1) > 0"), row: ["x": .text("{}")], now: 0) == true)
        #expect(try truth("LEAST(x, 3) = 3", .number(7)) == true)
        #expect(try truth("x ~ '^(ab|cd)+$'", .text("abcd")) == true)
        #expect(try truth("x !~* '^AB'", .text("abc")) == false)
    }
}

import Testing
@testable import Engine
import SchemaModel

// MARK: - Helpers

private func derive(
    _ checks: [String], columns: [String],
    domainChecks: [(column: String, expression: String)] = [], nonNullable: Set<String> = []
) -> DerivedConstraints {
    DomainDeriver.derive(checks: checks.map { (name: nil, expression: $0) }, columns: columns,
                         domainChecks: domainChecks, nonNullable: nonNullable)
}

private func domain(_ build: (inout ColumnDomain) -> Void) -> ColumnDomain {
    var d = ColumnDomain()
    build(&d)
    return d
}

private func bound(_ v: Double, _ inclusive: Bool, _ text: String? = nil) -> ColumnDomain.NumericBound {
    ColumnDomain.NumericBound(v, inclusive: inclusive, text: text)
}

private func col(_ name: String, quoted: Bool = false) -> CheckExpression { .column(name, quoted: quoted) }
private func num(_ v: Double, _ text: String) -> CheckExpression { .number(v, text: text) }

/// SplitMix64, for reproducible draws.
private struct SplitMix {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
    mutating func below(_ n: UInt64) -> UInt64 { n == 0 ? 0 : next() % n }
}

/// 2024-03-15 12:00:00 UTC.
private let fixedNow: Int64 = CivilDate.days(year: 2024, month: 3, day: 15) * 86_400 + 12 * 3600

@Suite struct CheckTests {
    // MARK: Parsing

    static let examples: [String] = [
        "(rental_rate >= 0::numeric)",
        "release_year >= 1901 AND release_year <= 2155",
        "VALUE >= 1901 AND VALUE <= 2155",
        "rating = ANY (ARRAY['G'::mpaa_rating, 'PG'::mpaa_rating])",
        "gender = ANY (ARRAY['M'::bpchar, 'F'::bpchar])",
        "(status)::text = ANY ((ARRAY['a'::character varying, 'b'::character varying])::text[])",
        "gender IN ('M','F')",
        "\"Quantity\" > 0",
        "[UnitPrice] >= 0",
        "length(code) = 3",
        "Discount BETWEEN 0 AND 1",
        "active IN (0, 1)",
        "char_length(name) <= 50",
        "length(x) >= 2",
        "octet_length(x) < 100",
        "x IS NOT NULL",
        "num_nonnulls(a, b) = 1",
        "num_nulls(a,b,c) >= 1",
        "end_date > start_date",
        "return_date >= rental_date",
        "\"to_date\" >= from_date",
        "a > 0 AND (b < 1 OR NOT c = 2)",
        "x ~ '^[A-Z]{3}$'",
        "x ~* '^[a-z]+$'",
        "x LIKE 'ABC%'",
        "x NOT LIKE 'ABC%'",
        "x::integer > 0",
        "CAST(x AS integer) > 0",
        "upper(code) = ANY (ARRAY['AB', 'CD'])",
        "lower(x) = x",
        "created_at <= now()",
        "d > CURRENT_DATE - 30",
        "x <> ''",
        "btrim(x) <> ''",
        "x IS NULL OR x > 0",
        "price > 0 AND price < 1000000",
        "percent BETWEEN 0 AND 100",
        "x > -5",
        "x >= 0.25",
        "flag = TRUE",
        "flag <> FALSE",
        "d >= '2020-01-01'::date",
        "x % 2 = 0",
        // As PostgreSQL prints them.
        "((price > (0)::numeric))",
        "(x >= '-1'::integer)",
        "((x)::text ~~ 'AB%'::text)",
        "((x)::text !~~* 'ab%'::text)",
        "(created_at > (now() - '30 days'::interval))",
        "(d >= '2020-01-01 00:00:00'::timestamp without time zone)",
        "x <> ALL (ARRAY[1, 2])",
        "x = ANY ('{a,b}'::text[])",
        "CURRENT_TIMESTAMP >= created_at",
        "EXTRACT(year FROM d) >= 2000",
        "TRIM(BOTH FROM x) <> ''",
        "CASE WHEN a > 0 THEN b > 0 ELSE true END",
        "x IS TRUE",
        "x IS DISTINCT FROM 5",
        "x NOT IN ('a', 'b')",
        "NOT (x IN (1, 2))",
        "x COLLATE \"C\" > 'a'",
        "E'\\\\d' IS NOT NULL",
        "x = ANY (ARRAY['a]b', 'c'])",
        "typeof(x) = 'integer'",
        "date(d) IS NOT NULL",
        "x ISNULL OR x NOTNULL",
    ]

    @Test(arguments: examples)
    func everyExampleParses(_ text: String) throws {
        _ = try CheckParser.parse(text)
    }

    @Test func astShapes() throws {
        #expect(try CheckParser.parse("(rental_rate >= 0::numeric)")
            == .comparison(.greaterOrEqual, col("rental_rate"), .cast(num(0, "0"), type: "numeric")))
        #expect(try CheckParser.parse("rating = ANY (ARRAY['G'::mpaa_rating, 'PG'::mpaa_rating])")
            == .inList(col("rating"), [.cast(.string("G"), type: "mpaa_rating"), .cast(.string("PG"), type: "mpaa_rating")], negated: false))
        #expect(try CheckParser.parse("(status)::text = ANY ((ARRAY['a'::character varying, 'b'::character varying])::text[])")
            == .inList(.cast(col("status"), type: "text"),
                       [.cast(.string("a"), type: "character varying"), .cast(.string("b"), type: "character varying")], negated: false))
        #expect(try CheckParser.parse("x <> ALL (ARRAY[1, 2])") == .inList(col("x"), [num(1, "1"), num(2, "2")], negated: true))
        #expect(try CheckParser.parse("x = ANY ('{a,\"b c\"}'::text[])") == .inList(col("x"), [.string("a"), .string("b c")], negated: false))
        #expect(try CheckParser.parse("x = ANY ('{1,2}'::integer[])") == .inList(col("x"), [num(1, "1"), num(2, "2")], negated: false))
        #expect(try CheckParser.parse("x = ANY (ARRAY['a]b', 'c'])") == .inList(col("x"), [.string("a]b"), .string("c")], negated: false))
        #expect(try CheckParser.parse("\"Quantity\" > 0") == .comparison(.greater, col("Quantity", quoted: true), num(0, "0")))
        #expect(try CheckParser.parse("[UnitPrice] >= 0") == .comparison(.greaterOrEqual, col("UnitPrice", quoted: true), num(0, "0")))
        #expect(try CheckParser.parse("t.x > 1") == .comparison(.greater, col("x"), num(1, "1")))
        #expect(try CheckParser.parse("x > -5") == .comparison(.greater, col("x"), num(-5, "-5")))
        #expect(try CheckParser.parse("x > - y") == .comparison(.greater, col("x"), .negate(col("y"))))
        #expect(try CheckParser.parse("x >= 1.50") == .comparison(.greaterOrEqual, col("x"), num(1.5, "1.50")))
        #expect(try CheckParser.parse("x IS NOT NULL") == .isNull(col("x"), negated: true))
        #expect(try CheckParser.parse("x NOTNULL") == .isNull(col("x"), negated: true))
        #expect(try CheckParser.parse("x NOT NULL") == .isNull(col("x"), negated: true))
        #expect(try CheckParser.parse("x IS TRUE") == .isDistinct(col("x"), .bool(true), negated: true))
        #expect(try CheckParser.parse("x IS NOT b") == .isDistinct(col("x"), col("b"), negated: false))
        #expect(try CheckParser.parse("x NOT LIKE 'a%'") == .match(.like, col("x"), pattern: .string("a%"), negated: true))
        #expect(try CheckParser.parse("x ~~ 'a%'") == .match(.like, col("x"), pattern: .string("a%"), negated: false))
        #expect(try CheckParser.parse("x !~~* 'a%'") == .match(.ilike, col("x"), pattern: .string("a%"), negated: true))
        #expect(try CheckParser.parse("x !~* 'a'") == .match(.regexCaseInsensitive, col("x"), pattern: .string("a"), negated: true))
        #expect(try CheckParser.parse("x GLOB '[0-9]*'") == .match(.glob, col("x"), pattern: .string("[0-9]*"), negated: false))
        #expect(try CheckParser.parse("CAST(x AS character varying(10)) = 'a'")
            == .comparison(.equal, .cast(col("x"), type: "character varying(10)"), .string("a")))
        #expect(try CheckParser.parse("x::timestamp(3) without time zone > y::double precision")
            == .comparison(.greater, .cast(col("x"), type: "timestamp(3) without time zone"), .cast(col("y"), type: "double precision")))
        #expect(try CheckParser.parse("now()") == .currentTime(.timestamp))
        #expect(try CheckParser.parse("CURRENT_TIMESTAMP") == .currentTime(.timestamp))
        #expect(try CheckParser.parse("d > CURRENT_DATE - 30")
            == .comparison(.greater, col("d"), .arithmetic(.subtract, .currentTime(.date), num(30, "30"))))
        #expect(try CheckParser.parse("TRIM(x) <> ''") == .comparison(.notEqual, .function("btrim", [col("x")]), .string("")))
        #expect(try CheckParser.parse("pg_catalog.btrim(x) <> ''") == .comparison(.notEqual, .function("btrim", [col("x")]), .string("")))
        #expect(try CheckParser.parse("DATE '2020-01-01' < d") == .comparison(.less, .cast(.string("2020-01-01"), type: "date"), col("d")))
        #expect(try CheckParser.parse("date > 0") == .comparison(.greater, col("date"), num(0, "0")))
        #expect(try CheckParser.parse("E'a\\nb' = x") == .comparison(.equal, .string("a\nb"), col("x")))
        #expect(try CheckParser.parse("x = 'it''s'") == .comparison(.equal, col("x"), .string("it's")))
        // pg_get_constraintdef's suffixes after the parentheses.
        #expect(try CheckParser.parse("(x > 0) NOT VALID") == .comparison(.greater, col("x"), num(0, "0")))
        #expect(try CheckParser.parse("(x > 0) NO INHERIT") == .comparison(.greater, col("x"), num(0, "0")))
        // As PostgreSQL prints a CASE.
        #expect(try CheckParser.parse("\nCASE\n    WHEN v > 0 THEN v < 10\n    ELSE true\nEND")
            == .caseWhen(operand: nil, conditions: [.comparison(.greater, col("v"), num(0, "0"))],
                         results: [.comparison(.less, col("v"), num(10, "10"))], otherwise: .bool(true)))
        #expect(try CheckParser.parse("POSITION(('z'::text) IN (w)) = 0")
            == .comparison(.equal, .function("position", [.cast(.string("z"), type: "text"), col("w")]), num(0, "0")))
        #expect(try CheckParser.parse("SUBSTRING(w FROM 1 FOR 2) <> 'x'::text")
            == .comparison(.notEqual, .function("substring", [col("w"), num(1, "1"), num(2, "2")]), .cast(.string("x"), type: "text")))
        #expect(try CheckParser.parse("VALUE::text = ANY (ARRAY['YES'::character varying, 'NO'::character varying]::text[])")
            == .inList(.cast(col("VALUE"), type: "text"),
                       [.cast(.string("YES"), type: "character varying"), .cast(.string("NO"), type: "character varying")], negated: false))
        #expect(try CheckParser.parse("v = ANY (ARRAY[1, 2, NULL::integer])")
            == .inList(col("v"), [num(1, "1"), num(2, "2"), .cast(.null, type: "integer")], negated: false))
    }

    @Test func precedence() throws {
        let a1 = CheckExpression.comparison(.equal, col("a"), num(1, "1"))
        let b2 = CheckExpression.comparison(.equal, col("b"), num(2, "2"))
        let c3 = CheckExpression.comparison(.equal, col("c"), num(3, "3"))
        #expect(try CheckParser.parse("a = 1 OR b = 2 AND c = 3") == .or(a1, .and(b2, c3)))
        #expect(try CheckParser.parse("(a = 1 OR b = 2) AND c = 3") == .and(.or(a1, b2), c3))
        #expect(try CheckParser.parse("NOT a = 1 AND b = 2") == .and(.not(a1), b2))
        #expect(try CheckParser.parse("NOT a IS NULL") == .not(.isNull(col("a"), negated: false)))
        #expect(try CheckParser.parse("x BETWEEN 1 AND 2 AND y = 3")
            == .and(.between(col("x"), low: num(1, "1"), high: num(2, "2"), negated: false), .comparison(.equal, col("y"), num(3, "3"))))
        #expect(try CheckParser.parse("a + b * c > 1")
            == .comparison(.greater, .arithmetic(.add, col("a"), .arithmetic(.multiply, col("b"), col("c"))), num(1, "1")))
        #expect(try CheckParser.parse("a - b - c = 0")
            == .comparison(.equal, .arithmetic(.subtract, .arithmetic(.subtract, col("a"), col("b")), col("c")), num(0, "0")))
        #expect(try CheckParser.parse("a || b = 'xy'") == .comparison(.equal, .arithmetic(.concat, col("a"), col("b")), .string("xy")))
        #expect(try CheckParser.parse("-x::int") == .negate(.cast(col("x"), type: "int")))
        #expect(try CheckParser.parse("x % 2 = 0") == .comparison(.equal, .arithmetic(.modulo, col("x"), num(2, "2")), num(0, "0")))
    }

    @Test func malformedInputReportsPosition() {
        func failure(_ text: String) -> CheckParseError? {
            do {
                _ = try CheckParser.parse(text)
                return nil
            } catch let e as CheckParseError {
                return e
            } catch {
                return nil
            }
        }
        let a = failure("a >")
        #expect(a?.position == 4)
        #expect(a?.atEnd == true)
        #expect(a?.message.contains("position 4") == true)
        #expect(a?.message.contains("expected an expression") == true)

        let b = failure("(a > 1")
        #expect(b?.position == 7)
        #expect(b?.message.contains("position 7") == true)
        #expect(b?.message.contains("from position 1") == true)
        #expect(b?.message.contains("expected ')'") == true)

        let c = failure("a > 1)")
        #expect(c?.position == 6)
        #expect(c?.message == "unexpected ')' at position 6")

        let d = failure("a > > 1")
        #expect(d?.position == 5)
        #expect(d?.message.contains("position 5") == true)

        let e = failure("a IN (1, 2")
        #expect(e?.message.contains("IN list from position 6") == true)

        let f = failure("x = ANY (ARRAY[1, 2]")
        #expect(f?.message.contains("position") == true)

        // Positions count characters, not bytes.
        let g = failure("'é' = ")
        #expect(g?.position == 7)

        #expect(failure("") != nil)
        #expect(failure("a BETWEEN 1") != nil)
        #expect(failure("x > ANY (ARRAY[1])") != nil)
        #expect(failure("x IN (SELECT 1)")?.reason.contains("subqueries") == true)
        #expect(failure("CASE WHEN a THEN b")?.message.contains("CASE from position 1") == true)
    }

    // MARK: Derivation, one example at a time

    struct Expectation: Sendable, CustomStringConvertible {
        var check: String
        var domains: [String: ColumnDomain]
        var orders: [ColumnOrder] = []
        var groups: [NullCountGroup] = []
        var description: String { check }
    }

    static let allColumns = [
        "rental_rate", "release_year", "rating", "gender", "status", "Quantity", "UnitPrice", "code", "Discount", "active",
        "name", "x", "a", "b", "c", "end_date", "start_date", "return_date", "rental_date", "to_date", "from_date",
        "created_at", "d", "price", "percent", "flag",
    ]

    static let expectations: [Expectation] = [
        .init(check: "(rental_rate >= 0::numeric)", domains: ["rental_rate": domain { $0.lower = bound(0, true) }]),
        .init(check: "release_year >= 1901 AND release_year <= 2155",
              domains: ["release_year": domain { $0.lower = bound(1901, true); $0.upper = bound(2155, true) }]),
        .init(check: "rating = ANY (ARRAY['G'::mpaa_rating, 'PG'::mpaa_rating])",
              domains: ["rating": domain { $0.allowed = [.text("G"), .text("PG")] }]),
        .init(check: "gender = ANY (ARRAY['M'::bpchar, 'F'::bpchar])", domains: ["gender": domain { $0.allowed = [.text("M"), .text("F")] }]),
        .init(check: "(status)::text = ANY ((ARRAY['a'::character varying, 'b'::character varying])::text[])",
              domains: ["status": domain { $0.allowed = [.text("a"), .text("b")] }]),
        .init(check: "gender IN ('M','F')", domains: ["gender": domain { $0.allowed = [.text("M"), .text("F")] }]),
        .init(check: "\"Quantity\" > 0", domains: ["Quantity": domain { $0.lower = bound(0, false) }]),
        .init(check: "[UnitPrice] >= 0", domains: ["UnitPrice": domain { $0.lower = bound(0, true) }]),
        .init(check: "length(code) = 3", domains: ["code": domain { $0.minLength = 3; $0.maxLength = 3 }]),
        .init(check: "Discount BETWEEN 0 AND 1", domains: ["Discount": domain { $0.lower = bound(0, true); $0.upper = bound(1, true) }]),
        .init(check: "active IN (0, 1)", domains: ["active": domain { $0.allowed = [.number(0, text: "0"), .number(1, text: "1")] }]),
        .init(check: "char_length(name) <= 50", domains: ["name": domain { $0.maxLength = 50 }]),
        .init(check: "char_length((name)::text) <= 50", domains: ["name": domain { $0.maxLength = 50 }]),
        .init(check: "length(x) >= 2", domains: ["x": domain { $0.minLength = 2 }]),
        .init(check: "length(x) > 0", domains: ["x": domain { $0.minLength = 1 }]),
        .init(check: "octet_length(x) < 100", domains: ["x": domain { $0.maxOctetLength = 99 }]),
        .init(check: "octet_length(x) >= 4", domains: ["x": domain { $0.minLength = 4 }]),
        .init(check: "x IS NOT NULL", domains: ["x": domain { $0.notNull = true }]),
        .init(check: "x IS NULL", domains: ["x": domain { $0.mustBeNull = true }]),
        .init(check: "num_nonnulls(a, b) = 1", domains: [:], groups: [NullCountGroup(columns: ["a", "b"], minNonNull: 1, maxNonNull: 1)]),
        .init(check: "num_nulls(a,b,c) >= 1", domains: [:], groups: [NullCountGroup(columns: ["a", "b", "c"], minNonNull: 0, maxNonNull: 2)]),
        .init(check: "num_nonnulls(a, b, c) >= 2", domains: [:], groups: [NullCountGroup(columns: ["a", "b", "c"], minNonNull: 2, maxNonNull: 3)]),
        .init(check: "(a IS NOT NULL) + (b IS NOT NULL) = 1", domains: [:],
              groups: [NullCountGroup(columns: ["a", "b"], minNonNull: 1, maxNonNull: 1)]),
        .init(check: "a IS NULL OR b IS NULL", domains: [:], groups: [NullCountGroup(columns: ["a", "b"], minNonNull: 0, maxNonNull: 1)]),
        .init(check: "num_nonnulls(a) = 1", domains: ["a": domain { $0.notNull = true }]),
        .init(check: "end_date > start_date", domains: [:], orders: [ColumnOrder(lesser: "start_date", greater: "end_date", strict: true)]),
        .init(check: "return_date >= rental_date", domains: [:],
              orders: [ColumnOrder(lesser: "rental_date", greater: "return_date", strict: false)]),
        .init(check: "\"to_date\" >= from_date", domains: [:], orders: [ColumnOrder(lesser: "from_date", greater: "to_date", strict: false)]),
        .init(check: "start_date < end_date", domains: [:], orders: [ColumnOrder(lesser: "start_date", greater: "end_date", strict: true)]),
        .init(check: "x ~ '^[A-Z]{3}$'", domains: ["x": domain { $0.patterns = [try! SimplePattern.regex("^[A-Z]{3}$")] }]),
        .init(check: "x ~* '^[a-z]+$'", domains: ["x": domain { $0.patterns = [try! SimplePattern.regex("^[a-z]+$", caseInsensitive: true)] }]),
        .init(check: "x LIKE 'ABC%'", domains: ["x": domain { $0.patterns = [SimplePattern.like("ABC%")] }]),
        .init(check: "((x)::text ~~ 'ABC%'::text)", domains: ["x": domain { $0.patterns = [SimplePattern.like("ABC%")] }]),
        // Forbidden LIKE patterns ignore case, as SQLite does (stricter for PostgreSQL).
        .init(check: "x NOT LIKE 'ABC%'", domains: ["x": domain { $0.forbiddenPatterns = [SimplePattern.like("ABC%", caseInsensitive: true)] }]),
        .init(check: "x::integer > 0", domains: ["x": domain { $0.lower = bound(0, false) }]),
        .init(check: "CAST(x AS integer) > 0", domains: ["x": domain { $0.lower = bound(0, false) }]),
        .init(check: "upper(code) = ANY (ARRAY['AB', 'CD', 'ef'])", domains: ["code": domain { $0.allowed = [.text("AB"), .text("CD")] }]),
        .init(check: "upper(code) = 'AB'", domains: ["code": domain { $0.allowed = [.text("AB")] }]),
        .init(check: "lower(x) = x", domains: ["x": domain { $0.lowercase = true }]),
        .init(check: "x = upper(x)", domains: ["x": domain { $0.uppercase = true }]),
        .init(check: "x = btrim(x)", domains: ["x": domain { $0.trimmed = true }]),
        .init(check: "created_at <= now()", domains: ["created_at": domain { $0.timeUpper = [.init(.now(offsetSeconds: 0), inclusive: true)] }]),
        .init(check: "CURRENT_TIMESTAMP >= created_at",
              domains: ["created_at": domain { $0.timeUpper = [.init(.now(offsetSeconds: 0), inclusive: true)] }]),
        .init(check: "d > CURRENT_DATE - 30",
              domains: ["d": domain { $0.timeLower = [.init(.currentDate(offsetSeconds: -30 * 86_400), inclusive: false)] }]),
        .init(check: "(created_at > (now() - '7 days'::interval))",
              domains: ["created_at": domain { $0.timeLower = [.init(.now(offsetSeconds: -7 * 86_400), inclusive: false)] }]),
        // A month is 28 to 31 days: a lower bound takes the latest point, an upper bound the earliest.
        .init(check: "created_at >= now() - '1 mon'::interval",
              domains: ["created_at": domain { $0.timeLower = [.init(.now(offsetSeconds: -28 * 86_400), inclusive: true)] }]),
        .init(check: "created_at <= now() + '1 mon'::interval",
              domains: ["created_at": domain { $0.timeUpper = [.init(.now(offsetSeconds: 28 * 86_400), inclusive: true)] }]),
        .init(check: "d >= date('now', '-10 days')",
              domains: ["d": domain { $0.timeLower = [.init(.currentDate(offsetSeconds: -10 * 86_400), inclusive: true)] }]),
        .init(check: "x <> ''", domains: ["x": domain { $0.excluded = [.text("")] }]),
        .init(check: "x > ''", domains: ["x": domain { $0.minLength = 1 }]),
        .init(check: "btrim(x) <> ''", domains: ["x": domain { $0.notBlank = true }]),
        .init(check: "length(trim(x)) > 0", domains: ["x": domain { $0.notBlank = true }]),
        .init(check: "x IS NULL OR x > 0", domains: ["x": domain { $0.lower = bound(0, false) }]),
        .init(check: "x > 0 OR x IS NULL", domains: ["x": domain { $0.lower = bound(0, false) }]),
        .init(check: "price > 0 AND price < 1000000",
              domains: ["price": domain { $0.lower = bound(0, false); $0.upper = bound(1_000_000, false) }]),
        .init(check: "percent BETWEEN 0 AND 100", domains: ["percent": domain { $0.lower = bound(0, true); $0.upper = bound(100, true) }]),
        .init(check: "x > -5", domains: ["x": domain { $0.lower = bound(-5, false) }]),
        .init(check: "(x >= '-1'::integer)", domains: ["x": domain { $0.lower = bound(-1, true) }]),
        .init(check: "x >= 0.25", domains: ["x": domain { $0.lower = bound(0.25, true) }]),
        .init(check: "x <= 99.99", domains: ["x": domain { $0.upper = bound(99.99, true, "99.99") }]),
        .init(check: "0 < x", domains: ["x": domain { $0.lower = bound(0, false) }]),
        .init(check: "flag = TRUE", domains: ["flag": domain { $0.allowed = [.bool(true)] }]),
        .init(check: "flag", domains: ["flag": domain { $0.allowed = [.bool(true)] }]),
        .init(check: "NOT flag", domains: ["flag": domain { $0.allowed = [.bool(false)] }]),
        .init(check: "flag IS TRUE", domains: ["flag": domain { $0.allowed = [.bool(true)]; $0.notNull = true }]),
        .init(check: "d >= '2020-01-01'::date", domains: ["d": domain { $0.timeLower = [.init(.literal("2020-01-01"), inclusive: true)] }]),
        .init(check: "d < '2030-01-01T10:00:00'",
              domains: ["d": domain { $0.timeUpper = [.init(.literal("2030-01-01 10:00:00"), inclusive: false)] }]),
        .init(check: "d BETWEEN '2020-01-01' AND '2020-12-31'",
              domains: ["d": domain {
                  $0.timeLower = [.init(.literal("2020-01-01"), inclusive: true)]
                  $0.timeUpper = [.init(.literal("2020-12-31"), inclusive: true)]
              }]),
        .init(check: "NOT (x IN (1, 2))", domains: ["x": domain { $0.excluded = [.number(1, text: "1"), .number(2, text: "2")] }]),
        .init(check: "x NOT IN ('a', 'b')", domains: ["x": domain { $0.excluded = [.text("a"), .text("b")] }]),
        .init(check: "x <> ALL (ARRAY[1, 2])", domains: ["x": domain { $0.excluded = [.number(1, text: "1"), .number(2, text: "2")] }]),
        .init(check: "NOT (x > 5)", domains: ["x": domain { $0.upper = bound(5, true) }]),
        .init(check: "NOT (x IS NULL)", domains: ["x": domain { $0.notNull = true }]),
        .init(check: "x IS DISTINCT FROM 5", domains: ["x": domain { $0.excluded = [.number(5, text: "5")] }]),
        .init(check: "x = 5", domains: ["x": domain { $0.allowed = [.number(5, text: "5")] }]),
        .init(check: "x IN ('a', NULL)", domains: [:]),
        .init(check: "x > NULL", domains: [:]),
        .init(check: "TRUE", domains: [:]),
        .init(check: "1 < 2", domains: [:]),
    ]

    @Test(arguments: expectations)
    func derivesExactly(_ e: Expectation) {
        let d = derive([e.check], columns: Self.allColumns)
        #expect(d.unsupported.isEmpty, "unsupported: \(d.unsupported)")
        #expect(d.domains == e.domains)
        #expect(d.orders == e.orders)
        #expect(d.groups == e.groups)
    }

    @Test func postgresPrintedTable() {
        let checks = [
            "price > 0::numeric AND price < 1000000::numeric",
            "price IS NULL OR price > '-1.5'::numeric",
            "price <> ALL (ARRAY[1::numeric, 2::numeric])",
            "NOT price = 3::numeric",
            "percent < 40 OR percent > 50",
            "percent >= 0 AND percent <= 100",
            "w = ANY ('{p,q}'::text[])",
            "w IS DISTINCT FROM 'r'::text",
            "TRIM(BOTH FROM w) = w",
            "POSITION(('z'::text) IN (w)) = 0",
            "v = ANY (ARRAY[1, 2, NULL::integer])",
            "a IS NOT NULL AND b IS NULL OR a IS NULL AND b IS NOT NULL",
            "num_nulls(a, b, c) >= 1",
            "ts < (CURRENT_TIMESTAMP + '1 year 2 mons'::interval)",
            "ts >= '2020-01-01 00:00:00+00'::timestamp with time zone",
            "(y > 0) NOT VALID",
        ]
        let d = derive(checks, columns: ["price", "percent", "w", "v", "a", "b", "c", "ts", "y", "z"],
                       domainChecks: [(column: "z", expression: "VALUE ~ '^\\d{5}$'::text OR VALUE ~ '^\\d{5}-\\d{4}$'::text")])
        #expect(d.unsupported.isEmpty, "\(d.unsupported)")
        #expect(d.domains == [
            "price": domain {
                $0.lower = bound(0, false)
                $0.upper = bound(1_000_000, false)
                $0.excluded = [.number(1, text: "1"), .number(2, text: "2"), .number(3, text: "3")]
            },
            "percent": domain { $0.lower = bound(0, true); $0.upper = bound(40, false) },
            "w": domain { $0.allowed = [.text("p"), .text("q")]; $0.excluded = [.text("r")]; $0.trimmed = true },
            "a": domain { $0.notNull = true },
            "b": domain { $0.mustBeNull = true },
            // A year and two months is at least 365 + 59 days.
            "ts": domain {
                $0.timeLower = [.init(.literal("2020-01-01 00:00:00"), inclusive: true)]
                $0.timeUpper = [.init(.now(offsetSeconds: 424 * 86_400), inclusive: false)]
            },
            "y": domain { $0.lower = bound(0, false) },
            "z": domain { $0.patterns = [try! .regex("^\\d{5}$")] },
        ])
        #expect(d.groups == [NullCountGroup(columns: ["a", "b", "c"], minNonNull: 0, maxNonNull: 2)])
        // Exactly one of a, b per row: both arrangements are branches.
        #expect(d.branches.count == 2)
        #expect(d.branches.map { $0.domains["b"]?.mustBeNull == true } == [true, false])
        #expect(d.notes.count == 2)
        #expect(d.notes.allSatisfy { $0.note.hasPrefix("satisfied through branch 1 of 2") })
        #expect(d.notes.last?.column == "z")
        // The parsed checks evaluate: a row drawn from the domains passes them all.
        var rng = SplitMix(state: 3)
        let row: [String: CheckValue] = [
            "price": .number(10), "percent": .number(20), "w": .text(d.domains["w"]!.generateText { rng.below($0) }!),
            "v": .number(7), "a": .number(1), "b": .null, "c": .number(1), "ts": .text("2024-03-01 00:00:00"), "y": .number(1),
            "z": .text(d.domains["z"]!.generateText { rng.below($0) }!),
        ]
        for c in d.checks {
            #expect(CheckEvaluator.passes(c.expression!, row: row, now: fixedNow) == true, "\(c.text)")
        }
    }

    @Test func domainChecksUseValue() {
        let d = derive([], columns: ["release_year", "value"],
                       domainChecks: [(column: "release_year", expression: "VALUE >= 1901 AND VALUE <= 2155")])
        #expect(d.unsupported.isEmpty)
        #expect(d.domains == ["release_year": domain { $0.lower = bound(1901, true); $0.upper = bound(2155, true) }])
        #expect(d.checks.first?.expression
            == .and(.comparison(.greaterOrEqual, col("release_year", quoted: true), num(1901, "1901")),
                    .comparison(.lessOrEqual, col("release_year", quoted: true), num(2155, "2155"))))

        // In a table CHECK, `value` is an ordinary column.
        let t = derive(["value > 0"], columns: ["value"])
        #expect(t.domains == ["value": domain { $0.lower = bound(0, false) }])

        // Domain and table checks on one column intersect.
        let both = DomainDeriver.derive(checks: [(name: "c1", expression: "year <= 2000")], columns: ["year"],
                                        domainChecks: [(column: "year", expression: "VALUE >= 1901 AND VALUE <= 2155")])
        #expect(both.domains == ["year": domain { $0.lower = bound(1901, true); $0.upper = bound(2000, true) }])
    }

    @Test func columnNamesResolve() {
        // Unquoted names match case-insensitively; the key is the table's spelling.
        let d = derive(["unitprice > 0", "QUANTITY >= 1"], columns: ["UnitPrice", "Quantity"])
        #expect(d.unsupported.isEmpty)
        #expect(Set(d.domains.keys) == ["UnitPrice", "Quantity"])
        // SQLite: a double-quoted word that is no column is a string.
        let s = derive(["status IN (\"active\", \"closed\")"], columns: ["status"])
        #expect(s.domains == ["status": domain { $0.allowed = [.text("active"), .text("closed")] }])
        // PostgreSQL folds unquoted names to lower case: prefer that column
        // when no column is spelled exactly so.
        let p = derive(["NAME <> ''"], columns: ["Name", "name"])
        #expect(p.domains.keys.sorted() == ["name"])
        let q = derive(["\"Name\" <> ''"], columns: ["Name", "name"])
        #expect(q.domains.keys.sorted() == ["Name"])
    }

    // MARK: Unsupported and partly captured checks

    @Test func unsupportedChecksAreListed() {
        let d = DomainDeriver.derive(
            checks: [
                (name: "even", expression: "x % 2 = 0"),
                (name: "mixed", expression: "y > 0 AND y % 2 = 0"),
                (name: "ghost", expression: "zz > 0"),
                (name: "broken", expression: "y > "),
                (name: "regex", expression: "z ~ '^(a|b)\\1$'"),
                (name: "typeof", expression: "typeof(y) = 'integer'"),
                (name: "ok", expression: "z <> ''"),
            ],
            columns: ["x", "y", "z"])
        let names = d.unsupported.map(\.name)
        #expect(names == ["even", "mixed", "ghost", "broken", "regex", "typeof"])
        let byName = Dictionary(uniqueKeysWithValues: d.unsupported.map { ($0.name!, $0) })
        #expect(byName["even"]?.reason.contains("x % 2") == true)
        #expect(byName["even"]?.expression == "x % 2 = 0")
        // Only the uncaptured conjunct is named; the captured one still applies.
        #expect(byName["mixed"]?.reason.hasPrefix("`(y % 2) = 0`:") == true)
        #expect(byName["ghost"]?.reason == "unknown column zz")
        #expect(byName["broken"]?.reason.contains("cannot parse") == true)
        #expect(byName["broken"]?.reason.contains("position 5") == true)
        #expect(byName["regex"]?.reason.contains("back-references") == true)
        #expect(d.domains == [
            "y": domain { $0.lower = bound(0, false) },
            "z": domain { $0.excluded = [.text("")] },
        ])
        #expect(d.checks.count == 7)
        #expect(d.checks[3].parseError?.position == 5)
    }

    @Test func unsupportedCheckIsCapturedOverAFiniteList() {
        // x % 2 = 0 cannot be a domain, but over IN (1, 2, 3, 4) it filters exactly.
        let d = derive(["x IN (1, 2, 3, 4)", "x % 2 = 0"], columns: ["x"])
        #expect(d.unsupported.isEmpty)
        #expect(d.domains["x"]?.allowedValues == ["2", "4"])
        // And a check that is implied by the list disappears.
        let i = derive(["code IN ('ab', 'cd')", "typeof(code) = 'text'"], columns: ["code"])
        #expect(i.unsupported.isEmpty)
        #expect(i.domains["code"]?.allowedValues == ["ab", "cd"])
    }

    // MARK: Intersections

    @Test func boundsTighten() {
        let d = derive(["x >= 0", "x > 5", "x <= 10", "x < 10"], columns: ["x"])
        #expect(d.domains["x"] == domain { $0.lower = bound(5, false); $0.upper = bound(10, false) })
        let e = derive(["x > 5", "x >= 5"], columns: ["x"])
        #expect(e.domains["x"]?.lower == bound(5, false))
    }

    @Test func allowedListsAreFiltered() {
        #expect(derive(["code IN ('A', 'BB', 'CCC', 'DDDD')", "length(code) >= 2", "length(code) <= 3"], columns: ["code"])
            .domains["code"]?.allowedValues == ["BB", "CCC"])
        #expect(derive(["n IN (1, 5, 10, 20)", "n > 1", "n <= 10"], columns: ["n"]).domains["n"]?.allowedValues == ["5", "10"])
        #expect(derive(["s IN ('ab', 'AB', 'Cd')", "upper(s) = s"], columns: ["s"]).domains["s"]?.allowedValues == ["AB"])
        #expect(derive(["code IN ('ABC', 'AB1', 'XYZ')", "code ~ '^[A-Z]{3}$'"], columns: ["code"]).domains["code"]?.allowedValues == ["ABC", "XYZ"])
        #expect(derive(["x IN (1, 2, 3)", "x <> 2"], columns: ["x"]).domains["x"]?.allowedValues == ["1", "3"])
        #expect(derive(["x IN ('a', 'b')", "x IN ('b', 'c')"], columns: ["x"]).domains["x"]?.allowedValues == ["b"])
        #expect(derive(["x IN ('a', 'b')", "x NOT LIKE 'a%'"], columns: ["x"]).domains["x"]?.allowedValues == ["b"])
        #expect(derive(["d IN ('2019-05-01', '2021-05-01')", "d >= '2020-01-01'::date"], columns: ["d"]).domains["d"]?.allowedValues == ["2021-05-01"])
        // Numbers compare by value: 1 and 1.0 are one value.
        let n = derive(["x IN (1, 1.0, 2)"], columns: ["x"]).domains["x"]
        #expect(n?.allowedValues == ["1", "2"])
        #expect(n?.allowedAreNumbers == true)
        // `= const` and IN intersect.
        #expect(derive(["x IN ('a', 'b')", "x = 'b'"], columns: ["x"]).domains["x"]?.allowedValues == ["b"])
    }

    @Test func lengthsAndPatternsCombine() {
        let d = derive(["length(code) = 5", "code LIKE 'AB%'", "lower(code) <> code OR code IS NULL"], columns: ["code"])
        let c = d.domains["code"]
        #expect(c?.minLength == 5)
        #expect(c?.maxLength == 5)
        #expect(c?.patterns == [SimplePattern.like("AB%")])
        #expect(d.unsupported.count == 1) // lower(x) <> x is not supported
    }

    @Test func contradictionsAreVisible() {
        let d = derive(["x > 10", "x < 5"], columns: ["x"])
        #expect(d.unsupported.isEmpty)
        let x = d.domains["x"]!
        #expect(!x.hasNonNullValue)
        #expect(x.isSatisfiable) // NULL still passes both
        #expect(x.unsatisfiableReason?.contains("lower bound 10") == true)
        var notNull = x
        notNull.notNull = true
        #expect(!notNull.isSatisfiable)
        #expect(derive(["x IN ('a')", "x <> 'a'"], columns: ["x"]).domains["x"]?.hasNonNullValue == false)
        #expect(derive(["length(x) > 5", "length(x) < 3"], columns: ["x"]).domains["x"]?.hasNonNullValue == false)
        #expect(derive(["length(x) <= 2", "x ~ '^[0-9]{3}$'"], columns: ["x"]).domains["x"]?.hasNonNullValue == false)
        #expect(derive(["d > '2021-01-01'", "d < '2020-01-01'"], columns: ["d"]).domains["d"]?.hasNonNullValue == false)
    }

    @Test func timeBoundsKeepTheTightestPerAnchor() {
        let d = derive(["d >= '2020-01-01'", "d > '2021-06-01'::date", "d <= now()", "d < now() + '1 day'::interval", "d >= '2019-01-01'"],
                       columns: ["d"])
        let x = d.domains["d"]!
        #expect(x.timeLower == [.init(.literal("2021-06-01"), inclusive: false)])
        #expect(x.timeUpper == [.init(.now(offsetSeconds: 0), inclusive: true)])
        #expect(x.notAfterNow)
        #expect(!x.notBeforeNow)
        #expect(x.contains(.text("2022-01-01"), now: fixedNow))
        #expect(!x.contains(.text("2021-06-01"), now: fixedNow))
        #expect(!x.contains(.text("2024-03-16"), now: fixedNow))
        #expect(x.contains(.null))
    }

    // MARK: OR

    @Test func orAcrossColumnsKeepsOnlySatisfiableBranches() {
        let d = derive(["a < 0", "a > 5 OR b > 5"], columns: ["a", "b"])
        #expect(d.unsupported.isEmpty)
        #expect(d.branches.isEmpty, "a > 5 cannot hold with a < 0")
        #expect(d.domains == ["a": domain { $0.upper = bound(0, false) }, "b": domain { $0.lower = bound(5, false) }])
        #expect(d.notes.count == 1)
        #expect(d.notes.first?.note.contains("branch 2 of 2") == true)
    }

    @Test func orAcrossColumnsBranchesPerRow() {
        let d = derive(["(a IS NULL AND b = 0 AND c = 1.00) OR (a IS NOT NULL AND b >= 1)", "(x IS NULL) <> (y IS NULL)"],
                       columns: ["a", "b", "c", "x", "y"], nonNullable: ["b"])
        #expect(d.unsupported.isEmpty, "\(d.unsupported)")
        #expect(d.branches.count == 4)
        let fixed = d.branches.filter { $0.domains["a"]?.mustBeNull == true }
        #expect(fixed.count == 2)
        #expect(fixed.allSatisfy { $0.domains["b"]?.allowed?.first?.text == "0" && $0.domains["c"]?.allowed?.count == 1 })
        let free = d.branches.filter { $0.domains["a"]?.notNull == true }
        #expect(free.allSatisfy { $0.domains["b"]?.lower == bound(1, true) && $0.domains["c"] == nil })
        #expect(d.branches.allSatisfy { ($0.domains["x"]?.mustBeNull == true) != ($0.domains["y"]?.mustBeNull == true) })
        #expect(d.branchDependentColumns == ["a", "b", "c", "x", "y"])
        // Every branch's values pass both CHECKs.
        for b in d.branches {
            let row: [String: CheckValue] = [
                "a": b.domains["a"]?.mustBeNull == true ? .null : .number(7),
                "b": b.domains["b"]?.allowed != nil ? .number(0) : .number(3),
                "c": .number(1),
                "x": b.domains["x"]?.mustBeNull == true ? .null : .text("v"),
                "y": b.domains["y"]?.mustBeNull == true ? .null : .text("w"),
            ]
            for check in d.checks { #expect(CheckEvaluator.passes(check.expression!, row: row) != false, "\(check.text) \(row)") }
        }
    }

    @Test func orWithNullBranches() {
        // Exactly one of a, b: the first arrangement that fits the NOT NULL columns.
        let xor = "(a IS NOT NULL AND b IS NULL) OR (a IS NULL AND b IS NOT NULL)"
        let first = derive([xor], columns: ["a", "b"], nonNullable: ["a"])
        #expect(first.domains == ["a": domain { $0.notNull = true }, "b": domain { $0.mustBeNull = true }])
        let second = derive([xor], columns: ["a", "b"], nonNullable: ["b"])
        #expect(second.domains == ["a": domain { $0.mustBeNull = true }, "b": domain { $0.notNull = true }])
        #expect(second.notes.first?.note.contains("branch 2") == true)

        // `a IS NULL OR b IS NOT NULL`: two branches, a NULL or b present.
        let implication = derive(["a IS NULL OR b IS NOT NULL"], columns: ["a", "b"])
        #expect(implication.branches.map(\.domains) == [["a": domain { $0.mustBeNull = true }], ["b": domain { $0.notNull = true }]])
        #expect(implication.notes.isEmpty)
        // `a IS NULL OR (a IS NOT NULL AND a > 3)`: the IS NOT NULL is implied.
        let redundant = derive(["a IS NULL OR (a IS NOT NULL AND a > 3)"], columns: ["a"])
        #expect(redundant.domains == ["a": domain { $0.lower = bound(3, false) }])
    }

    @Test func orOfEqualitiesIsOneList() {
        let d = derive(["x = 'a' OR x = 'b' OR x IN ('c', 'a')"], columns: ["x"])
        #expect(d.domains["x"]?.allowedValues == ["a", "b", "c"])
        #expect(d.notes.isEmpty)
    }

    @Test func notBetweenPicksABranch() {
        let d = derive(["x NOT BETWEEN 1 AND 5"], columns: ["x"])
        #expect(d.domains["x"] == domain { $0.upper = bound(1, false) })
        let e = derive(["x NOT BETWEEN 1 AND 5", "x >= 2"], columns: ["x"])
        #expect(e.domains["x"] == domain { $0.lower = bound(5, false) })
    }

    @Test func orWithoutACapturableBranchIsUnsupported() {
        let d = derive(["x % 2 = 0 OR x % 3 = 0"], columns: ["x"])
        #expect(d.unsupported.count == 1)
        #expect(d.unsupported.first?.reason.contains("no branch") == true)
    }

    // MARK: Soundness: values drawn from a derived domain pass the CHECK

    static let singleColumnChecks: [String] = [
        "v >= 1901 AND v <= 2155", "v IN ('M', 'F')", "length(v) = 3", "v BETWEEN 0 AND 1", "char_length(v) <= 5 AND length(v) >= 2",
        "v ~ '^[A-Z]{3}$'", "v LIKE 'ABC%'", "v ~ '^\\d{3}-\\d{4}$'", "v IS NULL OR v > 0", "v > 0 AND v < 1000000",
        "upper(v) = ANY (ARRAY['AB', 'CD'])", "v IN (1, 2, 3, 4) AND v % 2 = 0", "v <> '' AND length(v) <= 4",
        "length(v) BETWEEN 2 AND 6 AND v ~ '^[a-z]+$'", "v NOT BETWEEN 10 AND 20 AND v >= 0 AND v <= 30",
        "v GLOB '[A-Z][0-9]*' AND length(v) <= 4", "(v)::text = ANY ((ARRAY['a'::character varying, 'b'::character varying])::text[])",
        "v ~* '^x[a-c]{2}$'", "v ILIKE 'ab_'", "v = 'a' OR v = 'b'",
    ]

    @Test(arguments: singleColumnChecks)
    func drawnValuesPass(_ check: String) throws {
        let d = derive([check], columns: ["v"])
        #expect(d.unsupported.isEmpty, "\(d.unsupported)")
        let expr = try #require(d.checks.first?.expression)
        let dom = d.domain("v")
        var rng = SplitMix(state: 42)
        for _ in 0..<200 {
            let value = try Self.draw(from: dom, &rng)
            #expect(dom.contains(value), "\(value) not in the domain of \(check)")
            #expect(CheckEvaluator.passes(expr, row: ["v": value]) == true, "\(value) fails \(check)")
        }
        #expect(CheckEvaluator.passes(expr, row: ["v": .null]) == !dom.notNull)
    }

    /// A test-side generator for a domain: allowed list, else pattern, else
    /// numeric range, else letters; excluded values are drawn again.
    private static func draw(from dom: ColumnDomain, _ rng: inout SplitMix) throws -> CheckValue {
        for _ in 0..<20 {
            let value: CheckValue
            if let allowed = dom.allowed {
                value = allowed[Int(rng.below(UInt64(allowed.count)))].checkValue
            } else if let p = dom.pattern {
                value = .text(try #require(p.generate(minLength: dom.minLength ?? 0, maxLength: dom.maxLength) { rng.below($0) }))
            } else if dom.lower != nil || dom.upper != nil {
                let lo = (dom.lower?.value ?? -1000) + (dom.lower?.inclusive == false ? 0.5 : 0)
                let hi = (dom.upper?.value ?? 1000) - (dom.upper?.inclusive == false ? 0.5 : 0)
                value = .number(lo + (hi - lo) * Double(rng.below(1001)) / 1000)
            } else {
                let lo = dom.minLength ?? 0, hi = dom.maxLength ?? 8
                let n = lo + Int(rng.below(UInt64(hi - lo + 1)))
                value = .text(String((0..<n).map { _ in Character(Unicode.Scalar(UInt8(97 + rng.below(26)))) }))
            }
            if dom.contains(value) { return value }
        }
        Issue.record("no value drawn for \(dom)")
        return .null
    }

    // MARK: SimplePattern

    static let generationPatterns: [(SimplePattern, minLength: Int, maxLength: Int?)] = [
        (try! .regex("^[A-Z]{3}$"), 0, nil),
        (try! .regex("^\\d{3}-\\d{4}$"), 0, nil),
        (try! .regex("^[a-z]+$"), 2, 6),
        (try! .regex("^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}$"), 0, 30),
        (try! .regex("^[^@ ]+@[^@ ]+\\.[^@ ]+$"), 0, nil),
        (try! .regex("^ABC"), 0, nil),
        (try! .regex("xyz$"), 5, 10),
        (try! .regex("[0-9]"), 0, nil),
        (try! .regex("^(?:[A-F0-9]{2}){3}$"), 0, nil),
        (try! .regex("^[[:upper:]][[:lower:]]*$"), 3, 8),
        (try! .regex("^\\w+$"), 0, nil),
        (try! .regex("^a.c$"), 0, nil),
        (try! .regex("^colou?r$"), 0, nil),
        (try! .regex("^[A-Z]{2,4}[0-9]{1,3}$"), 0, nil),
        (try! .regex("^[^aeiou]{4}$"), 0, nil),
        (try! .regex("^\\(\\d{3}\\) \\d{3}-\\d{4}$"), 0, nil),
        (try! .regex("^#[0-9a-fA-F]{6}$"), 0, nil),
        (try! .regex("^[A-Z][a-z]{0,10}$"), 0, nil),
        (try! .regex("^(ab)(cd)[.]$"), 0, nil),
        (try! .regex("^[a-z]+$", caseInsensitive: true), 4, 4),
        (try! .regex("^\\S+\\s\\S+$"), 0, nil),
        (.like("ABC%"), 5, 8),
        (.like("%xyz"), 0, nil),
        (.like("A_C"), 0, nil),
        (.like("%mid%"), 0, nil),
        (.like("100\\%%"), 0, nil),
        (.like("___-____"), 0, nil),
        (.like("abc%", caseInsensitive: true), 0, nil),
        (SimplePattern.glob("[A-Z]*")!, 1, 6),
        (SimplePattern.glob("*.txt")!, 0, nil),
        (SimplePattern.glob("?[0-9]?")!, 0, nil),
        (SimplePattern.glob("[^0-9]x")!, 0, nil),
    ]

    @Test func generatedStringsMatch() {
        #expect(Self.generationPatterns.count >= 20)
        for (i, (p, lo, hi)) in Self.generationPatterns.enumerated() {
            var rng = SplitMix(state: UInt64(i) &* 7919 &+ 1)
            var distinct = Set<String>()
            for _ in 0..<1000 {
                guard let s = p.generate(minLength: lo, maxLength: hi, random: { rng.below($0) }) else {
                    Issue.record("\(p) generated nothing")
                    break
                }
                distinct.insert(s)
                #expect(p.matches(s), "\(p) generated \(s)")
                #expect(s.unicodeScalars.count >= lo, "\(p) generated \(s), shorter than \(lo)")
                if let hi { #expect(s.unicodeScalars.count <= hi, "\(p) generated \(s), longer than \(hi)") }
            }
            // Unless the pattern is a fixed string, draws vary.
            if p.elements.contains(where: { $0.set.negated || $0.set.ranges.count > 1 || $0.set.ranges.first.map { $0.count > 1 } == true || $0.min != $0.max }) {
                #expect(distinct.count > 1, "\(p) always generated the same string")
            }
        }
    }

    @Test func generationHonoursLengthAndCase() {
        var rng = SplitMix(state: 7)
        let p = try! SimplePattern.regex("^[A-Za-z]+$")
        for _ in 0..<200 {
            let s = p.generate(minLength: 3, maxLength: 5, letterCase: .lower) { rng.below($0) }!
            #expect(s == s.lowercased())
            #expect((3...5).contains(s.count))
        }
        // No string fits.
        #expect(try! SimplePattern.regex("^[0-9]{4}$").generate(minLength: 0, maxLength: 3) { rng.below($0) } == nil)
        #expect(SimplePattern.like("ABCD").generate(minLength: 5, maxLength: nil) { rng.below($0) } == nil)
        // An unbounded element stretches to reach the minimum length.
        let long = try! SimplePattern.regex("^a+$").generate(minLength: 40, maxLength: 50) { rng.below($0) }
        #expect(long.map { (40...50).contains($0.count) } == true)
        // Unanchored patterns are padded only when the length asks for it.
        #expect(try! SimplePattern.regex("[0-9]").generate(minLength: 0, maxLength: nil) { rng.below($0) }?.count == 1)
        #expect(try! SimplePattern.regex("[0-9]").generate(minLength: 4, maxLength: 4) { rng.below($0) }?.count == 4)
    }

    @Test func matching() throws {
        let three = try SimplePattern.regex("^[A-Z]{3}$")
        #expect(three.matches("ABC"))
        #expect(!three.matches("AB"))
        #expect(!three.matches("ABCD"))
        #expect(!three.matches("AbC"))
        #expect(try SimplePattern.regex("^[A-Z]{3}$", caseInsensitive: true).matches("AbC"))
        #expect(try SimplePattern.regex("[0-9]").matches("ab3c"))
        #expect(try !SimplePattern.regex("[0-9]").matches("abc"))
        #expect(try SimplePattern.regex("^ab").matches("abzz"))
        #expect(try !SimplePattern.regex("^ab").matches("zab"))
        #expect(try SimplePattern.regex("b$").matches("aab"))
        #expect(try SimplePattern.regex("^a*b*$").matches(""))
        #expect(try SimplePattern.regex("^\\w+$").matches("Zoë_1"))
        #expect(try SimplePattern.regex("^[^@]+@[^@]+$").matches("a@b"))
        #expect(try !SimplePattern.regex("^[^@]+@[^@]+$").matches("a@b@c"))
        #expect(try SimplePattern.regex("^x{2,3}$").matches("xxx"))
        #expect(try !SimplePattern.regex("^x{2,3}$").matches("xxxx"))
        #expect(try SimplePattern.regex("^a{2,}$").matches("aaaaa"))
        #expect(try SimplePattern.regex("^[-a]$").matches("-"))
        #expect(try SimplePattern.regex("^[]a]$").matches("]"))
        #expect(try SimplePattern.regex("^a+?$").matches("aaa"))
        #expect(SimplePattern.like("ABC%").matches("ABC"))
        #expect(SimplePattern.like("ABC%").matches("ABCxyz"))
        #expect(!SimplePattern.like("ABC%").matches("abc"))
        #expect(SimplePattern.like("ABC%", caseInsensitive: true).matches("abcd"))
        #expect(SimplePattern.like("a_c").matches("abc"))
        #expect(!SimplePattern.like("a_c").matches("ac"))
        #expect(SimplePattern.like("100\\%").matches("100%"))
        #expect(!SimplePattern.like("100\\%").matches("1000"))
        #expect(SimplePattern.glob("*.txt")!.matches("notes.txt"))
        #expect(!SimplePattern.glob("*.txt")!.matches("notes.TXT"))
        #expect(SimplePattern.glob("[^0-9]x")!.matches("ax"))
        #expect(!SimplePattern.glob("[^0-9]x")!.matches("1x"))
        #expect(SimplePattern.glob("[abc") == nil)
        #expect(SimplePattern.like("ABC%").literalPrefix == "ABC")
        #expect(try SimplePattern.regex("^[A-Z]{3}$").minLength == 3)
        #expect(try SimplePattern.regex("^[A-Z]{3}$").maxLength == 3)
        #expect(try SimplePattern.regex("^[A-Z]{3}").maxLength == nil)

        // Alternation, quantified groups and anchors anywhere are general expressions now.
        for general in ["^(a|b)$", "a|b", "(ab)+", "^a$b", "^(a{2})*$"] {
            #expect(try SimplePattern.regex(general).isGeneral, "\(general)")
        }
        #expect(try SimplePattern.regex("^(ab)+$").matches("abab"))
        #expect(try !SimplePattern.regex("^(ab)+$").matches("aba"))
        for unsupported in ["\\1", "(?=a)", "[[:cntrl:]]", "a\\yb", "[a"] {
            #expect(throws: SimplePattern.UnsupportedPattern.self, "\(unsupported)") { try SimplePattern.regex(unsupported) }
        }
    }

    // MARK: Evaluator

    static func truth(_ text: String, _ row: [String: CheckValue], now: Int64 = fixedNow) throws -> Bool? {
        CheckEvaluator.evaluate(try CheckParser.parse(text), row: row, now: now)
    }

    @Test func threeValuedLogic() throws {
        let values: [CheckValue] = [.bool(true), .bool(false), .null]
        func k(_ v: CheckValue) -> Bool? { if case .bool(let b) = v { return b } else { return nil } }
        for a in values {
            #expect(try Self.truth("NOT a", ["a": a]) == k(a).map { !$0 })
            for b in values {
                let and: Bool? = (k(a) == false || k(b) == false) ? false : (k(a) == nil || k(b) == nil ? nil : true)
                let or: Bool? = (k(a) == true || k(b) == true) ? true : (k(a) == nil || k(b) == nil ? nil : false)
                #expect(try Self.truth("a AND b", ["a": a, "b": b]) == and, "\(a) AND \(b)")
                #expect(try Self.truth("a OR b", ["a": a, "b": b]) == or, "\(a) OR \(b)")
            }
        }
        // A CHECK passes on true and on NULL.
        let gt = try CheckParser.parse("x > 0")
        #expect(CheckEvaluator.passes(gt, row: ["x": .number(1)]) == true)
        #expect(CheckEvaluator.passes(gt, row: ["x": .number(0)]) == false)
        #expect(CheckEvaluator.passes(gt, row: ["x": .null]) == true)
        #expect(CheckEvaluator.evaluate(gt, row: ["x": .null]) == nil)
        // Not evaluable: nil from both.
        let unknownFunction = try CheckParser.parse("frobnicate(x) > 0")
        #expect(CheckEvaluator.passes(unknownFunction, row: ["x": .number(1)]) == nil)
        #expect(CheckEvaluator.unsupportedReason(unknownFunction, row: ["x": .number(1)])?.contains("frobnicate") == true)
        #expect(CheckEvaluator.passes(gt, row: [:]) == nil)
        // false AND <not evaluable> is still false.
        #expect(try Self.truth("x > 5 AND frobnicate(x)", ["x": .number(1)]) == false)
        #expect(try Self.truth("x < 5 OR frobnicate(x)", ["x": .number(1)]) == true)
    }

    @Test func predicatesWithNull() throws {
        #expect(try Self.truth("x IN (1, 2)", ["x": .number(3)]) == false)
        #expect(try Self.truth("x IN (1, NULL)", ["x": .number(3)]) == nil)
        #expect(try Self.truth("x IN (1, NULL)", ["x": .number(1)]) == true)
        #expect(try Self.truth("x NOT IN (1, NULL)", ["x": .number(3)]) == nil)
        #expect(try Self.truth("x NOT IN (1, NULL)", ["x": .number(1)]) == false)
        #expect(try Self.truth("x IN (1, 2)", ["x": .null]) == nil)
        #expect(try Self.truth("x IS NULL", ["x": .null]) == true)
        #expect(try Self.truth("x IS NOT NULL", ["x": .null]) == false)
        #expect(try Self.truth("x IS NOT NULL", ["x": .text("")]) == true)
        #expect(try Self.truth("x IS DISTINCT FROM 1", ["x": .null]) == true)
        #expect(try Self.truth("x IS DISTINCT FROM 1", ["x": .number(1)]) == false)
        #expect(try Self.truth("x IS NOT DISTINCT FROM NULL", ["x": .null]) == true)
        #expect(try Self.truth("x IS TRUE", ["x": .null]) == false)
        #expect(try Self.truth("x = NULL", ["x": .null]) == nil)
        #expect(try Self.truth("x BETWEEN 1 AND 10", ["x": .number(10)]) == true)
        #expect(try Self.truth("x BETWEEN 1 AND 10", ["x": .number(11)]) == false)
        #expect(try Self.truth("x NOT BETWEEN 1 AND 10", ["x": .number(11)]) == true)
        #expect(try Self.truth("x BETWEEN 1 AND NULL", ["x": .number(0)]) == false)
        #expect(try Self.truth("x BETWEEN 1 AND NULL", ["x": .number(5)]) == nil)
        #expect(try Self.truth("num_nonnulls(a, b) = 1", ["a": .number(1), "b": .null]) == true)
        #expect(try Self.truth("num_nonnulls(a, b) = 1", ["a": .number(1), "b": .number(2)]) == false)
        #expect(try Self.truth("num_nulls(a, b, c) >= 1", ["a": .null, "b": .number(2), "c": .number(3)]) == true)
        #expect(try Self.truth("(a IS NOT NULL) + (b IS NOT NULL) = 1", ["a": .null, "b": .number(2)]) == true)
        #expect(try Self.truth("a || b = 'xy'", ["a": .text("x"), "b": .null]) == nil)
        #expect(try Self.truth("coalesce(a, 5) = 5", ["a": .null]) == true)
    }

    @Test func functionsAndOperators() throws {
        #expect(try Self.truth("length(x) = 3", ["x": .text("abc")]) == true)
        #expect(try Self.truth("char_length(x) = 2", ["x": .text("éa")]) == true)
        #expect(try Self.truth("octet_length(x) = 3", ["x": .text("éa")]) == true)
        #expect(try Self.truth("length(x) = 2", ["x": .number(42)]) == true)
        #expect(try Self.truth("upper(code) = 'AB'", ["code": .text("ab")]) == true)
        #expect(try Self.truth("lower(x) = x", ["x": .text("abC")]) == false)
        #expect(try Self.truth("btrim(x) <> ''", ["x": .text("   ")]) == false)
        #expect(try Self.truth("btrim(x) <> ''", ["x": .text(" a ")]) == true)
        #expect(try Self.truth("trim(x) = 'a'", ["x": .text("  a ")]) == true)
        #expect(try Self.truth("x LIKE 'AB%'", ["x": .text("ABC")]) == true)
        #expect(try Self.truth("x LIKE 'AB%'", ["x": .text("abc")]) == false)
        #expect(try Self.truth("x ILIKE 'AB%'", ["x": .text("abc")]) == true)
        #expect(try Self.truth("x NOT LIKE 'AB%'", ["x": .text("abc")]) == true)
        #expect(try Self.truth("x::text ~~ 'AB%'::text", ["x": .text("ABx")]) == true)
        #expect(try Self.truth("x ~ '^[A-Z]{3}$'", ["x": .text("ABC")]) == true)
        #expect(try Self.truth("x !~ '^[A-Z]{3}$'", ["x": .text("ABC")]) == false)
        #expect(try Self.truth("x ~* '^[a-z]{3}$'", ["x": .text("ABC")]) == true)
        #expect(try Self.truth("x ~ '^(a|b)$'", ["x": .text("a")]) == true)
        #expect(try Self.truth("x ~ '^(a|b)$'", ["x": .text("c")]) == false)
        #expect(try Self.truth("x ~ '(a)\\1'", ["x": .text("aa")]) == nil) // back-reference: not evaluable
        #expect(try Self.truth("x GLOB '[0-9]*'", ["x": .text("7up")]) == true)
        #expect(try Self.truth("x % 2 = 0", ["x": .number(4)]) == true)
        #expect(try Self.truth("x % 2 = 0", ["x": .number(3)]) == false)
        #expect(try Self.truth("x * 2 + 1 = 7", ["x": .number(3)]) == true)
        #expect(try Self.truth("-x < 0", ["x": .number(3)]) == true)
        #expect(try Self.truth("x = TRUE", ["x": .bool(true)]) == true)
        #expect(try Self.truth("x IN (0, 1)", ["x": .bool(true)]) == true)
        #expect(try Self.truth("x > 0", ["x": .text("5")]) == true)
        #expect(try Self.truth("CAST(x AS integer) > 4", ["x": .text("5")]) == true)
        #expect(try Self.truth("x = ANY (ARRAY['G'::mpaa_rating, 'PG'::mpaa_rating])", ["x": .text("PG")]) == true)
        #expect(try Self.truth("(status)::text = ANY ((ARRAY['a'::character varying, 'b'::character varying])::text[])",
                               ["status": .text("c")]) == false)
        #expect(try Self.truth("CASE WHEN a > 0 THEN b > 0 ELSE true END", ["a": .number(1), "b": .number(-1)]) == false)
        #expect(try Self.truth("CASE WHEN a > 0 THEN b > 0 ELSE true END", ["a": .number(-1), "b": .number(-1)]) == true)
        #expect(try Self.truth("typeof(x) = 'integer'", ["x": .number(3)]) == true)
        #expect(try Self.truth("substr(x, 2, 2) = 'bc'", ["x": .text("abcd")]) == true)
        #expect(try Self.truth("EXTRACT(year FROM d) >= 2000", ["d": .text("2001-02-03")]) == true)
        // Column names: exact first, then case-insensitive.
        #expect(try Self.truth("Quantity > 0", ["quantity": .number(1)]) == true)
    }

    @Test func datesAndNow() throws {
        #expect(try Self.truth("d > CURRENT_DATE - 30", ["d": .text("2024-03-01")]) == true)
        #expect(try Self.truth("d > CURRENT_DATE - 30", ["d": .text("2024-01-01")]) == false)
        #expect(try Self.truth("created_at <= now()", ["created_at": .text("2024-03-15 11:59:59")]) == true)
        #expect(try Self.truth("created_at <= now()", ["created_at": .text("2024-03-15T12:00:01")]) == false)
        #expect(try Self.truth("created_at > now() - '1 mon'::interval", ["created_at": .text("2024-02-16 00:00:00")]) == true)
        #expect(try Self.truth("created_at > now() - '1 mon'::interval", ["created_at": .text("2024-02-14 00:00:00")]) == false)
        #expect(try Self.truth("end_date > start_date", ["start_date": .text("2024-01-31"), "end_date": .text("2024-02-01")]) == true)
        #expect(try Self.truth("end_date > start_date", ["start_date": .text("2024-01-31"), "end_date": .text("2024-01-31")]) == false)
        #expect(try Self.truth("end_date > start_date", ["start_date": .text("2024-01-31"), "end_date": .null]) == nil)
        #expect(try Self.truth("d >= '2020-01-01'::date", ["d": .text("2020-01-01 00:00:00")]) == true)
        #expect(try Self.truth("'2020-01-01'::date < d", ["d": .text("2019-12-31")]) == false)
        #expect(try Self.truth("d <= '2020-01-01 10:00:00'::timestamp without time zone", ["d": .text("2020-01-01")]) == true)
        #expect(try Self.truth("d >= date('now', '-10 days')", ["d": .text("2024-03-05")]) == true)
        #expect(try Self.truth("d >= date('now', '-10 days')", ["d": .text("2024-03-04")]) == false)
        #expect(try Self.truth("date(d) IS NOT NULL", ["d": .text("2024-02-30")]) == false)
        #expect(try Self.truth("date(d) IS NOT NULL", ["d": .text("2024-02-29")]) == true)
        #expect(try Self.truth("d + 1 = '2024-03-01'::date", ["d": .text("2024-02-29")]) == true)
        #expect(CheckEvaluator.value(of: try CheckParser.parse("CURRENT_DATE"), now: fixedNow) == .text("2024-03-15"))
        #expect(CheckEvaluator.value(of: try CheckParser.parse("now() + '1 day 02:00:00'::interval"), now: fixedNow) == .text("2024-03-16 14:00:00"))
        #expect(CheckEvaluator.value(of: try CheckParser.parse("'2024-01-31'::date + '1 mon'::interval"), now: fixedNow) == .text("2024-02-29 00:00:00"))
    }

    @Test func domainMembership() {
        var d = ColumnDomain()
        d.lower = bound(0, false)
        d.upper = bound(10, true)
        d.excluded = [.number(5, text: "5")]
        #expect(d.contains(.number(10)))
        #expect(!d.contains(.number(0)))
        #expect(!d.contains(.number(5)))
        #expect(d.contains(.null))
        #expect(!d.contains(.text("abc")))
        d.notNull = true
        #expect(!d.contains(.null))

        var t = ColumnDomain()
        t.patterns = [SimplePattern.like("AB%")]
        t.maxLength = 4
        t.lowercase = true
        #expect(!t.contains(.text("ABcd"))) // not lowercase
        t.lowercase = false
        #expect(t.contains(.text("ABcd")))
        #expect(!t.contains(.text("ABcde")))
        t.notBlank = true
        t.trimmed = true
        #expect(!t.contains(.text("AB ")))

        var m = ColumnDomain()
        m.mustBeNull = true
        #expect(m.contains(.null))
        #expect(!m.contains(.number(1)))
        #expect(!m.hasNonNullValue)
    }
}

import Foundation
import Testing
import TestSupport
import Introspect
import SchemaModel
@testable import Engine

/// Realistic, consistent and reproducible values on real corpus schemas.
@Suite(.enabled(if: TestEnvironment.postgresTestsEnabled && (TestEnvironment.corpus != nil || TestEnvironment.isCI)))
struct RealismCorpusTests {
    static func loaded(_ name: String) throws -> ScratchPostgres {
        guard let corpus = TestEnvironment.corpus else { throw TestSetupError("../shared/corpus is missing") }
        let db = try ScratchPostgres()
        let r = try CommandRunner.shell("\(corpus.appendingPathComponent("load").path) postgres \(name)", environment: db.libpqEnvironment)
        guard r.status == 0 else { db.drop(); throw TestSetupError("loading \(name): \(r.stderr)") }
        return db
    }

    static func column(_ db: ScratchPostgres, _ sql: String) throws -> [String] {
        try db.open().query(sql).map { $0[0] ?? "" }
    }

    /// A value that merely echoes its column name or is a bare number is a toy.
    static func looksReal(_ values: [String], column: String) -> Bool {
        values.allSatisfy { v in
            !v.isEmpty && v.lowercased() != column.lowercased() && !v.lowercased().hasPrefix(column.lowercased() + "_")
                && Double(v) == nil && v.contains(where: \.isLetter)
        }
    }

    @Test func pagilaLooksReal() throws {
        let db = try Self.loaded("pagila")
        defer { db.drop() }
        let fill = try CommandRunner.dbsynth(["fill", db.url, "--rows", "1000", "--quiet"])
        try #require(fill.status == 0, "\(fill.stderr)")

        let emails = try Self.column(db, "SELECT email FROM customer")
        #expect(emails.count == 1000)
        #expect(Set(emails).count == 1000)
        let pattern = try NSRegularExpression(pattern: "^[a-z0-9._%+-]+@[a-z0-9-]+(\\.[a-z0-9-]+)*\\.[a-z]{2,}$")
        let invalid = emails.filter { pattern.firstMatch(in: $0, range: NSRange($0.startIndex..., in: $0)) == nil }
        #expect(invalid.isEmpty, "invalid emails: \(invalid.prefix(5))")
        // The email is built from the row's own name.
        let matching = try Self.column(db, "SELECT count(*) FROM customer WHERE email LIKE lower(left(first_name, 1)) || '%' OR email LIKE '%' || lower(left(last_name, 3)) || '%'").first
        #expect(Int(matching ?? "0") ?? 0 > 950, "emails are built from the row's own name")

        #expect(Set(try Self.column(db, "SELECT first_name FROM customer")).count >= 100)
        #expect(Self.looksReal(try Self.column(db, "SELECT first_name FROM customer"), column: "first_name"))
        #expect(Self.looksReal(try Self.column(db, "SELECT city FROM city"), column: "city"))
        #expect(Self.looksReal(try Self.column(db, "SELECT title FROM film"), column: "title"))
        #expect(Self.looksReal(try Self.column(db, "SELECT description FROM film"), column: "description"))
        let phones = try Self.column(db, "SELECT phone FROM address")
        #expect(phones.allSatisfy { p in p.filter(\.isNumber).count >= 7 && p != "phone" }, "\(phones.prefix(3))")
        #expect(try Self.column(db, "SELECT count(*) FROM rental WHERE return_date < rental_date") == ["0"])
        #expect(try Self.column(db, "SELECT count(*) FROM customer WHERE last_update < create_date") == ["0"])
        #expect(try Self.column(db, "SELECT count(*) FROM customer WHERE last_update >= '2026-01-01'") == ["0"], "later columns stay inside the date window")
        #expect(try Self.column(db, "SELECT count(*) FROM film WHERE release_year NOT BETWEEN 1960 AND 2025 OR length > 240") == ["0"])
        #expect(try Self.column(db, "SELECT count(*) FROM film WHERE description ~ '^[A-Z][a-z]+ ' ") != ["0"])
    }

    /// Places agree across foreign keys: a city belongs to the country its
    /// row points at, an address's district and postal code to its city.
    @Test func pagilaPlacesAgreeAcrossTables() throws {
        let db = try Self.loaded("pagila")
        defer { db.drop() }
        let fill = try CommandRunner.dbsynth(["fill", db.url, "--rows", "600", "--quiet"])
        try #require(fill.status == 0, "\(fill.stderr)")
        let known = Set(Vocabulary.places.map { "\($0.city)|\($0.country)" })
        let cities = try db.open().query("SELECT c.city, co.country FROM city c JOIN country co USING (country_id)")
        let matching = cities.filter { known.contains("\($0[0] ?? "")|\($0[1] ?? "")") }.count
        #expect(Double(matching) / Double(cities.count) > 0.95, "\(matching) of \(cities.count) cities are in their country")
        let states = Set(Vocabulary.places.map { "\($0.city)|\($0.state)" })
        let addresses = try db.open().query("SELECT c.city, a.district FROM address a JOIN city c USING (city_id)")
        let agreeing = addresses.filter { states.contains("\($0[0] ?? "")|\($0[1] ?? "")") }.count
        #expect(Double(agreeing) / Double(addresses.count) > 0.95, "\(agreeing) of \(addresses.count) addresses are in their city's district")
    }

    @Test func employeeDatesAreConsistent() throws {
        let db = try Self.loaded("employee")
        defer { db.drop() }
        let fill = try CommandRunner.dbsynth(["fill", db.url, "--rows", "1000", "--truncate", "--quiet"])
        try #require(fill.status == 0, "\(fill.stderr)")
        #expect(try Self.column(db, "SELECT count(*) FROM employee WHERE hire_date < birth_date + interval '16 years'") == ["0"])
        #expect(try Self.column(db, "SELECT count(*) FROM dept_emp WHERE to_date < from_date") == ["0"])
        #expect(try Self.column(db, "SELECT count(*) FROM salary WHERE to_date < from_date") == ["0"])
    }

    static func dump(_ db: ScratchPostgres) throws -> String {
        let schema = try PostgresIntrospector(connection: db.open()).schema()
        return try schema.tables.map { t in
            "\(t.name):\n" + (try db.open().query("SELECT x::text FROM \(t.name.quoted) x ORDER BY 1").map { $0[0] ?? "" }.joined(separator: "\n"))
        }.joined(separator: "\n")
    }

    @Test func sameSeedSameDatabaseWhateverTheJobs() throws {
        let one = try Self.loaded("pagila"), two = try Self.loaded("pagila")
        defer { one.drop(); two.drop() }
        #expect(try CommandRunner.dbsynth(["fill", one.url, "--rows", "500", "--jobs", "1", "--quiet"]).status == 0)
        #expect(try CommandRunner.dbsynth(["fill", two.url, "--rows", "500", "--jobs", "2", "--quiet"]).status == 0)
        let a = try Self.dump(one), b = try Self.dump(two)
        #expect(a.count > 100_000)
        #expect(a == b)
    }

    @Test func addingAColumnChangesNoOtherColumn() throws {
        let db = try Self.loaded("pagila")
        defer { db.drop() }
        let columns = "customer_id, store_id, first_name, last_name, email, address_id, activebool, create_date"
        #expect(try CommandRunner.dbsynth(["fill", db.url, "--rows", "300", "--quiet"]).status == 0)
        let before = try db.open().query("SELECT \(columns) FROM customer ORDER BY customer_id")
        try db.open().execute("ALTER TABLE customer ADD COLUMN nickname text, ADD COLUMN loyalty_points integer")
        #expect(try CommandRunner.dbsynth(["fill", db.url, "--rows", "300", "--truncate", "--quiet"]).status == 0)
        let after = try db.open().query("SELECT \(columns) FROM customer ORDER BY customer_id")
        #expect(before.count == 300)
        #expect(before == after)
        #expect(try db.open().query("SELECT count(*) FROM customer WHERE nickname IS NULL") == [["0"]])
    }
}

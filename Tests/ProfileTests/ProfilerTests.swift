import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import TestSupport
import Introspect
import SchemaModel
@testable import Profile

/// `dbsynth profile` on data written here: aggregates with the K rule.
@Suite struct ProfilerTests {
    static func database() throws -> ScratchSQLite { try ScratchSQLite(schema: SampleData.customersAndOrders) }

    @Test func columnsAndForeignKeysAreSummarisedWithoutRareValues() throws {
        let db = try Self.database()
        defer { db.remove() }
        let connection = DatabaseConnection.sqlite(try db.open())
        let profile = try Profiler().profile(connection, schema: try connection.readSchema(), source: db.path)
        let customer = try #require(profile.tables.first { $0.name == "customer" })
        #expect(customer.rows == 200 && customer.sampled == 200)
        let city = try #require(customer.columns.first { $0.name == "city" })
        #expect(Set(city.frequent.map(\.value)) == ["Lyon", "Oslo", "Quito", "Perth"], "Zanzibar, seen once, is left out")
        #expect(city.distinct == 5)
        let shares: Double = city.frequent.map(\.share).reduce(0, +)
        #expect(abs(shares - 199.0 / 200) < 1e-9)
        let score = try #require(customer.columns.first { $0.name == "score" })
        #expect(score.scale == 2)
        let q = try #require(score.quantiles)
        #expect(q.count == 257)
        let (low, high) = (q[0], q[q.count - 1])
        #expect(high <= 49.25 && low >= 0.25, "the outlier is clipped away: \(low)…\(high)")
        #expect(zip(q, q.dropFirst()).allSatisfy { $0 <= $1 })
        let note = try #require(customer.columns.first { $0.name == "note" })
        #expect(note.nullFraction == 0.25)
        #expect(note.frequent.isEmpty && note.unique, "every note is seen once")
        #expect(note.lengthQuantiles?.first ?? 0 >= 6)
        let joined = try #require(customer.columns.first { $0.name == "joined" })
        #expect(joined.kind == .date)
        let days = try #require(joined.quantiles)
        let (first, last) = (days[0], days[days.count - 1])
        #expect(first >= 18628 && last <= 18992, "days inside 2021")

        let orders = try #require(profile.tables.first { $0.name == "orders" })
        let fk = try #require(orders.foreignKeys.first)
        #expect(fk.references == "customer")
        #expect(abs(fk.childlessShare - 0.25) < 1e-9, "customers 151–200 have no order")
        #expect(abs(fk.nullFraction - 10.0 / Double(orders.rows)) < 1e-9)
        #expect(abs(fk.meanChildren - 300.0 / 200) < 1e-9)
        #expect(profile.suppressedValues >= 1 + 150)

        // Nothing seen fewer than K times anywhere in the document.
        let text = String(decoding: try JSONEncoder().encode(profile), as: UTF8.self)
        for rare in ["Zanzibar", "1000000", "note 5"] { #expect(!text.contains(rare), "\(rare)") }
    }

    @Test func largeTablesAreSampledEvenly() throws {
        let db = try Self.database()
        defer { db.remove() }
        let connection = DatabaseConnection.sqlite(try db.open())
        var profiler = Profiler()
        profiler.sampleLimit = 40
        let profile = try profiler.profile(connection, schema: try connection.readSchema(), source: db.path)
        let customer = try #require(profile.tables.first { $0.name == "customer" })
        #expect(customer.sampled == 40)
        let q = try #require(customer.columns.first { $0.name == "id" }?.quantiles)
        #expect(q.first! < 30 && q.last! > 170, "every 5th row, spread over the table: \(q.first!)…\(q.last!)")
    }

    /// With --epsilon the counts are noisy (so not asserted exactly), the
    /// header says so, and frequent values are still the common ones.
    @Test func epsilonAddsNoiseAndSaysSo() throws {
        let db = try Self.database()
        defer { db.remove() }
        let connection = DatabaseConnection.sqlite(try db.open())
        var profiler = Profiler()
        profiler.epsilon = 1
        let profile = try profiler.profile(connection, schema: try connection.readSchema(), source: db.path)
        #expect(profile.epsilon == 1)
        let city = try #require(profile.tables.first { $0.name == "customer" }?.columns.first { $0.name == "city" })
        #expect(Set(city.frequent.map(\.value)).isSuperset(of: ["Lyon", "Oslo", "Quito", "Perth"]))
        let shares: Double = city.frequent.map(\.share).reduce(0, +)
        #expect(shares > 0.9 && shares <= 1 + 1e-9, "at most all of them (rounding aside): \(shares)")
        let exact = try Profiler().profile(connection, schema: try connection.readSchema(), source: db.path)
        #expect(exact.epsilon == nil)
        #expect(!String(decoding: try JSONEncoder().encode(exact), as: UTF8.self).contains("epsilon"))
        let fk = try #require(profile.tables.first { $0.name == "orders" }?.foreignKeys.first)
        #expect(abs(fk.meanChildren - 1.5) < 0.3, "noisy parent counts, about the same mean: \(fk.meanChildren)")
    }

    @Test func kLargerThanTheSampleWritesNoQuantiles() {
        #expect(KAnonymousQuantiles.of(sorted: [1, 2, 3], k: 5) == nil)
        let q = KAnonymousQuantiles.of(sorted: (1...100).map(Double.init), k: 5)!
        #expect(q.first == 5 && q.last == 96, "clipped to the 5th lowest and highest, then 5-means")
    }
}

/// pg_stats arrays in their text form, as `--stats-only` reads them.
@Suite struct PostgresArrayTests {
    @Test func elementsAreUnquotedAndNullsKept() {
        #expect(PostgresArray.elements("{}") == [])
        #expect(PostgresArray.elements("{0.99,4.99,2.99}") == ["0.99", "4.99", "2.99"])
        #expect(PostgresArray.elements(#"{"2005-05-24 22:53:30","a \"b\", c",NULL,"NULL"}"#) == ["2005-05-24 22:53:30", #"a "b", c"#, nil, "NULL"])
        #expect(PostgresArray.elements("{{1,2},{3,4}}") == nil, "two dimensions are not read")
        #expect(PostgresArray.elements("0.99") == nil)
    }

    @Test func histogramQuantilesNeverRepeatABound() {
        let bounds: [Double] = [1, 2, 3, 10, 100]
        let q = StatsProfiler.quantiles(bounds, windowRows: 5, rows: 1_000)
        #expect(q.count == 257)
        #expect(zip(q, q.dropFirst()).allSatisfy { $0 <= $1 })
        #expect(!q.contains(1) && !q.contains(100), "the extremes are averaged away")
        #expect(q[128] > 2.5 && q[128] < 3.5, "the median is near the middle bound: \(q[128])")
    }
}

/// `--holdout`: rows left out of the profile, and the distance to the
/// closest record that `compare` measures against them.
@Suite struct HoldoutTests {
    @Test func heldOutRowsStayOutAndACopyOfTheRestIsCaught() throws {
        let source = try ScratchSQLite(schema: SampleData.correlated)
        defer { source.remove() }
        let connection = DatabaseConnection.sqlite(try source.open())
        let schema = try connection.readSchema()
        var profiler = Profiler()
        profiler.holdout = Holdout(fraction: 0.3)
        let profile = try profiler.profile(connection, schema: schema, source: source.path)
        #expect(profile.holdout == 0.3)
        let members = try #require(profile.tables.first { $0.name == "member" })
        #expect(members.sampled > 350 && members.sampled < 490, "about 70 % of 600 rows: \(members.sampled)")

        // A "synthetic" copy of exactly the profiled rows: it memorised them.
        let copy = try ScratchSQLite(schema: SampleData.correlatedSchema)
        defer { copy.remove() }
        let c = try copy.open()
        let holdout = Holdout(fraction: 0.3)
        for row in try source.open().query("SELECT * FROM member") where !holdout.holds(row) {
            try c.execute("INSERT INTO member VALUES (" + row.map { $0.map { "'\($0)'" } ?? "NULL" }.joined(separator: ", ") + ")")
        }
        var comparer = Comparer()
        comparer.holdout = holdout
        let copied = try comparer.compare(source: connection, schema, target: .sqlite(c), try DatabaseConnection.sqlite(c).readSchema(),
                                          names: ("source", "copy"))
        let dcr = try #require(copied.closestRecords)
        #expect(dcr.nearerThanHeldOut > 0.9 && dcr.score < 0.15, "a copy of the training rows: \(dcr)")
        // Without --holdout there is no such score.
        #expect(try Comparer().compare(source: connection, schema, target: .sqlite(c), try DatabaseConnection.sqlite(c).readSchema(),
                                       names: ("source", "copy")).closestRecords == nil)
    }
}

/// `compare --html`: one self-contained file of inline SVG.
@Suite struct HTMLReportTests {
    @Test func theReportIsWellFormedEscapedAndDrawsEveryFigure() throws {
        let db = try ScratchSQLite(schema: SampleData.correlated + """
            CREATE TABLE "odd<name>" ("x&y" INTEGER, label TEXT);
            INSERT INTO "odd<name>" VALUES (1, 'a'), (2, 'b'), (3, 'a'), (4, 'a'), (5, 'b'), (6, 'a');
            """)
        defer { db.remove() }
        let connection = DatabaseConnection.sqlite(try db.open())
        let schema = try connection.readSchema()
        var figures = ReportFigures()
        let report = try Comparer().compare(source: connection, schema, target: connection, schema, names: ("a & b", "<target>"), figures: &figures)
        #expect(figures.histograms.contains { $0.table == "member" && $0.column == "income" && $0.labels.count == 10 })
        #expect(figures.correlations.contains { $0.table == "member" && $0.columns.contains("age") })
        #expect(figures.children.contains { $0.table == "purchase" && $0.references == "member" })
        let html = HTMLReport.render(report, figures)
        #expect(html.contains("odd&lt;name&gt;") && html.contains("&lt;target&gt; against a &amp; b"))
        #expect(!html.contains("<script"), "no script")
        #expect(!html.replacingOccurrences(of: "http://www.w3.org/2000/svg", with: "").contains("http"), "nothing fetched")
        let svgs = html.components(separatedBy: "<svg ").count - 1
        #expect(svgs == figures.histograms.count + figures.correlations.count + figures.children.count)
        // Well-formed: every element closed, so an XML parser reads it whole.
        let parser = XMLParser(data: Data(html.utf8))
        #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
    }
}

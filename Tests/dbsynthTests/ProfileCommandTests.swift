import Foundation
import Testing
import TestSupport
import Introspect

/// `dbsynth profile` end to end: on a corpus dataset with real rows, and
/// its errors.
@Suite struct ProfileCommandTests {
    @Test(.enabled(if: TestEnvironment.postgresTestsEnabled && TestEnvironment.corpus != nil))
    func profilesThePagilaDataWithoutRareValues() throws {
        let db = try ScratchPostgres()
        defer { db.drop() }
        let loader = TestEnvironment.corpus!.appendingPathComponent("load").path
        let loaded = try CommandRunner.shell("\(loader) data pagila", environment: db.libpqEnvironment)
        try #require(loaded.status == 0, "\(loaded.stderr)")
        let file = try TestEnvironment.temporaryDirectory().appendingPathComponent("pagila.profile.json").path
        let r = try CommandRunner.dbsynth(["profile", db.url, "-o", file, "--min-count", "5"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Profiled 15 tables"), "\(r.stdout)")
        let text = try String(contentsOfFile: file, encoding: .utf8)
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(doc["format"] as? String == "dbsynth-profile" && doc["min_count"] as? Int == 5)
        let tables = doc["tables"] as? [[String: Any]] ?? []
        func table(_ name: String) -> [String: Any]? { tables.first { $0["name"] as? String == name } }
        func column(_ t: String, _ c: String) -> [String: Any]? {
            (table(t)?["columns"] as? [[String: Any]])?.first { $0["name"] as? String == c }
        }
        // rental_rate takes three prices, about a third each.
        let rates = (column("film", "rental_rate")?["frequent"] as? [[String: Any]] ?? []).compactMap { $0["value"] as? String }
        #expect(Set(rates) == ["0.99", "2.99", "4.99"], "\(rates)")
        #expect(column("film", "rental_rate")?["scale"] as? Int == 2)
        // Rentals per customer: 16,044 over 599 customers.
        let fks = table("rental")?["foreign_keys"] as? [[String: Any]] ?? []
        let perCustomer = fks.first { ($0["references"] as? String) == "customer" }
        #expect(abs((perCustomer?["mean_children"] as? Double ?? 0) - 16044.0 / 599) < 0.01)
        // No email (each seen once) and no customer name seen once is written.
        let c = try db.open()
        let emails = try c.query("SELECT email FROM customer ORDER BY customer_id LIMIT 20").compactMap { $0[0] }
        let names = try c.query("SELECT last_name FROM customer GROUP BY last_name HAVING count(*) = 1 LIMIT 20").compactMap { $0[0] }
        for value in emails + names { #expect(!text.contains("\"\(value)\""), "\(value)") }
        #expect(try c.query("SELECT count(*) FROM rental") == [["16044"]], "read-only")

        // Filling an empty pagila from the profile: the three prices, and about
        // as many rentals per inventory item as the source (3.5).
        let target = try ScratchPostgres()
        defer { target.drop() }
        let schema = try CommandRunner.shell("\(loader) postgres pagila", environment: target.libpqEnvironment)
        try #require(schema.status == 0, "\(schema.stderr)")
        let fill = try CommandRunner.dbsynth(["fill", target.url, "--profile", file, "--quiet"])
        #expect(fill.status == 0, "\(fill.stderr)")
        let t = try target.open()
        #expect(try t.query("SELECT DISTINCT rental_rate::text FROM film ORDER BY 1") == [["0.99"], ["2.99"], ["4.99"]])
        #expect(try t.query("SELECT count(*) FROM actor") == [["200"]])
        let perItem = Double((try t.query("SELECT count(*)::float / (SELECT count(*) FROM inventory) FROM rental").first?.first ?? nil) ?? "") ?? 0
        #expect(perItem > 3 && perItem < 4, "rentals per inventory item: \(perItem)")
        // A customer's address is its own, not its store's: the profile saw
        // the two agree on 0.3 % of customers, so the names do not tie them.
        let addresses = try t.query("SELECT count(DISTINCT address_id)::float / count(*) FROM customer").first?.first ?? nil
        #expect(Double(addresses ?? "") ?? 0 > 0.9, "one address per customer, as in the source: \(addresses ?? "-")")
        // Two staff of 1,500 handle every rental in the source; the fill keeps that.
        let busy = try t.query("SELECT count(DISTINCT staff_id) FROM rental")
        #expect(busy == [["2"]], "\(busy)")
        let scores = try CompareCommandTests.scores(db.url, target.url)
        let overall = scores["overall"] as? Double ?? 0
        #expect(overall >= 0.85, "\(scores.filter { $0.key != "columns" && $0.key != "pairs" && $0.key != "foreign_keys" })")
        #expect((scores["exact_match_share"] as? Double ?? 1) <= 0.01)

        // --stats-only: the planner's statistics instead of rows.
        // An empty table is never analysed: left out, and said so.
        _ = try db.open().execute("ANALYZE; CREATE TABLE never_analysed (id int)")
        let statsFile = try TestEnvironment.temporaryDirectory().appendingPathComponent("pagila.stats.json").path
        let stats = try CommandRunner.dbsynth(["profile", db.url, "--stats-only", "-o", statsFile])
        #expect(stats.status == 0 && stats.stdout.contains("from pg_stats (no rows read)"), "\(stats.stdout)\(stats.stderr)")
        #expect(stats.stderr.contains("note: no statistics for never_analysed (ANALYZE has not run)"), "\(stats.stderr)")
        let statsText = try String(contentsOfFile: statsFile, encoding: .utf8)
        let statsDoc = try #require(try JSONSerialization.jsonObject(with: Data(statsText.utf8)) as? [String: Any])
        #expect(statsDoc["statistics"] as? String == "pg_stats")
        let statsTables = statsDoc["tables"] as? [[String: Any]] ?? []
        #expect(statsTables.count == 15, "the partitioned payment too, from its partitions' statistics")
        let rentals = statsTables.first { $0["name"] as? String == "rental" }?["rows"] as? Int ?? 0
        #expect(abs(rentals - 16044) < 200, "reltuples: \(rentals)")
        for value in emails + names { #expect(!statsText.contains("\"\(value)\""), "\(value)") }
        let fromStats = try ScratchPostgres()
        defer { fromStats.drop() }
        try #require(try CommandRunner.shell("\(loader) postgres pagila", environment: fromStats.libpqEnvironment).status == 0)
        let statsFill = try CommandRunner.dbsynth(["fill", fromStats.url, "--profile", statsFile, "--quiet"])
        #expect(statsFill.status == 0, "\(statsFill.stderr)")
        #expect(try fromStats.open().query("SELECT DISTINCT rental_rate::text FROM film ORDER BY 1") == [["0.99"], ["2.99"], ["4.99"]])
        let statsScore = try CompareCommandTests.scores(db.url, fromStats.url)["overall"] as? Double ?? 0
        #expect(statsScore > 0.75, "lower fidelity than rows, still far above a guess: \(statsScore)")
    }

    /// Northwind: nine employees behind 830 orders, and orders that copy
    /// their customer's name, city and country (95–100 % of rows).
    @Test(.enabled(if: TestEnvironment.postgresTestsEnabled && TestEnvironment.corpus != nil))
    func aFewParentsAndCopiedColumnsKeepTheirShape() throws {
        let loader = TestEnvironment.corpus!.appendingPathComponent("load").path
        let source = try ScratchPostgres(), target = try ScratchPostgres()
        defer { source.drop(); target.drop() }
        try #require(try CommandRunner.shell("\(loader) postgres northwind", environment: source.libpqEnvironment).status == 0)
        try #require(try CommandRunner.shell("\(loader) postgres northwind", environment: target.libpqEnvironment).status == 0)
        let file = try TestEnvironment.temporaryDirectory().appendingPathComponent("northwind.profile.json").path
        try #require(try CommandRunner.dbsynth(["profile", source.url, "-o", file]).status == 0)
        let fill = try CommandRunner.dbsynth(["fill", target.url, "--profile", file, "--truncate", "--quiet"])
        try #require(fill.status == 0, "\(fill.stderr)")
        let t = try target.open()
        // The copies hold on every row, and the customer's values are the
        // ones the orders knew (each too rare among 91 customers to learn
        // there): the city is a real city of that country.
        let copied = try t.query("""
            SELECT count(*), count(*) FILTER (WHERE o.ship_country = c.country AND o.ship_city = c.city AND o.ship_name = c.company_name)
            FROM orders o JOIN customers c USING (customer_id)
            """)[0]
        #expect(copied[0] == copied[1], "orders copy their customer: \(copied)")
        let sourcePairs = Set(try source.open().query("SELECT DISTINCT city, country FROM customers").map { "\($0[0] ?? "")|\($0[1] ?? "")" })
        let filledPairs = try t.query("SELECT city, country FROM customers").map { "\($0[0] ?? "")|\($0[1] ?? "")" }
        let real = Double(filledPairs.filter(sourcePairs.contains).count) / Double(max(filledPairs.count, 1))
        #expect(real > 0.6, "customers' cities and countries as the source paired them: \(real)")
        // Conditioning orders on employees' columns (all but collinear at
        // the orders' rows, drawn independently) once pushed a fifth of
        // the orders onto one ship name; the most frequent stays near the
        // source's 3.7 %.
        let top = Double(try t.query("SELECT max(n)::float / sum(n) FROM (SELECT count(*) AS n FROM orders GROUP BY ship_name) s")[0][0] ?? "") ?? 1
        #expect(top < 0.1, "the most frequent ship name's share: \(top)")
        // Each title of courtesy too rare to learn is still a title of courtesy.
        let titles = Set(try t.query("SELECT DISTINCT title_of_courtesy FROM employees").compactMap { $0[0] })
        #expect(titles.isSubset(of: ["Mr.", "Ms.", "Mrs.", "Dr.", "Prof.", "Mx."]), "\(titles)")
        let overall = try CompareCommandTests.scores(source.url, target.url)["overall"] as? Double ?? 0
        #expect(overall > 0.65, "\(overall)")
    }

    @Test func refusesBadOptionsAndMissingDatabases() throws {
        let sqlite = try ScratchSQLite(schema: SampleData.customersAndOrders)
        defer { sqlite.remove() }
        let stats = try CommandRunner.dbsynth(["profile", sqlite.url, "--stats-only"])
        #expect(stats.status != 0 && stats.stderr.hasPrefix("error: --stats-only reads PostgreSQL's pg_stats"), "\(stats.stderr)")
        let wide = try CommandRunner.dbsynth(["profile", sqlite.url, "--holdout", "0.7"])
        #expect(wide.status != 0 && wide.stderr.contains("--holdout must be above 0 and at most 0.5, not 0.7"), "\(wide.stderr)")
        let noisy = try CommandRunner.dbsynth(["profile", sqlite.url, "--stats-only", "--epsilon", "1"])
        #expect(noisy.status != 0 && noisy.stderr.contains("--stats-only reads no rows to add noise to"), "\(noisy.stderr)")
        let bad = try CommandRunner.dbsynth(["profile", "sqlite:/tmp/x.db", "--min-count", "0"])
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("--min-count must be 1 or more"), "\(bad.stderr)")
        let missing = try CommandRunner.dbsynth(["profile", "sqlite:/nonexistent/dir/none.db"])
        #expect(missing.status != 0)
        #expect(missing.stderr.hasPrefix("error:"), "\(missing.stderr)")
    }
}

/// `fill --profile`: a new database shaped like the profiled one.
@Suite struct ProfileFillTests {
    @Test func aFillFromAProfileFollowsTheSource() throws {
        let source = try ScratchSQLite(schema: SampleData.customersAndOrders)
        defer { source.remove() }
        let file = source.directory.appendingPathComponent("source.profile.json").path
        let profiled = try CommandRunner.dbsynth(["profile", source.url, "-o", file])
        try #require(profiled.status == 0, "\(profiled.stderr)")
        let target = try ScratchSQLite(schema: SampleData.customersAndOrdersSchema)
        defer { target.remove() }
        let fill = try CommandRunner.dbsynth(["fill", target.url, "--profile", file, "--quiet"])
        #expect(fill.status == 0, "\(fill.stderr)")
        let c = try target.open()
        func int(_ sql: String) throws -> Int { Int(try c.scalarInt(sql) ?? -1) }
        #expect(try int("SELECT count(*) FROM customer") == 200, "the source's row count")
        for city in ["Lyon", "Oslo", "Quito", "Perth"] {
            let n = try int("SELECT count(*) FROM customer WHERE city = '\(city)'")
            #expect(n > 30 && n < 70, "\(city): \(n) of 200")
        }
        #expect(try int("SELECT count(*) FROM customer WHERE city = 'Zanzibar'") == 0, "a value seen once is not learned")
        #expect(try int("SELECT count(*) FROM customer WHERE score < 0.25 OR score > 49.25") == 0)
        let notes = try int("SELECT count(*) FROM customer WHERE note IS NULL")
        #expect(notes > 30 && notes < 75, "about a quarter NULL: \(notes)")
        #expect(try int("SELECT count(*) FROM customer WHERE joined < '2021-01-01' OR joined > '2021-12-31'") == 0)
        // Children per parent: about a quarter of customers without orders, 1.5 orders each.
        let orders = try int("SELECT count(*) FROM orders WHERE customer_id IS NOT NULL")
        #expect(orders > 220 && orders < 380, "\(orders)")
        let childless = try int("SELECT count(*) FROM customer WHERE id NOT IN (SELECT customer_id FROM orders WHERE customer_id IS NOT NULL)")
        #expect(childless > 25 && childless < 80, "\(childless)")
        #expect(try c.query("PRAGMA foreign_key_check").isEmpty)

        // --like profiles on the fly: the same rows as from the saved profile.
        let like = try ScratchSQLite(schema: SampleData.customersAndOrdersSchema)
        defer { like.remove() }
        let liked = try CommandRunner.dbsynth(["fill", like.url, "--like", source.url, "--quiet"])
        #expect(liked.status == 0, "\(liked.stderr)")
        let rows = "SELECT group_concat(city || coalesce(score, '-') || joined, ',') FROM customer"
        #expect(try like.open().query(rows) == c.query(rows))
        let both = try CommandRunner.dbsynth(["fill", like.url, "--like", source.url, "--profile", file, "--truncate"])
        #expect(both.status == 2 && both.stderr.contains("--like and --profile exclude each other"), "\(both.stderr)")
        let gone = try CommandRunner.dbsynth(["fill", like.url, "--like", "sqlite:/nonexistent/dir/x.db", "--truncate"])
        #expect(gone.status == 2 && gone.stderr.contains("--like /nonexistent/dir/x.db: no such SQLite database"), "\(gone.stderr)")

        // The same profile and seed give the same rows; a broken file is refused naming it.
        let again = try ScratchSQLite(schema: SampleData.customersAndOrdersSchema)
        defer { again.remove() }
        #expect(try CommandRunner.dbsynth(["fill", again.url, "--profile", file, "--quiet"]).status == 0)
        let dump = "SELECT group_concat(city || score || joined || coalesce(note, '-'), ',') FROM customer"
        #expect(try again.open().query(dump) == c.query(dump))
        let broken = source.directory.appendingPathComponent("broken.json").path
        try "{\"format\": \"dbsynth-profile\"}".write(toFile: broken, atomically: true, encoding: .utf8)
        let refused = try CommandRunner.dbsynth(["fill", again.url, "--profile", broken, "--truncate"])
        #expect(refused.status == 2)
        #expect(refused.stderr.hasPrefix("error: --profile \(broken): not a dbsynth profile (missing "), "\(refused.stderr)")
        #expect(try again.open().query(dump) == c.query(dump), "the refused fill changed nothing")
    }
}

/// `dbsynth compare`: sdmetrics-style scores between two databases.
@Suite struct CompareCommandTests {
    static func scores(_ source: String, _ target: String) throws -> [String: Any] {
        let r = try CommandRunner.dbsynth(["compare", source, target, "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        return try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any] ?? [:]
    }

    @Test func aProfiledFillScoresAboveARuleBasedOne() throws {
        let source = try ScratchSQLite(schema: SampleData.customersAndOrders)
        defer { source.remove() }
        let same = try Self.scores(source.url, source.url)
        #expect(same["overall"] as? Double == 1)
        #expect(same["exact_match_share"] as? Double == 1, "a database is all copies of itself")

        let file = source.directory.appendingPathComponent("p.json").path
        #expect(try CommandRunner.dbsynth(["profile", source.url, "-o", file]).status == 0)
        let profiled = try ScratchSQLite(schema: SampleData.customersAndOrdersSchema)
        defer { profiled.remove() }
        #expect(try CommandRunner.dbsynth(["fill", profiled.url, "--profile", file, "--quiet"]).status == 0)
        let plain = try ScratchSQLite(schema: SampleData.customersAndOrdersSchema)
        defer { plain.remove() }
        #expect(try CommandRunner.dbsynth(["fill", plain.url, "--rows", "200", "--quiet"]).status == 0)

        let learned = try Self.scores(source.url, profiled.url)
        let guessed = try Self.scores(source.url, plain.url)
        let (l, g) = (learned["overall"] as? Double ?? 0, guessed["overall"] as? Double ?? 1)
        #expect(l > 0.8, "\(learned)")
        #expect(l > g + 0.1, "learned \(l) against rule-based \(g)")
        #expect((learned["exact_match_share"] as? Double ?? 1) < 0.05, "no copied rows")
        let columns = learned["columns"] as? [[String: Any]] ?? []
        #expect(columns.contains { $0["column"] as? String == "city" && $0["metric"] as? String == "tv" })
        #expect(!columns.contains { $0["column"] as? String == "note" }, "free text is no shape")
        let text = try CommandRunner.dbsynth(["compare", source.url, profiled.url])
        #expect(text.stdout.contains("column shapes") && text.stdout.contains("overall"), "\(text.stdout)")
        let missing = try CommandRunner.dbsynth(["compare", source.url, "sqlite:/nonexistent/dir/x.db"])
        #expect(missing.status != 0 && missing.stderr.hasPrefix("error:"), "\(missing.stderr)")
    }
}

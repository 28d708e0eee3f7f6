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
    }

    @Test func refusesBadOptionsAndMissingDatabases() throws {
        let bad = try CommandRunner.dbsynth(["profile", "sqlite:/tmp/x.db", "--min-count", "0"])
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("--min-count must be 1 or more"), "\(bad.stderr)")
        let missing = try CommandRunner.dbsynth(["profile", "sqlite:/nonexistent/dir/none.db"])
        #expect(missing.status != 0)
        #expect(missing.stderr.hasPrefix("error:"), "\(missing.stderr)")
    }
}

import Foundation
import Testing
import TestSupport
import Introspect

/// Columns that move together in the source move together in a profiled
/// fill: the copula within a table, children per parent tied to the
/// parent's columns, and a UNIQUE column that still follows its shape.
@Suite struct CopulaFillTests {
    static func pearson(_ rows: [[String?]]) -> Double {
        let pairs = rows.compactMap { r -> (Double, Double)? in
            guard let a = r[0].flatMap(Double.init), let b = r[1].flatMap(Double.init) else { return nil }
            return (a, b)
        }
        let n = Double(pairs.count)
        let ma = pairs.map(\.0).reduce(0, +) / n, mb = pairs.map(\.1).reduce(0, +) / n
        var sab = 0.0, saa = 0.0, sbb = 0.0
        for (x, y) in pairs { sab += (x - ma) * (y - mb); saa += (x - ma) * (x - ma); sbb += (y - mb) * (y - mb) }
        return sab / (saa * sbb).squareRoot()
    }

    /// Mean purchases of the older half of members over the younger half's.
    static func olderBuyMore(_ db: ScratchSQLite) throws -> Double {
        let rows = try db.open().query("""
            SELECT m.age >= (SELECT avg(age) FROM member), avg(n) FROM
              (SELECT member.id, member.age, count(purchase.id) AS n FROM member LEFT JOIN purchase ON purchase.member_id = member.id GROUP BY member.id) AS m
            GROUP BY 1 ORDER BY 1
            """)
        let young = rows.first?[1].flatMap(Double.init) ?? 0, old = rows.last?[1].flatMap(Double.init) ?? 0
        return old / max(young, 1e-9)
    }

    @Test func aProfiledFillKeepsWhatMovesTogether() throws {
        let source = try ScratchSQLite(schema: SampleData.correlated)
        defer { source.remove() }
        let file = source.directory.appendingPathComponent("p.json").path
        let profiled = try CommandRunner.dbsynth(["profile", source.url, "-o", file])
        try #require(profiled.status == 0, "\(profiled.stderr)")
        // The same data gives the same file, byte for byte (ties in a rule's
        // map, six cities seen 100 times each, do not follow hash order).
        let again = source.directory.appendingPathComponent("again.json").path
        try #require(try CommandRunner.dbsynth(["profile", source.url, "-o", again]).status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == Data(contentsOf: URL(fileURLWithPath: again)), "a profile is reproducible")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: file))) as? [String: Any] ?? [:]
        let member = (json["tables"] as? [[String: Any]] ?? []).first { $0["name"] as? String == "member" } ?? [:]
        let copula = member["copula"] as? [String: Any] ?? [:]
        let dimensions = (copula["dimensions"] as? [[String: Any]] ?? [])
        let names = dimensions.map { ($0["column"] as? String) ?? "children in \($0["children"] as? String ?? "")" }
        #expect(Set(names).isSuperset(of: ["age", "income", "tier", "children in purchase"]), "\(names)")
        #expect(!names.contains("joined") && !names.contains("id"), "unique columns and keys are not in the copula")
        let matrix = copula["correlation"] as? [[Double]] ?? []
        if let a = names.firstIndex(of: "age"), let i = names.firstIndex(of: "income"), let c = names.firstIndex(of: "children in purchase") {
            #expect(matrix[a][i] > 0.8, "age and income: \(matrix[a][i])")
            #expect(matrix[a][c] > 0.8, "age and purchases per member: \(matrix[a][c])")
        }

        let target = try ScratchSQLite(schema: SampleData.correlatedSchema)
        defer { target.remove() }
        let filled = try CommandRunner.dbsynth(["fill", target.url, "--profile", file, "--quiet"])
        try #require(filled.status == 0, "\(filled.stderr)")
        let connection = try target.open()
        let r = Self.pearson(try connection.query("SELECT age, income FROM member"))
        #expect(r > 0.75, "age and income still rise together: \(r)")
        // Tier follows income: gold members earn more than bronze ones.
        let tiers = try connection.query("SELECT tier, avg(income) FROM member GROUP BY tier ORDER BY 2")
        #expect(tiers.map { $0[0] ?? "" } == ["bronze", "silver", "gold"], "\(tiers)")
        let (filledRatio, sourceRatio) = (try Self.olderBuyMore(target), try Self.olderBuyMore(source))
        #expect(filledRatio > 1.6, "older members place more orders: \(filledRatio), as in the source: \(sourceRatio)")
        // Parent context: richer members' orders are larger, in the source and the fill.
        let joined = "SELECT member.income, purchase.amount FROM purchase JOIN member ON member.id = purchase.member_id"
        let (sourceContext, filledContext) = (Self.pearson(try source.open().query(joined)), Self.pearson(try connection.query(joined)))
        #expect(sourceContext > 0.8 && filledContext > 0.6, "income and amount: source \(sourceContext), fill \(filledContext)")
        let purchase = (json["tables"] as? [[String: Any]] ?? []).first { $0["name"] as? String == "purchase" } ?? [:]
        let purchaseDims = ((purchase["copula"] as? [String: Any])?["dimensions"] as? [[String: Any]]) ?? []
        #expect(purchaseDims.first?["parent"] as? [String] == ["member_id"], "the parent's columns lead: \(purchaseDims)")

        // The UNIQUE day follows the source's range and stays distinct.
        let days = try connection.query("SELECT count(DISTINCT joined), count(*), min(joined), max(joined) FROM member")[0]
        #expect(days[0] == days[1])
        #expect((days[2] ?? "") >= "2019-04-01" && (days[3] ?? "") <= "2022-12-31", "\(days)")

        // inspect --profile shows the plan the fill used.
        let inspected = try CommandRunner.dbsynth(["inspect", target.url, "--profile", file])
        #expect(inspected.status == 0, "\(inspected.stderr)")
        #expect(inspected.stdout.contains("correlated") && inspected.stdout.contains("fixed by city"), "\(inspected.stdout)")
        #expect(inspected.stdout.contains("as profiled: 2019-"), "dates shown as dates: \(inspected.stdout)")

        // Rules the source obeyed: renewals after joining by 300–420 days,
        // the country fixed by the city.
        let rules = member["rules"] as? [[String: Any]] ?? []
        #expect(rules.contains { $0["kind"] as? String == "after" && $0["column"] as? String == "renewed" && $0["of"] as? [String] == ["joined"] }, "\(rules)")
        #expect(rules.contains { $0["kind"] as? String == "determined_by" && $0["column"] as? String == "country" && $0["of"] as? [String] == ["city"] }, "\(rules)")
        #expect(!rules.contains { $0["column"] as? String == "income" }, "an income is not 'after' an age: the two ranges are apart")
        let renewals = try connection.query("SELECT count(*), sum(julianday(renewed) - julianday(joined) BETWEEN 299 AND 421) FROM member WHERE renewed IS NOT NULL")[0]
        #expect(renewals[0] == renewals[1] && (Int(renewals[0] ?? "0") ?? 0) > 400, "\(renewals)")
        let wrongCountry = try connection.query("""
            SELECT count(*) FROM member WHERE NOT ((city IN ('Lyon', 'Paris') AND country = 'France') OR (city IN ('Oslo', 'Bergen') AND country = 'Norway')
              OR (city = 'Quito' AND country = 'Ecuador') OR (city = 'Perth' AND country = 'Australia'))
            """)
        #expect(wrongCountry == [["0"]])

        // compare sees the pairs: the learned fill keeps them, a rule-based one does not.
        let plain = try ScratchSQLite(schema: SampleData.correlatedSchema)
        defer { plain.remove() }
        #expect(try CommandRunner.dbsynth(["fill", plain.url, "--rows", "600", "--quiet"]).status == 0)
        let learned = try CompareCommandTests.scores(source.url, target.url)
        let guessed = try CompareCommandTests.scores(source.url, plain.url)
        let (l, g) = (learned["column_pair_trends"] as? Double ?? 0, guessed["column_pair_trends"] as? Double ?? 1)
        #expect(l > 0.85 && l > g + 0.1, "pair trends: learned \(l), rule-based \(g)")
        let (li, gi) = (learned["intertable_trends"] as? Double ?? 0, guessed["intertable_trends"] as? Double ?? 1)
        #expect(li > gi + 0.05, "intertable trends: learned \(li), rule-based \(gi)")
        let across = learned["intertable_pairs"] as? [[String: Any]] ?? []
        #expect(across.contains { $0["table"] as? String == "purchase" && $0["columns"] as? [String] == ["amount", "member.income"] }, "\(across)")
        let pairs = learned["pairs"] as? [[String: Any]] ?? []
        #expect(pairs.contains { $0["columns"] as? [String] == ["age", "income"] && $0["metric"] as? String == "correlation" })
        #expect(pairs.contains { ($0["columns"] as? [String])?.contains("tier") == true && $0["metric"] as? String == "contingency" })
    }

    @Test func aFillFromAProfileWithHeldOutRowsIsNoNearerToTheRest() throws {
        let source = try ScratchSQLite(schema: SampleData.correlated)
        defer { source.remove() }
        let file = source.directory.appendingPathComponent("held.json").path
        try #require(try CommandRunner.dbsynth(["profile", source.url, "--holdout", "0.3", "-o", file]).status == 0)
        let target = try ScratchSQLite(schema: SampleData.correlatedSchema)
        defer { target.remove() }
        try #require(try CommandRunner.dbsynth(["fill", target.url, "--profile", file, "--quiet"]).status == 0)
        let text = try CommandRunner.dbsynth(["compare", source.url, target.url, "--holdout", "0.3"])
        #expect(text.stdout.contains("closest records"), "\(text.stdout)")
        let json = try CommandRunner.dbsynth(["compare", source.url, target.url, "--holdout", "0.3", "--json"])
        let doc = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any] ?? [:]
        let dcr = doc["closest_records"] as? [String: Any] ?? [:]
        #expect((dcr["score"] as? Double ?? 0) > 0.7, "\(dcr)")
        #expect((dcr["nearer_than_held_out"] as? Double ?? 1) < 0.3, "\(dcr)")
    }

    /// The HTML report, rendered by a real browser (headless Chromium): on
    /// CI it must be there (scripts/install-deps.sh installs it).
    @Test(.enabled(if: TestEnvironment.isCI || FileManager.default.isExecutableFile(atPath: "/usr/bin/chromium")))
    func theHTMLReportRendersInABrowser() throws {
        let source = try ScratchSQLite(schema: SampleData.correlated)
        defer { source.remove() }
        let target = try ScratchSQLite(schema: SampleData.correlatedSchema)
        defer { target.remove() }
        try #require(try CommandRunner.dbsynth(["fill", target.url, "--like", source.url, "--quiet"]).status == 0)
        let html = source.directory.appendingPathComponent("report.html").path
        let r = try CommandRunner.dbsynth(["compare", source.url, target.url, "--html", html])
        #expect(r.status == 0 && r.stdout.contains("overall"), "\(r.stderr)")
        let text = try String(contentsOfFile: html, encoding: .utf8)
        #expect(text.contains("<svg") && text.contains("children per member"), "the figures are drawn")
        let png = source.directory.appendingPathComponent("report.png").path
        let shot = try CommandRunner.shell("timeout 120 chromium --headless --no-sandbox --disable-gpu --window-size=1200,2000 --screenshot=\(png) file://\(html)")
        #expect(shot.status == 0, "\(shot.stderr)")
        let size = (try? FileManager.default.attributesOfItem(atPath: png)[.size] as? Int) ?? 0
        #expect(size > 20_000, "a page with figures, not a blank one: \(size) bytes")
        let unwritable = try CommandRunner.dbsynth(["compare", source.url, target.url, "--html", "/nonexistent/dir/r.html"])
        #expect(unwritable.status != 0 && unwritable.stderr.hasPrefix("error: --html /nonexistent/dir/r.html: cannot write the file"), "\(unwritable.stderr)")
    }

    /// A join table keyed by its two foreign keys: 300 posts, 40 tags,
    /// the first tag on 240 posts and the last on 2. Laid out along the
    /// tags, each tag's posts distinct, the skew survives and the key holds.
    @Test func aJoinTableKeepsItsChildrenPerParent() throws {
        let schema = """
            CREATE TABLE post (id INTEGER PRIMARY KEY, title TEXT NOT NULL);
            CREATE TABLE tag (id INTEGER PRIMARY KEY, label TEXT NOT NULL);
            CREATE TABLE post_tag (post_id INTEGER NOT NULL REFERENCES post(id), tag_id INTEGER NOT NULL REFERENCES tag(id),
                                   PRIMARY KEY (post_id, tag_id));
            """
        var sql = schema + "\n"
        for p in 1...300 { sql += "INSERT INTO post VALUES (\(p), 'post \(p)');\n" }
        for t in 1...40 {
            sql += "INSERT INTO tag VALUES (\(t), 'tag \(t)');\n"
            for k in 0..<max(2, 240 / (t * t)) { sql += "INSERT INTO post_tag VALUES (\(1 + (k * 7 + t * 13) % 300), \(t));\n" }
        }
        let source = try ScratchSQLite(schema: sql)
        defer { source.remove() }
        let file = source.directory.appendingPathComponent("p.json").path
        try #require(try CommandRunner.dbsynth(["profile", source.url, "-o", file, "--min-count", "1"]).status == 0)
        let target = try ScratchSQLite(schema: schema)
        defer { target.remove() }
        let filled = try CommandRunner.dbsynth(["fill", target.url, "--profile", file, "--quiet"])
        try #require(filled.status == 0, "\(filled.stderr)")
        func counts(_ db: ScratchSQLite) throws -> [Int] {
            try db.open().query("SELECT count(*) FROM post_tag GROUP BY tag_id ORDER BY 1 DESC").compactMap { $0[0].flatMap { Int($0) } }
        }
        let (real, synthetic) = (try counts(source), try counts(target))
        #expect(Double(synthetic.first ?? 0) > 0.8 * Double(real.first ?? 0), "the busiest tag: \(synthetic.prefix(5)) against \(real.prefix(5))")
        #expect((synthetic.last ?? 0) <= 4, "the quietest tag: \(synthetic.suffix(5)) against \(real.suffix(5))")
        let pairs = try target.open().query("SELECT count(*), count(DISTINCT post_id || '-' || tag_id) FROM post_tag")[0]
        #expect(pairs[0] == pairs[1], "every pair once: \(pairs)")
    }

    @Test func aTotalThatSumsItsLinesStillDoes() throws {
        let source = try ScratchSQLite(schema: SampleData.invoices)
        defer { source.remove() }
        let file = source.directory.appendingPathComponent("p.json").path
        try #require(try CommandRunner.dbsynth(["profile", source.url, "-o", file]).status == 0)
        let text = try String(contentsOfFile: file, encoding: .utf8)
        #expect(text.contains("\"sum_of_children\""), "the rule is found")
        let target = try ScratchSQLite(schema: SampleData.invoicesSchema)
        defer { target.remove() }
        let filled = try CommandRunner.dbsynth(["fill", target.url, "--profile", file, "--quiet"])
        try #require(filled.status == 0, "\(filled.stderr)")
        let c = try target.open()
        let check = """
            SELECT count(*), sum(abs(i.total - coalesce(s.total, 0)) > 0.005) FROM invoice i
            LEFT JOIN (SELECT invoice_id, sum(unit_price * quantity) AS total FROM invoice_line GROUP BY invoice_id) s ON s.invoice_id = i.id
            """
        let row = try c.query(check)[0]
        #expect((Int(row[0] ?? "0") ?? 0) >= 150 && row[1] == "0", "every invoice's total is its lines': \(row)")
        // A line's price is its track's, as in the source (a copy from the parent).
        #expect(text.contains("\"copied_from_parent\""))
        let mismatched = try c.query("SELECT count(*) FROM invoice_line l JOIN track t ON t.id = l.track_id WHERE l.unit_price <> t.unit_price")
        #expect(mismatched == [["0"]])
        let lines = try c.query("SELECT count(*) FROM invoice_line")[0][0].flatMap { Int($0) } ?? 0
        #expect(lines > 600, "lines per invoice as in the source (about 5): \(lines)")
    }
}

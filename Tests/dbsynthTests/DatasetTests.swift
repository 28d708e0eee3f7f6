import Foundation
import Testing
import TestSupport
import Introspect
import SchemaModel

/// `dbsynth datasets` and `dbsynth create`: every dataset on both
/// databases, complete and consistent; the analytics shapes it promises.
@Suite struct DatasetTests {
    static let names = ["retail_oltp", "retail_star", "finance_oltp", "finance_star", "ecommerce_star", "healthcare_oltp"]
    /// Small, and a tenth of that: the checks need rows, not volume.
    static let scale = "0.1"

    /// Rows that break a foreign key, per key, by a query both databases run.
    static func orphanQueries(_ schema: Schema) -> [(String, String)] {
        schema.tables.flatMap { t in
            t.foreignKeys.map { fk in
                let on = zip(fk.columns, fk.referencedColumns).map { "p.\($1) = c.\($0)" }.joined(separator: " AND ")
                let notNull = fk.columns.map { "c.\($0) IS NOT NULL" }.joined(separator: " AND ")
                return ("\(t.name.name)(\(fk.columns.joined(separator: ", "))) → \(fk.referencedTable.name)",
                        "SELECT count(*) FROM \(t.name.name) c WHERE \(notNull) AND NOT EXISTS (SELECT 1 FROM \(fk.referencedTable.name) p WHERE \(on))")
            }
        }
    }

    /// Every table non-empty, every FK valid, a fact's every key joined.
    static func checkComplete(_ name: String, schema: Schema, count: (String) throws -> Int64) throws {
        let tables = schema.tables.map(\.name.name)
        #expect(tables.count >= 5, "\(name): \(tables)")
        for t in tables { #expect(try count("SELECT count(*) FROM \(t)") > 0, "\(name).\(t) is empty") }
        let checks = orphanQueries(schema)
        #expect(checks.count >= 4)
        for (what, sql) in checks { #expect(try count(sql) == 0, "\(name): \(what) has rows without a parent") }
    }

    @Test(arguments: names)
    func everyDatasetOnSQLiteIsCompleteAndValid(name: String) throws {
        let db = try ScratchSQLite()
        defer { db.remove() }
        let r = try CommandRunner.dbsynth(["create", name, db.url, "--scale", Self.scale, "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        let c = try db.open()
        try Self.checkComplete(name, schema: try SQLiteIntrospector(connection: c).schema()) { try c.scalarInt($0) ?? -1 }
        #expect(try c.query("PRAGMA foreign_key_check").isEmpty)
    }

    @Test(.enabled(if: TestEnvironment.postgresTestsEnabled), arguments: names)
    func everyDatasetOnPostgresIsCompleteAndValid(name: String) throws {
        let db = try ScratchPostgres()
        defer { db.drop() }
        let r = try CommandRunner.dbsynth(["create", name, db.url, "--scale", Self.scale, "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        let c = try db.open()
        let schema = try PostgresIntrospector(connection: c).schema()
        // Declared keys, not only dbsynth's view: the catalog has every FK of the DDL.
        #expect(try c.query("SELECT count(*) FROM pg_constraint WHERE contype = 'f'")[0][0].flatMap { Int($0) } == schema.tables.reduce(0) { $0 + $1.foreignKeys.count })
        try Self.checkComplete(name, schema: schema) { Int64(try c.query($0)[0][0] ?? "") ?? -1 }
    }

    /// A dump of every table in key order.
    static func dump(_ db: ScratchSQLite) throws -> [String: [[String?]]] {
        let c = try db.open()
        var out: [String: [[String?]]] = [:]
        for t in try SQLiteIntrospector(connection: c).schema().tables { out[t.name.name] = try c.query("SELECT * FROM \(t.name.name) ORDER BY 1") }
        return out
    }

    @Test func theSameSeedGivesTheSameDatabase() throws {
        var dumps: [[String: [[String?]]]] = []
        for seed in ["7", "7", "8"] {
            let db = try ScratchSQLite()
            defer { db.remove() }
            let r = try CommandRunner.dbsynth(["create", "finance_star", db.url, "--scale", "0.05", "--seed", seed, "--quiet"])
            #expect(r.status == 0, "\(r.stderr)")
            dumps.append(try Self.dump(db))
        }
        #expect(dumps[0] == dumps[1])
        #expect(dumps[0]["fact_transaction"] != dumps[2]["fact_transaction"])
        // The date dimension is the calendar, whatever the seed.
        #expect(dumps[0]["dim_date"] == dumps[2]["dim_date"])
    }

    @Test func retailStarHasTypeTwoCustomersACompleteCalendarAndSkewedSales() throws {
        let db = try ScratchSQLite()
        defer { db.remove() }
        let r = try CommandRunner.dbsynth(["create", "retail_star", db.url, "--scale", "0.3", "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        let c = try db.open()
        func n(_ sql: String) throws -> Int64 { try c.scalarInt(sql) ?? -1 }
        // SCD2: one current version per key, versions 1…n without gaps, windows that touch and never overlap.
        #expect(try n("SELECT count(*) FROM (SELECT customer_id FROM dim_customer GROUP BY customer_id HAVING sum(is_current) <> 1)") == 0)
        #expect(try n("SELECT count(*) FROM (SELECT customer_id FROM dim_customer GROUP BY customer_id HAVING max(version) <> count(*) OR min(version) <> 1)") == 0)
        #expect(try n("""
            SELECT count(*) FROM dim_customer a JOIN dim_customer b ON a.customer_id = b.customer_id AND a.version < b.version
            WHERE a.valid_to IS NULL OR a.valid_to > b.valid_from OR a.valid_from >= b.valid_from
            """) == 0)
        #expect(try n("SELECT count(*) FROM dim_customer WHERE (valid_to IS NULL) <> (is_current = 1)") == 0)
        #expect(try n("SELECT count(*) FROM dim_customer a JOIN dim_customer b ON a.customer_id = b.customer_id AND b.version = a.version + 1 WHERE a.valid_to <> b.valid_from") == 0)
        let multi = try n("SELECT count(*) FROM (SELECT customer_id FROM dim_customer GROUP BY customer_id HAVING count(*) > 1)")
        let keys = try n("SELECT count(DISTINCT customer_id) FROM dim_customer")
        #expect(multi * 5 > keys, "about 40 % of customers have several versions: \(multi) of \(keys)")
        // A customer keeps name, email and age; moves change the place.
        #expect(try n("SELECT count(*) FROM (SELECT customer_id FROM dim_customer GROUP BY customer_id HAVING count(DISTINCT first_name || last_name || email || age) > 1)") == 0)
        #expect(try n("SELECT count(*) FROM (SELECT customer_id FROM dim_customer GROUP BY customer_id HAVING count(DISTINCT city) > 1)") > 0)
        let (lowAge, highAge, meanAge) = try (n("SELECT min(age) FROM dim_customer"), n("SELECT max(age) FROM dim_customer"), n("SELECT CAST(avg(age) AS INTEGER) FROM dim_customer"))
        #expect(lowAge >= 18 && highAge <= 95 && (40...52).contains(meanAge), "ages \(lowAge)…\(highAge), mean \(meanAge)")
        // The date dimension: every day of two years, with its attributes.
        #expect(try n("SELECT count(*) FROM dim_date") == 731)
        #expect(try c.query("SELECT min(date_key), max(date_key) FROM dim_date") == [["2023-01-01", "2024-12-31"]])
        #expect(try c.query("SELECT day_name, is_holiday, holiday_name, fiscal_year, fiscal_quarter FROM dim_date WHERE date_key = '2024-11-29'") == [["Friday", "1", "Black Friday", "2025", "2"]])
        #expect(try n("SELECT count(*) FROM dim_date WHERE is_holiday = 1") == 2 * 12)
        // Categories form a hierarchy: each category under exactly one department.
        #expect(try n("SELECT count(*) FROM (SELECT category FROM dim_category GROUP BY category HAVING count(DISTINCT department) > 1)") == 0)
        #expect(try n("SELECT count(DISTINCT department) FROM dim_category") == 6)
        // Zipf: the best seller sells far more than an average product.
        let sales = try n("SELECT count(*) FROM fact_sales"), products = try n("SELECT count(*) FROM dim_product")
        let top = try n("SELECT max(n) FROM (SELECT count(*) AS n FROM fact_sales GROUP BY product_key)")
        #expect(Double(top) > 20 * Double(sales) / Double(products), "top product \(top) of \(sales) over \(products)")
        // Seasonality: December days outsell February days, Saturdays Tuesdays, Black Friday any day.
        func perDay(_ whereClause: String) throws -> Double {
            let rows = try c.query("SELECT count(*) * 1.0 / count(DISTINCT f.sale_date) FROM fact_sales f JOIN dim_date d ON d.date_key = f.sale_date WHERE \(whereClause)")
            return Double(rows[0][0] ?? "") ?? -1
        }
        #expect(try perDay("d.month = 12 AND d.is_holiday = 0") > 1.6 * perDay("d.month = 2 AND d.is_holiday = 0"))
        #expect(try perDay("d.day_of_week = 6 AND d.is_holiday = 0") > 1.3 * perDay("d.day_of_week = 2 AND d.is_holiday = 0"))
        #expect(try perDay("d.holiday_name = 'Black Friday'") > 2 * perDay("1 = 1"))
        // NULL patterns: optional columns are partly NULL, required ones never.
        let discountNulls = try n("SELECT count(*) FROM fact_sales WHERE discount IS NULL")
        #expect(Double(discountNulls) / Double(sales) > 0.7 && Double(discountNulls) / Double(sales) < 0.85)
        #expect(try n("SELECT count(*) FROM dim_customer WHERE loyalty_tier IS NULL") > 0)
    }

    @Test func createRefusesADatabaseThatHasTheTables() throws {
        let db = try ScratchSQLite(schema: "CREATE TABLE dim_date (date_key DATE PRIMARY KEY); INSERT INTO dim_date VALUES ('2020-01-01');")
        defer { db.remove() }
        let r = try CommandRunner.dbsynth(["create", "retail_star", db.url, "--quiet"])
        #expect(r.status == 2)
        #expect(r.stderr.hasPrefix("error: ") && r.stderr.contains("already has table dim_date of dataset retail_star"), "\(r.stderr)")
        #expect(r.stderr.split(separator: "\n").count == 1)
        let c = try db.open()
        #expect(try c.query("SELECT name FROM sqlite_master WHERE type = 'table'") == [["dim_date"]])
        #expect(try c.scalarInt("SELECT count(*) FROM dim_date") == 1)
    }

    @Test func createBesideOtherTablesKeepsThem() throws {
        let db = try ScratchSQLite(schema: "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes VALUES (1, 'mine');")
        defer { db.remove() }
        let r = try CommandRunner.dbsynth(["create", "healthcare_oltp", db.url, "--scale", "0.05", "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        let c = try db.open()
        #expect(try c.query("SELECT * FROM notes") == [["1", "mine"]])
        #expect(try c.scalarInt("SELECT count(*) FROM encounter") == 1_000)
    }

    @Test func badArgumentsAreOneErrorLine() throws {
        let db = try ScratchSQLite()
        defer { db.remove() }
        let unknown = try CommandRunner.dbsynth(["create", "retail", db.url])
        #expect(unknown.status == 2)
        #expect(unknown.stderr == "error: no dataset named 'retail'; the datasets are \(Self.names.joined(separator: ", "))\n")
        #expect(!FileManager.default.fileExists(atPath: db.path))
        let size = try CommandRunner.dbsynth(["create", "retail_star", db.url, "--size", "huge"])
        #expect(size.status == 64)
        #expect(size.stderr.contains("--size huge: expected small or large"))
        let show = try CommandRunner.dbsynth(["datasets", "show", "nope"])
        #expect(show.status == 2 && show.stderr.hasPrefix("error: no dataset named 'nope'"))
        // fill and create refuse an unknown file format alike.
        let out = try TestEnvironment.temporaryDirectory().appendingPathComponent("files").path
        for arguments in [["create", "retail_star"], ["fill", db.url]] {
            let format = try CommandRunner.dbsynth(arguments + ["--out", out, "--format", "xml"])
            #expect(format.status == 2 && format.stderr == "error: --format xml: expected csv, jsonl, sql or parquet\n", "\(format.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func datasetsListsEveryDatasetAndShowPrintsAUsableConfig() throws {
        let list = try CommandRunner.dbsynth(["datasets", "--json"])
        #expect(list.status == 0, "\(list.stderr)")
        let entries = try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]] ?? []
        #expect(entries.compactMap { $0["name"] as? String } == Self.names)
        #expect(Set(entries.compactMap { $0["kind"] as? String }) == ["OLTP", "star"])
        let retail = entries.first { $0["name"] as? String == "retail_star" }
        let fact = (retail?["tables"] as? [[String: Any]])?.first { $0["name"] as? String == "fact_sales" }
        #expect((fact?["rows"] as? [String: Int])?["large"] == 10_000_000)
        let text = try CommandRunner.dbsynth(["datasets"])
        #expect(text.stdout.contains("retail_star") && text.stdout.contains("10,551,155"))

        // show + show --ddl are what create runs: fill --config on that DDL gives the same rows.
        let dir = try TestEnvironment.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let config = try CommandRunner.dbsynth(["datasets", "show", "healthcare_oltp"])
        let ddl = try CommandRunner.dbsynth(["datasets", "show", "healthcare_oltp", "--ddl"])
        #expect(config.stdout.hasPrefix("# healthcare_oltp: "))
        #expect(ddl.stdout.contains("CREATE TABLE encounter"))
        try config.stdout.write(to: dir.appendingPathComponent("h.yml"), atomically: true, encoding: .utf8)
        try ddl.stdout.write(to: dir.appendingPathComponent("h.sql"), atomically: true, encoding: .utf8)
        let filled = try ScratchSQLite(), created = try ScratchSQLite()
        defer { filled.remove(); created.remove() }
        let f = try CommandRunner.dbsynth(["fill", filled.url, "--schema", dir.appendingPathComponent("h.sql").path, "--config", dir.appendingPathComponent("h.yml").path, "--quiet"])
        #expect(f.status == 0, "\(f.stderr)")
        let c = try CommandRunner.dbsynth(["create", "healthcare_oltp", created.url, "--quiet"])
        #expect(c.status == 0, "\(c.stderr)")
        #expect(try Self.dump(filled) == Self.dump(created))
    }

    @Test func createToFilesPartitionsFactsByDate() throws {
        let dir = try TestEnvironment.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CommandRunner.dbsynth(["create", "retail_star", "--out", dir.path, "--format", "csv", "--scale", "0.05", "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        let files = FileManager.default.enumerator(atPath: dir.path)?.allObjects as? [String] ?? []
        #expect(files.contains("dim_date.csv") && files.contains("dim_customer.csv"))
        let partitions = files.filter { $0.hasPrefix("fact_sales/sale_date=") && $0.hasSuffix("/data.csv") }
        #expect(partitions.count > 600, "one directory per day with sales: \(partitions.count)")
        #expect(partitions.contains("fact_sales/sale_date=2024-11-29/data.csv"))
        // Sales come in no date order: a partition the rows come back to is
        // appended to, not emptied, so every sale is in some file, once.
        var written = 0
        for p in partitions {
            let lines = try String(contentsOf: dir.appendingPathComponent(p), encoding: .utf8).split(separator: "\n")
            #expect(lines.first?.hasPrefix("sales_id") == true && !lines.dropFirst().contains(lines[0]), "one header in \(p)")
            written += lines.count - 1
        }
        let db = try ScratchSQLite()
        defer { db.remove() }
        try #require(try CommandRunner.dbsynth(["create", "retail_star", db.url, "--scale", "0.05", "--quiet"]).status == 0)
        #expect(Int64(written) == (try db.open().scalarInt("SELECT count(*) FROM fact_sales")), "every sale written once")
        let header = try String(contentsOf: dir.appendingPathComponent("dim_date.csv"), encoding: .utf8).split(separator: "\n")
        #expect(header.count == 732)
        #expect(header[0].hasPrefix("date_key,date_id,day_of_week"))
    }

    @Test func qualityIssuesAreFlaggedAndLookLikeWhatTheySay() throws {
        let clean = try ScratchSQLite(), dirty = try ScratchSQLite()
        defer { clean.remove(); dirty.remove() }
        for (db, extra) in [(clean, [String]()), (dirty, ["--quality-issues", "0.08"])] {
            let r = try CommandRunner.dbsynth(["create", "retail_star", db.url, "--scale", "0.1", "--quiet"] + extra)
            #expect(r.status == 0, "\(r.stderr)")
        }
        let c = try dirty.open(), k = try clean.open()
        func n(_ sql: String) throws -> Int64 { try c.scalarInt(sql) ?? -1 }
        let sales = try n("SELECT count(*) FROM fact_sales")
        let flagged = try c.query("SELECT _dq_issue, count(*) FROM fact_sales WHERE _dq_issue IS NOT NULL GROUP BY 1 ORDER BY 1")
        #expect(flagged.map { $0[0] } == ["duplicate", "late_arriving", "missing_value", "outlier"])
        let total = flagged.compactMap { Int64($0[1] ?? "") }.reduce(0, +)
        #expect(Double(total) / Double(sales) > 0.06 && Double(total) / Double(sales) < 0.1, "\(total) of \(sales)")
        // Keys and foreign keys stay valid whatever the defect.
        #expect(try c.query("PRAGMA foreign_key_check").isEmpty)
        let columns = "sale_date, product_key, store_key, customer_sk, quantity, unit_price, discount, amount, payment_method"
        // Clean rows are the clean database's rows; defective ones differ from them.
        let cleanRows = try k.query("SELECT sales_id, \(columns) FROM fact_sales ORDER BY 1")
        let dirtyRows = try c.query("SELECT sales_id, \(columns), _dq_issue FROM fact_sales ORDER BY 1")
        var lateEarlier = 0, outlierBigger = 0
        for (i, (a, b)) in zip(cleanRows, dirtyRows).enumerated() {
            switch b.last! {
            case "duplicate":
                // Every column but the key repeats one of the 50 rows before (as generated clean).
                let copied = cleanRows[max(0, i - 50)..<max(1, i)].contains { Array($0.dropFirst()) == Array(b.dropFirst().dropLast()) }
                #expect(copied, "duplicate \(b) copies an earlier row")
            case nil: #expect(Array(b.dropLast()) == a)
            case "missing_value": #expect(b[7] == nil, "discount, the nullable column, is NULL")
            case "late_arriving": if let x = b[1], let y = a[1], x < y { lateEarlier += 1 }
            case "outlier": if let x = Double(b[8] ?? ""), let y = Double(a[8] ?? ""), x > 50 * y { outlierBigger += 1 }
            default: break
            }
        }
        let late = flagged.first { $0[0] == "late_arriving" }.flatMap { Int($0[1] ?? "") } ?? 0
        #expect(lateEarlier * 10 >= late * 9, "late rows carry an earlier date: \(lateEarlier) of \(late)")
        #expect(outlierBigger > 0)
    }
}

/// `dbsynth series`: day by day, resumable, a day's rows independent of how the days were batched.
@Suite struct DatasetSeriesTests {
    static func facts(_ db: ScratchSQLite) throws -> [[String?]] {
        try db.open().query("SELECT * FROM fact_sales ORDER BY sales_id")
    }

    @Test func tenDaysThenFiveEqualFifteenAtOnceInAnyBatches() throws {
        let resumed = try ScratchSQLite(), once = try ScratchSQLite(), batched = try ScratchSQLite()
        defer { resumed.remove(); once.remove(); batched.remove() }
        let first = try CommandRunner.dbsynth(["series", "retail_star", resumed.url, "--from", "2024-11-20", "--days", "10", "--batch-days", "3", "--quiet"])
        #expect(first.status == 0, "\(first.stderr)")
        let again = try CommandRunner.dbsynth(["series", "retail_star", resumed.url, "--days", "5"])
        #expect(again.status == 0, "\(again.stderr)")
        // Resumed the day after the last: five one-day transactions from 2024-11-30.
        #expect(again.stdout.split(separator: "\n").map { $0.prefix(22) } == ["2024-11-30..2024-11-30", "2024-12-01..2024-12-01", "2024-12-02..2024-12-02", "2024-12-03..2024-12-03", "2024-12-04..2024-12-04"])
        for (db, batch) in [(once, "15"), (batched, "4")] {
            let r = try CommandRunner.dbsynth(["series", "retail_star", db.url, "--from", "2024-11-20", "--days", "15", "--batch-days", batch, "--quiet"])
            #expect(r.status == 0, "\(r.stderr)")
        }
        let rows = try Self.facts(once)
        #expect(rows.count > 3_000)
        #expect(try Self.facts(resumed) == rows)
        #expect(try Self.facts(batched) == rows)
        let c = try resumed.open()
        #expect(try c.query("PRAGMA foreign_key_check").isEmpty)
        #expect(try c.query("SELECT min(sale_date), max(sale_date), count(DISTINCT sale_date) FROM fact_sales") == [["2024-11-20", "2024-12-04", "15"]])
        // Black Friday is the busiest day; the dimensions were created once.
        #expect(try c.query("SELECT sale_date FROM fact_sales GROUP BY sale_date ORDER BY count(*) DESC LIMIT 1") == [["2024-11-29"]])
        #expect(try c.scalarInt("SELECT count(*) FROM dim_date") == 731)
    }

    @Test func aFirstRunNeedsFromAndDaysStayInTheDateDimension() throws {
        let db = try ScratchSQLite()
        defer { db.remove() }
        let noFrom = try CommandRunner.dbsynth(["series", "finance_star", db.url, "--days", "3"])
        #expect(noFrom.status != 0 && noFrom.stderr.hasPrefix("error: "), "\(noFrom.stderr)")
        let outside = try CommandRunner.dbsynth(["series", "finance_star", db.url, "--from", "2024-12-30", "--days", "5"])
        #expect(outside.status == 2)
        #expect(outside.stderr == "error: series: days 2024-12-30 to 2025-01-03 are outside dim_date (2023-01-01 to 2024-12-31)\n")
        let oltp = try CommandRunner.dbsynth(["series", "retail_oltp", db.url, "--from", "2024-01-01", "--days", "1"])
        #expect(oltp.status == 2 && oltp.stderr.contains("is not a star dataset"))
        #expect(!FileManager.default.fileExists(atPath: db.path))
    }

    @Test(.enabled(if: TestEnvironment.postgresTestsEnabled))
    func aSeriesOnPostgresResumesToo() throws {
        let db = try ScratchPostgres()
        defer { db.drop() }
        for args in [["--from", "2024-03-01", "--days", "2"], ["--days", "2"]] {
            let r = try CommandRunner.dbsynth(["series", "ecommerce_star", db.url, "--quiet"] + args)
            #expect(r.status == 0, "\(r.stderr)")
        }
        let c = try db.open()
        #expect(try c.query("SELECT min(order_date)::text, max(order_date)::text, count(DISTINCT order_date) FROM fact_order_line") == [["2024-03-01", "2024-03-04", "4"]])
    }
}

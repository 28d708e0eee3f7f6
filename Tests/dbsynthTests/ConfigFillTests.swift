import Foundation
import Testing
import TestSupport
import Introspect
import SchemaModel

/// End-to-end: `fill --config`, `--out`, `init` and config errors, through the built binary.
@Suite struct ConfigFillTests {
    static let shop = TestEnvironment.packageRoot.appendingPathComponent("Examples/shop.sql").path

    static let schema = """
        CREATE TABLE accounts (
            id INTEGER PRIMARY KEY, code TEXT NOT NULL UNIQUE, uid TEXT, plan TEXT NOT NULL CHECK (plan IN ('free', 'pro', 'team')),
            region TEXT, age INTEGER, score REAL, visits INTEGER, streak INTEGER, signup DATE, last_seen TIMESTAMP,
            active BOOLEAN, nickname TEXT, prefs TEXT, email TEXT, height INTEGER, rank INTEGER, seq INTEGER, sku TEXT,
            currency TEXT, device_os TEXT, device_model TEXT, visitor TEXT, visitor_tier TEXT, city TEXT);
        CREATE TABLE sessions (
            id INTEGER PRIMARY KEY, account_id INTEGER NOT NULL REFERENCES accounts (id), ref_account INTEGER, duration INTEGER);
        """

    /// Every generator once (the semantic kinds through `email` and `city`).
    static let everyGenerator = """
        seed: 7
        rows: 4000
        tables:
          accounts:
            entity:
              pool_ratio: 0.2
              columns:
                visitor: { type: uuid }
                visitor_tier: { type: one_of, values: [bronze, silver, gold] }
            linked_pools:
              - name: devices
                pool_size: 40
                shapes:
                  - weight: 3
                    emit: 2
                    sticky: [os]
                    fields: { os: { type: one_of, values: [ios, android] }, model: { type: string_pattern, template: "m-{uniform_int:1-9}" } }
                  - weight: 1
                    fields: { os: { type: constant, value: linux }, model: { type: constant, value: pc } }
            columns:
              id: { type: sequential_id }
              code: { type: string_pattern, template: "ACC-{sequential_id}-{uniform_int:10-20}-{one_of:x,y}-{uuid}" }
              uid: { type: uuid }
              plan: { type: weighted_choice, values: { free: 0.6, pro: 0.3, team: 0.1 } }
              region: { type: one_of, values: [north, south, east, west] }
              age: { type: uniform_int, min: 18, max: 91 }
              score: { type: uniform_float, min: 0, max: 1 }
              visits: { type: log_normal, median: 30, sigma: 0.8, max: 1000 }
              streak: { type: geometric, p: 0.3 }
              signup: { type: date, start: "2024-01-01", end: "2025-01-01" }
              last_seen: { type: timestamp, start: "2024-01-01T00:00:00", end: "2024-02-01T00:00:00" }
              active: { type: bool, prob: 0.8 }
              nickname: { type: optional, prob: 0.3, inner: { type: one_of, values: [ace, bee] } }
              prefs: { type: json_object, fields: { theme: { type: one_of, values: [dark, light] }, beta: { type: optional, prob: 0.5, inner: { type: bool } }, limits: { type: json_object, fields: { max: { type: uniform_int, min: 1, max: 10 } } } } }
              email: email
              city: { type: city }
              height: { type: normal, mean: 170, stddev: 10, decimals: 0 }
              rank: { type: zipf, n: 100, s: 1.2 }
              seq: { type: sequence, start: 1000, step: 10 }
              sku: { type: regex, pattern: "[A-Z]{3}-[0-9]{4}" }
              currency: { type: constant, value: EUR }
              device_os: { type: linked_choice, pool: devices, field: os }
              device_model: { type: linked_choice, pool: devices, field: model }
          sessions:
            per_parent: { fk: account_id, count: { type: uniform_int, min: 0, max: 5 } }
            columns:
              ref_account: { type: foreign_key, dataset: accounts }
              duration: { type: geometric, p: 0.5, min: 0 }
        """

    func write(_ text: String, in dir: URL, _ name: String = "dbsynth.yml") throws -> String {
        let path = dir.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func everyGeneratorHasItsDistribution() throws {
        let db = try ScratchSQLite(schema: Self.schema)
        defer { db.remove() }
        let config = try write(Self.everyGenerator, in: db.directory)
        let result = try CommandRunner.dbsynth(["fill", db.url, "--config", config, "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        let c = try db.open()
        func share(_ sql: String) throws -> Double { Double(try c.scalarInt(sql) ?? -1) / 4000 }
        func near(_ value: Double, _ expected: Double, _ tolerance: Double, _ what: String) {
            #expect(abs(value - expected) <= tolerance, "\(what): \(value), expected \(expected) ± \(tolerance)")
        }
        #expect(try c.scalarInt("SELECT count(*) FROM accounts") == 4000)
        #expect(try c.scalarInt("SELECT count(DISTINCT code) FROM accounts") == 4000)
        #expect(try c.scalarInt("SELECT count(*) FROM accounts WHERE code NOT GLOB 'ACC-[0-9]*-1[0-9]-[xy]-*-*-*-*-*' OR code NOT LIKE 'ACC-' || id || '-%'") == 0)
        #expect(try c.scalarInt("SELECT count(DISTINCT uid) FROM accounts WHERE length(uid) = 36") == 4000)
        near(try share("SELECT count(*) FROM accounts WHERE plan = 'free'"), 0.6, 0.03, "free")
        near(try share("SELECT count(*) FROM accounts WHERE plan = 'team'"), 0.1, 0.02, "team")
        for region in ["north", "south", "east", "west"] {
            near(try share("SELECT count(*) FROM accounts WHERE region = '\(region)'"), 0.25, 0.03, region)
        }
        #expect(try c.query("SELECT min(age), max(age) FROM accounts")[0] == ["18", "90"])
        #expect(try c.scalarInt("SELECT count(*) FROM accounts WHERE score < 0 OR score >= 1") == 0)
        let visits = try c.query("SELECT visits FROM accounts ORDER BY visits LIMIT 1 OFFSET 2000")[0][0].flatMap { Double($0) } ?? 0
        near(visits, 30, 4, "log_normal median")
        #expect(try c.scalarInt("SELECT max(visits) FROM accounts") ?? 0 <= 1000)
        #expect(try c.scalarInt("SELECT min(streak) FROM accounts") == 1, "geometric min defaults to 1")
        near(try share("SELECT count(*) FROM accounts WHERE streak = 1"), 0.51, 0.03, "geometric P(X ≤ 1)")
        #expect(try c.scalarInt("SELECT count(*) FROM accounts WHERE signup < '2024-01-01' OR signup >= '2025-01-01' OR length(signup) != 10") == 0)
        #expect(try c.scalarInt("SELECT count(*) FROM accounts WHERE last_seen NOT GLOB '2024-01-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9]'") == 0)
        near(try share("SELECT count(*) FROM accounts WHERE active = 1"), 0.8, 0.03, "bool")
        near(try share("SELECT count(*) FROM accounts WHERE nickname IS NULL"), 0.7, 0.03, "optional null fraction")
        #expect(try c.scalarInt("SELECT count(*) FROM accounts WHERE nickname NOT IN ('ace', 'bee')") == 0)
        #expect(try c.scalarInt("SELECT count(*) FROM accounts WHERE NOT json_valid(prefs) OR prefs NOT LIKE '{\"theme\": %, \"beta\": %, \"limits\": {\"max\": %}}'") == 0)
        near(try share("SELECT count(*) FROM accounts WHERE json_type(prefs, '$.beta') = 'null'"), 0.5, 0.03, "json null field")
        #expect(try c.scalarInt("SELECT count(*) FROM accounts WHERE email NOT LIKE '%_@_%._%'") == 0)
        #expect(try c.scalarInt("SELECT count(*) FROM accounts WHERE city IS NULL OR city = ''") == 0)
        near(Double(try c.query("SELECT avg(height) FROM accounts")[0][0].flatMap { Double($0) } ?? 0), 170, 1, "normal mean")
        let harmonic = (1...100).reduce(0.0) { $0 + 1 / pow(Double($1), 1.2) }
        near(try share("SELECT count(*) FROM accounts WHERE rank = 1"), 1 / harmonic, 0.03, "zipf rank 1")
        #expect(try c.scalarInt("SELECT count(*) FROM accounts WHERE rank < 1 OR rank > 100") == 0)
        #expect(try c.scalarInt("SELECT count(*) FROM accounts WHERE seq != 1000 + (id - 1) * 10") == 0)
        #expect(try c.scalarInt("SELECT count(*) FROM accounts WHERE sku NOT GLOB '[A-Z][A-Z][A-Z]-[0-9][0-9][0-9][0-9]'") == 0)
        #expect(try c.scalarInt("SELECT count(*) FROM accounts WHERE currency != 'EUR'") == 0)
        // Linked pool: the row's os and model come from one entry.
        #expect(try c.scalarInt("SELECT count(*) FROM accounts WHERE (device_os = 'linux') != (device_model = 'pc')") == 0)
        near(try share("SELECT count(*) FROM accounts WHERE device_os = 'linux'"), 0.14, 0.12, "pool shape weight")
        // Entity pool: about 800 visitors, each with one tier.
        let visitors = try c.scalarInt("SELECT count(DISTINCT visitor) FROM accounts") ?? 0
        #expect(visitors > 700 && visitors <= 800, "\(visitors) visitors")
        #expect(try c.scalarInt("SELECT count(DISTINCT visitor || visitor_tier) FROM accounts") == visitors)
        // Fan-out: uniform 0…4 children per account, mean 2.
        near(Double(try c.scalarInt("SELECT count(*) FROM sessions") ?? 0) / 4000, 2, 0.1, "per_parent mean")
        #expect(try c.query("SELECT min(ref_account) >= 1, max(ref_account) <= 4000, min(duration) FROM sessions")[0] == ["1", "1", "0"])
        #expect(try c.query("PRAGMA foreign_key_check").isEmpty)
    }

    @Test func smeltConfigWritesCSVFilesWithoutADatabase() throws {
        let dir = try TestEnvironment.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let config = try write("""
            seed: 42
            scale_factor: 2.0
            datasets:
              - name: users
                output: data/users
                num_rows: 500
                columns:
                  - name: user_id
                    generator: { type: sequential_id }
                  - name: name
                    generator: { type: string_pattern, template: "user-{sequential_id}" }
              - name: events
                output: data/events
                num_rows: 3000
                seed: 9
                columns:
                  - name: user_id
                    generator: { type: foreign_key, dataset: users }
                  - name: kind
                    generator: { type: weighted_choice, values: { view: 0.9, "": 0.1 } }
                  - name: day
                    generator: { type: date, start: "2024-01-01", end: "2024-01-08" }
            """, in: dir, "smelt.yml")
        let out = dir.appendingPathComponent("out").path
        let result = try CommandRunner.dbsynth(["fill", "--config", config, "--out", out, "--format", "csv", "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        let users = try String(contentsOfFile: out + "/users.csv", encoding: .utf8).split(separator: "\n")
        let events = try String(contentsOfFile: out + "/events.csv", encoding: .utf8).split(separator: "\n")
        #expect(users.first == "user_id,name")
        #expect(users.count == 1001, "500 × scale 2 plus the header")
        #expect(events.first == "user_id,kind,day")
        #expect(events.count == 6001)
        let ids = events.dropFirst().compactMap { Int($0.split(separator: ",", omittingEmptySubsequences: false)[0]) }
        #expect(ids.count == 6000)
        #expect(ids.min()! >= 1 && ids.max()! <= 1000, "foreign_key within 1…rows of users after scaling")
        #expect(Set(ids).count > 900)
        let empty = events.dropFirst().filter { $0.split(separator: ",", omittingEmptySubsequences: false)[1].isEmpty }.count
        #expect(abs(Double(empty) / 6000 - 0.1) < 0.03, "\"\" is a legal weighted value")
        // An output path that cannot be a directory: its own exit code, the
        // path and the system's reason, and the files written before kept.
        let blocked = dir.appendingPathComponent("blocked").path
        try "not a directory".write(toFile: blocked, atomically: true, encoding: .utf8)
        let refused = try CommandRunner.dbsynth(["fill", "--config", config, "--out", blocked + "/sub", "--quiet"])
        #expect(refused.status == 4, "\(refused.stderr)")
        #expect(refused.stderr.hasPrefix("error: creating the directory \(blocked)/sub failed: "), "\(refused.stderr)")
        #expect(refused.stderr.contains("; no output file was changed"), "\(refused.stderr)")
        #expect(try String(contentsOfFile: blocked, encoding: .utf8) == "not a directory")
        // jsonl and sql of the same config.
        #expect(try CommandRunner.dbsynth(["fill", "--config", config, "--out", out, "--format", "jsonl", "--quiet"]).status == 0)
        let line = try String(contentsOfFile: out + "/users.jsonl", encoding: .utf8).split(separator: "\n")[0]
        #expect(line == "{\"user_id\": 1, \"name\": \"user-1\"}")
        #expect(try CommandRunner.dbsynth(["fill", "--config", config, "--out", out, "--format", "sql", "--quiet"]).status == 0)
        let sql = try String(contentsOfFile: out + "/events.sql", encoding: .utf8)
        #expect(sql.contains("CREATE TABLE \"events\""))
        #expect(sql.contains("INSERT INTO \"events\" (\"user_id\", \"kind\", \"day\") VALUES ("))
        // The sql files load into SQLite as they are.
        let db = try ScratchSQLite(schema: "PRAGMA user_version = 1")
        defer { db.remove() }
        for t in ["users", "events"] { try db.open().execute(try String(contentsOfFile: out + "/\(t).sql", encoding: .utf8)) }
        #expect(try db.open().scalarInt("SELECT count(*) FROM events") == 6000)
    }

    @Test func liveSchemaToFilesWritesEveryTableAndLeavesTheDatabaseAlone() throws {
        let db = try ScratchSQLite(schema: try String(contentsOfFile: TestEnvironment.packageRoot.appendingPathComponent("Examples/shop.sql").path, encoding: .utf8))
        defer { db.remove() }
        let out = db.directory.appendingPathComponent("csv")
        let r = try CommandRunner.dbsynth(["fill", db.url, "--out", out.path, "--rows", "120", "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        for table in ["customers", "products", "orders", "order_items"] {
            let text = try String(contentsOf: out.appendingPathComponent("\(table).csv"), encoding: .utf8)
            #expect(text.split(separator: "\n").count == 121, "\(table): header + 120 rows")
        }
        #expect(try db.open().scalarInt("SELECT count(*) FROM customers") == 0, "files only, the database is untouched")
        // The files hold the rows a load would: same seed, same values.
        #expect(try CommandRunner.dbsynth(["fill", db.url, "--rows", "120", "--quiet"]).status == 0)
        let emails = try db.open().query("SELECT email FROM customers ORDER BY id").map { $0[0] ?? "" }
        let csv = try String(contentsOf: out.appendingPathComponent("customers.csv"), encoding: .utf8)
        #expect(emails.allSatisfy { csv.contains($0) })
    }

    @Test func skippedParentLeavesANullableForeignKeyNull() throws {
        let db = try ScratchSQLite(schema: """
            CREATE TABLE team (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
            CREATE TABLE player (id INTEGER PRIMARY KEY, team_id INTEGER REFERENCES team(id), name TEXT NOT NULL);
            """)
        defer { db.remove() }
        let config = try write("""
            tables:
              team: { skip: true }
            """, in: db.directory)
        let r = try CommandRunner.dbsynth(["fill", db.url, "--config", config, "--rows", "30", "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        let c = try db.open()
        #expect(try c.scalarInt("SELECT count(*) FROM team") == 0)
        #expect(try c.scalarInt("SELECT count(*) FROM player WHERE team_id IS NULL") == 30)
    }

    @Test func initThenFillWithItEqualsTheDefaultFill() throws {
        func dump(_ db: ScratchSQLite) throws -> String {
            try ["customers", "products", "orders", "order_items"].map { t in
                try db.open().query("SELECT * FROM \(t) ORDER BY rowid").map { $0.map { $0 ?? "∅" }.joined(separator: "|") }.joined(separator: "\n")
            }.joined(separator: "\n")
        }
        let plain = try ScratchSQLite()
        defer { plain.remove() }
        #expect(try CommandRunner.dbsynth(["fill", plain.url, "--schema", Self.shop, "--rows", "400", "--quiet"]).status == 0)
        let configured = try ScratchSQLite(schema: try String(contentsOfFile: Self.shop, encoding: .utf8))
        defer { configured.remove() }
        let file = configured.directory.appendingPathComponent("init.yml").path
        let initResult = try CommandRunner.dbsynth(["init", configured.url, "-o", file])
        #expect(initResult.status == 0, "\(initResult.stderr)")
        let text = try String(contentsOfFile: file, encoding: .utf8)
        #expect(text.contains("email:") && text.contains("{ type: email }"))
        #expect(text.contains("customer_id: { type: foreign_key, table: customers }"))
        #expect(text.contains("# sku:"), "columns without an identical config generator are comments")
        let fill = try CommandRunner.dbsynth(["fill", configured.url, "--config", file, "--rows", "400", "--quiet"])
        #expect(fill.status == 0, "\(fill.stderr)")
        #expect(try dump(configured) == dump(plain))
        // Without --rows too: the file leaves the sizes by role to dbsynth.
        #expect(text.contains("# rows: 1000  # every table this many"), "\(text)")
        #expect(try CommandRunner.dbsynth(["fill", plain.url, "--truncate", "--quiet"]).status == 0)
        #expect(try CommandRunner.dbsynth(["fill", configured.url, "--config", file, "--truncate", "--quiet"]).status == 0)
        #expect(try dump(configured) == dump(plain))
        #expect(try plain.open().scalarInt("SELECT count(*) FROM customers") != plain.open().scalarInt("SELECT count(*) FROM order_items"))
    }

    @Test func aConfigRangeOverlappingACheckIsDrawnInsideIt() throws {
        let db = try ScratchSQLite(schema: """
            CREATE TABLE item (
                id INTEGER PRIMARY KEY,
                price NUMERIC NOT NULL CHECK (price > 0 AND price <= 100),
                qty INTEGER NOT NULL CHECK (qty BETWEEN 1 AND 10)
            );
            """)
        defer { db.remove() }
        // Half of normal(5, 20) is below 0; log_normal(median 4) gives 0 and
        // values above 10: both overlap their CHECKs without fitting inside.
        let config = try write("""
            tables:
              item:
                columns:
                  price: { type: normal, mean: 5, stddev: 20 }
                  qty: { type: log_normal, median: 4, sigma: 1.5 }
            """, in: db.directory)
        let result = try CommandRunner.dbsynth(["fill", db.url, "--config", config, "--rows", "4000", "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        let c = try db.open()
        #expect(try c.scalarInt("SELECT count(*) FROM item WHERE price > 0 AND price <= 100 AND qty BETWEEN 1 AND 10") == 4000)
        // The shape is kept where the domain allows it: the normal's mode at
        // 5 makes (0, 20] hold most values (~0.66 of the truncated mass).
        let low = Double(try c.scalarInt("SELECT count(*) FROM item WHERE price <= 20") ?? 0) / 4000
        #expect(low > 0.55 && low < 0.8, "\(low)")
        // Redraws do not pile values up on one fallback: the bounds are not spikes.
        #expect(try c.scalarInt("SELECT count(*) FROM item WHERE qty = 1") ?? 4000 < 1400)
        #expect(try c.scalarInt("SELECT count(DISTINCT qty) FROM item") == 10)
        // The same config is refused only when its range misses the CHECK entirely.
        let missing = try write("tables:\n  item:\n    columns:\n      qty: { type: uniform_int, min: 20, max: 30 }\n", in: db.directory, "missing.yml")
        let refused = try CommandRunner.dbsynth(["fill", db.url, "--config", missing, "--truncate", "--quiet"])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("uniform_int gives at least 20, and a CHECK on item.qty allows only values <= 10: no value would fit"), "\(refused.stderr)")
    }

    @Test func everyClassOfConfigErrorNamesItsLine() throws {
        let db = try ScratchSQLite()
        defer { db.remove() }
        #expect(try CommandRunner.dbsynth(["fill", db.url, "--schema", Self.shop, "--rows", "0", "--quiet"]).status == 0)
        let cases: [(yaml: String, line: Int, contains: String)] = [
            ("tables:\n  customer:\n    rows: 5\n", 2, "tables.customer: no table named 'customer' in the database; did you mean 'customers'?"),
            ("tables:\n  orders:\n    columns:\n      stauts: { type: one_of, values: [paid] }\n", 4, "has no column 'stauts'; did you mean 'status'?"),
            ("tables:\n  orders:\n    columns:\n      status: { type: one_off, values: [paid] }\n", 4, "unknown generator 'one_off'; did you mean 'one_of'?"),
            ("tables:\n  orders:\n    columns:\n      status:\n        type: one_of\n        valuse: [paid]\n", 6, "unknown parameter of one_of 'valuse'; did you mean 'values'?"),
            ("tables:\n  products:\n    columns:\n      stock: { type: uniform_int, min: ten, max: 20 }\n", 4, "stock.min: expected an integer"),
            ("tables:\n  products:\n    columns:\n      stock:\n        type: uniform_int\n        min: 50\n        max: 20\n", 6, "min (50) must be below max (20)"),
            ("tables:\n  orders:\n    columns:\n      status: { type: weighted_choice, values: { paid: 0, pending: 0 } }\n", 4, "weights sum to 0"),
            ("tables:\n  orders:\n    columns:\n      id: { type: string_pattern, template: \"O-{sequential_id}\" }\n", 4, "string_pattern gives text values, which do not fit orders.id"),
            ("tables:\n  orders:\n    columns:\n      status: { type: one_of, values: [paid, lost] }\n", 4, "'lost' is outside what the CHECK constraints of orders.status allow"),
            ("tables:\n  order_items:\n    columns:\n      quantity: { type: uniform_int, min: -10, max: 0 }\n", 4, "uniform_int gives at most -1, and a CHECK on order_items.quantity allows only values >= 1: no value would fit"),
            ("tables:\n  orders:\n    per_parent: { fk: note, count: { type: geometric, p: 0.5 } }\n", 3, "per_parent needs a foreign key column"),
            ("tables:\n  products:\n    skip: true\n", 3, "products is skipped, but order_items.product_id is a NOT NULL foreign key to it"),
            ("seed: 1\ntables:\n  orders:\n    columns: [unclosed\n", 5, "not valid YAML"),
        ]
        for (i, c) in cases.enumerated() {
            let path = try write(c.yaml, in: db.directory, "bad\(i).yml")
            let result = try CommandRunner.dbsynth(["fill", db.url, "--config", path, "--rows", "10"])
            #expect(result.status == 2, "case \(i): \(result.stderr)")
            #expect(result.stderr.hasPrefix("error: \(path):\(c.line): "), "case \(i): \(result.stderr)")
            #expect(result.stderr.contains(c.contains), "case \(i): \(result.stderr)")
            #expect(result.stderr.split(separator: "\n").count == 1, "case \(i): one line")
        }
        #expect(try db.open().scalarInt("SELECT count(*) FROM customers") == 0, "nothing was written")
    }

    @Test(.enabled(if: TestEnvironment.postgresTestsEnabled))
    func smeltConfigCreatesAndFillsPostgresTables() throws {
        let pg = try ScratchPostgres()
        defer { pg.drop() }
        let dir = try TestEnvironment.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let config = try write("""
            datasets:
              - name: shops
                num_rows: 50
                columns:
                  - name: shop_id
                    generator: { type: sequential_id }
                  - name: opened
                    generator: { type: date, start: "2020-01-01", end: "2021-01-01" }
              - name: sales
                num_rows: 2000
                columns:
                  - name: shop_id
                    generator: { type: foreign_key, dataset: shops }
                  - name: at
                    generator: { type: timestamp, start: "2024-01-01T00:00:00", end: "2024-02-01T00:00:00" }
                  - name: paid
                    generator: { type: bool, prob: 0.25 }
                  - name: price
                    generator: { type: uniform_float, min: 1, max: 100 }
                  - name: meta
                    generator: { type: json_object, fields: { gift: { type: optional, prob: 0.5, inner: { type: bool } } } }
                  - name: ref
                    generator: { type: uuid }
            """, in: dir)
        let refused = try CommandRunner.dbsynth(["fill", pg.url, "--config", config])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("no table named 'shops'") && refused.stderr.contains("--create"), "\(refused.stderr)")
        let result = try CommandRunner.dbsynth(["fill", pg.url, "--config", config, "--create", "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        let c = try pg.open()
        #expect(try c.query("SELECT count(*), count(DISTINCT shop_id) <= 50, min(shop_id) >= 1 FROM sales")[0] == ["2000", "t", "t"])
        #expect(try c.query("SELECT data_type FROM information_schema.columns WHERE table_name = 'sales' ORDER BY ordinal_position").map { $0[0] ?? "" }
                == ["bigint", "timestamp without time zone", "boolean", "double precision", "json", "uuid"])
        #expect(try c.query("SELECT count(*) FROM sales WHERE at < '2024-01-01' OR at >= '2024-02-01'")[0] == ["0"])
        let paid = Double(try c.query("SELECT count(*) FROM sales WHERE paid")[0][0] ?? "0") ?? 0
        #expect(abs(paid / 2000 - 0.25) < 0.04)
        #expect(try c.query("SELECT count(*) FROM sales WHERE meta->'gift' IS NULL")[0] == ["0"], "null fields are written, not omitted")
    }
}

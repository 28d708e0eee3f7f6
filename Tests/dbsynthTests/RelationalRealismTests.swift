import Foundation
import Testing
import TestSupport
import Introspect
import SchemaModel

/// The database as a whole looks real: children spread unevenly over their
/// parents and come after them in time (issue "relational realism").
@Suite struct RelationalRealismTests {
    static let schema = """
        CREATE TABLE customer (id INTEGER PRIMARY KEY, name TEXT NOT NULL, created_at TIMESTAMP NOT NULL);
        CREATE TABLE rental (
            id INTEGER PRIMARY KEY,
            customer_id INTEGER NOT NULL REFERENCES customer(id),
            rental_date TIMESTAMP NOT NULL,
            return_date TIMESTAMP,
            UNIQUE (rental_date, customer_id)
        );
        CREATE TABLE payment (
            id INTEGER PRIMARY KEY,
            rental_id INTEGER NOT NULL REFERENCES rental(id),
            payment_date TIMESTAMP NOT NULL,
            amount NUMERIC NOT NULL
        );
        CREATE TABLE refund (
            id INTEGER PRIMARY KEY,
            payment_id INTEGER NOT NULL REFERENCES payment(id),
            created_at DATE NOT NULL CHECK (created_at < '2021-06-01')
        );
        """

    /// Children per parent: mean and coefficient of variation.
    static func spread(_ c: SQLiteConnection, _ sql: String) throws -> (mean: Double, cv: Double, max: Double, atMostTwo: Int) {
        let counts = try c.query(sql).map { Double($0[0] ?? "0")! }
        let mean = counts.reduce(0, +) / Double(counts.count)
        let sd = (counts.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(counts.count)).squareRoot()
        return (mean, sd / mean, counts.max() ?? 0, counts.filter { $0 <= 2 }.count)
    }

    static let perCustomer = "SELECT count(r.id) FROM customer c LEFT JOIN rental r ON r.customer_id = c.id GROUP BY c.id"

    @Test func childrenPickParentsUnevenlyByDefaultAndUniformlyOnRequest() throws {
        let db = try ScratchSQLite(schema: Self.schema)
        defer { db.remove() }
        let fill = try CommandRunner.dbsynth(["fill", db.url, "--rows", "200", "--table", "rental=4000", "--quiet"])
        #expect(fill.status == 0, "\(fill.stderr)")
        let skewed = try Self.spread(try db.open(), Self.perCustomer)
        #expect(abs(skewed.mean - 20) < 0.01)
        // Uniform picks give a CV near 1/sqrt(20) ≈ 0.22; log-normal popularity far more.
        #expect(skewed.cv > 0.6, "\(skewed)")
        #expect(skewed.max > 60, "a few customers rent far more than the average: \(skewed)")
        #expect(skewed.atMostTwo > 0, "some customers rent almost nothing: \(skewed)")

        let dir = try TestEnvironment.temporaryDirectory()
        let config = dir.appendingPathComponent("uniform.yml")
        try "fan_out: uniform\n".write(to: config, atomically: true, encoding: .utf8)
        let again = try CommandRunner.dbsynth(["fill", db.url, "--rows", "200", "--table", "rental=4000", "--truncate", "--config", config.path, "--quiet"])
        #expect(again.status == 0, "\(again.stderr)")
        let uniform = try Self.spread(try db.open(), Self.perCustomer)
        #expect(uniform.cv < 0.35, "\(uniform)")

        let bad = dir.appendingPathComponent("bad.yml")
        try "fan_out: unifrom\n".write(to: bad, atomically: true, encoding: .utf8)
        let refused = try CommandRunner.dbsynth(["fill", db.url, "--rows", "10", "--truncate", "--config", bad.path])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("fan_out must be uniform or skewed, not 'unifrom'; did you mean 'uniform'?"), "\(refused.stderr)")
    }

    @Test func childrenComeAfterTheirParentsUnlessABoundSaysOtherwise() throws {
        let db = try ScratchSQLite(schema: Self.schema)
        defer { db.remove() }
        let fill = try CommandRunner.dbsynth(["fill", db.url, "--rows", "1500", "--quiet"])
        #expect(fill.status == 0, "\(fill.stderr)")
        let c = try db.open()
        // A unique timestamp carrier follows too (distinct microseconds).
        #expect(try c.scalarInt("SELECT count(*) FROM rental r JOIN customer c ON c.id = r.customer_id WHERE r.rental_date < c.created_at") == 0)
        #expect(try c.scalarInt("SELECT count(DISTINCT rental_date) FROM rental") == 1500)
        #expect(try c.scalarInt("SELECT count(*) FROM payment p JOIN rental r ON r.id = p.rental_id WHERE p.payment_date < r.rental_date") == 0)
        #expect(try c.scalarInt("SELECT count(*) FROM rental WHERE return_date < rental_date") == 0)
        // Spread after the parent, not piled onto it.
        #expect(try c.scalarInt("SELECT count(*) FROM payment p JOIN rental r ON r.id = p.rental_id WHERE p.payment_date = r.rental_date") ?? 1500 < 10)
        // The CHECK wins over the parent's time.
        #expect(try c.scalarInt("SELECT count(*) FROM refund WHERE created_at >= '2021-06-01'") == 0)
        #expect(try c.scalarInt("SELECT count(*) FROM refund") == 1500)
        let inspect = try CommandRunner.dbsynth(["inspect", db.url])
        #expect(inspect.stdout.contains("on or after customer.created_at"), "\(inspect.stdout)")
        #expect(inspect.stdout.contains("on or after rental.rental_date"), "\(inspect.stdout)")
        #expect(inspect.stdout.contains("(its CHECK wins over following payment.payment_date)"), "\(inspect.stdout)")
    }

    /// A child without a created_at-like column follows through the first
    /// time that says when it happened (an order line's shipment).
    @Test func anOrderLinesShipmentComesAfterItsOrder() throws {
        let db = try ScratchSQLite(schema: """
            CREATE TABLE orders (id INTEGER PRIMARY KEY, ordered_at TIMESTAMP NOT NULL);
            CREATE TABLE order_items (order_id INTEGER NOT NULL REFERENCES orders(id), line_no INTEGER NOT NULL,
                                      shipped_at TIMESTAMP NOT NULL, qty INTEGER NOT NULL, PRIMARY KEY (order_id, line_no));
            CREATE TABLE shipment (id INTEGER PRIMARY KEY, order_id INTEGER NOT NULL REFERENCES orders(id), shipped_on DATE NOT NULL,
                                   last_update TIMESTAMP NOT NULL);
            """)
        defer { db.remove() }
        let fill = try CommandRunner.dbsynth(["fill", db.url, "--rows", "2000", "--quiet"])
        #expect(fill.status == 0, "\(fill.stderr)")
        let c = try db.open()
        #expect(try c.scalarInt("SELECT count(*) FROM order_items i JOIN orders o ON o.id = i.order_id WHERE i.shipped_at < o.ordered_at") == 0)
        #expect(try c.scalarInt("SELECT count(*) FROM shipment s JOIN orders o ON o.id = s.order_id WHERE s.shipped_on < date(o.ordered_at)") == 0)
        let inspect = try CommandRunner.dbsynth(["inspect", db.url])
        #expect(inspect.stdout.contains("on or after orders.ordered_at"), "\(inspect.stdout)")
    }

    @Test func lookupTablesHoldEachNameOnce() throws {
        let db = try ScratchSQLite(schema: """
            CREATE TABLE category (id INTEGER PRIMARY KEY, name TEXT NOT NULL, last_update TIMESTAMP);
            CREATE TABLE language (id INTEGER PRIMARY KEY, name CHAR(20) NOT NULL);
            CREATE TABLE film (id INTEGER PRIMARY KEY, title TEXT NOT NULL, category_id INTEGER REFERENCES category(id),
                               language_id INTEGER NOT NULL REFERENCES language(id));
            """)
        defer { db.remove() }
        let fill = try CommandRunner.dbsynth(["fill", db.url, "--rows", "40", "--table", "language=900", "--quiet"])
        #expect(fill.status == 0, "\(fill.stderr)")
        let c = try db.open()
        #expect(try c.scalarInt("SELECT count(DISTINCT name) FROM category") == 40)
        #expect(try c.scalarInt("SELECT count(*) FROM category WHERE name GLOB '*[0-9]'") == 0, "40 fit in the list unnumbered")
        // More rows than languages: each language once, then numbered, still distinct.
        #expect(try c.scalarInt("SELECT count(DISTINCT name) FROM language") == 900)
        #expect(try c.scalarInt("SELECT count(*) FROM language WHERE length(name) > 20") == 0)
        let inspect = try CommandRunner.dbsynth(["inspect", db.url])
        #expect(inspect.stdout.contains("distinct category ("), "\(inspect.stdout)")
    }

    @Test func aColumnsDefaultShapesItsValues() throws {
        let db = try ScratchSQLite(schema: """
            CREATE TABLE product (
                id INTEGER PRIMARY KEY,
                price NUMERIC(6, 2) NOT NULL DEFAULT 4.99,
                stock INTEGER NOT NULL DEFAULT 0,
                listed BOOLEAN NOT NULL DEFAULT 1,
                status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'paused', 'closed')),
                weight NUMERIC(6, 2) NOT NULL DEFAULT (2.5) CHECK (weight <= 3),
                seen_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
            );
            """)
        defer { db.remove() }
        let fill = try CommandRunner.dbsynth(["fill", db.url, "--rows", "4000", "--quiet"])
        #expect(fill.status == 0, "\(fill.stderr)")
        let c = try db.open()
        func share(_ sql: String) throws -> Double { Double(try c.scalarInt(sql) ?? -1) / 4000 }
        let prices = try c.query("SELECT price FROM product ORDER BY price").map { Double($0[0]!)! }
        #expect(prices[2000] > 3.5 && prices[2000] < 7, "median near the default: \(prices[2000])")
        #expect(try share("SELECT count(*) FROM product WHERE price = 4.99") > 0.25)
        #expect(try share("SELECT count(*) FROM product WHERE stock = 0") > 0.3, "a zero default is a counter")
        #expect(try c.scalarInt("SELECT max(stock) FROM product") ?? 0 > 5)
        #expect(try share("SELECT count(*) FROM product WHERE listed") > 0.75)
        let active = try share("SELECT count(*) FROM product WHERE status = 'active'")
        #expect(active > 0.52 && active < 0.68, "the default is the most frequent status: \(active)")
        #expect(try c.scalarInt("SELECT count(*) FROM product WHERE weight > 3 OR weight < 0") == 0, "the CHECK still wins")
        // DEFAULT now(): later is likelier (density rising to the window's end: 3/4 in its second half).
        let late = try share("SELECT count(*) FROM product WHERE seen_at >= '2023-07-02'")
        #expect(late > 0.68 && late < 0.82, "\(late)")
        #expect(try c.scalarInt("SELECT count(*) FROM product WHERE seen_at < '2021-01-01' OR seen_at > '2026-01-01'") == 0)
    }
}

/// `fill` without `--rows` sizes each table by its role (lookup, entity,
/// group, link, event); `--rows N` alone still gives every table N.
@Suite struct TableSizeTests {
    static let shop = """
        CREATE TABLE language (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
        CREATE TABLE store (id INTEGER PRIMARY KEY, manager_id INTEGER);
        CREATE TABLE customer (id INTEGER PRIMARY KEY, store_id INTEGER NOT NULL REFERENCES store(id),
                               first_name TEXT NOT NULL, email TEXT NOT NULL, language_id INTEGER REFERENCES language(id));
        CREATE TABLE film (id INTEGER PRIMARY KEY, title TEXT NOT NULL, language_id INTEGER NOT NULL REFERENCES language(id));
        CREATE TABLE rental (id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL REFERENCES customer(id),
                             film_id INTEGER NOT NULL REFERENCES film(id), rented_at TIMESTAMP NOT NULL);
        """

    static func counts(_ db: ScratchSQLite) throws -> [String: Int] {
        let c = try db.open()
        var out: [String: Int] = [:]
        for t in ["language", "store", "customer", "film", "rental"] { out[t] = try c.scalarInt("SELECT count(*) FROM \(t)").map(Int.init) }
        return out
    }

    @Test func withoutRowsEachTableIsSizedByItsRole() throws {
        let db = try ScratchSQLite(schema: Self.shop)
        defer { db.remove() }
        let inspect = try CommandRunner.dbsynth(["inspect", db.url])
        #expect(inspect.status == 0, "\(inspect.stderr)")
        #expect(inspect.stdout.contains("Rows by role (--rows N gives every table N):"), "\(inspect.stdout)")
        #expect(inspect.stdout.contains("rental    event   10,000  event (rented_at; foreign keys to customer, film): the largest tables"), "\(inspect.stdout)")
        #expect(inspect.stdout.contains("store     group      100  groups customer"), "\(inspect.stdout)")
        let json = try CommandRunner.dbsynth(["inspect", db.url, "--json"])
        let document = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let tables = document?["tables"] as? [[String: Any]] ?? []
        let planned = Dictionary(uniqueKeysWithValues: tables.map { ($0["name"] as? String ?? "", $0["rows"] as? Int ?? -1) })
        #expect(tables.first { $0["name"] as? String == "language" }?["role"] as? String == "lookup")

        let fill = try CommandRunner.dbsynth(["fill", db.url, "--quiet"])
        #expect(fill.status == 0, "\(fill.stderr)")
        let n = try Self.counts(db)
        #expect(n == planned, "the fill writes what inspect shows")
        #expect(n["rental"] == 10_000)
        #expect(n["customer"] == 1000 && n["film"] == 1000)
        #expect(n["store"]! * 10 <= n["customer"]!, "far fewer stores than customers: \(n)")
        #expect(n["language"]! >= 5 && n["language"]! <= 100, "a handful of languages: \(n)")
        let c = try db.open()
        #expect(try c.scalarInt("SELECT count(DISTINCT name) FROM language").map(Int.init) == n["language"], "each language once")

        // --rows N alone: every table N; with --shape realistic: N in the largest.
        #expect(try CommandRunner.dbsynth(["fill", db.url, "--rows", "30", "--truncate", "--quiet"]).status == 0)
        #expect(try Self.counts(db).values.allSatisfy { $0 == 30 })
        #expect(try CommandRunner.dbsynth(["fill", db.url, "--rows", "2000", "--shape", "realistic", "--truncate", "--quiet"]).status == 0)
        let shaped = try Self.counts(db)
        #expect(shaped["rental"] == 2000 && shaped["customer"] == 200 && shaped["store"] == 20, "\(shaped)")
        #expect(try CommandRunner.dbsynth(["fill", db.url, "--shape", "uniform", "--truncate", "--quiet"]).status == 0)
        #expect(try Self.counts(db).values.allSatisfy { $0 == 1000 }, "uniform without --rows: the old 1,000 each")
        let bad = try CommandRunner.dbsynth(["fill", db.url, "--shape", "skewed"])
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("--shape"), "\(bad.stderr)")
    }

    /// The check on a real schema: pagila filled without `--rows`.
    @Test(.enabled(if: TestEnvironment.postgresTestsEnabled && TestEnvironment.corpus != nil))
    func pagilaWithoutRowsLooksLikeARentalShop() throws {
        let db = try LoadedCorpusSchema(CorpusEntry(kind: .postgres, name: "pagila"))
        defer { db.remove() }
        let fill = try CommandRunner.dbsynth(["fill", db.url, "--quiet"])
        #expect(fill.status == 0, "\(fill.stderr)")
        let c = try PostgresConnection(conninfo: db.url, redactedTarget: "pagila")
        func int(_ sql: String) throws -> Int { Int((try c.query(sql).first?.first ?? nil) ?? "") ?? -1 }
        for lookup in ["language", "category"] {
            let rows = try int("SELECT count(*) FROM \(lookup)")
            #expect(rows >= 5 && rows <= 200, "\(lookup): \(rows)")
            #expect(try int("SELECT count(DISTINCT name) FROM \(lookup)") == rows, "\(lookup) names are distinct")
        }
        let customers = try int("SELECT count(*) FROM customer")
        let rentals = try int("SELECT count(*) FROM rental")
        #expect(try int("SELECT count(*) FROM store") * 10 <= customers)
        let films = try int("SELECT count(*) FROM film")
        #expect(rentals > customers && rentals > films)
        #expect(try int("SELECT count(*) FROM rental r JOIN customer c USING (customer_id) WHERE r.rental_date < c.create_date") == 0)
        // Skewed: some customers rent nothing, a few rent many times the median.
        let perCustomer = "SELECT count(r.rental_id) AS n FROM customer c LEFT JOIN rental r USING (customer_id) GROUP BY c.customer_id"
        #expect(try int("SELECT count(*) FROM (\(perCustomer)) k WHERE n = 0") > 0)
        let median = try int("SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY n) FROM (\(perCustomer)) k")
        #expect(try int("SELECT max(n) FROM (\(perCustomer)) k") >= 4 * median)
        // rental_rate around its DEFAULT 4.99.
        #expect(try int("SELECT (percentile_cont(0.5) WITHIN GROUP (ORDER BY rental_rate) * 100)::int FROM film") == 499)
        #expect(try int("SELECT count(*) FROM film WHERE rental_rate = 4.99") * 5 > films)
    }
}

/// Status lifecycles: most rows in the last happy state, few failures, and
/// the timestamps a status implies set only on rows that hold it, in order.
@Suite struct StatusLifecycleFillTests {
    static let orders = """
        CREATE TABLE orders (
            id INTEGER PRIMARY KEY,
            status TEXT NOT NULL CHECK (status IN ('cancelled', 'delivered', 'paid', 'pending', 'shipped')),
            ordered_at TIMESTAMP NOT NULL,
            paid_at TIMESTAMP,
            shipped_at TIMESTAMP,
            delivered_at TIMESTAMP,
            cancelled_at TIMESTAMP
        );
        CREATE TABLE ticket (
            id INTEGER PRIMARY KEY,
            status TEXT NOT NULL CHECK (status IN ('open', 'resolved')),
            resolved_at TIMESTAMP CHECK (status <> 'resolved' OR resolved_at IS NOT NULL)
        );
        CREATE TABLE address (id INTEGER PRIMARY KEY, state TEXT NOT NULL CHECK (state IN ('CA', 'NY', 'TX')), closed_at TIMESTAMP);
        """

    @Test func aStatusImpliesItsTimestampsAndMostRowsEndWell() throws {
        let db = try ScratchSQLite(schema: Self.orders)
        defer { db.remove() }
        let fill = try CommandRunner.dbsynth(["fill", db.url, "--rows", "4000", "--quiet"])
        #expect(fill.status == 0, "\(fill.stderr)")
        let c = try db.open()
        func count(_ sql: String) throws -> Int { Int(try c.scalarInt(sql) ?? -1) }
        let delivered = try count("SELECT count(*) FROM orders WHERE status = 'delivered'")
        let cancelled = try count("SELECT count(*) FROM orders WHERE status = 'cancelled'")
        #expect(delivered > 2200 && delivered < 2600, "most orders delivered: \(delivered)")
        #expect(cancelled > 250 && cancelled < 550, "few cancelled: \(cancelled)")
        // NULL exactly where the status does not imply the timestamp.
        #expect(try count("SELECT count(*) FROM orders WHERE (shipped_at IS NOT NULL) <> (status IN ('shipped', 'delivered'))") == 0)
        #expect(try count("SELECT count(*) FROM orders WHERE (paid_at IS NOT NULL) <> (status IN ('paid', 'shipped', 'delivered'))") == 0)
        #expect(try count("SELECT count(*) FROM orders WHERE (delivered_at IS NOT NULL) <> (status = 'delivered')") == 0)
        #expect(try count("SELECT count(*) FROM orders WHERE (cancelled_at IS NOT NULL) <> (status = 'cancelled')") == 0)
        // In lifecycle order.
        #expect(try count("SELECT count(*) FROM orders WHERE paid_at < ordered_at OR shipped_at < paid_at OR delivered_at < shipped_at OR cancelled_at < ordered_at") == 0)
        // A CHECK tying the two still holds; a `state` of places is no lifecycle.
        #expect(try count("SELECT count(*) FROM ticket WHERE status = 'resolved' AND resolved_at IS NULL") == 0)
        #expect(try count("SELECT count(*) FROM address WHERE closed_at IS NULL") < 4000)
        let states = try count("SELECT max(n) FROM (SELECT count(*) AS n FROM address GROUP BY state)")
        #expect(states < 1500, "states stay uniform: \(states)")
        let inspect = try CommandRunner.dbsynth(["inspect", db.url])
        #expect(inspect.stdout.contains("delivered 60%, cancelled 10%"), "\(inspect.stdout)")
        #expect(inspect.stdout.contains("0–10 days after paid_at, NULL unless status is shipped or delivered"), "\(inspect.stdout)")
    }

    @Test(.enabled(if: TestEnvironment.postgresTestsEnabled))
    func anEnumStatusOnPostgresDoesTheSame() throws {
        let db = try ScratchPostgres(schema: """
            CREATE TYPE order_state AS ENUM ('new', 'processing', 'completed', 'refunded');
            CREATE TABLE purchase (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, state order_state NOT NULL,
                                   created_at timestamptz NOT NULL DEFAULT now(), completed_at timestamptz, refunded_at timestamptz);
            """)
        defer { db.drop() }
        let fill = try CommandRunner.dbsynth(["fill", db.url, "--rows", "3000", "--quiet"])
        #expect(fill.status == 0, "\(fill.stderr)")
        let c = try db.open()
        func count(_ sql: String) throws -> Int { Int((try c.query(sql).first?.first ?? nil) ?? "") ?? -1 }
        #expect(try count("SELECT count(*) FROM purchase WHERE state = 'completed'") > 1600)
        #expect(try count("SELECT count(*) FROM purchase WHERE (completed_at IS NOT NULL) <> (state = 'completed')") == 0)
        #expect(try count("SELECT count(*) FROM purchase WHERE (refunded_at IS NOT NULL) <> (state = 'refunded')") == 0)
        #expect(try count("SELECT count(*) FROM purchase WHERE completed_at < created_at OR refunded_at < created_at") == 0)
    }
}

import Foundation
import Testing
import TestSupport
import Introspect

/// Model-written columns end to end: the built `dbsynth` against the local
/// OpenAI-compatible server (`Tests/LLMServer/fake_openai.py`), which logs
/// every request it gets and plays scripted failures.
@Suite struct LLMFillTests {
    static let schema = """
        CREATE TABLE product (id INTEGER PRIMARY KEY, name TEXT NOT NULL, sku TEXT, price NUMERIC(8, 2), description TEXT);
        CREATE TABLE review (id INTEGER PRIMARY KEY, product_id INTEGER NOT NULL REFERENCES product(id),
                             rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5), author TEXT, body VARCHAR(120), created_at TIMESTAMP);
        """

    /// A scratch database, a server and a cache directory for one test.
    struct Setup {
        let db: ScratchSQLite
        let server: FakeLLMServer
        var cache: String { db.directory.appendingPathComponent("llm-cache").path }
        var report: String { db.directory.appendingPathComponent("report.json").path }

        init(schema: String = LLMFillTests.schema) throws {
            db = try ScratchSQLite(schema: schema)
            server = try FakeLLMServer()
        }

        func fill(_ arguments: [String], model: String = "gpt-4o-mini") throws -> CommandResult {
            try CommandRunner.dbsynth(["fill", db.url, "--llm-cache", cache, "--report", report] + arguments, environment: server.environment(model: model))
        }

        func rows(_ sql: String) throws -> [String] { try db.open().query(sql).map { $0.map { $0 ?? "NULL" }.joined(separator: "|") } }

        /// Values in the pool of the report's first model-written column.
        func poolSize() throws -> Int? { ((try reportLLM()["columns"] as? [[String: Any]])?.first?["values"]) as? Int }

        func reportLLM() throws -> [String: Any] {
            let data = try Data(contentsOf: URL(fileURLWithPath: report))
            return ((try JSONSerialization.jsonObject(with: data) as? [String: Any])?["llm"] as? [String: Any]) ?? [:]
        }

        func expectKeyAbsent(_ results: [CommandResult], sourceLocation: SourceLocation = #_sourceLocation) throws {
            LLMFillTests.expectKeyAbsent(results, in: db.directory, sourceLocation: sourceLocation)
        }

        func remove() {
            server.stop()
            db.remove()
        }
    }

    /// The key is in no output and in no file the runs wrote under
    /// `directory` (database, report, cache, config), and the cache holds files.
    static func expectKeyAbsent(_ results: [CommandResult], in directory: URL, sourceLocation: SourceLocation = #_sourceLocation) {
        for r in results {
            #expect(!r.stdout.contains(FakeLLMServer.key), sourceLocation: sourceLocation)
            #expect(!r.stderr.contains(FakeLLMServer.key), sourceLocation: sourceLocation)
        }
        let files = FileManager.default.enumerator(atPath: directory.path)?.allObjects.compactMap { $0 as? String } ?? []
        #expect(files.contains { $0.hasSuffix(".json") && $0.contains("cache") }, "the cache holds no file", sourceLocation: sourceLocation)
        for file in files {
            let data = FileManager.default.contents(atPath: directory.appendingPathComponent(file).path) ?? Data()
            #expect(data.range(of: Data(FakeLLMServer.key.utf8)) == nil, "\(file) holds the key", sourceLocation: sourceLocation)
        }
    }

    @Test func llmFlagAsksOnlyForFreeTextColumnsInBatchesWithTheirContext() throws {
        let s = try Setup()
        defer { s.remove() }
        let r = try s.fill(["--rows", "120", "--llm"])
        #expect(r.status == 0, "\(r.stderr)")
        let requests = try s.server.requests()
        let prompts = requests.map(FakeLLMServer.prompt)
        // Pools of min(rows, 500) = 120 values in calls of 50: 3 per column, two columns.
        #expect(requests.count == 6)
        #expect(prompts.filter { $0.contains("for the column description of the table product") }.count == 3)
        #expect(prompts.filter { $0.contains("for the column body of the table review") }.count == 3)
        #expect(prompts.allSatisfy { $0.contains("column description") || $0.contains("column body") })
        #expect(prompts.filter { $0.contains("Write exactly 50 distinct values") }.count == 4)
        #expect(prompts.filter { $0.contains("Write exactly 20 distinct values") }.count == 2)
        // The column's context: type, length limit, sibling columns.
        let body = try #require(prompts.first { $0.contains("column body") })
        #expect(body.contains("Column type: VARCHAR(120)."))
        #expect(body.contains("at most 120 characters"))
        #expect(body.contains("The table's other columns: id, product_id, rating, author, created_at."))
        for request in requests {
            let headers = request["headers"] as? [String: String] ?? [:]
            #expect(headers["Authorization"] == "Bearer \(FakeLLMServer.key)")
            let format = (request["body"] as? [String: Any])?["response_format"] as? [String: Any]
            #expect(format?["type"] as? String == "json_schema")
            #expect((format?["json_schema"] as? [String: Any])?["strict"] as? Bool == true)
        }
        // Model values in the free-text columns, local ones elsewhere.
        #expect(try s.rows("SELECT count(*) FROM review WHERE body LIKE 'body %'") == ["120"])
        #expect(try s.rows("SELECT count(*) FROM product WHERE description LIKE 'description %'") == ["120"])
        #expect(try s.rows("SELECT count(*) FROM review WHERE author LIKE 'author %' OR author IS NULL") == ["0"])
        #expect(try s.rows("SELECT max(length(body)) <= 120 FROM review") == ["1"])
        #expect(r.stdout.contains("Model-written columns (gpt-4o-mini at \(s.server.baseURL)):"))
        #expect(r.stdout.contains("review.body"))
        let llm = try s.reportLLM()
        #expect(llm["calls"] as? Int == 6)
        #expect((llm["input_tokens"] as? Int ?? 0) > 0)
        #expect((llm["output_tokens"] as? Int ?? 0) > 0)
        #expect(llm["cache_hits"] as? Int == 0)
        #expect((llm["cost_usd"] as? Double ?? 0) > 0)
        try s.expectKeyAbsent([r])
    }

    @Test func aSecondRunIsServedFromTheCacheWithIdenticalRows() throws {
        let s = try Setup()
        defer { s.remove() }
        let first = try s.fill(["--rows", "300", "--llm"])
        #expect(first.status == 0, "\(first.stderr)")
        let asked = try s.server.requests().count
        let rows = try s.rows("SELECT id, description FROM product ORDER BY id") + s.rows("SELECT id, body FROM review ORDER BY id")
        let second = try s.fill(["--rows", "300", "--llm", "--truncate"])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(try s.server.requests().count == asked, "the second run asked the model")
        #expect(try s.rows("SELECT id, description FROM product ORDER BY id") + s.rows("SELECT id, body FROM review ORDER BY id") == rows)
        let llm = try s.reportLLM()
        #expect(llm["calls"] as? Int == 0)
        #expect(llm["cache_hits"] as? Int == 2)
        #expect(llm["cost_usd"] as? Double == 0)
        // --llm-refresh asks again.
        let third = try s.fill(["--rows", "300", "--llm", "--truncate", "--llm-refresh"])
        #expect(third.status == 0, "\(third.stderr)")
        #expect(try s.server.requests().count == 2 * asked)
        try s.expectKeyAbsent([first, second, third])
    }

    static let tickets = "CREATE TABLE ticket (id INTEGER PRIMARY KEY, message TEXT);"

    @Test func rateLimitsServerErrorsAndTimeoutsAreRetried() throws {
        let s = try Setup(schema: Self.tickets)
        defer { s.remove() }
        try s.server.script(["steps": [["status": 429, "retry_after": 1], ["status": 500], ["sleep": 3]]])
        let start = Date()
        let r = try s.fill(["--rows", "10", "--llm", "--llm-timeout", "1"])
        #expect(r.status == 0, "\(r.stderr)")
        // 429 (waited its Retry-After of 1s), 500, a timeout, then the answer.
        #expect(try s.server.requests().count == 4)
        #expect(Date().timeIntervalSince(start) >= 2)
        #expect(try s.reportLLM()["calls"] as? Int == 1)
    }

    @Test func unauthorizedIsNotRetriedAndChangesNothing() throws {
        let s = try Setup(schema: Self.tickets)
        defer { s.remove() }
        try s.db.open().execute("INSERT INTO ticket VALUES (1, 'kept')")
        try s.server.script(["steps": [["status": 401]]])
        let r = try s.fill(["--rows", "10", "--llm", "--truncate"])
        #expect(r.status == 2)
        #expect(r.stderr.hasPrefix("error: "))
        #expect(r.stderr.contains("HTTP 401"))
        #expect(r.stderr.contains("DBSYNTH_LLM_KEY"))
        #expect(try s.server.requests().count == 1, "a 401 was retried")
        #expect(try s.rows("SELECT * FROM ticket") == ["1|kept"])
        #expect(!r.stderr.contains(FakeLLMServer.key))
    }

    @Test func shortAnswersGetTopUpsAndRepeatedValuesAreDropped() throws {
        let s = try Setup(schema: "CREATE TABLE note_board (id INTEGER PRIMARY KEY, message TEXT NOT NULL);")
        defer { s.remove() }
        try s.server.script(["steps": [["short": 3], ["repeat": true]]])
        let r = try s.fill(["--rows", "200", "--llm", "--llm-concurrency", "1"])
        #expect(r.status == 0, "\(r.stderr)")
        let prompts = try s.server.requests().map(FakeLLMServer.prompt)
        #expect(prompts.count >= 3)
        // Four calls of 50: one answers 3 values, one 50 times the same
        // value (1 kept), so 104 of 200; the top-up round asks 50 + 46.
        #expect(prompts.count == 6)
        #expect(prompts.filter { $0.contains("exactly 50 distinct") }.count == 5)
        #expect(prompts.contains { $0.contains("exactly 46 distinct") })
        #expect(try s.poolSize() == 200)
        #expect(try s.rows("SELECT count(*) FROM note_board WHERE message LIKE 'message %'") == ["200"])
    }

    @Test func anInvalidAnswerIsAskedAgainOnceThenRefused() throws {
        let s = try Setup(schema: Self.tickets)
        defer { s.remove() }
        try s.server.script(["steps": [["invalid": true]]])
        let ok = try s.fill(["--rows", "20", "--llm"])
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(try s.server.requests().count == 2)
        #expect(try s.reportLLM()["calls"] as? Int == 2)

        try s.server.script(["steps": [["invalid": true], ["invalid": true]]])
        let refused = try s.fill(["--rows", "20", "--llm", "--truncate", "--llm-refresh"])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("error: ticket.message: the model's answer is not the JSON asked for"))
        #expect(refused.stderr.split(separator: "\n").count == 1)
        #expect(try s.rows("SELECT count(*) FROM ticket WHERE message LIKE 'message %'") == ["20"], "the earlier rows changed")
    }

    @Test func aServerWithoutStructuredOutputGetsPlainJSONRequests() throws {
        let s = try Setup(schema: Self.tickets)
        defer { s.remove() }
        try s.server.script(["reject_json_schema": true])
        let r = try s.fill(["--rows", "120", "--llm", "--llm-concurrency", "1"])
        #expect(r.status == 0, "\(r.stderr)")
        let formats = try s.server.requests().map { ($0["body"] as? [String: Any])?["response_format"] != nil }
        // The 400, then every call without response_format.
        #expect(formats == [true, false, false, false])
        #expect(try s.poolSize() == 120)
        #expect(try s.rows("SELECT count(*) FROM ticket WHERE message LIKE 'message %'") == ["120"])
    }

    @Test func theBudgetStopsBeforeTheCallAndNothingChanges() throws {
        let s = try Setup()
        defer { s.remove() }
        try s.db.open().execute("INSERT INTO product (id, name) VALUES (1, 'kept')")
        let r = try s.fill(["--rows", "100", "--llm", "--truncate", "--llm-budget-tokens", "200"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("--llm-budget-tokens 200"))
        #expect(try s.server.requests().isEmpty)
        #expect(try s.rows("SELECT id, name FROM product") == ["1|kept"])
        #expect(try s.rows("SELECT count(*) FROM review") == ["0"])
    }

    @Test func anUnreachableEndpointIsRefusedOrWithFallbackFilledLocally() throws {
        let s = try Setup()
        s.server.stop()
        defer { s.db.remove() }
        let refused = try s.fill(["--rows", "10", "--llm"])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("error: "))
        #expect(refused.stderr.contains("cannot reach gpt-4o-mini at \(s.server.baseURL)"))
        #expect(try s.rows("SELECT count(*) FROM review") == ["0"])

        let fallback = try s.fill(["--rows", "10", "--llm", "--llm-fallback"])
        #expect(fallback.status == 0, "\(fallback.stderr)")
        #expect(fallback.stderr.contains("--llm-fallback: the local generator fills review.body"))
        #expect(try s.rows("SELECT count(*) FROM review WHERE body IS NOT NULL") != ["0"])
        #expect(try s.reportLLM()["calls"] as? Int == 0)
    }

    @Test func configColumnsTakePromptPoolUniqueAndPerRow() throws {
        let s = try Setup(schema: """
            CREATE TABLE review (id INTEGER PRIMARY KEY, rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
                                 headline TEXT UNIQUE, body TEXT, reply VARCHAR(40));
            """)
        defer { s.remove() }
        let config = s.db.directory.appendingPathComponent("c.yml").path
        try """
            llm:
              prices: { test-model: { input: 1000000, output: 0 } }
            tables:
              review:
                rows: 200
                columns:
                  body: { type: llm, prompt: "a two-star review of a desk lamp", pool: 12 }
                  headline: { type: llm }
                  reply: { type: llm, per_row: true }
            """.write(toFile: config, atomically: true, encoding: .utf8)
        let r = try s.fill(["--config", config], model: "test-model")
        #expect(r.status == 0, "\(r.stderr)")
        let prompts = try s.server.requests().map(FakeLLMServer.prompt)
        let body = prompts.filter { $0.contains("column body") }
        #expect(body.count == 1)
        #expect(body.first?.contains("What the values are: a two-star review of a desk lamp") == true)
        #expect(body.first?.contains("exactly 12 distinct") == true)
        #expect(try s.rows("SELECT count(DISTINCT body) FROM review") == ["12"])
        // A unique column: a pool as large as the table, every row distinct.
        #expect(prompts.filter { $0.contains("exactly 50 distinct values for the column headline") }.count == 4)
        #expect(try s.rows("SELECT count(DISTINCT headline) FROM review") == ["200"])
        // per_row: the rows' other values in the prompt, one value per row, 25 rows a call.
        let reply = prompts.filter { $0.contains("column reply") }
        #expect(reply.count == 8)
        #expect(reply.allSatisfy { $0.contains("row 1: rating=") && $0.contains("row 25: rating=") })
        #expect(try s.rows("SELECT max(length(reply)) <= 40, count(DISTINCT reply) FROM review") == ["1|200"])
        // Cost from the config's price: input tokens at $1 each.
        let llm = try s.reportLLM()
        #expect(llm["cost_usd"] as? Double == Double(llm["input_tokens"] as? Int ?? -1))
    }

    @Test func valuesPastTheLengthLimitAreCutAndSaidSo() throws {
        let s = try Setup(schema: "CREATE TABLE ticket (id INTEGER PRIMARY KEY, message VARCHAR(40));")
        defer { s.remove() }
        try s.server.script(["steps": [["long": true]]])
        let r = try s.fill(["--rows", "20", "--llm"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("warning: ticket.message: 20 of the model's values were cut to 40 characters"))
        #expect(try s.poolSize() == 20)
        #expect(try s.rows("SELECT max(length(message)) <= 40, count(*) FROM ticket WHERE message LIKE 'message %'") == ["1|20"])
    }

    @Test func aUniqueColumnPastMaxRowsGetsRowNumbersAndSaysSo() throws {
        let s = try Setup(schema: "CREATE TABLE post (id INTEGER PRIMARY KEY, summary VARCHAR(60) NOT NULL UNIQUE);")
        defer { s.remove() }
        let r = try s.fill(["--rows", "400", "--llm", "--llm-max-rows", "100"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("post.summary is unique: its 400 rows take the 500 model values with the row number appended"))
        #expect(try s.rows("SELECT count(DISTINCT summary), max(length(summary)) <= 60 FROM post") == ["400|1"])
        #expect(try s.rows("SELECT summary LIKE '% #7' FROM post WHERE id = 7") == ["1"])
    }

    @Test func callsStayWithinTheConcurrencyLimit() throws {
        let s = try Setup(schema: "CREATE TABLE ticket (id INTEGER PRIMARY KEY, message TEXT, notes TEXT);")
        defer { s.remove() }
        try s.server.script(["delay": 0.3])
        let r = try s.fill(["--rows", "200", "--llm", "--llm-concurrency", "2"])
        #expect(r.status == 0, "\(r.stderr)")
        let inFlight = try s.server.requests().compactMap { $0["in_flight"] as? Int }
        #expect(inFlight.count == 8)
        #expect(inFlight.max() == 2)
    }

    @Test func initLLMWritesTheModelsChoicesAndCachesThem() throws {
        let s = try Setup(schema: "CREATE TABLE shop (id INTEGER PRIMARY KEY, town TEXT, wibble TEXT, code INTEGER);")
        defer { s.remove() }
        try s.server.script(["advice": [
            ["table": "shop", "column": "wibble", "generator": "llm"],
            ["table": "shop", "column": "code", "generator": "city"],
        ]])
        let out = s.db.directory.appendingPathComponent("dbsynth.yml").path
        let arguments = ["init", s.db.url, "--llm", "--llm-cache", s.cache, "-o", out]
        let r = try CommandRunner.dbsynth(arguments, environment: s.server.environment())
        #expect(r.status == 0, "\(r.stderr)")
        let text = try String(contentsOfFile: out, encoding: .utf8)
        #expect(text.contains("wibble: { type: llm }   # chosen by the model (init --llm)"))
        #expect(!text.contains("code: { type: city }"))
        #expect(r.stderr.contains("warning: init --llm: shop.code: 'city' is not a generator that fits"))
        let requests = try s.server.requests()
        #expect(requests.count == 1)
        let prompt = FakeLLMServer.prompt(requests[0])
        #expect(prompt.contains("- shop.wibble: TEXT"))
        #expect(!prompt.contains("- shop.town:"), "town is a city by inference")
        let again = try CommandRunner.dbsynth(arguments, environment: s.server.environment())
        #expect(again.status == 0)
        #expect(try s.server.requests().count == 1, "the second init asked again")
        #expect(try String(contentsOfFile: out, encoding: .utf8) == text)
        // The written config fills through the model.
        let fill = try s.fill(["--config", out, "--rows", "20"])
        #expect(fill.status == 0, "\(fill.stderr)")
        #expect(try s.rows("SELECT count(*) FROM shop WHERE wibble LIKE 'wibble %'") == ["20"])
        try s.expectKeyAbsent([r, again, fill])
    }

    @Test func badLLMConfigIsOneErrorLine() throws {
        let s = try Setup(schema: "CREATE TABLE t (id INTEGER PRIMARY KEY, n INTEGER, body TEXT);")
        defer { s.remove() }
        let config = s.db.directory.appendingPathComponent("c.yml").path
        for (yaml, message) in [
            ("tables: { t: { columns: { n: { type: llm } } } }", "llm gives text values, which do not fit t.n"),
            ("tables: { t: { columns: { body: { type: llm, pool: 0 } } } }", "pool must be 1 to 100000, not 0"),
            ("tables: { t: { columns: { body: { type: llm, per_row: true, pool: 5 } } } }", "per_row writes one value per row; it takes no pool"),
            ("tables: { t: { columns: { body: { type: optional, prob: 0.5, inner: { type: llm } } } } }", "cannot be nested"),
            ("llm: { prices: { m: { input: -1, output: 0 } } }", "a price must be 0 or more"),
        ] {
            try yaml.write(toFile: config, atomically: true, encoding: .utf8)
            let r = try s.fill(["--config", config, "--rows", "5"])
            #expect(r.status == 2, "\(yaml)")
            #expect(r.stderr.hasPrefix("error: \(config):1: "), "\(r.stderr)")
            #expect(r.stderr.contains(message), "\(r.stderr)")
        }
        #expect(try s.server.requests().isEmpty)
    }

    // MARK: PostgreSQL

    @Test(.enabled(if: TestEnvironment.postgresTestsEnabled)) func postgresFillsFromTheModelWithTheCommentAndCheckInThePrompt() throws {
        let db = try ScratchPostgres(schema: """
            CREATE TABLE product (id serial PRIMARY KEY, name text NOT NULL);
            CREATE TABLE review (id serial PRIMARY KEY, product_id integer NOT NULL REFERENCES product(id),
                                 rating integer NOT NULL CHECK (rating BETWEEN 1 AND 5),
                                 body varchar(100) CHECK (length(body) > 5));
            COMMENT ON COLUMN review.body IS 'what the customer wrote about the product';
            INSERT INTO product (name) VALUES ('kept');
            """)
        defer { db.drop() }
        let server = try FakeLLMServer()
        defer { server.stop() }
        let directory = try TestEnvironment.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let cache = directory.appendingPathComponent("cache").path
        let report = directory.appendingPathComponent("r.json").path
        let arguments = ["fill", db.url, "--rows", "200", "--llm", "--truncate", "--llm-cache", cache, "--report", report]
        let first = try CommandRunner.dbsynth(arguments, environment: server.environment())
        #expect(first.status == 0, "\(first.stderr)")
        let prompts = try server.requests().map(FakeLLMServer.prompt)
        #expect(prompts.count == 4)
        #expect(prompts.allSatisfy { $0.contains("Column comment: what the customer wrote about the product") })
        #expect(prompts.allSatisfy { $0.contains("Every value must satisfy: ") && $0.contains("length(") })
        #expect(prompts.allSatisfy { $0.contains("Column type: character varying(100).") })
        let c = try db.open()
        #expect(try c.query("SELECT count(*) FROM review WHERE body LIKE 'body %'") == [["200"]])
        let rows = try c.query("SELECT id, rating, body FROM review ORDER BY id")
        let second = try CommandRunner.dbsynth(arguments, environment: server.environment())
        #expect(second.status == 0, "\(second.stderr)")
        #expect(try server.requests().count == 4)
        #expect(try db.open().query("SELECT id, rating, body FROM review ORDER BY id") == rows)

        // A budget too small: refused, the database as it was.
        let refused = try CommandRunner.dbsynth(arguments + ["--llm-refresh", "--llm-budget-tokens", "50"], environment: server.environment())
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("--llm-budget-tokens 50"))
        #expect(try db.open().query("SELECT id, rating, body FROM review ORDER BY id") == rows)
        Self.expectKeyAbsent([first, second, refused], in: directory)
    }
}

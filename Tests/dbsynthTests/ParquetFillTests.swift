import Foundation
import Testing
import TestSupport

/// End-to-end `fill --out DIR --format parquet`: the built binary's files
/// read back by pyarrow and DuckDB, compared with what the same fill writes
/// as CSV and with the layout and types smelt-datagen 0.3.2 writes.
@Suite(.enabled(if: PythonReaders.enabled, "needs pyarrow and duckdb: scripts/install-deps.sh --test"))
struct ParquetFillTests {
    /// A smelt-datagen config using every generator smelt 0.3.2 has, and a
    /// partitioned dataset with an `output:` directory.
    static let smeltConfig = """
        seed: 42
        datasets:
          - name: users
            output: data/users
            num_rows: 1000
            columns:
              - name: user_id
                generator: { type: sequential_id }
              - name: email
                generator: { type: string_pattern, template: "user{sequential_id}@example.com" }
              - name: signup
                generator: { type: timestamp, start: "2024-01-01T00:00:00", end: "2024-06-01T00:00:00" }
              - name: birthday
                generator: { type: date, start: "1960-01-01", end: "2005-01-01" }
              - name: age
                generator: { type: uniform_int, min: 18, max: 90 }
              - name: score
                generator: { type: uniform_float, min: 0, max: 1 }
              - name: vip
                generator: { type: bool, prob: 0.1 }
              - name: ref
                generator: { type: uuid }
              - name: tier
                generator: { type: weighted_choice, values: { gold: 1, silver: 3 } }
              - name: nick
                generator: { type: optional, prob: 0.5, inner: { type: one_of, values: [a, b, c] } }
              - name: n
                generator: { type: geometric, p: 0.3 }
              - name: amount
                generator: { type: log_normal, median: 20, sigma: 1, max: 1000 }
              - name: k
                generator: { type: constant, value: 7 }
          - name: orders
            output: data/orders
            num_rows: 3002
            partition: { column: event_date, start: "2024-07-01", days: 3 }
            columns:
              - name: order_id
                generator: { type: sequential_id }
              - name: user_id
                generator: { type: foreign_key, dataset: users }
        """

    /// What smelt-datagen 0.3.2 wrote for this config (read with pyarrow 26):
    /// integers INT32, text-like values strings, the partition column a string too.
    static let smeltUserTypes = [
        "user_id": "int32", "email": "string", "signup": "string", "birthday": "string", "age": "int32",
        "score": "double", "vip": "bool", "ref": "string", "tier": "string", "nick": "string",
        "n": "int32", "amount": "int32", "k": "int32",
    ]

    func write(_ text: String, in dir: URL, _ name: String = "config.yml") throws -> String {
        let path = dir.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// A CSV file's rows (no quoting in these tests' data), empty fields as NULL.
    func csvRows(_ path: String) throws -> [[String?]] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").dropFirst().map { line in
            line.split(separator: ",", omittingEmptySubsequences: false).map { $0.isEmpty ? nil : String($0) }
        }
    }

    @Test func aSmeltConfigGivesSmeltsLayoutTypesAndTheCSVsValues() throws {
        let dir = try TestEnvironment.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let config = try write(Self.smeltConfig, in: dir)
        let out = dir.appendingPathComponent("pq").path
        let result = try CommandRunner.dbsynth(["fill", "--config", config, "--out", out, "--format", "parquet", "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")

        // smelt-datagen's layout: DIR/<output>/data.parquet, partitions under it.
        let users = try ParquetDescription.of(out + "/data/users/data.parquet")
        #expect(users.num_rows == 1000)
        #expect(Dictionary(uniqueKeysWithValues: users.arrow.map { ($0.name, $0.type) }) == Self.smeltUserTypes)
        #expect(users.arrow.filter(\.nullable).map(\.name) == ["nick"], "only optional generators give OPTIONAL fields, as smelt's")
        #expect(users.row_groups.allSatisfy { $0.columns.allSatisfy { $0.compression == "ZSTD" } })
        for day in ["2024-07-01", "2024-07-02", "2024-07-03"] {
            let part = try ParquetDescription.of(out + "/data/orders/event_date=\(day)/data.parquet")
            #expect(part.num_rows == 1000, "3002 rows over 3 days: 1000 a day in row order, the remainder dropped, as smelt-datagen does")
            #expect(part.arrow.map(\.name) == ["order_id", "user_id", "event_date"])
            #expect(part.arrow.map(\.type) == ["int32", "int32", "string"])
            #expect(Set(part.column("event_date")) == [day])
        }

        // The same fill as CSV holds the same values, cell for cell.
        let csv = dir.appendingPathComponent("csv").path
        #expect(try CommandRunner.dbsynth(["fill", "--config", config, "--out", csv, "--quiet"]).status == 0)
        #expect(users.rows == (try csvRows(csv + "/users.csv")))
        let firstDay = try ParquetDescription.of(out + "/data/orders/event_date=2024-07-01/data.parquet")
        #expect(firstDay.rows == (try csvRows(csv + "/orders/event_date=2024-07-01/data.csv")))

        // DuckDB over the Hive layout: counts, sums, key ranges, the partition key.
        let q = try PythonReaders.duckdb("""
            SELECT count(*), sum(order_id), min(user_id) >= 1 AND max(user_id) <= 1000, count(DISTINCT event_date)
            FROM read_parquet('\(out)/data/orders/*/data.parquet', hive_partitioning = true)
            """)
        #expect(q == [["3000", String(3000 * 3001 / 2), "True", "3"]])
        let perDay = try PythonReaders.duckdb("""
            SELECT event_date, count(*), min(order_id), max(order_id)
            FROM read_parquet('\(out)/data/orders/*/data.parquet', hive_partitioning = true) GROUP BY 1 ORDER BY 1
            """)
        #expect(perDay == [["2024-07-01", "1000", "1", "1000"], ["2024-07-02", "1000", "1001", "2000"], ["2024-07-03", "1000", "2001", "3000"]])
        let u = try PythonReaders.duckdb("SELECT count(*), count(nick), sum(age), min(user_id), max(user_id) FROM read_parquet('\(out)/data/users/data.parquet')")
        let ages = try csvRows(csv + "/users.csv").map { Int($0[4]!)! }
        #expect(u.first?[0] == "1000" && u.first?[2] == String(ages.reduce(0, +)) && u.first?[3] == "1" && u.first?[4] == "1000")
        #expect(u.first?[1] == String(users.column("nick").compactMap { $0 }.count))
    }

    @Test func parquetTypesLogicalGivesEachColumnItsOwnType() throws {
        let dir = try TestEnvironment.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let config = try write("parquet_types: logical\n" + Self.smeltConfig, in: dir)
        let out = dir.appendingPathComponent("pq").path
        let result = try CommandRunner.dbsynth(["fill", "--config", config, "--out", out, "--format", "parquet", "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        let users = try ParquetDescription.of(out + "/data/users/data.parquet", rows: false)
        let types = Dictionary(uniqueKeysWithValues: users.arrow.map { ($0.name, $0.type) })
        // --parquet-types does the same without touching the file (smelt-datagen refuses unknown keys).
        let plain = try write(Self.smeltConfig, in: dir, "plain.yml")
        let flagged = dir.appendingPathComponent("flag").path
        let byFlag = try CommandRunner.dbsynth(["fill", "--config", plain, "--out", flagged, "--format", "parquet", "--parquet-types", "logical", "--quiet"])
        #expect(byFlag.status == 0, "\(byFlag.stderr)")
        #expect(try ParquetDescription.of(flagged + "/data/users/data.parquet", rows: false).arrow.map(\.type) == users.arrow.map(\.type))
        #expect(types["user_id"] == "int64" && types["signup"] == "timestamp[us]" && types["birthday"] == "date32[day]")
        #expect(types["ref"] == "extension<arrow.uuid>" || types["ref"] == "fixed_size_binary[16]", "\(types)")
        let part = try ParquetDescription.of(out + "/data/orders/event_date=2024-07-02/data.parquet", rows: false)
        #expect(part.arrow.map(\.type) == ["int64", "int64", "date32[day]"])

        // The typed values are the CSV's text, parsed: join the two on the key.
        let csv = dir.appendingPathComponent("csv").path
        #expect(try CommandRunner.dbsynth(["fill", "--config", config, "--out", csv, "--quiet"]).status == 0)
        let same = try PythonReaders.duckdb("""
            SELECT count(*) FROM read_parquet('\(out)/data/users/data.parquet') p
            JOIN read_csv('\(csv)/users.csv', all_varchar = true) c ON p.user_id = c.user_id::BIGINT
            WHERE p.signup = c.signup::TIMESTAMP AND p.birthday = c.birthday::DATE AND p.ref::VARCHAR = c.ref
              AND p.score = c.score::DOUBLE AND p.vip = c.vip::BOOLEAN AND p.nick IS NOT DISTINCT FROM c.nick
            """)
        #expect(same == [["1000"]])
        #expect(users.row_groups[0].columns[2].min?.isEmpty == false, "timestamp statistics")
    }

    @Test func rowGroupsCompressionAndEmptyDatasets() throws {
        let dir = try TestEnvironment.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let config = try write("""
            datasets:
              - name: events
                num_rows: 2500
                columns:
                  - name: id
                    generator: { type: sequential_id }
                  - name: kind
                    generator: { type: one_of, values: [view, click] }
              - name: nothing
                num_rows: 0
                columns:
                  - name: id
                    generator: { type: sequential_id }
                  - name: at
                    generator: { type: timestamp, start: "2024-01-01T00:00:00", end: "2024-02-01T00:00:00" }
            """, in: dir)
        let out = dir.appendingPathComponent("pq").path
        let result = try CommandRunner.dbsynth(["fill", "--config", config, "--out", out, "--format", "parquet",
                                                "--row-group-rows", "1000", "--compression", "none", "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        // Without output: DIR/name.parquet.
        let events = try ParquetDescription.of(out + "/events.parquet")
        #expect(events.row_groups.map(\.rows) == [1000, 1000, 500])
        #expect(events.row_groups.allSatisfy { $0.columns.allSatisfy { $0.compression == "UNCOMPRESSED" } })
        #expect(events.row_groups[1].columns[0].min == "1001" && events.row_groups[1].columns[0].max == "2000")
        #expect(events.row_groups[0].columns[1].dictionary, "two values: dictionary-encoded")
        let empty = try ParquetDescription.of(out + "/nothing.parquet")
        #expect(empty.num_rows == 0 && empty.row_groups.isEmpty)
        #expect(empty.arrow.map(\.name) == ["id", "at"])
        #expect(try PythonReaders.duckdb("SELECT count(*) FROM read_parquet('\(out)/nothing.parquet')") == [["0"]])
    }

    @Test func aLiveSQLiteSchemaGivesTypedColumnsAndNulls() throws {
        let db = try ScratchSQLite(schema: """
            CREATE TABLE accounts (
              id INTEGER PRIMARY KEY,
              name TEXT NOT NULL,
              balance NUMERIC(12,2) NOT NULL,
              opened DATE NOT NULL,
              seen TIMESTAMP,
              active BOOLEAN NOT NULL,
              note TEXT
            );
            """)
        defer { db.remove() }
        // A nullable column the config makes NULL 40% of the time.
        let config = try write("""
            tables:
              accounts:
                columns:
                  note: { type: optional, prob: 0.6, inner: { type: one_of, values: [vip, late payer, moved] } }
            """, in: db.directory)
        let out = db.directory.appendingPathComponent("pq").path
        let result = try CommandRunner.dbsynth(["fill", db.url, "--rows", "3000", "--config", config, "--out", out, "--format", "parquet", "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        let d = try ParquetDescription.of(out + "/accounts.parquet")
        #expect(d.arrow.map(\.type) == ["int64", "string", "decimal128(12, 2)", "date32[day]", "timestamp[us]", "bool", "string"], "\(d.arrow.map(\.type))")
        #expect(d.arrow.map(\.nullable) == [false, false, false, false, true, false, true])
        let csv = db.directory.appendingPathComponent("csv").path
        #expect(try CommandRunner.dbsynth(["fill", db.url, "--rows", "3000", "--config", config, "--out", csv, "--quiet"]).status == 0)
        let same = try PythonReaders.duckdb("""
            SELECT count(*), count(p.seen), count(p.note) FROM read_parquet('\(out)/accounts.parquet') p
            JOIN read_csv('\(csv)/accounts.csv', all_varchar = true) c ON p.id = c.id::BIGINT
            WHERE p.balance = c.balance::DECIMAL(12,2) AND p.opened = c.opened::DATE
              AND p.seen IS NOT DISTINCT FROM c.seen::TIMESTAMP AND p.note IS NOT DISTINCT FROM c.note AND p.name = c.name
            """)
        #expect(same.first?[0] == "3000", "\(same)")
        let notes = Int(same.first?[2] ?? "") ?? 0
        #expect(abs(Double(notes) / 3000 - 0.6) < 0.05, "NULLs in the OPTIONAL column: \(same)")
        #expect(d.row_groups[0].columns[6].nulls == 3000 - notes)
        #expect(d.row_groups[0].columns[4].nulls == d.column("seen").filter { $0 == nil }.count)
    }

    @Test func badInputIsOneErrorLine() throws {
        let dir = try TestEnvironment.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let config = try write(Self.smeltConfig, in: dir)
        let out = dir.appendingPathComponent("pq").path
        let codec = try CommandRunner.dbsynth(["fill", "--config", config, "--out", out, "--format", "parquet", "--compression", "lz4"])
        #expect(codec.status != 0 && codec.stderr.contains("--compression lz4: expected zstd or none"), "\(codec.stderr)")
        let noParquet = try CommandRunner.dbsynth(["fill", "--config", config, "--out", out, "--row-group-rows", "10"])
        #expect(noParquet.status != 0 && noParquet.stderr.contains("--row-group-rows needs --format parquet"), "\(noParquet.stderr)")

        let escaping = try write(Self.smeltConfig.replacingOccurrences(of: "output: data/users", with: "output: ../users"), in: dir, "escaping.yml")
        let refused = try CommandRunner.dbsynth(["fill", "--config", escaping, "--out", out, "--format", "parquet"])
        #expect(refused.status == 2)
        #expect(refused.stderr.hasPrefix("error: ") && refused.stderr.contains("output must be a relative directory inside --out"), "\(refused.stderr)")
        let types = try write("parquet_types: logcal\n" + Self.smeltConfig, in: dir, "types.yml")
        let typo = try CommandRunner.dbsynth(["fill", "--config", types, "--out", out, "--format", "parquet"])
        #expect(typo.status == 2 && typo.stderr.contains("did you mean 'logical'?"), "\(typo.stderr)")

        // smelt's INT32 cannot hold 2^40: the column, the value and the way out, nothing written.
        let wide = try write("""
            datasets:
              - name: big
                num_rows: 10
                columns:
                  - name: v
                    generator: { type: constant, value: 1099511627776 }
            """, in: dir, "wide.yml")
        let overflow = try CommandRunner.dbsynth(["fill", "--config", wide, "--out", out, "--format", "parquet"])
        #expect(overflow.status == 4, "\(overflow.stderr)")
        #expect(overflow.stderr.contains("big.v: '1099511627776' is not a 32-bit integer") && overflow.stderr.contains("parquet_types: logical"), "\(overflow.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out + "/big.parquet"))
    }
}

/// A live PostgreSQL schema to Parquet: each column's own type.
@Suite(.enabled(if: PythonReaders.enabled && TestEnvironment.postgresTestsEnabled, "needs pyarrow, duckdb and DBSYNTH_TEST_PG"))
struct PostgresParquetTests {
    @Test func everyPostgresTypeGetsItsParquetType() throws {
        let db = try ScratchPostgres(schema: """
            CREATE TABLE items (
              id bigint PRIMARY KEY,
              qty smallint NOT NULL,
              rank integer NOT NULL,
              weight real NOT NULL,
              score double precision,
              price numeric(7,2) NOT NULL,
              total numeric(15,3) NOT NULL,
              huge numeric(30,4) NOT NULL,
              loose numeric,
              ref uuid NOT NULL,
              made date NOT NULL,
              at timestamp NOT NULL,
              seen timestamptz NOT NULL,
              doc jsonb NOT NULL,
              raw bytea NOT NULL,
              ok boolean NOT NULL,
              label varchar(20) NOT NULL,
              span interval NOT NULL
            );
            """)
        defer { db.drop() }
        let dir = try TestEnvironment.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("pq").path
        let result = try CommandRunner.dbsynth(["fill", db.url, "--rows", "2000", "--out", out, "--format", "parquet", "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        let d = try ParquetDescription.of(out + "/items.parquet")
        let types = d.arrow.map(\.type)
        #expect(Array(types[0..<9]) == ["int64", "int16", "int32", "float", "double", "decimal128(7, 2)", "decimal128(15, 3)", "decimal128(30, 4)", "double"], "\(types)")
        #expect(types[9] == "extension<arrow.uuid>" || types[9] == "fixed_size_binary[16]")
        #expect(Array(types[10..<13]) == ["date32[day]", "timestamp[us]", "timestamp[us, tz=UTC]"])
        #expect(types[13] == "extension<arrow.json>" || types[13] == "string")
        #expect(Array(types[14...]) == ["binary", "bool", "string", "string"])
        #expect(d.parquet.map(\.physical)[5...7] == ["INT32", "INT64", "FIXED_LEN_BYTE_ARRAY"])

        // The very same rows as the CSV output of the same fill, typed.
        let csv = dir.appendingPathComponent("csv").path
        #expect(try CommandRunner.dbsynth(["fill", db.url, "--rows", "2000", "--out", csv, "--quiet"]).status == 0)
        let same = try PythonReaders.duckdb("""
            SELECT count(*) FROM read_parquet('\(out)/items.parquet') p
            JOIN read_csv('\(csv)/items.csv', all_varchar = true) c ON p.id = c.id::BIGINT
            WHERE p.qty = c.qty::SMALLINT AND p.price = c.price::DECIMAL(7,2) AND p.total = c.total::DECIMAL(15,3)
              AND p.huge = c.huge::DECIMAL(30,4) AND p.ref::VARCHAR = c.ref AND p.made = c.made::DATE
              AND p."at" = c."at"::TIMESTAMP AND p.seen = c.seen::TIMESTAMPTZ AND p.doc::VARCHAR = c.doc
              AND hex(p.raw) = upper(c.raw) AND p.ok = c.ok::BOOLEAN AND p.label = c.label
            """)
        #expect(same == [["2000"]])
        let sums = try PythonReaders.duckdb("SELECT sum(price)::VARCHAR, sum(huge)::VARCHAR FROM read_parquet('\(out)/items.parquet')")
        let csvSums = try PythonReaders.duckdb("SELECT sum(price::DECIMAL(7,2))::VARCHAR, sum(huge::DECIMAL(30,4))::VARCHAR FROM read_csv('\(csv)/items.csv', all_varchar = true)")
        #expect(sums == csvSums && sums.first?.first != nil)
    }
}

import Config
import Engine
import Introspect
import SchemaModel
import Testing

/// Parsing, validation messages and generator semantics, without a database.
@Suite struct ConfigParsingTests {
    func parse(_ yaml: String) throws -> ConfigFile { try ConfigFile.parse(yaml: yaml, file: "c.yml") }

    func error(_ yaml: String) -> ConfigError? {
        do { _ = try parse(yaml); return nil } catch let e as ConfigError { return e } catch { return nil }
    }

    @Test func bothFormatsGiveTheSameTables() throws {
        let dbsynth = try parse("seed: 3\nrows: 10\ntables:\n  t:\n    rows: 5\n    columns:\n      a: { type: sequential_id }\n      b: email\n")
        let smelt = try parse("seed: 3\ndatasets:\n  - name: t\n    num_rows: 5\n    columns:\n      - name: a\n        generator: { type: sequential_id }\n      - name: b\n        generator: { type: email }\n")
        #expect(dbsynth.format == .dbsynth && smelt.format == .smelt)
        for c in [dbsynth, smelt] {
            #expect(c.seed == 3)
            #expect(c.tables.map(\.name) == ["t"])
            #expect(c.tables[0].rows == 5)
            #expect(c.tables[0].columns.map(\.name) == ["a", "b"])
        }
    }

    @Test func errorsCarryLineAndKey() {
        let e = error("datasets:\n  - name: a\n    num_rows: 5\n    columns:\n      - name: x\n        generator: { type: foreign_key, dataset: b }\n  - name: b\n    num_rows: 3\n")
        #expect(e?.line == 6)
        #expect(e?.key == "datasets.a.columns.x")
        #expect(e?.message.contains("not an earlier dataset") == true)
        let geo = error("tables:\n  t:\n    columns:\n      g: { type: geometric, p: 1.5 }\n")
        #expect(geo?.description == "c.yml:4: tables.t.columns.g.p: p must be in (0, 1], not 1.5")
        let template = error("tables:\n  t:\n    columns:\n      s: { type: string_pattern, template: \"{seq_id}\" }\n")
        #expect(template?.message.contains("unknown placeholder {seq_id}") == true)
        let pool = error("tables:\n  t:\n    columns:\n      s: { type: linked_choice, pool: p, field: f }\n")
        #expect(pool?.message.contains("no linked pool named 'p'") == true)
    }

    @Test func generatorsFollowSmeltSemantics() throws {
        let table = Table(name: QualifiedName("t"), columns: [
            Column(name: "id", type: .integer(bytes: 8), declaredType: "bigint", isNullable: false),
            Column(name: "g", type: .integer(bytes: 8), declaredType: "bigint"),
            Column(name: "s", type: .text(maxLength: nil), declaredType: "text"),
            Column(name: "w", type: .text(maxLength: nil), declaredType: "text"),
        ], primaryKey: ["id"])
        let schema = Schema(dialect: .postgres, tables: [table])
        let config = try parse("""
            tables:
              t:
                columns:
                  id: { type: sequential_id }
                  g: { type: geometric, p: 0.5, min: 0 }
                  s: { type: string_pattern, template: "{uniform_int:1-3}" }
                  w: { type: weighted_choice, values: { a: 3, b: 1 } }
            """)
        try ConfigValidator.validate(config, schema: schema)
        var options = PlanOptions(seed: 1, defaultRows: 20_000)
        options.overrides = ConfigOverrides(config: config, schema: schema)
        let plan = try Planner(schema: schema, options: options).plan()
        var batch = RowBatch(columnCount: 4, capacity: 20_000)
        var scratch = Value()
        plan.tables[0].generate(rows: 0..<20_000, into: &batch, scratch: &scratch)
        var zeros = 0, ones = 0, twos = 0, a = 0
        for r in 0..<20_000 {
            #expect(batch.text(row: r, column: 0) == String(r + 1))
            if batch.text(row: r, column: 1) == "0" { zeros += 1 }
            switch batch.text(row: r, column: 2) { case "1": ones += 1; case "2": twos += 1; default: Issue.record("{uniform_int:1-3} gave \(batch.text(row: r, column: 2) ?? "nil")") }
            if batch.text(row: r, column: 3) == "a" { a += 1 }
        }
        #expect(abs(Double(zeros) / 20_000 - 0.5) < 0.02, "raw geometric with min: 0")
        #expect(abs(Double(ones) / 20_000 - 0.5) < 0.02, "MAX of {uniform_int} is exclusive")
        #expect(abs(Double(a) / 20_000 - 0.75) < 0.02, "weights are normalised")
    }

    @Test func linkedPoolStickyFieldsAreSharedByEmittedEntries() throws {
        let config = try parse("""
            tables:
              t:
                linked_pools:
                  - name: p
                    pool_size: 100
                    shapes:
                      - weight: 1
                        emit: 4
                        sticky: [owner]
                        fields: { owner: { type: uniform_int, min: 0, max: 1000000 }, item: { type: uniform_int, min: 0, max: 1000000 } }
                columns:
                  o: { type: linked_choice, pool: p, field: owner }
            """)
        let pool = try LinkedPool(config: config.tables[0].linkedPools[0], stream: 1, pickStream: 2) { spec, stream in
            guard case .uniformInt(let lo, let hi) = spec.kind else { throw ConfigError(file: "", line: 0, key: "", message: "") }
            return IntegerGenerator(range: lo...(hi - 1), stream: stream)
        }
        #expect(pool.entries.count == 100)
        for group in stride(from: 0, to: 100, by: 4) {
            #expect(Set(pool.entries[group..<group + 4].map { $0[0] }).count == 1, "sticky owner per emitted group")
            #expect(Set(pool.entries[group..<group + 4].map { $0[1] }).count > 1, "item redrawn per entry")
        }
    }
}

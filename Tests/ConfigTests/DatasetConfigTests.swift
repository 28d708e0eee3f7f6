import Config
import Engine
import Introspect
import SchemaModel
import Testing

/// The config keys the built-in datasets brought: calendar, seasonal_date,
/// scd2, cycle, zipf over a table, quality_issues; their errors.
@Suite struct DatasetConfigTests {
    func parse(_ yaml: String) throws -> ConfigFile { try ConfigFile.parse(yaml: yaml, file: "c.yml") }

    func message(_ yaml: String, schema: Schema? = nil) -> String? {
        do {
            let config = try parse(yaml)
            if let schema { try ConfigValidator.validate(config, schema: schema) }
            return nil
        } catch let e as ConfigError { return e.description } catch { return "\(error)" }
    }

    @Test func badParametersAreOneLineNamingTheKey() {
        #expect(message("tables:\n  t:\n    columns:\n      d: { type: calendar, start: \"2024-01-01\", field: weekday }\n")
                == "c.yml:4: tables.t.columns.d.field: 'weekday' is not one of " + CalendarGenerator.Field.allCases.map(\.rawValue).joined(separator: ", "))
        #expect(message("tables:\n  t:\n    columns:\n      d: { type: seasonal_date, start: \"2024-01-01\", end: \"2025-01-01\", weekday: [1, 2] }\n")?
                    .hasSuffix("tables.t.columns.d.weekday: expected 7 weekday weights, Monday first: non-negative, with a positive sum") == true)
        #expect(message("tables:\n  t:\n    columns:\n      d: { type: seasonal_date, start: \"2025-01-01\", end: \"2024-01-01\" }\n")?
                    .contains("start must be before end") == true)
        #expect(message("tables:\n  t:\n    columns:\n      k: { type: scd2, field: key, inner: email }\n")?
                    .hasSuffix("tables.t.columns.k.inner: inner is only for field: stable") == true)
        #expect(message("tables:\n  t:\n    columns:\n      z: { type: zipf, n: 5, over: p }\n")?.contains("give n or over, not both") == true)
        #expect(message("tables:\n  t:\n    quality_issues: { rate: 2 }\n")?.contains("a probability must be between 0 and 1, not 2.0") == true)
        #expect(message("tables:\n  t:\n    quality_issues: { rate: 0.1, kinds: [typo] }\n")?.contains("'typo' is not one of duplicate, late_arriving, missing_value, outlier") == true)
    }

    @Test func qualityIssuesNeedTheirFlagColumn() {
        let table = Table(name: QualifiedName("t"), columns: [
            Column(name: "id", type: .integer(bytes: 8), declaredType: "bigint", isNullable: false),
            Column(name: "day", type: .date, declaredType: "date"),
        ], primaryKey: ["id"])
        let schema = Schema(dialect: .sqlite, tables: [table])
        #expect(message("tables:\n  t:\n    quality_issues: { rate: 0.1 }\n", schema: schema)
                == "c.yml:3: tables.t.quality_issues: quality_issues: t needs a nullable text column '_dq_issue' to name each row's issue")
        #expect(message("tables:\n  t:\n    quality_issues: { rate: 0.1, flag: day }\n", schema: schema)?.contains("needs a nullable text column 'day'") == true)
    }

    @Test func cycleAndCalendarAreDistinctForUniqueColumns() throws {
        let table = Table(name: QualifiedName("d"), columns: [
            Column(name: "day", type: .date, declaredType: "date", isNullable: false),
            Column(name: "name", type: .text(maxLength: nil), declaredType: "text", isNullable: false),
        ], primaryKey: ["day"], uniques: [UniqueConstraint(name: nil, columns: ["name"])])
        let schema = Schema(dialect: .sqlite, tables: [table])
        #expect(message("tables:\n  d:\n    rows: 3\n    columns:\n      day: { type: calendar, start: \"2024-02-28\" }\n      name: { type: cycle, values: [a, b, c] }\n", schema: schema) == nil)
        #expect(message("tables:\n  d:\n    columns:\n      day: { type: calendar, start: \"2024-02-28\" }\n      name: { type: cycle, values: [a, b, a] }\n", schema: schema)?
                    .contains("d.name must be unique, but cycle repeats values") == true)
    }
}

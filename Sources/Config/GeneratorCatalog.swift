import Engine

/// Every generator the config knows, with its parameters: the single source
/// for parameter checking ("unknown parameter … did you mean"), for
/// `dbsynth generators` and for docs/config.md.
package struct GeneratorInfo: Sendable {
    package struct Parameter: Sendable {
        package var name: String
        /// nil: required.
        package var defaultValue: String?
        package var help: String
    }

    package var name: String
    package var summary: String
    package var parameters: [Parameter]
    /// One line of YAML, as written under `columns:`.
    package var example: String
    /// From smelt-datagen (true) or a dbsynth addition.
    package var smelt: Bool

    package var parameterNames: [String] { ["type"] + parameters.map(\.name) }
}

package enum GeneratorCatalog {
    static func p(_ name: String, _ defaultValue: String? = nil, _ help: String) -> GeneratorInfo.Parameter {
        .init(name: name, defaultValue: defaultValue, help: help)
    }

    /// The generators with parameters, smelt-datagen's first, then dbsynth's, then the semantic kinds.
    package static let all: [GeneratorInfo] = core + SemanticKind.allCases.map { kind in
        GeneratorInfo(name: kind.rawValue, summary: kind.summary + " (realistic)", parameters: [],
                      example: "{ type: \(kind.rawValue) }", smelt: false)
    }

    package static let core: [GeneratorInfo] = [
        .init(name: "sequential_id", summary: "row index + 1 (1, 2, 3, …)", parameters: [], example: "{ type: sequential_id }", smelt: true),
        .init(name: "uuid", summary: "deterministic version-4 UUID, distinct per row", parameters: [], example: "{ type: uuid }", smelt: true),
        .init(name: "foreign_key", summary: "a key of a random row of another dataset/table (1…rows when it has no key column)",
              parameters: [p("dataset", nil, "the parent dataset or table (alias: table)"),
                           p("column", "the parent's key", "the parent column whose values are used")],
              example: "{ type: foreign_key, dataset: customers }", smelt: true),
        .init(name: "constant", summary: "the same value on every row", parameters: [p("value", nil, "any scalar, null included")],
              example: "{ type: constant, value: EUR }", smelt: true),
        .init(name: "weighted_choice", summary: "a value picked with probability proportional to its weight",
              parameters: [p("values", nil, "mapping value: weight (weights are normalised; \"\" is a legal value)")],
              example: "{ type: weighted_choice, values: { active: 0.8, closed: 0.2 } }", smelt: true),
        .init(name: "one_of", summary: "a value picked uniformly from a list", parameters: [p("values", nil, "list of scalars")],
              example: "{ type: one_of, values: [red, green, blue] }", smelt: true),
        .init(name: "string_pattern", summary: "text from a template with {sequential_id}, {uuid}, {uniform_int:MIN-MAX}, {one_of:a,b,c}",
              parameters: [p("template", nil, "the template; {uniform_int:MIN-MAX} excludes MAX")],
              example: "{ type: string_pattern, template: \"ORD-{sequential_id}-{one_of:A,B}\" }", smelt: true),
        .init(name: "uniform_int", summary: "integer in [min, max)", parameters: [p("min", nil, "inclusive lower bound"), p("max", nil, "exclusive upper bound")],
              example: "{ type: uniform_int, min: 18, max: 91 }", smelt: true),
        .init(name: "uniform_float", summary: "float in [min, max)", parameters: [p("min", nil, "inclusive lower bound"), p("max", nil, "exclusive upper bound")],
              example: "{ type: uniform_float, min: 0, max: 1 }", smelt: true),
        .init(name: "log_normal", summary: "integer exp(N(ln median, sigma)), rounded, capped at max",
              parameters: [p("median", nil, "median of the distribution"), p("sigma", nil, "spread (std dev in log space)"), p("max", "no cap", "cap applied to each value")],
              example: "{ type: log_normal, median: 30, sigma: 0.8, max: 1000 }", smelt: true),
        .init(name: "geometric", summary: "failures before the first success, clamped to ≥ min",
              parameters: [p("p", nil, "success probability, 0 < p ≤ 1"), p("min", "1", "lower clamp; min: 0 gives the raw distribution")],
              example: "{ type: geometric, p: 0.3 }", smelt: true),
        .init(name: "date", summary: "date YYYY-MM-DD in [start, end)",
              parameters: [p("start", "2021-01-01", "first possible date"), p("end", "2026-01-01", "exclusive end")],
              example: "{ type: date, start: \"2024-01-01\", end: \"2025-01-01\" }", smelt: true),
        .init(name: "timestamp", summary: "timestamp YYYY-MM-DDTHH:MM:SS in [start, end)",
              parameters: [p("start", "2021-01-01T00:00:00", "first possible instant"), p("end", "2026-01-01T00:00:00", "exclusive end")],
              example: "{ type: timestamp, start: \"2024-01-01T00:00:00\", end: \"2024-07-01T00:00:00\" }", smelt: true),
        .init(name: "bool", summary: "true with probability prob", parameters: [p("prob", "0.5", "probability of true")],
              example: "{ type: bool, prob: 0.9 }", smelt: true),
        .init(name: "optional", summary: "null with probability 1 − prob, else the inner generator",
              parameters: [p("prob", nil, "probability of a value (not null)"), p("inner", nil, "a generator")],
              example: "{ type: optional, prob: 0.3, inner: { type: one_of, values: [a, b] } }", smelt: true),
        .init(name: "json_object", summary: "a JSON object per row: fields in order, nested objects embedded, nulls written as null",
              parameters: [p("fields", nil, "mapping key: generator")],
              example: "{ type: json_object, fields: { plan: { type: one_of, values: [free, pro] }, seats: { type: uniform_int, min: 1, max: 50 } } }", smelt: true),
        .init(name: "from_parent", summary: "the value of a column of the parent row one of this table's FKs points at (a tenant or room key shared down a hierarchy)",
              parameters: [p("fk", nil, "a column of this table's FK that picks the parent row"), p("column", nil, "the parent's column whose value is used")],
              example: "{ type: from_parent, fk: event_id, column: room_id }", smelt: false),
        .init(name: "linked_choice", summary: "a field of the row's entry of a dataset-level linked pool",
              parameters: [p("pool", nil, "a name from the table's linked_pools"), p("field", nil, "a field of that pool's shapes")],
              example: "{ type: linked_choice, pool: devices, field: os }", smelt: true),
        .init(name: "normal", summary: "normal distribution, clamped to [min, max], rounded to decimals",
              parameters: [p("mean", nil, "mean"), p("stddev", nil, "standard deviation"), p("min", "none", "lower clamp"),
                           p("max", "none", "upper clamp"), p("decimals", "2", "digits after the point; 0 gives integers")],
              example: "{ type: normal, mean: 170, stddev: 10, decimals: 0 }", smelt: false),
        .init(name: "zipf", summary: "rank 1…n with P(k) ∝ 1/k^s (few values very common, a long tail)",
              parameters: [p("n", nil, "number of ranks (or over)"), p("s", "1.1", "exponent, > 0"),
                           p("over", "none", "a table: n is its row count, so ranks are its sequential keys (Zipf-popular products)")],
              example: "{ type: zipf, n: 1000, s: 1.2 }", smelt: false),
        .init(name: "sequence", summary: "start + row × step", parameters: [p("start", "1", "first value"), p("step", "1", "increment")],
              example: "{ type: sequence, start: 1000, step: 10 }", smelt: false),
        .init(name: "regex", summary: "text matching a regular expression (classes, ranges, quantifiers, groups, alternation)",
              parameters: [p("pattern", nil, "the expression; anchors are implied")],
              example: "{ type: regex, pattern: \"[A-Z]{3}-[0-9]{4}\" }", smelt: false),
        .init(name: "llm", summary: "text written by a language model before the load (DBSYNTH_LLM_URL); rows draw from a pool of values, cached",
              parameters: [p("prompt", "built from the schema", "what the values are (table, column, type, comment, length, CHECK and sibling columns are always said)"),
                           p("pool", "min(rows, 500)", "distinct values asked for; rows draw from them"),
                           p("unique", "the column's own", "distinct per row: a pool as large as the table, or the row number appended"),
                           p("per_row", "false", "one value per row, written with the row's other values (at most --llm-max-rows rows)"),
                           p("batch", "50", "values per call")],
              example: "{ type: llm, prompt: \"a short product review\", pool: 200 }", smelt: false),
        .init(name: "cycle", summary: "row i takes values[i mod n]: fixed lookup rows, aligned hierarchies",
              parameters: [p("values", nil, "list of scalars")],
              example: "{ type: cycle, values: [Grocery, Grocery, Apparel] }", smelt: false),
        .init(name: "calendar", summary: "row i is the day start + i (a complete date dimension); one attribute of that day",
              parameters: [p("start", nil, "the first day, YYYY-MM-DD"),
                           p("field", "date", CalendarGenerator.Field.allCases.map(\.rawValue).joined(separator: ", ")),
                           p("fiscal_start_month", "1", "the month (1-12) a fiscal year starts in; fiscal_year is the year it ends in")],
              example: "{ type: calendar, start: \"2023-01-01\", field: fiscal_quarter, fiscal_start_month: 7 }", smelt: false),
        .init(name: "seasonal_date", summary: "a day of [start, end) weighted by weekday, month, holidays and yearly growth",
              parameters: [p("start", nil, "first day"), p("end", nil, "exclusive end"),
                           p("weekday", "[0.9, 0.85, 0.9, 0.95, 1.15, 1.35, 1.1]", "7 weights, Monday first"),
                           p("month", "[0.8, 0.75, 0.9, 0.95, 1, 1, 1, 1.05, 0.95, 1, 1.25, 1.6]", "12 weights, January first"),
                           p("holiday_factor", "2.5", "weight multiplier on holidays (Thanksgiving, Black Friday, Christmas, …)"),
                           p("growth", "0", "yearly growth rate of the daily volume (0.1: 10 % a year)"),
                           p("format", "date", "date (YYYY-MM-DD) or key (the integer YYYYMMDD)")],
              example: "{ type: seasonal_date, start: \"2023-01-01\", end: \"2025-01-01\", format: key, growth: 0.15 }", smelt: false),
        .init(name: "scd2", summary: "a column of a type-2 slowly changing dimension: each key's versions on consecutive rows",
              parameters: [p("field", nil, VersionGenerator.Field.allCases.map(\.rawValue).joined(separator: ", ")),
                           p("versions", "[0.6, 0.25, 0.1, 0.05]", "share of keys with 1, 2, … versions (the same on every scd2 column of the table)"),
                           p("start", "2021-01-01", "first valid_from"), p("end", "2026-01-01", "exclusive end of the validity window"),
                           p("inner", "the inferred generator", "for field: stable, the attribute's generator, drawn once per key")],
              example: "{ type: scd2, field: valid_from, start: \"2020-01-01\", end: \"2025-01-01\" }", smelt: false),
    ]

    package static func info(_ name: String) -> GeneratorInfo? { all.first { $0.name == name } }
    package static var names: [String] { all.map(\.name) }
}

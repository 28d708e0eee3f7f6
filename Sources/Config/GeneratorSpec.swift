import Engine

/// A parsed, parameter-checked generator from the config. Parsing checks
/// everything that does not need the schema (names, parameters, types,
/// `min < max`, weights); `ConfigValidator` checks the rest against the
/// live columns.
package struct GeneratorSpec: Sendable {
    package indirect enum Kind: Sendable {
        case sequentialID
        case uuid
        /// `dataset` (smelt-datagen) or `table`; `column` defaults to the parent's key.
        case foreignKey(table: String, column: String?)
        case constant(ConfigLiteral)
        case weightedChoice([(value: ConfigLiteral, weight: Double)])
        case oneOf([ConfigLiteral])
        case stringPattern(StringTemplate)
        /// [min, max)
        case uniformInt(min: Int64, max: Int64)
        /// [min, max)
        case uniformFloat(min: Double, max: Double)
        case logNormal(median: Double, sigma: Double, max: Int64?)
        case geometric(p: Double, min: Int64)
        /// Days since the epoch, [start, end).
        case date(start: Int64, end: Int64)
        /// Seconds since the epoch, [start, end).
        case timestamp(start: Int64, end: Int64)
        case bool(prob: Double)
        /// NULL with probability 1 − prob.
        case optional(prob: Double, inner: GeneratorSpec)
        case jsonObject([(key: String, generator: GeneratorSpec)])
        case linkedChoice(pool: String, field: String)
        /// `from_parent: { fk: event_id, column: room_id }`: the value of a
        /// column of the parent row that one of this table's FKs points at.
        case fromParent(foreignKey: String, column: String)
        case semantic(SemanticKind)
        case normal(mean: Double, stddev: Double, min: Double?, max: Double?, decimals: Int)
        /// Ranks 1…n with P(k) ∝ 1/k^s.
        case zipf(n: Int64, s: Double)
        /// `zipf` with `over: TABLE`: n is that table's planned rows.
        case zipfOver(table: String, s: Double)
        /// values[row mod n].
        case cycle([ConfigLiteral])
        case sequence(start: Int64, step: Int64)
        case regex(SimplePattern)
        /// `{ type: llm, prompt, pool, unique, per_row, batch }`: text a
        /// language model writes before the load (see `LLMColumnSpec`).
        case llm(LLMColumnSpec)
        /// Row i is the day `start + i` (days since the epoch); one attribute of it.
        case calendar(start: Int64, field: CalendarGenerator.Field, fiscalStartMonth: Int)
        /// Days [start, end) weighted by weekday, month, holidays and growth.
        case seasonalDate(start: Int64, end: Int64, shape: SeasonalDateGenerator.Shape, format: SeasonalDateGenerator.Format)
        /// A type-2 slowly changing dimension column; `inner` for `stable`
        /// (nil: the inferred generator, drawn at the key's first row).
        case scd2(field: VersionGenerator.Field, versionWeights: [Double], start: Int64, end: Int64, inner: GeneratorSpec?)
    }

    package let kind: Kind
    /// The `generator` node, for messages (line and key).
    package let node: ConfigNode
    package var name: String { node["type"]?.scalarText ?? "?" }

    /// The shape of the values, for type inference and column compatibility.
    package var valueClass: ValueClass {
        switch kind {
        case .sequentialID, .geometric, .zipf, .zipfOver, .sequence, .uniformInt, .logNormal, .foreignKey, .fromParent: return .integer
        case .uuid: return .uuid
        case .constant(let l): return l.valueClass
        case .weightedChoice(let v): return Self.commonClass(v.map(\.value))
        case .oneOf(let v): return Self.commonClass(v)
        case .stringPattern, .regex, .linkedChoice, .llm: return .text
        case .oneOf(let v), .cycle(let v): return Self.commonClass(v)
        case .stringPattern, .regex, .linkedChoice: return .text
        case .uniformFloat: return .float
        case .normal(_, _, _, _, let decimals): return decimals == 0 ? .integer : .float
        case .date: return .date
        case .timestamp: return .timestamp
        case .calendar(_, let field, _):
            switch field {
            case .date: return .date
            case .monthName, .dayName, .holidayName: return .text
            case .isWeekend, .isHoliday: return .boolean
            default: return .integer
            }
        case .seasonalDate(_, _, _, let format): return format == .date ? .date : .integer
        case .scd2(let field, _, _, _, let inner):
            switch field {
            case .key, .version: return .integer
            case .validFrom, .validTo: return .date
            case .isCurrent: return .boolean
            case .stable: return inner?.valueClass ?? .text
            }
        case .bool: return .boolean
        case .optional(_, let inner): return inner.valueClass
        case .jsonObject: return .json
        case .semantic(let kind):
            switch kind.valueClass {
            case .integer: return .integer
            case .decimal: return .float
            case .date: return .date
            case .timestamp: return .timestamp
            case .text: return kind == .uuid ? .uuid : (kind == .json ? .json : .text)
            }
        }
    }

    /// Whether the generator can produce NULL.
    package var nullable: Bool {
        switch kind {
        case .optional: return true
        case .constant(.null): return true
        case .oneOf(let v), .cycle(let v): return v.contains(.null)
        case .weightedChoice(let v): return v.contains { $0.value == .null }
        case .calendar(_, let field, _): return field == .holidayName
        case .scd2(let field, _, _, _, let inner): return field == .validTo || inner?.nullable == true
        default: return false
        }
    }

    /// The literal values a choice can take (for CHECK/enum validation), nil for open-ended generators.
    package var literals: [ConfigLiteral]? {
        switch kind {
        case .constant(let l): return [l]
        case .oneOf(let v), .cycle(let v): return v
        case .weightedChoice(let v): return v.filter { $0.weight > 0 }.map(\.value)
        case .bool: return [.bool(true), .bool(false)]
        case .scd2(.isCurrent, _, _, _, _): return [.bool(true), .bool(false)]
        case .scd2(.stable, _, _, _, let inner?): return inner.literals
        case .optional(_, let inner): return inner.literals
        default: return nil
        }
    }

    /// Numeric bounds of the values (inclusive), for CHECK validation.
    package var numericBounds: ClosedRange<Double>? {
        switch kind {
        case .uniformInt(let a, let b): return Double(a)...Double(b - 1)
        case .uniformFloat(let a, let b): return a...b
        case .sequentialID: return 1...Double(Int64.max)
        case .geometric(_, let m): return Double(m)...Double(Int64.max)
        case .zipf(let n, _): return 1...Double(n)
        case .logNormal(_, _, let m): return 0...Double(m ?? Int64.max)
        case .normal(_, _, let lo, let hi, _) where lo != nil && hi != nil: return lo!...hi!
        case .optional(_, let inner): return inner.numericBounds
        default: return nil
        }
    }

    static func commonClass(_ values: [ConfigLiteral]) -> ValueClass {
        let classes = Set(values.filter { $0 != .null }.map(\.valueClass))
        if classes == [.integer] { return .integer }
        if classes.isSubset(of: [.integer, .float]), !classes.isEmpty { return .float }
        if classes == [.boolean] { return .boolean }
        return .text
    }
}

/// A `type: llm` column: what to ask the model, and how many values.
package struct LLMColumnSpec: Sendable, Equatable {
    /// What the values are; nil: the prompt is built from the schema.
    package var prompt: String?
    /// Distinct values asked for; nil: min(rows, 500).
    package var pool: Int?
    /// nil: unique when the column is (a UNIQUE constraint or key).
    package var unique: Bool?
    /// One value per row, written with the row's other values.
    package var perRow: Bool
    /// Values per call; nil: 50.
    package var batch: Int?

    package init(prompt: String? = nil, pool: Int? = nil, unique: Bool? = nil, perRow: Bool = false, batch: Int? = nil) {
        self.prompt = prompt
        self.pool = pool
        self.unique = unique
        self.perRow = perRow
        self.batch = batch
    }
}

import Introspect

/// Chooses the generator for one column that is not an FK: by uniqueness,
/// allowed values, realistic kind and type, in that order of precedence.
struct ValueGeneratorFactory {
    let table: Table
    let column: Column
    let rows: Int64
    let unique: Bool
    let isPrimaryKey: Bool
    let stream: UInt64
    let seed: UInt64

    func make(warn: (String) -> Void) throws -> any ValueGenerator {
        let type = column.type
        if case .enumeration(_, let labels) = type, !labels.isEmpty {
            return unique ? UniqueChoiceGenerator(values: labels, numeric: false, key: stream)
                          : ChoiceGenerator(values: labels, stream: stream)
        }
        let kind = KindInference.infer(table: table.name.name, column: column.name, type: type)
        if unique { return try makeUnique(kind: kind) }
        if let kind, let g = semantic(kind) { return g }
        return try byType(type, warn: warn)
    }

    /// Distinct values for distinct rows, by type.
    func makeUnique(kind: SemanticKind?) throws -> any ValueGenerator {
        switch column.type {
        case .integer(let bytes):
            let upper = Self.maxInteger(bytes: bytes)
            if isPrimaryKey || column.identity != nil { return SequenceGenerator(start: 1, upperBound: upper) }
            return UniqueIntegerGenerator(range: 1...min(upper, max(rows * 10, 1000)), key: stream)
        case .numeric(let p, let s):
            let digits = (p ?? 18) - (s ?? 0)
            let upper = digits >= 18 ? Int64.max : Self.power10(digits) - 1
            if isPrimaryKey { return SequenceGenerator(start: 1, upperBound: upper) }
            return UniqueIntegerGenerator(range: 1...min(upper, max(rows * 10, 1000)), key: stream)
        case .real, .double, .money:
            return UniqueIntegerGenerator(range: 1...max(rows * 10, 1000), key: stream)
        case .uuid:
            return UUIDGenerator(stream: stream)
        case .text(let maxLength):
            if let kind, kind == .email || kind == .username,
               (maxLength ?? 255) >= 32 {
                return SemanticGenerator(kind: kind, column: column, unique: true, stream: stream, seed: seed, table: table.name.description)
            }
            return UniqueTextGenerator(words: Vocabulary.words, maxLength: maxLength, rows: rows, key: stream)
        case .char(let n):
            return UniqueTextGenerator(words: Vocabulary.words, maxLength: n, fixedLength: n, rows: rows, key: stream)
        case .boolean:
            return UniqueChoiceGenerator(values: ["true", "false"], numeric: false, key: stream)
        case .date:
            return UniqueDayGenerator(startDays: DefaultWindow.startDays - rows, key: stream, rows: rows, timestamp: false)
        case .timestamp:
            return UniqueDayGenerator(startDays: DefaultWindow.startDays - rows, key: stream, rows: rows, timestamp: true)
        default:
            // Types with a huge value space: the row index embedded in text.
            return UniqueTextGenerator(words: Vocabulary.words, maxLength: nil, rows: rows, key: stream)
        }
    }

    /// A realistic generator for `kind` when it suits the column's type.
    func semantic(_ kind: SemanticKind) -> (any ValueGenerator)? {
        switch (kind, column.type) {
        case (.price, .numeric(_, let s)):
            let scale = s ?? 2
            let upper = upperUnits(scale: scale, cap: 100_000)
            return DecimalGenerator(scale: scale, minUnits: max(1, Self.power10(scale) / 2), maxUnits: upper,
                                    medianUnits: Double(20 * Self.power10(scale)), stream: stream)
        case (.price, .integer), (.quantity, .integer):
            return IntegerGenerator(range: 1...kindMax(kind == .price ? 500 : 20), stream: stream)
        case (.quantity, .numeric(_, let s)):
            return DecimalGenerator(scale: s ?? 0, minUnits: Self.power10(s ?? 0), maxUnits: 20 * Self.power10(s ?? 0), stream: stream)
        case (.rating, .integer): return IntegerGenerator(range: 1...5, stream: stream)
        case (.rating, .numeric(_, let s)):
            return DecimalGenerator(scale: s ?? 1, minUnits: Self.power10(s ?? 1), maxUnits: 5 * Self.power10(s ?? 1), stream: stream)
        case (.age, .integer): return IntegerGenerator(range: 18...kindMax(90), stream: stream)
        case (.percentage, .integer): return IntegerGenerator(range: 0...kindMax(100), stream: stream)
        case (.percentage, .numeric(_, let s)):
            return DecimalGenerator(scale: s ?? 2, minUnits: 0, maxUnits: upperUnits(scale: s ?? 2, cap: 100), stream: stream)
        case (.price, .real), (.price, .double), (.price, .money): return DoubleGenerator(range: 1..<500, stream: stream)
        case (.rating, .real), (.rating, .double): return DoubleGenerator(range: 1..<5, stream: stream)
        case (.latitude, .numeric), (.latitude, .real), (.latitude, .double),
             (.longitude, .numeric), (.longitude, .real), (.longitude, .double):
            return SemanticGenerator(kind: kind, column: column, unique: false, stream: stream, seed: seed, table: table.name.description)
        case (.birthDate, .date):
            return DateGenerator(days: CivilDate.days(year: 1950, month: 1, day: 1)...CivilDate.days(year: 2003, month: 12, day: 31), stream: stream)
        case (.deletedAt, .timestamp(let tz)):
            return NullableGenerator(inner: TimestampGenerator(withTimeZone: tz, stream: stream), nullFraction: column.isNullable ? 0.9 : 0, stream: stream ^ 0xde1)
        case (.uuid, .uuid): return UUIDGenerator(stream: stream)
        case (_, .text), (_, .char):
            if kind.isNumeric || kind.isTemporal { return nil }
            return SemanticGenerator(kind: kind, column: column, unique: false, stream: stream, seed: seed, table: table.name.description)
        default:
            return nil
        }
    }

    /// The largest value of the column's integer type, capped at `cap`.
    func kindMax(_ cap: Int64) -> Int64 {
        if case .integer(let bytes) = column.type { return min(cap, Self.maxInteger(bytes: bytes)) }
        return cap
    }

    /// Largest number of smallest units a numeric(p, s) holds, capped.
    func upperUnits(scale: Int, cap: Int64) -> Int64 {
        let capUnits = cap * Self.power10(scale)
        if case .numeric(let p?, _) = column.type {
            return min(capUnits, Self.power10(p) - 1)
        }
        return capUnits
    }

    /// A plain generator by type, for columns nothing more specific applies to.
    func byType(_ type: DataType, warn: (String) -> Void) throws -> any ValueGenerator {
        switch type {
        case .boolean: return BoolGenerator(stream: stream)
        case .integer(let bytes): return IntegerGenerator(range: 0...min(1000, Self.maxInteger(bytes: bytes)), stream: stream)
        case .numeric(let p, let s):
            let scale = s ?? 2
            return DecimalGenerator(scale: scale, minUnits: 0, maxUnits: p.map { min(Self.power10($0) - 1, 1000 * Self.power10(scale)) } ?? 1000 * Self.power10(scale), stream: stream)
        case .real, .double: return DoubleGenerator(range: 0..<1000, stream: stream)
        case .money: return DecimalGenerator(scale: 2, minUnits: 100, maxUnits: 100_000, medianUnits: 2000, stream: stream)
        case .text(let maxLength): return TextGenerator(words: Vocabulary.words, maxLength: maxLength, stream: stream)
        case .char(let n):
            return n <= 3 ? UniqueTextGenerator(words: Vocabulary.words, maxLength: n, fixedLength: n, rows: 1, key: stream)
                          : TextGenerator(words: Vocabulary.words, wordCount: 1...1, maxLength: n, stream: stream)
        case .date: return DateGenerator(stream: stream)
        case .time(let tz): return TimeGenerator(withTimeZone: tz, stream: stream)
        case .timestamp(let tz): return TimestampGenerator(withTimeZone: tz, stream: stream)
        case .interval: return IntervalGenerator(stream: stream)
        case .uuid: return UUIDGenerator(stream: stream)
        case .json, .jsonb: return JSONGenerator(words: Vocabulary.words, stream: stream)
        case .bytes: return BytesGenerator(stream: stream)
        case .inet: return InetGenerator(network: false, stream: stream)
        case .cidr: return InetGenerator(network: true, stream: stream)
        case .macaddr: return MacAddressGenerator(stream: stream)
        case .bit(let n, let varying): return BitStringGenerator(length: n, varying: varying, stream: stream)
        case .xml: return ConstantGenerator("<item/>")
        case .tsvector: return TextGenerator(words: Vocabulary.words, wordCount: 2...5, maxLength: nil, capitalized: false, stream: stream)
        case .tsquery: return TextGenerator(words: Vocabulary.words, wordCount: 1...1, maxLength: nil, capitalized: false, stream: stream)
        case .enumeration(_, let labels): return ChoiceGenerator(values: labels, stream: stream)
        case .array(let element, _): return ArrayGenerator(element: try byType(element, warn: warn), stream: stream)
        case .unknown(let name):
            if column.isNullable {
                warn("\(table.name).\(column.name): type \(name) is not supported; the column is left NULL")
                return NullGenerator()
            }
            throw PlanError("\(table.name).\(column.name): type \(name) is not supported and the column is NOT NULL")
        }
    }

    static func maxInteger(bytes: Int) -> Int64 {
        switch bytes {
        case 2: return Int64(Int16.max)
        case 4: return Int64(Int32.max)
        default: return Int64.max
        }
    }

    static func power10(_ n: Int) -> Int64 {
        var v: Int64 = 1
        for _ in 0..<max(0, min(n, 18)) { v *= 10 }
        return v
    }
}

import Introspect
import SchemaModel
import Engine

/// Reads a `generator` node into a `GeneratorSpec`, checking the generator
/// name, its parameters and their values; every error names the line and key.
enum GeneratorParser {
    static func parse(_ node: ConfigNode) throws -> GeneratorSpec {
        // Shorthand: `email` alone means `{ type: email }`.
        if let name = node.scalarText, !node.isNull {
            let expanded = try ConfigNode.parse(yaml: "{ type: \(name) }", file: node.file)
            return try parse(ConfigNode(rebasing: expanded, onto: node))
        }
        let typeNode = try node.require("type")
        let name = try typeNode.string()
        guard let info = GeneratorCatalog.info(name) else {
            throw typeNode.error("unknown generator '\(name)'\(Suggest.hint(name, among: GeneratorCatalog.names)); `dbsynth generators` lists them all")
        }
        var allowed = info.parameterNames
        if name == "foreign_key" { allowed.append("table") }
        try node.checkKeys(allowed, what: "parameter of \(name)")
        let kind = try kind(name, node)
        return GeneratorSpec(kind: kind, node: node)
    }

    static func kind(_ name: String, _ node: ConfigNode) throws -> GeneratorSpec.Kind {
        switch name {
        case "sequential_id": return .sequentialID
        case "uuid": return .uuid
        case "foreign_key":
            guard let parent = node["dataset"] ?? node["table"] else { throw node.error("missing required key 'dataset' (the parent dataset or table)") }
            return .foreignKey(table: try parent.string(), column: try node["column"]?.string())
        case "constant":
            return .constant(try node.require("value").literal())
        case "weighted_choice":
            let values = try node.require("values")
            var out: [(ConfigLiteral, Double)] = []
            for (key, weight) in try values.mapping() {
                let w = try weight.number()
                guard w >= 0 else { throw weight.error("a weight must be 0 or more, not \(w)") }
                out.append((ConfigLiteral(key: key), w))
            }
            guard !out.isEmpty else { throw values.error("needs at least one value") }
            guard out.reduce(0, { $0 + $1.1 }) > 0 else { throw values.error("the weights sum to 0; at least one must be positive") }
            return .weightedChoice(out.map { (value: $0.0, weight: $0.1) })
        case "one_of":
            let values = try node.require("values")
            let list = try values.sequence().map { try $0.literal() }
            guard !list.isEmpty else { throw values.error("needs at least one value") }
            return .oneOf(list)
        case "string_pattern":
            let t = try node.require("template")
            do { return .stringPattern(try StringTemplate.parse(try t.string())) } catch let e as StringTemplate.TemplateError { throw t.error(e.message) }
        case "uniform_int":
            let (lo, hi) = (try node.require("min").integer(), try node.require("max").integer())
            guard lo < hi else { throw try node.require("min").error("min (\(lo)) must be below max (\(hi)); max is exclusive") }
            return .uniformInt(min: lo, max: hi)
        case "uniform_float":
            let (lo, hi) = (try node.require("min").number(), try node.require("max").number())
            guard lo < hi else { throw try node.require("min").error("min (\(lo)) must be below max (\(hi)); max is exclusive") }
            return .uniformFloat(min: lo, max: hi)
        case "log_normal":
            let median = try node.require("median").number()
            guard median > 0 else { throw try node.require("median").error("median must be positive") }
            let sigma = try node.require("sigma").number()
            guard sigma >= 0 else { throw try node.require("sigma").error("sigma must be 0 or more") }
            let cap = try node["max"].map { try $0.integer() }
            if let cap, cap < 0 { throw try node.require("max").error("max must be 0 or more") }
            return .logNormal(median: median, sigma: sigma, max: cap)
        case "geometric":
            let pNode = try node.require("p")
            let p = try pNode.number()
            guard p > 0, p <= 1 else { throw pNode.error("p must be in (0, 1], not \(p)") }
            return .geometric(p: p, min: try node["min"]?.integer() ?? 1)
        case "date":
            let start = try day(node["start"], default: DefaultWindow.startDays)
            let end = try day(node["end"], default: DefaultWindow.endDays + 1)
            guard start < end else { throw (node["start"] ?? node).error("start must be before end (end is exclusive)") }
            return .date(start: start, end: end)
        case "timestamp":
            let start = try instant(node["start"], default: DefaultWindow.startDays * 86_400)
            let end = try instant(node["end"], default: (DefaultWindow.endDays + 1) * 86_400)
            guard start < end else { throw (node["start"] ?? node).error("start must be before end (end is exclusive)") }
            return .timestamp(start: start, end: end)
        case "bool":
            return .bool(prob: try probability(node["prob"], default: 0.5))
        case "optional":
            let prob = try probability(try node.require("prob"), default: 1)
            return .optional(prob: prob, inner: try parse(try node.require("inner")))
        case "json_object":
            let fields = try node.require("fields")
            return .jsonObject(try fields.mapping().map { (key: $0.key, generator: try parse($0.value)) })
        case "from_parent":
            return .fromParent(foreignKey: try node.require("fk").string(), column: try node.require("column").string())
        case "linked_choice":
            return .linkedChoice(pool: try node.require("pool").string(), field: try node.require("field").string())
        case "normal":
            let sd = try node.require("stddev")
            let stddev = try sd.number()
            guard stddev >= 0 else { throw sd.error("stddev must be 0 or more") }
            let lo = try node["min"].map { try $0.number() }, hi = try node["max"].map { try $0.number() }
            if let lo, let hi, lo > hi { throw try node.require("min").error("min (\(lo)) must not exceed max (\(hi))") }
            let decimals = try node["decimals"]?.integer() ?? 2
            guard (0...9).contains(decimals) else { throw try node.require("decimals").error("decimals must be 0 to 9") }
            return .normal(mean: try node.require("mean").number(), stddev: stddev, min: lo, max: hi, decimals: Int(decimals))
        case "cycle":
            let values = try node.require("values")
            let list = try values.sequence().map { try $0.literal() }
            guard !list.isEmpty else { throw values.error("needs at least one value") }
            return .cycle(list)
        case "zipf" where node["over"] != nil:
            if node["n"] != nil { throw try node.require("n").error("give n or over, not both") }
            let s = try node["s"]?.number() ?? 1.1
            guard s > 0 else { throw try node.require("s").error("s must be positive") }
            return .zipfOver(table: try node.require("over").string(), s: s)
        case "zipf":
            let nNode = try node.require("n")
            let n = try nNode.integer()
            guard n >= 1, n <= 10_000_000 else { throw nNode.error("n must be 1 to 10,000,000") }
            let s = try node["s"]?.number() ?? 1.1
            guard s > 0 else { throw try node.require("s").error("s must be positive") }
            return .zipf(n: n, s: s)
        case "sequence":
            let step = try node["step"]?.integer() ?? 1
            guard step != 0 else { throw try node.require("step").error("step must not be 0") }
            return .sequence(start: try node["start"]?.integer() ?? 1, step: step)
        case "regex":
            let p = try node.require("pattern")
            do {
                return .regex(try SimplePattern.regex(try p.string()))
            } catch let e as SimplePattern.UnsupportedPattern {
                throw p.error("unsupported regular expression: \(e.reason)")
            }
        case "llm":
            var spec = LLMColumnSpec()
            if let p = node["prompt"] {
                spec.prompt = try p.string()
                if spec.prompt!.trimmingSpaces().isEmpty { throw p.error("prompt must not be empty; leave it out to describe the column from the schema") }
            }
            if let p = node["pool"] { spec.pool = Int(try positive(p, what: "pool", max: 100_000)) }
            if let b = node["batch"] { spec.batch = Int(try positive(b, what: "batch", max: 500)) }
            spec.unique = try node["unique"]?.boolean()
            spec.perRow = try node["per_row"]?.boolean() ?? false
            if spec.perRow, let p = node["pool"] { throw p.error("per_row writes one value per row; it takes no pool") }
            return .llm(spec)
        case "calendar":
            let field = try choice(node["field"], CalendarGenerator.Field.self, default: .date)
            let fiscal = try node["fiscal_start_month"]?.integer() ?? 1
            guard (1...12).contains(fiscal) else { throw try node.require("fiscal_start_month").error("fiscal_start_month must be 1 to 12, not \(fiscal)") }
            return .calendar(start: try day(try node.require("start"), default: 0), field: field, fiscalStartMonth: Int(fiscal))
        case "seasonal_date":
            let (start, end) = (try day(try node.require("start"), default: 0), try day(try node.require("end"), default: 0))
            guard start < end else { throw try node.require("start").error("start must be before end (end is exclusive)") }
            var shape = SeasonalDateGenerator.Shape.retail
            if let w = node["weekday"] { shape.weekday = try weights(w, count: 7, what: "weekday weights, Monday first") }
            if let m = node["month"] { shape.month = try weights(m, count: 12, what: "month weights, January first") }
            if let h = node["holiday_factor"] {
                shape.holidayFactor = try h.number()
                guard shape.holidayFactor > 0 else { throw h.error("holiday_factor must be positive") }
            }
            if let g = node["growth"] {
                shape.growth = try g.number()
                guard shape.growth > -1 else { throw g.error("growth must be above -1 (a yearly rate: 0.1 is 10 %)") }
            }
            return .seasonalDate(start: start, end: end, shape: shape, format: try choice(node["format"], SeasonalDateGenerator.Format.self, default: .date))
        case "scd2":
            let field = try choice(try node.require("field"), VersionGenerator.Field.self, default: .key)
            var versionWeights = [0.6, 0.25, 0.1, 0.05]
            if let v = node["versions"] {
                let list = try v.sequence().map { try $0.number() }
                guard !list.isEmpty, list.allSatisfy({ $0 >= 0 }), list.reduce(0, +) > 0 else {
                    throw v.error("versions: a list of weights (share of keys with 1, 2, … versions), non-negative, with a positive sum")
                }
                versionWeights = list
            }
            let start = try day(node["start"], default: DefaultWindow.startDays)
            let end = try day(node["end"], default: DefaultWindow.endDays + 1)
            guard end - start >= Int64(2 * versionWeights.count) else {
                throw (node["start"] ?? node).error("start must be at least \(2 * versionWeights.count) days before end, room for every version")
            }
            if node["inner"] != nil, field != .stable { throw try node.require("inner").error("inner is only for field: stable") }
            return .scd2(field: field, versionWeights: versionWeights, start: start, end: end, inner: try node["inner"].map(parse))
        default:
            guard let kind = SemanticKind(rawValue: name) else { throw node.error("unknown generator '\(name)'") }
            return .semantic(kind)
        }
    }

    static func positive(_ node: ConfigNode, what: String, max: Int64) throws -> Int64 {
        let v = try node.integer()
        guard (1...max).contains(v) else { throw node.error("\(what) must be 1 to \(max), not \(v)") }
        return v
    }

    /// One of an enumeration's raw values, naming the choices when it is not.
    static func choice<E: RawRepresentable & CaseIterable>(_ node: ConfigNode?, _: E.Type, default value: E) throws -> E where E.RawValue == String {
        guard let node else { return value }
        let text = try node.string()
        guard let v = E(rawValue: text) else {
            throw node.error("'\(text)' is not one of " + E.allCases.map(\.rawValue).joined(separator: ", "))
        }
        return v
    }

    /// A list of exactly `count` non-negative weights with a positive sum.
    static func weights(_ node: ConfigNode, count: Int, what: String) throws -> [Double] {
        let list = try node.sequence().map { try $0.number() }
        guard list.count == count, list.allSatisfy({ $0 >= 0 }), list.reduce(0, +) > 0 else {
            throw node.error("expected \(count) \(what): non-negative, with a positive sum")
        }
        return list
    }

    static func probability(_ node: ConfigNode?, default value: Double) throws -> Double {
        guard let node else { return value }
        let p = try node.number()
        guard (0...1).contains(p) else { throw node.error("a probability must be between 0 and 1, not \(p)") }
        return p
    }

    static func day(_ node: ConfigNode?, default value: Int64) throws -> Int64 {
        guard let node else { return value }
        let text = try node.string()
        guard text.count == 10, let d = CivilDate.parseDays(text) else { throw node.error("expected a date YYYY-MM-DD, found '\(text)'") }
        return d
    }

    static func instant(_ node: ConfigNode?, default value: Int64) throws -> Int64 {
        guard let node else { return value }
        let text = try node.string()
        guard text.count >= 10, let s = CivilDate.parseSeconds(text) else { throw node.error("expected a timestamp YYYY-MM-DDTHH:MM:SS, found '\(text)'") }
        return s
    }
}

extension ConfigNode {
    /// `expanded` (parsed from synthetic text) carrying `original`'s line and path.
    init(rebasing expanded: ConfigNode, onto original: ConfigNode) {
        switch expanded.content {
        case .mapping(let pairs):
            self = ConfigNode.make(.mapping(pairs.map { (key: $0.key, value: ConfigNode.make($0.value.content, original.line, original.path + "." + $0.key, original.file)) }),
                                   original.line, original.path, original.file)
        default:
            self = ConfigNode.make(expanded.content, original.line, original.path, original.file)
        }
    }
}

import Engine
import SchemaModel

/// Accumulates one column's sampled values (as the database writes them in
/// text) and turns them into a `ColumnProfile` with the K rule applied.
struct ColumnSummary {
    let column: Column
    let kind: ColumnProfile.Kind
    var nulls = 0
    var counts: [String: Int] = [:]
    var numbers: [Double] = []
    var lengths: [Double] = []
    var scale = 0

    init(_ column: Column) {
        self.column = column
        kind = Self.kind(of: column.type)
    }

    static func kind(of type: DataType) -> ColumnProfile.Kind {
        switch type {
        case .integer, .numeric, .real, .double: return .number
        case .date: return .date
        case .timestamp: return .timestamp
        case .boolean: return .boolean
        case .text, .char, .enumeration: return .text
        default: return .other
        }
    }

    mutating func add(_ text: String?) {
        guard let text else { nulls += 1; return }
        counts[text, default: 0] += 1
        switch kind {
        case .number:
            if let d = Double(text), d.isFinite {
                numbers.append(d)
                if let dot = text.firstIndex(of: ".") { scale = max(scale, text.distance(from: dot, to: text.endIndex) - 1) }
            }
        case .date:
            if let d = CivilDate.parseDays(text) { numbers.append(Double(d)) }
        case .timestamp:
            if let s = CivilDate.parseSeconds(text) { numbers.append(Double(s)) }
        case .text:
            lengths.append(Double(text.unicodeScalars.count))
        case .boolean, .other:
            break
        }
    }

    /// The profile, and how many distinct values it left out (seen fewer than `k` times).
    func profile(k: Int, noise: LaplaceNoise? = nil) -> (ColumnProfile, suppressed: Int) {
        // With --epsilon every count is noisy before the K rule is applied.
        let counts = noise.map { n in self.counts.mapValues(n.noisy) } ?? self.counts
        let nulls = noise.map { $0.noisy(self.nulls) } ?? self.nulls
        let nonNull = counts.values.reduce(0, +)
        let total = nonNull + nulls
        let kept = counts.filter { $0.value >= k }
        let frequent = kept.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(50)
            .map { FrequentValue(value: $0.key, share: Double($0.value) / Double(max(1, nonNull))) }
        var profile = ColumnProfile(
            name: column.name, type: column.type.summary, kind: kind,
            nullFraction: total == 0 ? 0 : Double(nulls) / Double(total),
            distinct: counts.count, unique: nonNull > 0 && counts.count == nonNull,
            frequent: kind == .other ? [] : Array(frequent))
        if kind == .number { profile.scale = scale }
        if [.number, .date, .timestamp].contains(kind) { profile.quantiles = KAnonymousQuantiles.of(sorted: numbers.sorted(), k: k) }
        if kind == .text { profile.lengthQuantiles = KAnonymousQuantiles.of(sorted: lengths.sorted(), k: k) }
        return (profile, kind == .other ? 0 : counts.count - kept.count)
    }
}

import Engine
import SchemaModel

/// Accumulates one column's sampled values (as the database writes them in
/// text) and turns them into a `ColumnProfile` with the K rule applied.
/// It also keeps each row's value in a compact form (a number, or the
/// index of a distinct text) so the table's copula can be fitted after the pass.
struct ColumnSummary {
    let column: Column
    let kind: ColumnProfile.Kind
    var nulls = 0
    /// Distinct texts in order of first appearance, and how often each was seen.
    var ids: [String: Int32] = [:]
    var texts: [String] = []
    var seen: [Int] = []
    var numbers: [Double] = []
    var lengths: [Double] = []
    var scale = 0
    /// Per sampled row: the number (NaN for NULL or unparsable), for numbers, dates and timestamps.
    var rowNumbers: [Double] = []
    /// Per sampled row: the index into `texts` (-1 for NULL).
    var rowCodes: [Int32] = []

    init(_ column: Column) {
        self.column = column
        kind = Self.kind(of: column.type)
    }

    /// The sampled row's value as text (nil: NULL).
    func text(row: Int) -> String? {
        let code = rowCodes[row]
        return code < 0 ? nil : texts[Int(code)]
    }

    /// How often each distinct text was seen.
    var counts: [String: Int] {
        Dictionary(uniqueKeysWithValues: zip(texts, seen))
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

    var isNumeric: Bool { [.number, .date, .timestamp].contains(kind) }

    mutating func add(_ text: String?) {
        guard let text else {
            nulls += 1
            rowCodes.append(-1)
            if isNumeric { rowNumbers.append(.nan) }
            return
        }
        let id: Int32
        if let known = ids[text] { id = known; seen[Int(id)] += 1 } else {
            id = Int32(texts.count)
            ids[text] = id
            texts.append(text)
            seen.append(1)
        }
        rowCodes.append(id)
        var number = Double.nan
        switch kind {
        case .number:
            if let d = Double(text), d.isFinite {
                number = d
                scale = max(scale, Self.fractionDigits(text))
            }
        case .date:
            if let d = CivilDate.parseDays(text) { number = Double(d) }
        case .timestamp:
            if let s = CivilDate.parseSeconds(text) { number = Double(s) }
        case .text:
            lengths.append(Double(text.unicodeScalars.count))
        case .boolean, .other:
            break
        }
        if isNumeric {
            rowNumbers.append(number)
            if !number.isNaN { numbers.append(number) }
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
        let sorted = numbers.sorted()
        let frequent = kept.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(50)
            .map { entry in
                var f = FrequentValue(value: entry.key, share: Double(entry.value) / Double(max(1, nonNull)))
                if isNumeric, let v = number(entry.key) { f.below = Self.share(below: v, in: sorted) }
                return f
            }
        var profile = ColumnProfile(
            name: column.name, type: column.type.summary, kind: kind,
            nullFraction: total == 0 ? 0 : Double(nulls) / Double(total),
            distinct: counts.count, unique: nonNull > 0 && counts.count == nonNull,
            frequent: kind == .other ? [] : Array(frequent))
        if kind == .number { profile.scale = scale }
        if isNumeric {
            profile.quantiles = KAnonymousQuantiles.of(sorted: sorted, k: k)
            // The values outside the frequent ones, for the gaps between them.
            let atoms = Set(frequent.compactMap { number($0.value) })
            if !atoms.isEmpty { profile.restQuantiles = KAnonymousQuantiles.of(sorted: sorted.filter { !atoms.contains($0) }, k: k) }
        }
        if kind == .text { profile.lengthQuantiles = KAnonymousQuantiles.of(sorted: lengths.sorted(), k: k) }
        return (profile, kind == .other ? 0 : counts.count - kept.count)
    }

    /// Digits after the decimal point of a number in text (0 without one).
    static func fractionDigits(_ text: String) -> Int {
        text.firstIndex(of: ".").map { text.distance(from: $0, to: text.endIndex) - 1 } ?? 0
    }

    /// A value in text as this column's number (dates in days, timestamps in seconds).
    func number(_ text: String) -> Double? {
        switch kind {
        case .number: return Double(text)
        case .date: return CivilDate.parseDays(text).map(Double.init)
        case .timestamp: return CivilDate.parseSeconds(text).map(Double.init)
        default: return nil
        }
    }

    /// The share of the sorted values strictly below `v`.
    static func share(below v: Double, in sorted: [Double]) -> Double {
        var lo = 0, hi = sorted.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if sorted[mid] < v { lo = mid + 1 } else { hi = mid }
        }
        return sorted.isEmpty ? 0 : Double(lo) / Double(sorted.count)
    }
}

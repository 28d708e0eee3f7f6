/// Exact rules a table's sampled rows obey (on at least 99.9 % of the rows
/// where they apply), which a copula only approximates: a column never
/// before others in the row (`return_date` after `rental_date`), kept as
/// the gap after the latest of them; a category fixed by another
/// (`country` by `city`), kept as the map of the pairs seen at least K times.
struct RuleFinder {
    /// The least share of rows a rule must hold on.
    static let holds = 0.999
    /// The least share for a copy of a parent's column: orders ship to the
    /// customer's name on 96 % of rows and elsewhere on the rest, and the
    /// copy is still what keeps an order's city, country and name together.
    static let copyHolds = 0.95
    /// Map entries written at most per rule.
    static let maxMap = 1_000

    let summaries: [ColumnSummary]
    /// Columns rules may speak about (not keys or generated columns).
    let modelled: Set<String>
    let k: Int
    var minimumRows: Int { max(k, 20) }

    func rules() -> [RuleProfile] {
        after() + determined()
    }

    /// `b` after every `a` it is never before; the gap after the latest.
    func after() -> [RuleProfile] {
        let numeric = summaries.filter { $0.isNumeric && modelled.contains($0.column.name) }
        var lessers: [String: [Int]] = [:]
        for (j, b) in numeric.enumerated() {
            for (i, a) in numeric.enumerated() where i != j && a.kind == b.kind {
                var both = 0, ordered = 0, strict = 0, across = 0, acrossOrdered = 0
                let n = a.rowNumbers.count
                for (row, (x, y)) in zip(a.rowNumbers, b.rowNumbers).enumerated() where !x.isNaN && !y.isNaN {
                    both += 1
                    if x <= y { ordered += 1 }
                    if x < y { strict += 1 }
                    // The same comparison against a row far away: a rule that
                    // holds there too is only two ranges apart (a year after a price).
                    let other = b.rowNumbers[(row + n / 2) % n]
                    if !other.isNaN { across += 1; if x <= other { acrossOrdered += 1 } }
                }
                guard both >= minimumRows, Double(ordered) >= Self.holds * Double(both), 2 * strict > both,
                      Double(acrossOrdered) < 0.99 * Double(max(1, across)) else { continue }
                lessers[b.column.name, default: []].append(i)
            }
        }
        // Acyclic by construction (each edge is strict on most rows), but a
        // rule is only kept if its bases do not (through their own rules) depend on it.
        var kept: [String: [Int]] = [:]
        func reaches(_ from: String, _ target: String, _ seen: inout Set<String>) -> Bool {
            if from == target { return true }
            guard seen.insert(from).inserted else { return false }
            return (kept[from] ?? []).contains { reaches(numeric[$0].column.name, target, &seen) }
        }
        var rules: [RuleProfile] = []
        for b in numeric {
            guard let bases = lessers[b.column.name] else { continue }
            let acyclic = bases.filter { var seen: Set<String> = []; return !reaches(numeric[$0].column.name, b.column.name, &seen) }
            guard !acyclic.isEmpty else { continue }
            var gaps: [Double] = []
            for row in b.rowNumbers.indices {
                let y = b.rowNumbers[row]
                guard !y.isNaN else { continue }
                let starts = acyclic.map { numeric[$0].rowNumbers[row] }
                guard !starts.contains(where: \.isNaN), let start = starts.max() else { continue }
                gaps.append(y - start)
            }
            guard let quantiles = KAnonymousQuantiles.of(sorted: gaps.sorted(), k: k) else { continue }
            kept[b.column.name] = acyclic
            let held = Double(gaps.filter { $0 >= 0 }.count) / Double(max(1, gaps.count))
            rules.append(RuleProfile(kind: .after, column: b.column.name, of: acyclic.map { numeric[$0].column.name },
                                     holds: held, gapQuantiles: quantiles.map { max(0, $0) }))
        }
        return rules
    }

    /// A category column fixed by another that repeats: one value of it per value of the other.
    func determined() -> [RuleProfile] {
        let categories = summaries.filter { ($0.kind == .text || $0.kind == .boolean) && modelled.contains($0.column.name) && $0.texts.count >= 2 }
        var rules: [RuleProfile] = []
        var determinedBy: [String: String] = [:]
        for a in categories {
            for b in categories where b.column.name != a.column.name {
                // b must repeat (a key-like b determines everything) and not be decided by a already.
                guard 2 * b.texts.count <= b.rowCodes.count, determinedBy[b.column.name] != a.column.name else { continue }
                var pairs: [Int64: Int] = [:]
                var both = 0
                for (x, y) in zip(a.rowCodes, b.rowCodes) where x >= 0 && y >= 0 {
                    both += 1
                    pairs[Int64(y) << 32 | Int64(x), default: 0] += 1
                }
                guard both >= minimumRows else { continue }
                var best: [Int32: (a: Int32, count: Int, total: Int)] = [:]
                for (key, n) in pairs {
                    let y = Int32(key >> 32), x = Int32(truncatingIfNeeded: key)
                    var entry = best[y] ?? (x, 0, 0)
                    entry.total += n
                    // Ties go to the value seen first, not to the dictionary's order.
                    if n > entry.count || (n == entry.count && x < entry.a) { entry.a = x; entry.count = n }
                    best[y] = entry
                }
                let agreeing = best.values.reduce(0) { $0 + $1.count }
                guard Double(agreeing) >= Self.holds * Double(both), Set(best.values.map(\.a)).count >= 2 else { continue }
                // Only pairs seen K times are written.
                let map = best.filter { $0.value.count >= k }
                    .sorted { $0.value.count != $1.value.count ? $0.value.count > $1.value.count : $0.key < $1.key }.prefix(Self.maxMap)
                    .map { [b.texts[Int($0.key)], a.texts[Int($0.value.a)]] }
                guard !map.isEmpty else { continue }
                determinedBy[a.column.name] = b.column.name
                rules.append(RuleProfile(kind: .determinedBy, column: a.column.name, of: [b.column.name],
                                         holds: Double(agreeing) / Double(both), map: map))
                break
            }
        }
        return rules
    }
}

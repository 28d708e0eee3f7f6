/// A column that comes after others in the same row by a learned gap
/// (`return_date` after `rental_date` by a rental's length): the latest of
/// `bases` plus a draw from the gap's quantiles, in the gap's output
/// (days for dates, seconds for timestamps, the number itself otherwise).
/// A row where a base is NULL draws from `otherwise`.
package struct GapGenerator: ValueGenerator {
    package let bases: [any ValueGenerator]
    package let gap: QuantileGenerator
    package let otherwise: any ValueGenerator
    package let baseNames: [String]

    package init(bases: [any ValueGenerator], baseNames: [String], gap: QuantileGenerator, otherwise: any ValueGenerator) {
        self.bases = bases
        self.baseNames = baseNames
        self.gap = gap
        self.otherwise = otherwise
    }

    package func generate(row: Int64, into value: inout Value) {
        guard let start = latest(row: row, scratch: &value) else { otherwise.generate(row: row, into: &value); return }
        gap.write(start + gap.draw(row: row), row: row, into: &value)
    }

    package func epochSeconds(row: Int64) -> Int64? {
        // Bases that give their seconds directly need no scratch value (whose buffer is an allocation).
        var start: Double?
        switch gap.output {
        case .date: start = Self.latestSeconds(bases, row: row).map { Double(CivilDate.day(ofSeconds: $0)) }
        case .timestamp: start = Self.latestSeconds(bases, row: row).map(Double.init)
        case .number: start = nil
        }
        if start == nil {
            var scratch = Value()
            start = latest(row: row, scratch: &scratch)
        }
        guard let start else { return otherwise.epochSeconds(row: row) }
        let x = start + gap.draw(row: row)
        switch gap.output {
        case .date: return Int64(x.rounded(.down)) * 86_400
        case .timestamp: return Int64(x.rounded(.down))
        case .number: return nil
        }
    }

    /// The latest of the bases' epoch seconds; nil when one does not give them.
    static func latestSeconds(_ bases: [any ValueGenerator], row: Int64) -> Int64? {
        var best = Int64.min
        for base in bases {
            guard let s = base.epochSeconds(row: row) else { return nil }
            best = max(best, s)
        }
        return best
    }

    /// The largest base value in the gap's units; nil when any is NULL.
    func latest(row: Int64, scratch: inout Value) -> Double? {
        var best = -Double.infinity
        for base in bases {
            guard let x = Self.number(base, row: row, output: gap.output, scratch: &scratch) else { return nil }
            best = max(best, x)
        }
        return best
    }

    static func number(_ g: any ValueGenerator, row: Int64, output: QuantileGenerator.Output, scratch: inout Value) -> Double? {
        switch output {
        case .date, .timestamp:
            let seconds: Int64
            if let s = g.epochSeconds(row: row) { seconds = s } else {
                g.generate(row: row, into: &scratch)
                guard scratch.kind == .text, let s = CivilDate.parseSeconds(String(decoding: scratch.bytes.bytes, as: UTF8.self)) else { return nil }
                seconds = s
            }
            return Double(output == .date ? CivilDate.day(ofSeconds: seconds) : seconds)
        case .number:
            g.generate(row: row, into: &scratch)
            return scratch.number
        }
    }

    package var summary: String {
        "after \(baseNames.joined(separator: ", ")) by \(QuantileGenerator.short(gap.points[gap.points.count / 2])) (median gap, as profiled)"
    }
}

import Engine

/// `constant` with a typed value (`1` stays an integer, `null` is NULL).
package struct LiteralConstantGenerator: ValueGenerator {
    package let literal: ConfigLiteral
    package init(_ literal: ConfigLiteral) { self.literal = literal }
    package func generate(row: Int64, into value: inout Value) { literal.write(into: &value) }
    package var summary: String { "constant \(literal)" }
}

/// `one_of` over values of mixed YAML types (all-text or all-integer lists
/// use Engine's `ChoiceGenerator`, which inference uses too).
package struct LiteralChoiceGenerator: ValueGenerator {
    package let values: [ConfigLiteral]
    package let stream: UInt64

    package init(values: [ConfigLiteral], stream: UInt64) {
        precondition(!values.isEmpty, "one_of needs a value")
        self.values = values
        self.stream = stream
    }

    package func generate(row: Int64, into value: inout Value) {
        var r = RowRandom(stream: stream, row: row)
        r.pick(values).write(into: &value)
    }

    package var summary: String { "one of " + values.prefix(6).map(\.description).joined(separator: ", ") }
}

/// `weighted_choice`: a value with probability weight / Σ weights, by a
/// binary search over the cumulative weights.
package struct WeightedChoiceGenerator: ValueGenerator {
    package let values: [ConfigLiteral]
    /// Cumulative normalised weights; the last is 1.
    package let cumulative: [Double]
    package let stream: UInt64

    package init(choices: [(value: ConfigLiteral, weight: Double)], stream: UInt64) {
        let total = choices.reduce(0) { $0 + $1.weight }
        precondition(total > 0, "weights must sum to a positive number")
        var running = 0.0
        values = choices.map(\.value)
        cumulative = choices.map { running += $0.weight / total; return running }
        self.stream = stream
    }

    package func generate(row: Int64, into value: inout Value) {
        var r = RowRandom(stream: stream, row: row)
        values[Self.index(of: r.unit(), in: cumulative)].write(into: &value)
    }

    /// The first index whose cumulative weight exceeds `u` (u in [0, 1)).
    @inline(__always)
    static func index(of u: Double, in cumulative: [Double]) -> Int {
        var lo = 0, hi = cumulative.count - 1
        while lo < hi {
            let mid = (lo + hi) / 2
            if cumulative[mid] > u { hi = mid } else { lo = mid + 1 }
        }
        return lo
    }

    package var summary: String { "weighted choice of \(values.count) values" }
}

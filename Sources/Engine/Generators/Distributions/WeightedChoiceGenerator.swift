/// A value with probability weight / Σ weights (`weighted_choice`).
package struct WeightedChoiceGenerator: LiteralChoosing {
    package let literals: [Literal]
    package let weights: CumulativeWeights
    package let stream: UInt64

    package init(choices: [(value: Literal, weight: Double)], stream: UInt64) {
        literals = choices.map(\.value)
        weights = CumulativeWeights(choices.map(\.weight))
        self.stream = stream
    }

    package func choiceIndex(row: Int64) -> Int {
        var r = RowRandom(stream: stream, row: row)
        return weights.index(of: r.unit())
    }

    package func generate(row: Int64, into value: inout Value) {
        literals[choiceIndex(row: row)].write(into: &value)
    }

    /// The most frequent values with their shares: `delivered 60%, paid 10%, …`.
    package var summary: String {
        let top = literals.indices.sorted { weights.share($0) > weights.share($1) }.prefix(5)
        return top.map { "\(literals[$0]) \(Self.percent(weights.share($0)))" }.joined(separator: ", ") + (literals.count > 5 ? ", …" : "")
    }

    static func percent(_ share: Double) -> String {
        let p = share * 100
        return p >= 1 || p == 0 ? "\(Int(p.rounded()))%" : "<1%"
    }
}

/// A value with probability weight / Σ weights (`weighted_choice`).
package struct WeightedChoiceGenerator: ValueGenerator {
    package let values: [Literal]
    package let weights: CumulativeWeights
    package let stream: UInt64

    package init(choices: [(value: Literal, weight: Double)], stream: UInt64) {
        values = choices.map(\.value)
        weights = CumulativeWeights(choices.map(\.weight))
        self.stream = stream
    }

    package func generate(row: Int64, into value: inout Value) {
        var r = RowRandom(stream: stream, row: row)
        values[weights.index(of: r.unit())].write(into: &value)
    }

    package var summary: String { "weighted choice of \(values.count) values" }
}

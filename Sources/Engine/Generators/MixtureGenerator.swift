/// `first` on a share of rows, `otherwise` on the rest, chosen per row by
/// its own stream: a profile's frequent values on the rows they covered in
/// the data, the quantiles or the rule-based generator elsewhere.
package struct MixtureGenerator: ValueGenerator {
    package let first: any ValueGenerator
    package let share: Double
    package let otherwise: any ValueGenerator
    package let stream: UInt64

    package init(first: any ValueGenerator, share: Double, otherwise: any ValueGenerator, stream: UInt64) {
        self.first = first
        self.share = share
        self.otherwise = otherwise
        self.stream = stream
    }

    package func generate(row: Int64, into value: inout Value) {
        var r = RowRandom(stream: stream, row: row)
        if r.chance(share) { first.generate(row: row, into: &value) } else { otherwise.generate(row: row, into: &value) }
    }

    package var summary: String { "\(first.summary) (\(Int((share * 100).rounded()))%), else \(otherwise.summary)" }
}

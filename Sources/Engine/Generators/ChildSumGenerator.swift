/// A parent column that is the sum of its children's (`invoice.total` =
/// Σ `unit_price × quantity` of its lines): the child rows of parent i are
/// the contiguous stretch a fan-out laid out for it, so the sum is their
/// generators' values added up, with no child row stored or read back.
package struct ChildSumGenerator: ValueGenerator {
    /// Running child counts per parent row (the fan-out's).
    let cumulative: [Int64]
    /// Each term: the child columns multiplied together.
    package let terms: [[any ValueGenerator]]
    package let childFirst: Int64
    package let scale: Int
    package let description: String

    package init(cumulative: [Int64], terms: [[any ValueGenerator]], childFirst: Int64, scale: Int, description: String) {
        self.cumulative = cumulative
        self.terms = terms
        self.childFirst = childFirst
        self.scale = scale
        self.description = description
    }

    package func generate(row: Int64, into value: inout Value) {
        guard row >= 0, row < Int64(cumulative.count) else { value.setNull(); return }
        let start = row == 0 ? 0 : cumulative[Int(row) - 1], end = cumulative[Int(row)]
        // The output cell is the scratch for the children's values: its buffer has grown already.
        var total = 0.0
        for child in start..<end {
            for term in terms {
                var product = 1.0
                for g in term {
                    g.generate(row: child + childFirst, into: &value)
                    product *= value.number ?? 0
                }
                total += product
            }
        }
        if scale == 0 { value.setInt(Int64(total.rounded())) } else {
            let f = pow(10, Double(scale))
            value.setDouble((total * f).rounded() / f)
        }
    }

    package var summary: String { "sum of \(description) (as profiled)" }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

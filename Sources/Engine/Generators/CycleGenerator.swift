/// `cycle`: row i takes `values[i mod n]`. Lookup tables whose rows are a
/// fixed list (departments and their categories, channels) come out whole
/// and in order, and two columns cycling lists of one length stay aligned:
/// a category hierarchy without a join.
package struct CycleGenerator: ValueGenerator {
    package let literals: [Literal]

    package init(literals: [Literal]) {
        precondition(!literals.isEmpty, "a cycle needs at least one value")
        self.literals = literals
    }

    package func generate(row: Int64, into value: inout Value) {
        literals[Int(row % Int64(literals.count))].write(into: &value)
    }

    package var summary: String { "cycle of \(literals.count) values" }
}

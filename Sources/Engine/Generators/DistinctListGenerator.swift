/// Every entry of a list once, in a shuffled order, before any repeats: the
/// name column of a lookup table (languages, categories, countries), whose
/// rows are the vocabulary itself. Past the end of the list an entry comes
/// back with a number (`Drama 2`), so values stay distinct whatever the row
/// count; where the number does not fit the column, the entry repeats.
package struct DistinctListGenerator: UniqueValueGenerator {
    package let values: [String]
    package let permutation: Permutation
    package let maxLength: Int?
    package let kind: String

    package init(values: [String], key: UInt64, maxLength: Int?, kind: String) {
        precondition(!values.isEmpty, "a list needs an entry")
        self.values = values
        permutation = Permutation(count: UInt64(values.count), key: key)
        self.maxLength = maxLength
        self.kind = kind
    }

    package func generate(row: Int64, into value: inout Value) {
        let n = Int64(values.count)
        let entry = values[Int(permutation.apply(UInt64(row % n)))]
        value.beginText()
        value.bytes.append(entry)
        let round = row / n
        guard round > 0 else { return }
        // " 2", " 3", …: one space and the round's digits, if they fit.
        let number = round + 1
        var digits = 1
        var rest = number
        while rest >= 10 { rest /= 10; digits += 1 }
        if let maxLength, entry.count + 1 + digits > maxLength { return }
        value.bytes.append(UInt8(ascii: " "))
        value.bytes.appendInt(number)
    }

    /// Unbounded while the numbered entries fit; the planner never caps by it.
    package var capacity: Int64? { nil }
    package var summary: String { "distinct \(kind) (\(values.count) in the list, then numbered)" }
}

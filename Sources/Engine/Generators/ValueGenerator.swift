/// Produces the value of one column for any row index: a pure function of the
/// row (and the stream key the generator was built with), so rows can be
/// generated in any order, on any thread, and always come out the same.
package protocol ValueGenerator: Sendable {
    func generate(row: Int64, into value: inout Value)
    /// A short description for `inspect` (e.g. `unique int 1…`, `email`).
    var summary: String { get }
}

/// Generators whose values are distinct for distinct rows, and how many
/// distinct values they can produce (nil: more than any table will need).
package protocol UniqueValueGenerator: ValueGenerator {
    var capacity: Int64? { get }
}

/// Always NULL: nullable columns dbsynth cannot produce, and cycle-broken FKs
/// before their UPDATE.
package struct NullGenerator: ValueGenerator {
    package init() {}
    package func generate(row: Int64, into value: inout Value) { value.setNull() }
    package var summary: String { "null" }
}

/// Wraps a generator so a share of rows are NULL (e.g. `deleted_at`).
package struct NullableGenerator: ValueGenerator {
    package let inner: any ValueGenerator
    package let nullFraction: Double
    package let stream: UInt64

    package init(inner: any ValueGenerator, nullFraction: Double, stream: UInt64) {
        self.inner = inner
        self.nullFraction = nullFraction
        self.stream = stream
    }

    package func generate(row: Int64, into value: inout Value) {
        var r = RowRandom(stream: stream, row: row)
        if r.chance(nullFraction) { value.setNull() } else { inner.generate(row: row, into: &value) }
    }

    package var summary: String { "\(inner.summary), \(Int(nullFraction * 100))% null" }
}

/// One fixed value on every row.
package struct ConstantGenerator: ValueGenerator {
    package let text: String
    package init(_ text: String) { self.text = text }
    package func generate(row: Int64, into value: inout Value) { value.setText(text) }
    package var summary: String { "constant \(text)" }
}

/// A uniform pick from a list of literal values (enum labels, CHECK IN-lists).
package struct ChoiceGenerator: ValueGenerator {
    package let values: [String]
    package let numeric: Bool
    package let stream: UInt64

    package init(values: [String], numeric: Bool = false, stream: UInt64) {
        precondition(!values.isEmpty, "a choice needs at least one value")
        self.values = values
        self.numeric = numeric
        self.stream = stream
    }

    package func generate(row: Int64, into value: inout Value) {
        var r = RowRandom(stream: stream, row: row)
        let v = r.pick(values)
        if numeric, let i = Int64(v) { value.setInt(i) } else { value.setText(v) }
    }

    package var summary: String {
        "one of " + values.prefix(6).joined(separator: ", ") + (values.count > 6 ? ", …" : "")
    }
}

/// Distinct rows get distinct picks from a list (a unique column limited to
/// an IN-list or enum): capacity is the list's size.
package struct UniqueChoiceGenerator: UniqueValueGenerator {
    package let values: [String]
    package let numeric: Bool
    package let permutation: Permutation

    package init(values: [String], numeric: Bool, key: UInt64) {
        self.values = values
        self.numeric = numeric
        permutation = Permutation(count: UInt64(values.count), key: key)
    }

    package func generate(row: Int64, into value: inout Value) {
        let v = values[Int(permutation.apply(UInt64(row) % UInt64(values.count)))]
        if numeric, let i = Int64(v) { value.setInt(i) } else { value.setText(v) }
    }

    package var capacity: Int64? { Int64(values.count) }
    package var summary: String { "unique one of \(values.count) values" }
}

/// Produces the value of one column for any row index: a pure function of the
/// row (and the stream key the generator was built with), so rows can be
/// generated in any order, on any thread, and always come out the same.
package protocol ValueGenerator: Sendable {
    func generate(row: Int64, into value: inout Value)
    /// A short description for `inspect` (e.g. `unique int 1…`, `email`).
    var summary: String { get }
    /// Whether the text written is a JSON object, which an enclosing
    /// `json_object` embeds as it is rather than as an escaped string.
    var writesJSONObject: Bool { get }
    /// The instant the generator writes for `row`, as seconds since the
    /// epoch (a date is its midnight), when it can say so without writing
    /// text: a column that follows it in time reads this instead of
    /// parsing its text. nil: write the value and parse it.
    func epochSeconds(row: Int64) -> Int64?
    /// The uniform that picks this generator's value row by row (a profiled
    /// column's copula coordinate or stream), so a child column that moves
    /// with this one can recompute it at the parent row; nil: none such.
    var drivingUniform: UniformSource? { get }
}

extension ValueGenerator {
    package var writesJSONObject: Bool { false }
    package func epochSeconds(row: Int64) -> Int64? { nil }
    package var drivingUniform: UniformSource? { nil }
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

    /// An optional around a json_object still embeds the object.
    package var writesJSONObject: Bool { inner.writesJSONObject }
    package var drivingUniform: UniformSource? { inner.drivingUniform }

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
    package let literal: Literal
    package init(_ text: String) { literal = .text(text) }
    package init(literal: Literal) { self.literal = literal }
    package func generate(row: Int64, into value: inout Value) { literal.write(into: &value) }
    package var summary: String { "constant \(literal)" }
}

/// A pick of one of a fixed list of literals per row, whose index other
/// columns of the row can read without writing the value (a status, and
/// the timestamps it implies).
package protocol LiteralChoosing: ValueGenerator {
    var literals: [Literal] { get }
    func choiceIndex(row: Int64) -> Int
}

/// A uniform pick from a list of literal values (enum labels, CHECK
/// IN-lists, a config's `one_of` of any YAML types).
package struct ChoiceGenerator: LiteralChoosing {
    package let literals: [Literal]
    package let stream: UInt64

    package init(literals: [Literal], stream: UInt64) {
        precondition(!literals.isEmpty, "a choice needs at least one value")
        self.literals = literals
        self.stream = stream
    }

    /// Labels as text, or with `numeric` as integers where they parse as one.
    package init(values: [String], numeric: Bool = false, stream: UInt64) {
        self.init(literals: values.map { v in numeric ? Int64(v).map(Literal.int) ?? .text(v) : .text(v) }, stream: stream)
    }

    package func choiceIndex(row: Int64) -> Int {
        var r = RowRandom(stream: stream, row: row)
        return Int(r.below(UInt64(literals.count)))
    }

    package func generate(row: Int64, into value: inout Value) {
        literals[choiceIndex(row: row)].write(into: &value)
    }

    package var summary: String {
        "one of " + literals.prefix(6).map(\.description).joined(separator: ", ") + (literals.count > 6 ? ", …" : "")
    }
}

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

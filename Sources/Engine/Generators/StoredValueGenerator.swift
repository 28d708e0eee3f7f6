import SchemaModel

/// The n-th of a list of values read back from the database: the key column
/// of a kept table, indexed by the "parent row" a `ForeignKeyGenerator`'s
/// picker chooses.
package struct StoredValueGenerator: ValueGenerator {
    package let values: [StoredValue]
    package let name: String

    package init(values: [StoredValue], name: String) {
        precondition(!values.isEmpty, "a list of stored values needs at least one value")
        self.values = values
        self.name = name
    }

    @inline(__always)
    package func generate(row: Int64, into value: inout Value) {
        switch values[Int(UInt64(bitPattern: row) % UInt64(values.count))] {
        case .int(let v): value.setInt(v)
        case .real(let v): value.setDouble(v)
        case .text(let s): value.setText(s)
        case .blob(let b):
            value.beginBytes()
            value.bytes.append(contentsOf: b)
        }
    }

    package var summary: String { "existing \(name) (\(values.count) keys)" }
}

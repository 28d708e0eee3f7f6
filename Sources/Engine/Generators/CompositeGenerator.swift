/// A composite (row) value in PostgreSQL's text form: `("a b",42,)`, every
/// field quoted (quotes and backslashes doubled), NULL fields left empty.
package struct CompositeGenerator: ValueGenerator {
    package let fields: [any ValueGenerator]

    package init(fields: [any ValueGenerator]) { self.fields = fields }

    package func generate(row: Int64, into value: inout Value) {
        var field = Value()
        var out = ByteWriter(capacity: 64)
        out.append(UInt8(ascii: "("))
        for (i, generator) in fields.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            generator.generate(row: row, into: &field)
            guard field.kind != .null else { continue }
            out.append(UInt8(ascii: "\""))
            for b in Self.text(of: field) {
                if b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") { out.append(b) }
                out.append(b)
            }
            out.append(UInt8(ascii: "\""))
        }
        out.append(UInt8(ascii: ")"))
        value.beginText()
        value.bytes.append(contentsOf: out.bytes)
    }

    /// A field's text form (booleans as t/f, bytes as bytea hex).
    static func text(of value: Value) -> [UInt8] {
        switch value.kind {
        case .null: return []
        case .int: return Array(String(value.int).utf8)
        case .double: return Array(String(value.double).utf8)
        case .bool: return [value.int != 0 ? UInt8(ascii: "t") : UInt8(ascii: "f")]
        case .text: return value.bytes.bytes
        case .bytes:
            var w = ByteWriter()
            w.append("\\x")
            for b in value.bytes.bytes { w.appendHex(UInt64(b), digits: 2) }
            return w.bytes
        }
    }

    package var summary: String { "composite of \(fields.count) fields" }
}

import Engine

/// `json_object`: one JSON object per row. Every field is written, in
/// declaration order; a NULL from an `optional` is written `"key": null`;
/// a nested `json_object` is embedded as an object, not an escaped string.
/// Each field has its own stream (keyed by its name), so values stay pure
/// functions of the row.
package struct JSONObjectGenerator: ValueGenerator {
    package struct Field: Sendable {
        package var key: String
        package var generator: any ValueGenerator
        package init(key: String, generator: any ValueGenerator) {
            self.key = key
            self.generator = generator
        }
    }

    package let fields: [Field]

    package init(fields: [Field]) {
        self.fields = fields
    }

    package func generate(row: Int64, into value: inout Value) {
        var scratch = Value()
        value.beginText()
        value.bytes.append(UInt8(ascii: "{"))
        for (i, field) in fields.enumerated() {
            if i > 0 { value.bytes.append(", ") }
            JSONText.appendString(field.key, into: &value.bytes)
            value.bytes.append(": ")
            field.generator.generate(row: row, into: &scratch)
            JSONText.append(scratch, raw: field.generator is JSONObjectGenerator || isNestedObject(field.generator), into: &value.bytes)
        }
        value.bytes.append(UInt8(ascii: "}"))
    }

    /// An optional around a json_object still embeds the object.
    func isNestedObject(_ g: any ValueGenerator) -> Bool {
        if let n = g as? NullableGenerator { return n.inner is JSONObjectGenerator }
        if let e = g as? EntityColumnGenerator { return e.inner is JSONObjectGenerator }
        return false
    }

    package var summary: String { "json object {" + fields.map(\.key).joined(separator: ", ") + "}" }
}

/// JSON encoding of generated values.
package enum JSONText {
    /// A value as JSON: numbers and booleans bare, text quoted, NULL as null;
    /// `raw` text (a nested object) as it is.
    package static func append(_ value: Value, raw: Bool = false, into out: inout ByteWriter) {
        switch value.kind {
        case .null: out.append("null")
        case .int: out.appendInt(value.int)
        case .double:
            if value.double.isFinite { out.append(number(value.double)) } else { out.append("null") }
        case .bool: out.append(value.int != 0 ? "true" : "false")
        case .text:
            if raw { out.append(contentsOf: value.bytes.bytes) } else { appendString(bytes: value.bytes.bytes, into: &out) }
        case .bytes:
            out.append(UInt8(ascii: "\""))
            for b in value.bytes.bytes { out.appendHex(UInt64(b), digits: 2) }
            out.append(UInt8(ascii: "\""))
        }
    }

    /// Shortest round-tripping text of a double, without exponent for ordinary magnitudes.
    package static func number(_ d: Double) -> String {
        if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
        return String(d)
    }

    package static func appendString(_ s: String, into out: inout ByteWriter) {
        appendString(bytes: Array(s.utf8), into: &out)
    }

    package static func appendString(bytes: [UInt8], into out: inout ByteWriter) {
        out.append(UInt8(ascii: "\""))
        for b in bytes {
            switch b {
            case UInt8(ascii: "\""): out.append("\\\"")
            case UInt8(ascii: "\\"): out.append("\\\\")
            case 0x0A: out.append("\\n")
            case 0x0D: out.append("\\r")
            case 0x09: out.append("\\t")
            case 0..<0x20:
                out.append("\\u00")
                out.appendHex(UInt64(b), digits: 2)
            default: out.append(b)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}

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
            JSONText.append(scratch, raw: field.generator.writesJSONObject, into: &value.bytes)
        }
        value.bytes.append(UInt8(ascii: "}"))
    }

    package var writesJSONObject: Bool { true }

    package var summary: String { "json object {" + fields.map(\.key).joined(separator: ", ") + "}" }
}

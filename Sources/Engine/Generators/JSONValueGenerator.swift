/// JSON values of one type other than an object (a `jsonb_typeof(x) =
/// 'array'` CHECK): arrays of a few numbers and words, strings, numbers,
/// booleans, or the JSON `null`.
package struct JSONValueGenerator: ValueGenerator {
    package let type: String
    package let words: [String]
    package let stream: UInt64

    package init(type: String, words: [String], stream: UInt64) {
        self.type = type
        self.words = words
        self.stream = stream
    }

    package func generate(row: Int64, into value: inout Value) {
        var r = RowRandom(stream: stream, row: row)
        value.beginText()
        switch type {
        case "array":
            value.bytes.append(UInt8(ascii: "["))
            for i in 0..<r.int(1...4) {
                if i > 0 { value.bytes.append(", ") }
                if r.chance(0.5) {
                    value.bytes.appendInt(r.int(0...1000))
                } else {
                    value.bytes.append(UInt8(ascii: "\""))
                    value.bytes.append(r.pick(words))
                    value.bytes.append(UInt8(ascii: "\""))
                }
            }
            value.bytes.append(UInt8(ascii: "]"))
        case "string":
            value.bytes.append(UInt8(ascii: "\""))
            value.bytes.append(r.pick(words))
            value.bytes.append(UInt8(ascii: "\""))
        case "number": value.bytes.appendInt(r.int(0...10_000))
        case "boolean": value.bytes.append(r.chance(0.5) ? "true" : "false")
        default: value.bytes.append("null")
        }
    }

    package var summary: String { "json \(type)" }
}

/// PostgreSQL array literals (`{1,2,3}`, `{"two words","x"}`) of 0–4 elements
/// (or as many as a `cardinality(a)` CHECK allows) from an element generator.
package struct ArrayGenerator: ValueGenerator {
    package let element: any ValueGenerator
    package let stream: UInt64
    package let count: ClosedRange<Int64>

    package init(element: any ValueGenerator, count: ClosedRange<Int64> = 0...4, stream: UInt64) {
        self.element = element
        self.count = count
        self.stream = stream
    }

    package func generate(row: Int64, into value: inout Value) {
        var r = RowRandom(stream: stream, row: row)
        let n = r.int(count)
        var item = Value()
        value.beginText()
        value.bytes.append(UInt8(ascii: "{"))
        for i in 0..<n {
            if i > 0 { value.bytes.append(UInt8(ascii: ",")) }
            // Element rows are spread so elements differ within one array.
            element.generate(row: row &* 5 &+ i, into: &item)
            switch item.kind {
            case .null: value.bytes.append("NULL")
            case .int: value.bytes.appendInt(item.int)
            case .double: value.bytes.append(String(item.double))
            case .bool: value.bytes.append(item.int != 0 ? "t" : "f")
            case .text:
                value.bytes.append(UInt8(ascii: "\""))
                for b in item.bytes.bytes {
                    if b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") { value.bytes.append(UInt8(ascii: "\\")) }
                    value.bytes.append(b)
                }
                value.bytes.append(UInt8(ascii: "\""))
            case .bytes:
                value.bytes.append("\"\\\\x")
                for b in item.bytes.bytes { value.bytes.appendHex(UInt64(b), digits: 2) }
                value.bytes.append(UInt8(ascii: "\""))
            }
        }
        value.bytes.append(UInt8(ascii: "}"))
    }

    package var summary: String { "array of \(element.summary)" }
}

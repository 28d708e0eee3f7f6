/// PostgreSQL geometric values in their text input forms, with small integer
/// coordinates so every shape is valid (a `line` never has A = B = 0).
package struct GeometricShapeGenerator: ValueGenerator {
    package let type: String
    package let stream: UInt64

    package init(type: String, stream: UInt64) {
        self.type = type
        self.stream = stream
    }

    package func generate(row: Int64, into value: inout Value) {
        var r = RowRandom(stream: stream, row: row)
        var out = ByteWriter(capacity: 64)
        func point() {
            out.append(UInt8(ascii: "("))
            out.appendInt(r.int(-180...180))
            out.append(UInt8(ascii: ","))
            out.appendInt(r.int(-90...90))
            out.append(UInt8(ascii: ")"))
        }
        switch type {
        case "line":
            out.append(UInt8(ascii: "{"))
            out.appendInt(r.int(1...9)); out.append(UInt8(ascii: ","))
            out.appendInt(r.int(-9...9)); out.append(UInt8(ascii: ","))
            out.appendInt(r.int(-99...99))
            out.append(UInt8(ascii: "}"))
        case "lseg", "box":
            out.append(UInt8(ascii: "(")); point(); out.append(UInt8(ascii: ",")); point(); out.append(UInt8(ascii: ")"))
        case "path", "polygon":
            out.append(UInt8(ascii: "("))
            for i in 0..<3 { if i > 0 { out.append(UInt8(ascii: ",")) }; point() }
            out.append(UInt8(ascii: ")"))
        case "circle":
            out.append(UInt8(ascii: "<")); point(); out.append(UInt8(ascii: ","))
            out.appendInt(r.int(1...50)); out.append(UInt8(ascii: ">"))
        default:
            point()
        }
        value.beginText()
        value.bytes.append(contentsOf: out.bytes)
    }

    package var summary: String { type }
}

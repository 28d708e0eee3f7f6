import SchemaModel

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

/// Range values `[lower,upper)` with lower < upper (and multiranges `{…}`),
/// over integers, decimals, dates and timestamps.
package struct RangeGenerator: ValueGenerator {
    package let subtype: DataType
    package let multirange: Bool
    package let stream: UInt64

    package init(subtype: DataType, multirange: Bool, stream: UInt64) {
        self.subtype = subtype
        self.multirange = multirange
        self.stream = stream
    }

    package func generate(row: Int64, into value: inout Value) {
        var r = RowRandom(stream: stream, row: row)
        var out = ByteWriter(capacity: 64)
        if multirange { out.append(UInt8(ascii: "{")) }
        out.append(UInt8(ascii: "["))
        switch subtype {
        case .date:
            let start = r.int(DefaultWindow.startDays...DefaultWindow.endDays)
            CivilDate.writeDate(days: start, into: &out)
            out.append(UInt8(ascii: ","))
            CivilDate.writeDate(days: start + r.int(1...60), into: &out)
        case .timestamp(let tz):
            let start = r.int(DefaultWindow.startDays * 86_400...DefaultWindow.endDays * 86_400)
            out.append(UInt8(ascii: "\""))
            CivilDate.writeTimestamp(seconds: start, into: &out)
            if tz { out.append("+00") }
            out.append("\",\"")
            CivilDate.writeTimestamp(seconds: start + r.int(60...30 * 86_400), into: &out)
            if tz { out.append("+00") }
            out.append(UInt8(ascii: "\""))
        default:
            let start = r.int(0...1000)
            out.appendInt(start)
            out.append(UInt8(ascii: ","))
            out.appendInt(start + r.int(1...100))
        }
        out.append(UInt8(ascii: ")"))
        if multirange { out.append(UInt8(ascii: "}")) }
        value.beginText()
        value.bytes.append(contentsOf: out.bytes)
    }

    package var summary: String { multirange ? "multirange" : "range" }
}

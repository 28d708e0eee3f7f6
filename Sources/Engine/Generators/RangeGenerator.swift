import SchemaModel

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

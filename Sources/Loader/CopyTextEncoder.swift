import Engine

/// Encodes rows in PostgreSQL's COPY text format: tab-separated, `\N` for
/// NULL, backslash escapes for the four characters that would break a row.
package enum CopyTextEncoder {
    /// Appends every row of `batch` to `out`.
    package static func encode(_ batch: RowBatch, into out: inout [UInt8]) {
        batch.arena.withUnsafeBufferPointer { arena in
            for row in 0..<batch.rowCount {
                for column in 0..<batch.columnCount {
                    if column > 0 { out.append(0x09) }
                    let cell = batch.cell(row: row, column: column)
                    switch cell.kind {
                    case .null:
                        out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "N"))
                    case .int:
                        appendInt(cell.payload, into: &out)
                    case .bool:
                        out.append(cell.payload != 0 ? UInt8(ascii: "t") : UInt8(ascii: "f"))
                    case .double:
                        let d = Double(bitPattern: UInt64(bitPattern: cell.payload))
                        var text = d.description
                        text.withUTF8 { out.append(contentsOf: $0) }
                    case .text:
                        let start = Int(cell.payload)
                        for b in arena[start..<start + Int(cell.length)] { appendEscaped(b, into: &out) }
                    case .bytes:
                        // bytea hex input `\x…`, its backslash escaped for COPY.
                        out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "x"))
                        let start = Int(cell.payload)
                        for b in arena[start..<start + Int(cell.length)] {
                            out.append(hexDigit(b >> 4)); out.append(hexDigit(b & 0xf))
                        }
                    }
                }
                out.append(0x0A)
            }
        }
    }

    @inline(__always)
    static func appendEscaped(_ b: UInt8, into out: inout [UInt8]) {
        switch b {
        case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "\\"))
        case 0x09: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "t"))
        case 0x0A: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "n"))
        case 0x0D: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "r"))
        default: out.append(b)
        }
    }

    @inline(__always)
    static func hexDigit(_ v: UInt8) -> UInt8 { v < 10 ? 48 + v : 87 + v }

    static func appendInt(_ value: Int64, into out: inout [UInt8]) {
        var w = ByteWriter(capacity: 0)
        swap(&w.bytes, &out)
        w.appendInt(value)
        swap(&w.bytes, &out)
    }
}

import Engine

/// Encodes rows for PostgreSQL's COPY. The loader uses CSV (`encodeCSV`):
/// the server parses it measurably faster than the text format (about 13%
/// on a table of short text columns), and most values need no quoting at all.
/// The text format (`encode`) is kept for `COPY … (FORMAT text)` users.
package enum CopyTextEncoder {
    /// Appends every row of `batch` in CSV: comma-separated, NULL as an empty
    /// unquoted field, text quoted only when it holds a comma, quote, CR or
    /// LF, or is empty (so it is not read as NULL).
    package static func encodeCSV(_ batch: RowBatch, into out: inout [UInt8]) {
        batch.arena.withUnsafeBufferPointer { arena in
            for row in 0..<batch.rowCount {
                for column in 0..<batch.columnCount {
                    if column > 0 { out.append(UInt8(ascii: ",")) }
                    let cell = batch.cell(row: row, column: column)
                    switch cell.kind {
                    case .null:
                        break
                    case .int:
                        appendInt(cell.payload, into: &out)
                    case .bool:
                        out.append(cell.payload != 0 ? UInt8(ascii: "t") : UInt8(ascii: "f"))
                    case .double:
                        var text = Double(bitPattern: UInt64(bitPattern: cell.payload)).description
                        text.withUTF8 { out.append(contentsOf: $0) }
                    case .text:
                        let start = Int(cell.payload)
                        let bytes = UnsafeBufferPointer(rebasing: arena[start..<start + Int(cell.length)])
                        // `\.` alone would read as the end-of-data marker: quote it too.
                        let endMarker = bytes.count == 2 && bytes[0] == 0x5C && bytes[1] == 0x2E
                        if bytes.isEmpty || endMarker || bytes.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) {
                            out.append(0x22)
                            for b in bytes {
                                if b == 0x22 { out.append(0x22) }
                                out.append(b)
                            }
                            out.append(0x22)
                        } else {
                            out.append(contentsOf: bytes)
                        }
                    case .bytes:
                        out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "x"))
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

import Engine

/// Writes generated rows as CSV straight from the batch's bytes, for
/// PostgreSQL's `COPY … (FORMAT csv)` (which the server parses measurably
/// faster than the text format) and for `--out DIR --format csv` files.
///
/// Text is quoted only when it holds a comma, quote, CR or LF, or when
/// leaving it bare would change its meaning (an empty string, `\.`).
package struct CSVEncoder: Sendable {
    /// How a value reads back: PostgreSQL's COPY, or a plain file.
    package enum Style: Sendable {
        /// NULL is an empty bare field, '' is `""`, booleans `t`/`f`, bytes `\x…`.
        case postgresCopy
        /// RFC 4180 for other tools: booleans `true`/`false`, bytes as bare hex.
        case file
    }

    package let style: Style

    package init(style: Style) { self.style = style }

    /// Appends every row of `batch`.
    package func encode(_ batch: RowBatch, into out: inout [UInt8]) {
        for row in 0..<batch.rowCount { encode(batch, row: row, into: &out) }
    }

    /// Appends one row and its line feed.
    package func encode(_ batch: RowBatch, row: Int, into out: inout [UInt8]) {
        batch.arena.withUnsafeBufferPointer { arena in
            for column in 0..<batch.columnCount {
                if column > 0 { out.append(UInt8(ascii: ",")) }
                let cell = batch.cell(row: row, column: column)
                switch cell.kind {
                case .null:
                    break
                case .int:
                    Self.appendInt(cell.payload, into: &out)
                case .bool:
                    switch style {
                    case .postgresCopy: out.append(cell.payload != 0 ? UInt8(ascii: "t") : UInt8(ascii: "f"))
                    case .file: out.append(contentsOf: cell.payload != 0 ? Self.trueBytes : Self.falseBytes)
                    }
                case .double:
                    var text = Double(bitPattern: UInt64(bitPattern: cell.payload)).description
                    text.withUTF8 { out.append(contentsOf: $0) }
                case .text:
                    let start = Int(cell.payload)
                    appendText(UnsafeBufferPointer(rebasing: arena[start..<start + Int(cell.length)]), into: &out)
                case .bytes:
                    if style == .postgresCopy { out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "x")) }
                    let start = Int(cell.payload)
                    for b in arena[start..<start + Int(cell.length)] {
                        out.append(Self.hexDigit(b >> 4)); out.append(Self.hexDigit(b & 0xf))
                    }
                }
            }
            out.append(0x0A)
        }
    }

    @inline(__always)
    func appendText(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        // `\.` alone would read as COPY's end-of-data marker; '' must not read as NULL.
        let endMarker = bytes.count == 2 && bytes[0] == 0x5C && bytes[1] == 0x2E
        let needsQuotes = (bytes.isEmpty && style == .postgresCopy) || endMarker
            || bytes.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
        guard needsQuotes else { out.append(contentsOf: bytes); return }
        out.append(0x22)
        for b in bytes {
            if b == 0x22 { out.append(0x22) }
            out.append(b)
        }
        out.append(0x22)
    }

    static let trueBytes: [UInt8] = Array("true".utf8)
    static let falseBytes: [UInt8] = Array("false".utf8)

    @inline(__always)
    static func hexDigit(_ v: UInt8) -> UInt8 { v < 10 ? 48 + v : 87 + v }

    static func appendInt(_ value: Int64, into out: inout [UInt8]) {
        var w = ByteWriter(capacity: 0)
        swap(&w.bytes, &out)
        w.appendInt(value)
        swap(&w.bytes, &out)
    }
}

import Engine

/// One output file of a table (a whole table, or one partition of it):
/// rows go in slices of a batch, `close` completes the file.
protocol TableFile: AnyObject {
    func append(_ batch: RowBatch, rows: Range<Int>) throws
    func close() throws
}

/// A csv, jsonl or sql file: its header, each row encoded, its footer.
final class TextTableFile: TableFile {
    private let writer: FileWriter
    private let encoder: RowEncoder
    private let footer: [UInt8]
    private var out = ByteWriter(capacity: 1 << 16)

    init(path: String, header: [UInt8], encoder: RowEncoder, footer: [UInt8], appending: Bool = false) throws {
        writer = try FileWriter(path: path, appending: appending)
        self.encoder = encoder
        self.footer = footer
        try writer.write(header)
    }

    /// Encoded rows are written in stretches of 64 KiB: a partition that
    /// gets one row at a time (rows not in date order) costs no write each.
    func append(_ batch: RowBatch, rows: Range<Int>) throws {
        for r in rows { encoder.encode(batch, row: r, into: &out) }
        if out.count >= 1 << 16 {
            try writer.write(out.bytes)
            out.removeAll()
        }
    }

    func close() throws {
        try writer.write(out.bytes)
        out.removeAll()
        try writer.write(footer)
        try writer.close()
    }
}

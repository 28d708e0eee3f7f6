/// Writes one Parquet file, streaming: rows are appended column by column
/// (`columns[i].write(slice)` for each, then `endRows(n)`), a row group is written out
/// whenever it reaches `rowGroupRows` rows (or `rowGroupBytes` of pages),
/// and `close` writes the last one and the footer. Memory is one row
/// group's encoded pages, however many rows the file gets.
///
/// The magic, the column chunks in schema order within each row group, then
/// the footer, its length and the magic again: the layout every reader
/// expects. A file with no rows has no row groups; readers take its schema.
package final class ParquetFileWriter {
    package let columns: [ColumnChunkWriter]
    package let options: ParquetWriterOptions
    private let output: ParquetOutput
    private var offset: Int64 = 0
    private var rowsInGroup = 0
    private var rowGroups: [RowGroupMetadata] = []
    private var closed = false

    /// Starts the file (writes the leading magic).
    package init(output: ParquetOutput, columns: [ParquetColumn], options: ParquetWriterOptions = ParquetWriterOptions()) throws {
        precondition(options.rowGroupRows > 0, "a row group holds at least one row")
        self.output = output
        self.options = options
        let compressor: ZstdCompressor?
        switch options.compression {
        case .none: compressor = nil
        case .zstd(let level): compressor = try ZstdCompressor(level: level)
        }
        self.columns = columns.map { ColumnChunkWriter(column: $0, options: options, compressor: compressor) }
        try write(Self.magic)
    }

    /// Rows the current row group takes before it is written out: append at
    /// most this many before the next `endRows`.
    package var rowsLeftInRowGroup: Int { options.rowGroupRows - rowsInGroup }

    /// Every column got `count` more values: ends the row group when full.
    package func endRows(_ count: Int) throws {
        rowsInGroup += count
        if rowsInGroup >= options.rowGroupRows || columns.reduce(0, { $0 + $1.bufferedBytes }) >= options.rowGroupBytes {
            try writeRowGroup()
        }
    }

    /// Writes the last row group and the footer. The output stays open: its owner closes it.
    package func close() throws {
        guard !closed else { return }
        closed = true
        try writeRowGroup()
        let footer = FileMetadata(columns: columns.map(\.column), rowGroups: rowGroups, createdBy: options.createdBy).encoded()
        try write(footer)
        try write(LittleEndian.bytes(UInt32(footer.count)))
        try write(Self.magic)
    }

    private func writeRowGroup() throws {
        guard rowsInGroup > 0 else { return }
        var chunks: [ColumnChunkMetadata] = []
        for column in columns {
            let chunk = try column.finish(to: output, at: offset)
            offset += chunk.compressedBytes
            chunks.append(chunk)
        }
        rowGroups.append(RowGroupMetadata(columns: chunks, rowCount: Int64(rowsInGroup), ordinal: Int16(truncatingIfNeeded: rowGroups.count)))
        rowsInGroup = 0
    }

    private func write(_ bytes: [UInt8]) throws {
        try output.write(bytes)
        offset += Int64(bytes.count)
    }

    static let magic: [UInt8] = Array("PAR1".utf8)
}

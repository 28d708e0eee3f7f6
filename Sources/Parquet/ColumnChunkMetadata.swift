/// What the footer records of one written column chunk (parquet.thrift's
/// `ColumnChunk` with its `ColumnMetaData`).
struct ColumnChunkMetadata {
    let column: ParquetColumn
    let codec: ParquetCompression
    let encodings: [Int32]
    /// Values including NULLs.
    let valueCount: Int64
    /// Page headers included, as the spec counts them.
    let uncompressedBytes: Int64
    let compressedBytes: Int64
    let dataPageOffset: Int64
    let dictionaryPageOffset: Int64?
    let statistics: ColumnStatistics

    /// Where the chunk starts: its dictionary page, else its first data page.
    var startOffset: Int64 { dictionaryPageOffset ?? dataPageOffset }

    /// `ColumnChunk` as a list element.
    func write(to w: inout ThriftCompactWriter) {
        w.beginListStruct()
        w.field(2, i64: startOffset)
        w.beginStruct(3)
        w.field(1, i32: column.physicalType.thriftValue)
        w.beginList(2, of: .i32, count: encodings.count)
        for e in encodings { w.element(i32: e) }
        w.beginList(3, of: .binary, count: 1)
        w.element(string: column.name)
        w.field(4, i32: codec.thriftValue)
        w.field(5, i64: valueCount)
        w.field(6, i64: uncompressedBytes)
        w.field(7, i64: compressedBytes)
        w.field(9, i64: dataPageOffset)
        if let dictionaryPageOffset { w.field(11, i64: dictionaryPageOffset) }
        statistics.write(12, for: column, to: &w)
        w.endStruct()
        w.endStruct()
    }
}

/// One written row group, for the footer.
struct RowGroupMetadata {
    let columns: [ColumnChunkMetadata]
    let rowCount: Int64
    let ordinal: Int16

    func write(to w: inout ThriftCompactWriter) {
        w.beginListStruct()
        w.beginList(1, of: .structure, count: columns.count)
        for c in columns { c.write(to: &w) }
        w.field(2, i64: columns.reduce(0) { $0 + $1.uncompressedBytes })
        w.field(3, i64: rowCount)
        if let first = columns.first { w.field(5, i64: first.startOffset) }
        w.field(6, i64: columns.reduce(0) { $0 + $1.compressedBytes })
        w.field(7, i16: ordinal)
        w.endStruct()
    }
}

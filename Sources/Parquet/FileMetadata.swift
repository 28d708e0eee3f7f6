/// The footer: parquet.thrift's `FileMetaData` in the compact protocol.
/// Each column carries both its logical type and, where one exists, the
/// older converted type, so readers from before logical types (Spark 2,
/// Hive) still see strings, dates, decimals and UTC timestamps.
struct FileMetadata {
    let columns: [ParquetColumn]
    let rowGroups: [RowGroupMetadata]
    let createdBy: String

    func encoded() -> [UInt8] {
        var w = ThriftCompactWriter()
        w.field(1, i32: 1)
        w.beginList(2, of: .structure, count: columns.count + 1)
        w.beginListStruct()
        w.field(4, string: "schema")
        w.field(5, i32: Int32(columns.count))
        w.endStruct()
        for c in columns { Self.writeSchemaElement(c, to: &w) }
        w.field(3, i64: rowGroups.reduce(0) { $0 + $1.rowCount })
        w.beginList(4, of: .structure, count: rowGroups.count)
        for g in rowGroups { g.write(to: &w) }
        w.field(6, string: createdBy)
        // TYPE_ORDER for every column: min_value/max_value follow each type's order.
        w.beginList(7, of: .structure, count: columns.count)
        for _ in columns {
            w.beginListStruct()
            w.emptyStruct(1)
            w.endStruct()
        }
        w.endMessage()
        return w.bytes
    }

    static func writeSchemaElement(_ c: ParquetColumn, to w: inout ThriftCompactWriter) {
        w.beginListStruct()
        w.field(1, i32: c.physicalType.thriftValue)
        if case .fixedLenByteArray(let n) = c.physicalType { w.field(2, i32: Int32(n)) }
        w.field(3, i32: c.isOptional ? 1 : 0)
        w.field(4, string: c.name)
        if let converted = convertedType(c) { w.field(6, i32: converted) }
        if case .decimal(let precision, let scale) = c.logicalType {
            w.field(7, i32: Int32(scale))
            w.field(8, i32: Int32(precision))
        }
        if let logical = c.logicalType {
            w.beginStruct(10)
            switch logical {
            case .string: w.emptyStruct(1)
            case .decimal(let precision, let scale):
                w.beginStruct(5)
                w.field(1, i32: Int32(scale))
                w.field(2, i32: Int32(precision))
                w.endStruct()
            case .date: w.emptyStruct(6)
            case .timestampMicros(let utc):
                w.beginStruct(8)
                w.field(1, bool: utc)
                w.beginStruct(2)
                w.emptyStruct(2)
                w.endStruct()
                w.endStruct()
            case .integer(let bits):
                w.beginStruct(10)
                w.field(1, byte: Int8(bits))
                w.field(2, bool: true)
                w.endStruct()
            case .json: w.emptyStruct(12)
            case .uuid: w.emptyStruct(14)
            }
            w.endStruct()
        }
        w.endStruct()
    }

    /// parquet.thrift `ConvertedType`, where the logical type has one. A
    /// local (not UTC-adjusted) timestamp has none: TIMESTAMP_MICROS means
    /// UTC-adjusted, as Arrow writes it too.
    static func convertedType(_ c: ParquetColumn) -> Int32? {
        switch c.logicalType {
        case .string: return 0
        case .decimal: return 5
        case .date: return 6
        case .timestampMicros(let utc): return utc ? 10 : nil
        case .integer(let bits): return [8: 15, 16: 16, 32: 17, 64: 18][bits]
        case .json: return 19
        case .uuid, nil: return nil
        }
    }
}

import Parquet
import SchemaModel

/// One table column as a Parquet column, and how its generated cells
/// become that column's values (docs/design.md has the table).
struct ParquetColumnMapping: Sendable {
    /// What a cell is turned into.
    enum Conversion: Sendable, Equatable {
        /// INT32 (range-checked) or INT64.
        case integer
        /// FLOAT or DOUBLE.
        case floatingPoint
        case boolean
        /// UTF8 text: a cell of any kind as the text the CSV output has.
        case text
        /// Raw bytes (bytea, BLOB).
        case bytes
        /// `YYYY-MM-DD` text as days since the epoch (INT32 DATE).
        case date
        /// Timestamp text as microseconds since the epoch (INT64 TIMESTAMP).
        case timestamp
        /// Decimal text as an integer of the scale's smallest unit, in
        /// INT32, INT64 or big-endian FIXED_LEN_BYTE_ARRAY.
        case decimal(precision: Int, scale: Int)
        /// `8-4-4-4-12` hex text as 16 bytes.
        case uuid
    }

    let parquet: ParquetColumn
    let conversion: Conversion
    /// Decided once, not per cell: INT32 (range-checked), and the width of a
    /// FIXED_LEN_BYTE_ARRAY decimal.
    let isInt32: Bool
    let fixedWidth: Int?

    init(_ column: Column, types: ParquetTypes) {
        let optional = column.isNullable
        func make(_ physical: ParquetColumn.PhysicalType, _ logical: ParquetColumn.LogicalType?, _ conversion: Conversion) -> (ParquetColumn, Conversion) {
            (ParquetColumn(name: column.name, physicalType: physical, logicalType: logical, isOptional: optional), conversion)
        }
        let text = make(.byteArray, .string, .text)
        let mapped: (ParquetColumn, Conversion)
        switch (types, column.type) {
        case (_, .boolean):
            mapped = make(.boolean, nil, .boolean)
        case (.smelt, .integer):
            mapped = make(.int32, nil, .integer)
        case (.smelt, .numeric), (.smelt, .money), (_, .double), (.smelt, .real):
            mapped = make(.double, nil, .floatingPoint)
        case (.smelt, _):
            mapped = text
        case (.logical, .integer(let bytes)):
            switch bytes {
            case 8: mapped = make(.int64, nil, .integer)
            case 4: mapped = make(.int32, nil, .integer)
            default: mapped = make(.int32, .integer(bitWidth: bytes * 8), .integer)
            }
        case (.logical, .real):
            mapped = make(.float, nil, .floatingPoint)
        case (.logical, .numeric(let precision?, let scale)) where precision <= 38:
            let s = scale ?? 0
            let physical: ParquetColumn.PhysicalType = precision <= 9 ? .int32 : precision <= 18 ? .int64
                : .fixedLenByteArray(ParquetColumn.decimalByteWidth(precision: precision))
            mapped = make(physical, .decimal(precision: precision, scale: s), .decimal(precision: precision, scale: s))
        case (.logical, .numeric(nil, _)):
            // Unconstrained numeric has no scale to store: DOUBLE, as DuckDB reads it from PostgreSQL.
            mapped = make(.double, nil, .floatingPoint)
        case (.logical, .money):
            mapped = make(.int64, .decimal(precision: 18, scale: 2), .decimal(precision: 18, scale: 2))
        case (.logical, .date):
            mapped = make(.int32, .date, .date)
        case (.logical, .timestamp(let withTimeZone)):
            mapped = make(.int64, .timestampMicros(adjustedToUTC: withTimeZone), .timestamp)
        case (.logical, .uuid):
            mapped = make(.fixedLenByteArray(16), .uuid, .uuid)
        case (.logical, .json), (.logical, .jsonb):
            mapped = make(.byteArray, .json, .text)
        case (.logical, .bytes):
            mapped = make(.byteArray, nil, .bytes)
        case (.logical, _):
            // numeric beyond 38 digits, time, interval, network, geometric,
            // ranges, arrays, enums…: their text, as the CSV output writes it.
            mapped = text
        }
        (parquet, conversion) = mapped
        isInt32 = parquet.physicalType == .int32
        if case .fixedLenByteArray(let n) = parquet.physicalType { fixedWidth = n } else { fixedWidth = nil }
    }
}

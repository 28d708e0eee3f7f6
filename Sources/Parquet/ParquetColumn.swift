/// One leaf column of a flat Parquet schema: its physical type (how values
/// are stored), its logical type (what they mean to a reader), and whether
/// it may hold NULLs (an OPTIONAL field with definition levels).
package struct ParquetColumn: Sendable, Hashable {
    /// Parquet's physical types (`Type` in parquet.thrift, by raw value).
    package enum PhysicalType: Sendable, Hashable {
        case boolean, int32, int64, float, double, byteArray
        case fixedLenByteArray(Int)

        /// The thrift `Type` enum value.
        var thriftValue: Int32 {
            switch self {
            case .boolean: return 0
            case .int32: return 1
            case .int64: return 2
            case .float: return 4
            case .double: return 5
            case .byteArray: return 6
            case .fixedLenByteArray: return 7
            }
        }

        /// Bytes per value in PLAIN encoding, for fixed-width types.
        var fixedWidth: Int? {
            switch self {
            case .int32, .float: return 4
            case .int64, .double: return 8
            case .fixedLenByteArray(let n): return n
            case .boolean, .byteArray: return nil
            }
        }
    }

    /// The logical types this writer annotates columns with.
    package enum LogicalType: Sendable, Hashable {
        case string
        case json
        case uuid
        case date
        /// Microseconds since the epoch; `adjustedToUTC` for `timestamptz`.
        case timestampMicros(adjustedToUTC: Bool)
        case decimal(precision: Int, scale: Int)
        /// A signed integer narrower than its physical type (`smallint` as INT32).
        case integer(bitWidth: Int)
    }

    package var name: String
    package var physicalType: PhysicalType
    package var logicalType: LogicalType?
    package var isOptional: Bool

    package init(name: String, physicalType: PhysicalType, logicalType: LogicalType? = nil, isOptional: Bool) {
        self.name = name
        self.physicalType = physicalType
        self.logicalType = logicalType
        self.isOptional = isOptional
    }

    /// The order min and max statistics are compared in (parquet.thrift's
    /// `ColumnOrder`): signed for numbers and decimals, unsigned bytes for
    /// strings, JSON and UUIDs.
    var comparesSigned: Bool {
        switch physicalType {
        case .byteArray, .fixedLenByteArray:
            if case .decimal = logicalType { return true }
            return false
        default:
            return true
        }
    }

    /// The smallest FIXED_LEN_BYTE_ARRAY width that holds every decimal of
    /// `precision` digits in two's complement (as Arrow and Spark size them).
    package static func decimalByteWidth(precision: Int) -> Int {
        var bytes = 1
        // The largest value of `bytes` bytes: 2^(8·bytes − 1) − 1 ≥ 10^precision − 1.
        while Double(bytes * 8 - 1) * 0.301029995663981 < Double(precision) { bytes += 1 }
        return bytes
    }
}

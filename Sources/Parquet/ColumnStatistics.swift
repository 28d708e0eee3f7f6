#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Min, max and null count of the values of a page or a column chunk, kept
/// in the column's sort order and written as parquet.thrift's `Statistics`:
/// `min_value`/`max_value` PLAIN-encoded (byte arrays without their length
/// prefix), plus the deprecated `min`/`max` for the numeric types whose old
/// signed order is the same, so older readers prune on them too.
///
/// Integers (INT32, INT64, and decimals stored in them) compare as signed
/// numbers; FLOAT and DOUBLE as numbers with NaN left out, a zero minimum
/// written as -0.0 and a zero maximum as +0.0 (the spec's rule, so readers
/// never prune a zero of the other sign); byte arrays as unsigned bytes,
/// except decimals in FIXED_LEN_BYTE_ARRAY, which are big-endian two's
/// complement and compare signed.
struct ColumnStatistics {
    /// How values of the column compare.
    enum Order {
        case integer, floatingPoint
        case bytes(signed: Bool)

        init(_ column: ParquetColumn) {
            switch column.physicalType {
            case .boolean, .int32, .int64: self = .integer
            case .float, .double: self = .floatingPoint
            case .byteArray, .fixedLenByteArray: self = .bytes(signed: column.comparesSigned)
            }
        }
    }

    let order: Order
    private(set) var nullCount: Int64 = 0
    private(set) var hasValues = false
    private var minInt: Int64 = .max
    private var maxInt: Int64 = .min
    private var minDouble: Double = .infinity
    private var maxDouble: Double = -.infinity
    private var minBytes: [UInt8] = []
    private var maxBytes: [UInt8] = []

    init(order: Order) { self.order = order }

    mutating func reset() { self = ColumnStatistics(order: order) }

    @inline(__always) mutating func addNull() { nullCount += 1 }

    @inline(__always) mutating func add(int v: Int64) {
        if v < minInt { minInt = v }
        if v > maxInt { maxInt = v }
        hasValues = true
    }

    @inline(__always) mutating func add(double v: Double) {
        guard !v.isNaN else { return }
        if v < minDouble || (v == 0 && minDouble == 0 && v.sign == .minus) { minDouble = v }
        if v > maxDouble || (v == 0 && maxDouble == 0 && v.sign == .plus) { maxDouble = v }
        hasValues = true
    }

    @inline(__always) mutating func add(bytes v: UnsafeRawBufferPointer) {
        guard case .bytes(let signed) = order else { return }
        if !hasValues {
            minBytes = Array(v)
            maxBytes = minBytes
            hasValues = true
            return
        }
        if minBytes.withUnsafeBytes({ Self.less(v, $0, signed: signed) }) { minBytes = Array(v) }
        if maxBytes.withUnsafeBytes({ Self.less($0, v, signed: signed) }) { maxBytes = Array(v) }
    }

    /// Folds a page's statistics into the chunk's.
    mutating func merge(_ other: ColumnStatistics) {
        nullCount += other.nullCount
        guard other.hasValues else { return }
        switch order {
        case .integer:
            add(int: other.minInt)
            add(int: other.maxInt)
        case .floatingPoint:
            add(double: other.minDouble)
            add(double: other.maxDouble)
        case .bytes:
            other.minBytes.withUnsafeBytes { add(bytes: $0) }
            other.maxBytes.withUnsafeBytes { add(bytes: $0) }
        }
    }

    /// Byte order: unsigned lexicographic, or (for two's complement
    /// big-endian decimals of one width) with the sign bit of the first byte flipped.
    static func less(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer, signed: Bool) -> Bool {
        let n = min(a.count, b.count)
        guard n > 0 else { return a.count < b.count }
        if signed && a[0] != b[0] { return a[0] ^ 0x80 < b[0] ^ 0x80 }
        let c = memcmp(a.baseAddress!, b.baseAddress!, n)
        return c != 0 ? c < 0 : a.count < b.count
    }

    /// The PLAIN encodings of min and max for `column`, nil without values.
    func encodedBounds(for column: ParquetColumn) -> (min: [UInt8], max: [UInt8])? {
        guard hasValues else { return nil }
        switch column.physicalType {
        case .boolean:
            return ([minInt != 0 ? 1 : 0], [maxInt != 0 ? 1 : 0])
        case .int32:
            return (LittleEndian.bytes(UInt32(truncatingIfNeeded: minInt)), LittleEndian.bytes(UInt32(truncatingIfNeeded: maxInt)))
        case .int64:
            return (LittleEndian.bytes(UInt64(bitPattern: minInt)), LittleEndian.bytes(UInt64(bitPattern: maxInt)))
        case .float:
            return (LittleEndian.bytes(Float(Self.signedZero(minDouble, .minus)).bitPattern), LittleEndian.bytes(Float(Self.signedZero(maxDouble, .plus)).bitPattern))
        case .double:
            return (LittleEndian.bytes(Self.signedZero(minDouble, .minus).bitPattern), LittleEndian.bytes(Self.signedZero(maxDouble, .plus).bitPattern))
        case .byteArray, .fixedLenByteArray:
            return (minBytes, maxBytes)
        }
    }

    /// parquet.thrift `Statistics` as a struct field `id` of the writer.
    func write(_ id: Int16, for column: ParquetColumn, to w: inout ThriftCompactWriter) {
        w.beginStruct(id)
        let bounds = encodedBounds(for: column)
        let legacy: Bool
        switch column.physicalType {
        case .byteArray, .fixedLenByteArray: legacy = false
        default: legacy = true
        }
        if let bounds, legacy {
            w.field(1, binary: bounds.max)
            w.field(2, binary: bounds.min)
        }
        w.field(3, i64: nullCount)
        if let bounds {
            w.field(5, binary: bounds.max)
            w.field(6, binary: bounds.min)
        }
        w.endStruct()
    }

    static func signedZero(_ v: Double, _ sign: FloatingPointSign) -> Double {
        v == 0 ? (sign == .minus ? -0.0 : 0.0) : v
    }
}

/// The values of one column in the current row group: appended one by one,
/// cut into data pages (v1) as they fill, each page encoded (definition
/// levels, then PLAIN values or dictionary indices), compressed and kept
/// until the row group ends, when `finish` writes the chunk: its dictionary
/// page first, then its data pages. At most one row group's pages are held.
///
/// Appends are not checked against the physical type beyond assertions:
/// `ParquetFileWriter`'s caller converts its values once per column.
package final class ColumnChunkWriter {
    package let column: ParquetColumn
    let options: ParquetWriterOptions
    private let compressor: ZstdCompressor?

    // The current page.
    private var levels: [UInt8] = []
    private var plain: [UInt8] = []
    private var indices: [UInt32] = []
    private var pageValues = 0
    private var pageStatistics: ColumnStatistics
    private var pendingBits: UInt8 = 0
    private var pendingBitCount = 0

    // The current chunk.
    private var dictionary: ValueDictionary?
    /// Appending into the dictionary (until it grows too large or does not pay).
    private var dictionaryActive: Bool
    private var pagesUseDictionary = false
    private var pages: [UInt8] = []
    private var pageCount = 0
    private var chunkStatistics: ColumnStatistics
    private var chunkValues: Int64 = 0
    private var dataUncompressedBytes: Int64 = 0
    private var encodings: Set<Int32> = [Encoding.rle]

    init(column: ParquetColumn, options: ParquetWriterOptions, compressor: ZstdCompressor?) {
        self.column = column
        self.options = options
        self.compressor = compressor
        let order = ColumnStatistics.Order(column)
        pageStatistics = ColumnStatistics(order: order)
        chunkStatistics = ColumnStatistics(order: order)
        dictionaryActive = options.dictionary && column.physicalType != .boolean
        if dictionaryActive { dictionary = ValueDictionary(physicalType: column.physicalType) }
    }

    /// Bytes held for the row group so far (finished pages, the open page, the dictionary).
    var bufferedBytes: Int { pages.count + plain.count + indices.count * 4 + levels.count + (dictionary?.plainSize ?? 0) }

    // MARK: Appending

    /// A NULL (the column must be optional).
    @inline(__always)
    package func appendNull() throws {
        assert(column.isOptional, "NULL in the required column \(column.name)")
        levels.append(0)
        pageValues += 1
        pageStatistics.addNull()
        try endValue()
    }

    /// An INT32 or INT64 value (BOOLEAN columns take `append(bool:)`).
    @inline(__always)
    package func append(int value: Int64) throws {
        if column.isOptional { levels.append(1) }
        pageValues += 1
        pageStatistics.add(int: value)
        if dictionaryActive {
            indices.append(dictionary!.index(ofBits: UInt64(bitPattern: value)))
        } else if column.physicalType == .int32 {
            LittleEndian.append(UInt32(truncatingIfNeeded: value), to: &plain)
        } else {
            LittleEndian.append(UInt64(bitPattern: value), to: &plain)
        }
        try endValue()
    }

    /// A FLOAT or DOUBLE value.
    @inline(__always)
    package func append(double value: Double) throws {
        if column.isOptional { levels.append(1) }
        pageValues += 1
        pageStatistics.add(double: value)
        let bits: UInt64 = column.physicalType == .float ? UInt64(Float(value).bitPattern) : value.bitPattern
        if dictionaryActive {
            indices.append(dictionary!.index(ofBits: bits))
        } else if column.physicalType == .float {
            LittleEndian.append(UInt32(truncatingIfNeeded: bits), to: &plain)
        } else {
            LittleEndian.append(bits, to: &plain)
        }
        try endValue()
    }

    @inline(__always)
    package func append(bool value: Bool) throws {
        if column.isOptional { levels.append(1) }
        pageValues += 1
        pageStatistics.add(int: value ? 1 : 0)
        if value { pendingBits |= 1 << pendingBitCount }
        pendingBitCount += 1
        if pendingBitCount == 8 {
            plain.append(pendingBits)
            pendingBits = 0
            pendingBitCount = 0
        }
        try endValue()
    }

    /// A BYTE_ARRAY value, or a FIXED_LEN_BYTE_ARRAY one of the column's width.
    @inline(__always)
    package func append(bytes value: UnsafeRawBufferPointer) throws {
        assert(column.physicalType.fixedWidth == nil || column.physicalType.fixedWidth == value.count, "\(value.count) bytes for \(column.name)")
        if column.isOptional { levels.append(1) }
        pageValues += 1
        pageStatistics.add(bytes: value)
        if dictionaryActive {
            indices.append(dictionary!.index(ofBytes: value))
        } else {
            if column.physicalType == .byteArray { LittleEndian.append(UInt32(value.count), to: &plain) }
            plain.append(contentsOf: value)
        }
        try endValue()
    }

    @inline(__always)
    private func endValue() throws {
        if pageValues >= options.pageValues || plain.count >= options.pageBytes
            || (dictionaryActive && dictionary!.plainSize > options.dictionaryPageBytes) {
            try flushPage()
        }
    }

    // MARK: Pages

    /// Encodes, compresses and keeps the open page; decides whether the
    /// dictionary goes on.
    private func flushPage() throws {
        guard pageValues > 0 else { return }
        var body: [UInt8] = []
        body.reserveCapacity(plain.count + indices.count * 2 + levels.count / 4 + 16)
        if column.isOptional {
            var encoded: [UInt8] = []
            levels.withUnsafeBufferPointer { RLEHybridEncoder.encode($0, bitWidth: 1, into: &encoded) }
            LittleEndian.append(UInt32(encoded.count), to: &body)
            body.append(contentsOf: encoded)
        }
        let nonNull = pageValues - Int(pageStatistics.nullCount)
        let encoding: Int32
        if dictionaryActive {
            let width = max(1, RLEHybridEncoder.bitWidth(forMaximum: UInt64(max(0, dictionary!.count - 1))))
            body.append(UInt8(width))
            indices.withUnsafeBufferPointer { RLEHybridEncoder.encode($0, bitWidth: width, into: &body) }
            encoding = Encoding.rleDictionary
            pagesUseDictionary = true
        } else {
            if pendingBitCount > 0 { plain.append(pendingBits) }
            body.append(contentsOf: plain)
            encoding = Encoding.plain
        }
        let stored = try compressor?.compress(body) ?? body

        var header = ThriftCompactWriter()
        header.field(1, i32: PageType.data)
        header.field(2, i32: Int32(body.count))
        header.field(3, i32: Int32(stored.count))
        header.beginStruct(5)
        header.field(1, i32: Int32(pageValues))
        header.field(2, i32: encoding)
        header.field(3, i32: Encoding.rle)
        header.field(4, i32: Encoding.rle)
        pageStatistics.write(5, for: column, to: &header)
        header.endStruct()
        header.endMessage()
        pages.append(contentsOf: header.bytes)
        pages.append(contentsOf: stored)
        dataUncompressedBytes += Int64(header.bytes.count + body.count)
        pageCount += 1
        encodings.insert(encoding)
        chunkStatistics.merge(pageStatistics)
        chunkValues += Int64(pageValues)

        if dictionaryActive {
            let tooLarge = dictionary!.plainSize > options.dictionaryPageBytes
            let doesNotPay = pageCount == 1 && dictionary!.count * 2 > nonNull
            if tooLarge || doesNotPay { dictionaryActive = false }
        }
        levels.removeAll(keepingCapacity: true)
        plain.removeAll(keepingCapacity: true)
        indices.removeAll(keepingCapacity: true)
        pendingBits = 0
        pendingBitCount = 0
        pageValues = 0
        pageStatistics.reset()
    }

    /// Writes the chunk (dictionary page, data pages) at `offset` and starts
    /// the next one; returns its metadata for the footer. Call only when
    /// the row group holds at least one row.
    func finish(to output: ParquetOutput, at offset: Int64) throws -> ColumnChunkMetadata {
        try flushPage()
        var dictionaryPage: [UInt8] = []
        var dictionaryUncompressed = 0
        if pagesUseDictionary, let dictionary {
            let body = dictionary.plainEncoded()
            let stored = try compressor?.compress(body) ?? body
            var header = ThriftCompactWriter()
            header.field(1, i32: PageType.dictionary)
            header.field(2, i32: Int32(body.count))
            header.field(3, i32: Int32(stored.count))
            header.beginStruct(7)
            header.field(1, i32: Int32(dictionary.count))
            header.field(2, i32: Encoding.plain)
            header.endStruct()
            header.endMessage()
            dictionaryPage = header.bytes + stored
            dictionaryUncompressed = header.bytes.count + body.count
            encodings.insert(Encoding.plain)
        }
        try output.write(dictionaryPage)
        try output.write(pages)
        let metadata = ColumnChunkMetadata(
            column: column,
            codec: options.compression,
            encodings: encodings.sorted(),
            valueCount: chunkValues,
            uncompressedBytes: dataUncompressedBytes + Int64(dictionaryUncompressed),
            compressedBytes: Int64(dictionaryPage.count + pages.count),
            dataPageOffset: offset + Int64(dictionaryPage.count),
            dictionaryPageOffset: pagesUseDictionary ? offset : nil,
            statistics: chunkStatistics)
        startChunk()
        return metadata
    }

    private func startChunk() {
        dictionaryActive = options.dictionary && column.physicalType != .boolean
        dictionary = dictionaryActive ? ValueDictionary(physicalType: column.physicalType) : nil
        pagesUseDictionary = false
        pages.removeAll(keepingCapacity: true)
        pageCount = 0
        chunkStatistics.reset()
        chunkValues = 0
        dataUncompressedBytes = 0
        encodings = [Encoding.rle]
    }
}

/// parquet.thrift's `Encoding` values this writer uses.
enum Encoding {
    static let plain: Int32 = 0
    static let rle: Int32 = 3
    static let rleDictionary: Int32 = 8
}

/// parquet.thrift's `PageType` values this writer uses.
enum PageType {
    static let data: Int32 = 0
    static let dictionary: Int32 = 2
}

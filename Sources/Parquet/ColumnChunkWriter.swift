/// The values of one column in the current row group: written slice by
/// slice, cut into data pages (v1) as they fill, each page encoded
/// (definition levels, then PLAIN values or dictionary indices), compressed
/// and kept until the row group ends, when `finish` writes the chunk: its
/// dictionary page first, then its data pages. At most one row group's
/// pages are held.
package final class ColumnChunkWriter {
    package let column: ParquetColumn
    private let compressor: ZstdCompressor?
    private var encoder: ColumnChunkEncoder

    init(column: ParquetColumn, options: ParquetWriterOptions, compressor: ZstdCompressor?) {
        self.column = column
        self.compressor = compressor
        encoder = ColumnChunkEncoder(column: column, options: options)
    }

    /// Bytes held for the row group so far (finished pages, the open page, the dictionary).
    var bufferedBytes: Int { encoder.bufferedBytes }

    /// Appends a slice of values: one mutating call, so the per-value work
    /// runs on the encoder in place, without a class access per value.
    /// `external` holds the byte arrays the slice refers to by offset.
    package func write(_ slice: ColumnSlice, external: UnsafeRawBufferPointer = UnsafeRawBufferPointer(start: nil, count: 0)) throws {
        try encoder.write(slice, external: external, compressor: compressor)
    }

    /// Writes the chunk (dictionary page, data pages) at `offset` and starts
    /// the next one; returns its metadata for the footer. Call only when
    /// the row group holds at least one row.
    func finish(to output: ParquetOutput, at offset: Int64) throws -> ColumnChunkMetadata {
        try encoder.finish(to: output, at: offset, compressor: compressor)
    }
}

/// The state of one column chunk and the page being filled, as a value
/// type so its hot loops mutate it in place.
struct ColumnChunkEncoder {
    /// The physical type, without payload: compared once per value.
    enum Kind { case int32, int64, float, double, boolean, byteArray, fixedLength }

    let column: ParquetColumn
    let options: ParquetWriterOptions
    let kind: Kind
    let isOptional: Bool

    // The current page.
    private var levels: [UInt8] = []
    private var plain: [UInt8] = []
    private var indices: [UInt32] = []
    private var pageValues = 0
    private var pageStatistics: ColumnStatistics
    private var pendingBits: UInt8 = 0
    private var pendingBitCount = 0

    // The current chunk.
    private var dictionary: ValueDictionary
    /// Appending into the dictionary (until it grows too large or does not pay).
    private var dictionaryActive: Bool
    private var pagesUseDictionary = false
    private var pages: [UInt8] = []
    private var pageCount = 0
    private var chunkStatistics: ColumnStatistics
    private var chunkValues: Int64 = 0
    private var dataUncompressedBytes: Int64 = 0
    private var encodings: Set<Int32> = [Encoding.rle]

    init(column: ParquetColumn, options: ParquetWriterOptions) {
        self.column = column
        self.options = options
        switch column.physicalType {
        case .int32: kind = .int32
        case .int64: kind = .int64
        case .float: kind = .float
        case .double: kind = .double
        case .boolean: kind = .boolean
        case .byteArray: kind = .byteArray
        case .fixedLenByteArray: kind = .fixedLength
        }
        isOptional = column.isOptional
        let order = ColumnStatistics.Order(column)
        pageStatistics = ColumnStatistics(order: order)
        chunkStatistics = ColumnStatistics(order: order)
        dictionaryActive = options.dictionary && kind != .boolean
        dictionary = ValueDictionary(physicalType: column.physicalType)
    }

    var bufferedBytes: Int { pages.count + plain.count + indices.count * 4 + levels.count + dictionary.plainSize }

    // MARK: Values

    /// Values before a chunk's first page may be cut short to decide
    /// whether its dictionary pays: a unique column (keys, emails,
    /// timestamps) shows itself within this many values.
    static let dictionaryProbe = 1024

    mutating func write(_ slice: ColumnSlice, external: UnsafeRawBufferPointer, compressor: ZstdCompressor?) throws {
        var v = 0
        try slice.levels.withUnsafeBufferPointer { levels in
            try slice.bytes.withUnsafeBytes { owned in
                for row in 0..<slice.count {
                    if levels[row] == 0 {
                        precondition(isOptional, "NULL in the required column \(column.name)")
                        self.levels.append(0)
                        pageValues += 1
                        pageStatistics.addNull()
                    } else {
                        if isOptional { self.levels.append(1) }
                        pageValues += 1
                        switch kind {
                        case .int32, .int64: append(int: slice.ints[v])
                        case .boolean: append(bool: slice.ints[v] != 0)
                        case .float, .double: append(double: slice.doubles[v])
                        case .byteArray, .fixedLength:
                            let start = slice.starts[v]
                            let value = start >= 0
                                ? UnsafeRawBufferPointer(rebasing: external[start..<start + slice.lengths[v]])
                                : UnsafeRawBufferPointer(rebasing: owned[(-1 - start)..<(-1 - start) + slice.lengths[v]])
                            append(bytes: value)
                        }
                        v += 1
                    }
                    if pageValues >= options.pageValues || plain.count >= options.pageBytes
                        || (dictionaryActive && (dictionary.plainSize > options.dictionaryPageBytes
                            || (pageCount == 0 && pageValues == Self.dictionaryProbe && !dictionaryPays))) {
                        try flushPage(compressor: compressor)
                    }
                }
            }
        }
    }

    /// At most half of the open page's values are distinct.
    private var dictionaryPays: Bool {
        dictionary.count * 2 <= pageValues - Int(pageStatistics.nullCount)
    }

    @inline(__always)
    private mutating func append(int value: Int64) {
        pageStatistics.add(int: value)
        if dictionaryActive {
            indices.append(dictionary.index(ofBits: UInt64(bitPattern: value)))
        } else if kind == .int32 {
            LittleEndian.append(UInt32(truncatingIfNeeded: value), to: &plain)
        } else {
            LittleEndian.append(UInt64(bitPattern: value), to: &plain)
        }
    }

    @inline(__always)
    private mutating func append(double value: Double) {
        pageStatistics.add(double: value)
        let bits: UInt64 = kind == .float ? UInt64(Float(value).bitPattern) : value.bitPattern
        if dictionaryActive {
            indices.append(dictionary.index(ofBits: bits))
        } else if kind == .float {
            LittleEndian.append(UInt32(truncatingIfNeeded: bits), to: &plain)
        } else {
            LittleEndian.append(bits, to: &plain)
        }
    }

    @inline(__always)
    private mutating func append(bool value: Bool) {
        pageStatistics.add(int: value ? 1 : 0)
        if value { pendingBits |= 1 << pendingBitCount }
        pendingBitCount += 1
        if pendingBitCount == 8 {
            plain.append(pendingBits)
            pendingBits = 0
            pendingBitCount = 0
        }
    }

    @inline(__always)
    private mutating func append(bytes value: UnsafeRawBufferPointer) {
        assert(kind == .byteArray || column.physicalType.fixedWidth == value.count, "\(value.count) bytes for \(column.name)")
        pageStatistics.add(bytes: value)
        if dictionaryActive {
            indices.append(dictionary.index(ofBytes: value))
        } else {
            if kind == .byteArray { LittleEndian.append(UInt32(value.count), to: &plain) }
            plain.append(contentsOf: value)
        }
    }

    // MARK: Pages

    /// Encodes, compresses and keeps the open page; decides whether the
    /// dictionary goes on.
    private mutating func flushPage(compressor: ZstdCompressor?) throws {
        guard pageValues > 0 else { return }
        var body: [UInt8] = []
        body.reserveCapacity(plain.count + indices.count * 2 + levels.count / 4 + 16)
        if isOptional {
            var encoded: [UInt8] = []
            levels.withUnsafeBufferPointer { RLEHybridEncoder.encode($0, bitWidth: 1, into: &encoded) }
            LittleEndian.append(UInt32(encoded.count), to: &body)
            body.append(contentsOf: encoded)
        }
        let pays = dictionaryPays
        let encoding: Int32
        if dictionaryActive {
            let width = max(1, RLEHybridEncoder.bitWidth(forMaximum: UInt64(max(0, dictionary.count - 1))))
            body.append(UInt8(width))
            indices.withUnsafeBufferPointer { RLEHybridEncoder.encode($0, bitWidth: width, into: &body) }
            encoding = Encoding.rleDictionary
            pagesUseDictionary = true
        } else {
            if pendingBitCount > 0 { plain.append(pendingBits) }
            body.append(contentsOf: plain)
            encoding = Encoding.plain
        }
        let (values, statistics) = (pageValues, pageStatistics)
        let page = try Self.page(PageType.data, body: body, compressor: compressor) { header in
            header.beginStruct(5)
            header.field(1, i32: Int32(values))
            header.field(2, i32: encoding)
            header.field(3, i32: Encoding.rle)
            header.field(4, i32: Encoding.rle)
            statistics.write(5, for: column, to: &header)
            header.endStruct()
        }
        pages.append(contentsOf: page.bytes)
        dataUncompressedBytes += Int64(page.uncompressedSize)
        pageCount += 1
        encodings.insert(encoding)
        chunkStatistics.merge(pageStatistics)
        chunkValues += Int64(pageValues)

        if dictionaryActive {
            let tooLarge = dictionary.plainSize > options.dictionaryPageBytes
            if tooLarge || (pageCount == 1 && !pays) { dictionaryActive = false }
        }
        levels.removeAll(keepingCapacity: true)
        plain.removeAll(keepingCapacity: true)
        indices.removeAll(keepingCapacity: true)
        pendingBits = 0
        pendingBitCount = 0
        pageValues = 0
        pageStatistics.reset()
    }

    /// A page as written: its `PageHeader` (type, sizes, then what `detail`
    /// adds: the data or dictionary page header) and its compressed body;
    /// the uncompressed size counts the header, as the spec's totals do.
    static func page(_ type: Int32, body: [UInt8], compressor: ZstdCompressor?,
                     detail: (inout ThriftCompactWriter) -> Void) throws -> (bytes: [UInt8], uncompressedSize: Int) {
        let stored = try compressor?.compress(body) ?? body
        var header = ThriftCompactWriter()
        header.field(1, i32: type)
        header.field(2, i32: Int32(body.count))
        header.field(3, i32: Int32(stored.count))
        detail(&header)
        header.endMessage()
        return (header.bytes + stored, header.bytes.count + body.count)
    }

    /// Writes the chunk and resets for the next row group.
    mutating func finish(to output: ParquetOutput, at offset: Int64, compressor: ZstdCompressor?) throws -> ColumnChunkMetadata {
        try flushPage(compressor: compressor)
        var dictionaryPage: [UInt8] = []
        var dictionaryUncompressed = 0
        if pagesUseDictionary {
            let entries = dictionary.count
            let page = try Self.page(PageType.dictionary, body: dictionary.plainEncoded(), compressor: compressor) { header in
                header.beginStruct(7)
                header.field(1, i32: Int32(entries))
                header.field(2, i32: Encoding.plain)
                header.endStruct()
            }
            dictionaryPage = page.bytes
            dictionaryUncompressed = page.uncompressedSize
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
        dictionaryActive = options.dictionary && kind != .boolean
        dictionary = ValueDictionary(physicalType: column.physicalType)
        pagesUseDictionary = false
        pages.removeAll(keepingCapacity: true)
        pageCount = 0
        chunkStatistics.reset()
        chunkValues = 0
        dataUncompressedBytes = 0
        encodings = [Encoding.rle]
        return metadata
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

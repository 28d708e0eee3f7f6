import Foundation
import Testing
import TestSupport
@testable import Parquet

/// Files written by `ParquetFileWriter`, read back by pyarrow and DuckDB:
/// every physical and logical type, NULLs, dictionary and PLAIN pages,
/// statistics, several row groups, zstd and no compression, no rows.
@Suite(.enabled(if: PythonReaders.enabled, "needs pyarrow and duckdb: scripts/install-deps.sh --test"))
struct ParquetFileWriterTests {
    /// Collects the file in memory; the test writes it out whole.
    final class Bytes: ParquetOutput {
        var data: [UInt8] = []
        func write(_ bytes: [UInt8]) throws { data += bytes }
    }

    static let columns: [ParquetColumn] = [
        ParquetColumn(name: "id", physicalType: .int32, isOptional: false),
        ParquetColumn(name: "big", physicalType: .int64, isOptional: true),
        ParquetColumn(name: "small", physicalType: .int32, logicalType: .integer(bitWidth: 16), isOptional: false),
        ParquetColumn(name: "price", physicalType: .double, isOptional: false),
        ParquetColumn(name: "ratio", physicalType: .float, isOptional: false),
        ParquetColumn(name: "flag", physicalType: .boolean, isOptional: true),
        ParquetColumn(name: "status", physicalType: .byteArray, logicalType: .string, isOptional: false),
        ParquetColumn(name: "email", physicalType: .byteArray, logicalType: .string, isOptional: false),
        ParquetColumn(name: "day", physicalType: .int32, logicalType: .date, isOptional: false),
        ParquetColumn(name: "at", physicalType: .int64, logicalType: .timestampMicros(adjustedToUTC: true), isOptional: false),
        ParquetColumn(name: "local", physicalType: .int64, logicalType: .timestampMicros(adjustedToUTC: false), isOptional: true),
        ParquetColumn(name: "amount", physicalType: .int32, logicalType: .decimal(precision: 9, scale: 2), isOptional: false),
        ParquetColumn(name: "total", physicalType: .int64, logicalType: .decimal(precision: 18, scale: 4), isOptional: false),
        ParquetColumn(name: "huge", physicalType: .fixedLenByteArray(16), logicalType: .decimal(precision: 38, scale: 6), isOptional: false),
        ParquetColumn(name: "ref", physicalType: .fixedLenByteArray(16), logicalType: .uuid, isOptional: false),
        ParquetColumn(name: "doc", physicalType: .byteArray, logicalType: .json, isOptional: true),
    ]

    static let statuses = ["new", "paid", "shipped", "ünïcode"]

    /// Row `i`'s values as pyarrow prints them (see scripts/parquet-describe.py), nil for NULL.
    static func expected(_ i: Int) -> [String?] {
        [
            String(i - 1000),
            i % 7 == 0 ? nil : String(Int64(i) * 1_000_000_007 - 1_000_000_000_000),
            String(i % 300 - 150),
            (Double(i) / 8 - 100).description,
            Double(Float(i % 50) / 4).description,
            i % 5 == 0 ? nil : (i % 3 == 0 ? "true" : "false"),
            statuses[i % 4],
            "user\(i)@example.com",
            String(19_000 + i % 400),
            String(1_700_000_000_000_000 + Int64(i) * 1_234_567),
            i % 13 == 0 ? nil : String(1_600_000_000_000_000 - Int64(i) * 1_000_001),
            decimalText(Int128(i * 37 - 5000), scale: 2),
            decimalText(Int128(i) * 123_456_789 - 10_000_000_000, scale: 4),
            decimalText(hugeUnits(i), scale: 6),
            uuidBytes(i).map { hex($0) }.joined(),
            i % 11 == 0 ? nil : "{\"i\":\(i)}",
        ]
    }

    static func hugeUnits(_ i: Int) -> Int128 { Int128(i) * 10_000_000_000_000_000_000_000_000 - 12_345_678_901_234_567_890_123_456_789 }

    static func uuidBytes(_ i: Int) -> [UInt8] {
        (0..<16).map { UInt8(truncatingIfNeeded: (i &* 2_654_435_761) >> ($0 % 4 * 8) ^ $0 * 17) }
    }

    static func hex(_ b: UInt8) -> String { String(b >> 4, radix: 16) + String(b & 15, radix: 16) }

    static func decimalText(_ units: Int128, scale: Int) -> String {
        let negative = units < 0
        var digits = String(units.magnitude)
        if digits.count <= scale { digits = String(repeating: "0", count: scale - digits.count + 1) + digits }
        digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -scale))
        return (negative ? "-" : "") + digits
    }

    static func bigEndian(_ v: Int128) -> [UInt8] {
        (0..<16).map { UInt8(truncatingIfNeeded: v >> ((15 - $0) * 8)) }
    }

    /// Row `r`'s value of column `c`, as the columns above are defined.
    static func append(column c: Int, row r: Int, to s: inout ColumnSlice) {
        switch c {
        case 0: s.append(int: Int64(r - 1000))
        case 1: if r % 7 == 0 { s.appendNull() } else { s.append(int: Int64(r) * 1_000_000_007 - 1_000_000_000_000) }
        case 2: s.append(int: Int64(r % 300 - 150))
        case 3: s.append(double: Double(r) / 8 - 100)
        case 4: s.append(double: Double(Float(r % 50) / 4))
        case 5: if r % 5 == 0 { s.appendNull() } else { s.append(bool: r % 3 == 0) }
        case 6: Array(statuses[r % 4].utf8).withUnsafeBytes { s.append(bytes: $0) }
        case 7: Array("user\(r)@example.com".utf8).withUnsafeBytes { s.append(bytes: $0) }
        case 8: s.append(int: Int64(19_000 + r % 400))
        case 9: s.append(int: 1_700_000_000_000_000 + Int64(r) * 1_234_567)
        case 10: if r % 13 == 0 { s.appendNull() } else { s.append(int: 1_600_000_000_000_000 - Int64(r) * 1_000_001) }
        case 11: s.append(int: Int64(r * 37 - 5000))
        case 12: s.append(int: Int64(r) * 123_456_789 - 10_000_000_000)
        case 13: bigEndian(hugeUnits(r)).withUnsafeBytes { s.append(bytes: $0) }
        case 14: uuidBytes(r).withUnsafeBytes { s.append(bytes: $0) }
        default: if r % 11 == 0 { s.appendNull() } else { Array("{\"i\":\(r)}".utf8).withUnsafeBytes { s.append(bytes: $0) } }
        }
    }

    /// Writes `rows` rows of the columns above to a temporary file.
    static func write(rows: Int, options: ParquetWriterOptions) throws -> String {
        let out = Bytes()
        let writer = try ParquetFileWriter(output: out, columns: columns, options: options)
        var i = 0
        while i < rows {
            // Rows in uneven slices, as a sink hands them over, never past a row group's end.
            let n = min(rows - i, 333, writer.rowsLeftInRowGroup)
            for (c, column) in writer.columns.enumerated() {
                var slice = ColumnSlice()
                for r in i..<i + n { append(column: c, row: r, to: &slice) }
                try column.write(slice)
            }
            try writer.endRows(n)
            i += n
        }
        try writer.close()
        let path = try TestEnvironment.temporaryDirectory().appendingPathComponent("t.parquet").path
        try Data(out.data).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func everyTypeReadsBackWithItsValuesSchemaAndStatistics() throws {
        var options = ParquetWriterOptions()
        options.rowGroupRows = 1000
        options.pageValues = 128
        let path = try Self.write(rows: 2500, options: options)
        let d = try ParquetDescription.of(path)
        #expect(d.num_rows == 2500)
        #expect(d.created_by == "dbsynth")
        #expect(d.row_groups.map(\.rows) == [1000, 1000, 500])
        #expect(d.arrow.map(\.type) == [
            "int32", "int64", "int16", "double", "float", "bool", "string", "string", "date32[day]",
            "timestamp[us, tz=UTC]", "timestamp[us]", "decimal128(9, 2)", "decimal128(18, 4)", "decimal128(38, 6)",
            "extension<arrow.uuid>", "extension<arrow.json>",
        ] || d.arrow.map(\.type) == [
            "int32", "int64", "int16", "double", "float", "bool", "string", "string", "date32[day]",
            "timestamp[us, tz=UTC]", "timestamp[us]", "decimal128(9, 2)", "decimal128(18, 4)", "decimal128(38, 6)",
            "fixed_size_binary[16]", "string",
        ], "\(d.arrow.map(\.type))")
        #expect(d.arrow.map(\.nullable) == Self.columns.map(\.isOptional))
        #expect(d.parquet.map(\.physical) == [
            "INT32", "INT64", "INT32", "DOUBLE", "FLOAT", "BOOLEAN", "BYTE_ARRAY", "BYTE_ARRAY", "INT32",
            "INT64", "INT64", "INT32", "INT64", "FIXED_LEN_BYTE_ARRAY", "FIXED_LEN_BYTE_ARRAY", "BYTE_ARRAY",
        ])
        // Converted types for readers older than logical types; none for a
        // local timestamp (TIMESTAMP_MICROS means UTC) or a UUID.
        #expect(d.parquet.map(\.converted) == [
            "NONE", "NONE", "INT_16", "NONE", "NONE", "NONE", "UTF8", "UTF8", "DATE",
            "TIMESTAMP_MICROS", "NONE", "DECIMAL", "DECIMAL", "DECIMAL", "NONE", "JSON",
        ])
        #expect(d.parquet.map(\.max_definition_level) == Self.columns.map { $0.isOptional ? 1 : 0 })
        #expect(d.parquet[10].logical.contains("isAdjustedToUTC=false") && d.parquet[9].logical.contains("isAdjustedToUTC=true"))

        let rows = try #require(d.rows)
        #expect(rows.count == 2500)
        for i in [0, 1, 7, 13, 127, 128, 999, 1000, 1001, 2222, 2499] {
            #expect(rows[i] == Self.expected(i), "row \(i)")
        }
        #expect(rows == (0..<2500).map(Self.expected), "every value of every row")

        // Statistics of the second row group (rows 1000…1999), in each type's order.
        let chunks = d.row_groups[1].columns
        let range = 1000..<2000
        func values(_ c: Int) -> [String] { range.compactMap { Self.expected($0)[c] } }
        #expect(chunks[0].min == "0" && chunks[0].max == "999", "signed INT32: -1000 + i")
        #expect(chunks[1].nulls == range.filter { $0 % 7 == 0 }.count)
        #expect(chunks[1].values == 1000, "num_values counts the NULLs")
        #expect(chunks[2].min == "-150" && chunks[2].max == "149")
        #expect(chunks[3].min == "25.0" && chunks[3].max == "149.875")
        #expect(chunks[5].min == "false" && chunks[5].max == "true" && chunks[5].nulls == 200)
        #expect(chunks[6].min == "new" && chunks[6].max == "ünïcode", "strings by unsigned bytes: ü (0xC3) after s")
        #expect(chunks[7].min == values(7).min() && chunks[7].max == values(7).max())
        #expect(chunks[11].min == Self.decimalText(Int128(1000 * 37 - 5000), scale: 2) && chunks[11].max == Self.decimalText(Int128(1999 * 37 - 5000), scale: 2))
        #expect(chunks[13].min == Self.decimalText(Self.hugeUnits(1000), scale: 6), "FLBA decimals compare as signed numbers")
        let firstChunks = d.row_groups[0].columns
        #expect(firstChunks[13].min == Self.decimalText(Self.hugeUnits(0), scale: 6) && firstChunks[13].min!.hasPrefix("-"))
        #expect(firstChunks[13].max == Self.decimalText(Self.hugeUnits(999), scale: 6))
        #expect(chunks[15].nulls == range.filter { $0 % 11 == 0 }.count)

        // Low-cardinality columns are dictionary-encoded, unique ones fall back to PLAIN.
        #expect(chunks[6].dictionary && chunks[6].encodings.contains("RLE_DICTIONARY"))
        #expect(chunks[5].encodings.contains("PLAIN") && !chunks[5].dictionary, "booleans are never dictionary-encoded")
        #expect(chunks[7].encodings.contains("PLAIN"))
        #expect(chunks.allSatisfy { $0.compression == "ZSTD" })

        // DuckDB reads the same file: counts, sums, NULLs, typed comparisons.
        let q = try PythonReaders.duckdb("""
            SELECT count(*), sum(id), count(big), sum(amount), count(*) FILTER (WHERE flag), min(day), max("at"),
                   typeof(any_value(huge)), sum(huge), count(DISTINCT ref), count(doc)
            FROM read_parquet('\(path)')
            """)
        let sumAmount = (0..<2500).reduce(Int128(0)) { $0 + Int128($1 * 37 - 5000) }
        let sumHuge = (0..<2500).reduce(Int128(0)) { $0 + Self.hugeUnits($1) }
        #expect(q.first?[0] == "2500")
        #expect(q.first?[1] == String((0..<2500).reduce(0) { $0 + $1 - 1000 }))
        #expect(q.first?[2] == String((0..<2500).filter { $0 % 7 != 0 }.count))
        #expect(q.first?[3] == Self.decimalText(sumAmount, scale: 2))
        #expect(q.first?[4] == String((0..<2500).filter { $0 % 5 != 0 && $0 % 3 == 0 }.count))
        #expect(q.first?[5] == "2022-01-08", "day 19000 is 2022-01-08")
        #expect(q.first?[7] == "DECIMAL(38,6)")
        #expect(q.first?[8] == Self.decimalText(sumHuge, scale: 6))
        #expect(q.first?[9] == "2500")
        #expect(q.first?[10] == String((0..<2500).filter { $0 % 11 != 0 }.count))
    }

    @Test func uncompressedAndWithoutDictionaryReadTheSame() throws {
        var options = ParquetWriterOptions()
        options.compression = .none
        options.dictionary = false
        let path = try Self.write(rows: 300, options: options)
        let d = try ParquetDescription.of(path)
        #expect(d.row_groups.count == 1)
        #expect(d.row_groups[0].columns.allSatisfy { $0.compression == "UNCOMPRESSED" && !$0.dictionary })
        #expect(d.rows == (0..<300).map(Self.expected))
    }

    @Test func aFileWithoutRowsHasTheSchemaAndNoRowGroups() throws {
        let path = try Self.write(rows: 0, options: ParquetWriterOptions())
        let d = try ParquetDescription.of(path)
        #expect(d.num_rows == 0 && d.row_groups.isEmpty)
        #expect(d.arrow.map(\.name) == Self.columns.map(\.name))
        #expect(try PythonReaders.duckdb("SELECT count(*) FROM read_parquet('\(path)')") == [["0"]])
    }

    @Test func aChunkFallsBackFromItsDictionaryToPlainMidChunk() throws {
        // A tiny dictionary limit: the first pages of "email" are
        // dictionary-encoded, the rest PLAIN, in one chunk.
        var options = ParquetWriterOptions()
        options.dictionaryPageBytes = 2_000
        options.pageValues = 50
        let path = try Self.write(rows: 1000, options: options)
        let d = try ParquetDescription.of(path)
        let email = d.row_groups[0].columns[7]
        #expect(email.dictionary && email.encodings.contains("PLAIN") && email.encodings.contains("RLE_DICTIONARY"), "\(email.encodings)")
        #expect(d.column("email") == (0..<1000).map { "user\($0)@example.com" })
    }
}

/// Ten million rows through the streaming writer: default row groups, the
/// file read back whole by DuckDB, memory held to one row group.
@Suite(.enabled(if: PythonReaders.enabled, "needs pyarrow and duckdb: scripts/install-deps.sh --test"))
struct TenMillionRowsTests {
    /// Straight to the file, as the sink's `FileWriter` does: the test holds no copy.
    final class FileOutput: ParquetOutput {
        let handle: FileHandle
        init(path: String) throws {
            _ = FileManager.default.createFile(atPath: path, contents: nil)
            handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        }
        func write(_ bytes: [UInt8]) throws { try handle.write(contentsOf: bytes) }
    }

    @Test func tenMillionRowsInTenRowGroups() throws {
        let rows = 10_000_000
        let path = try TestEnvironment.temporaryDirectory().appendingPathComponent("ten-million.parquet").path
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        let out = try FileOutput(path: path)
        let writer = try ParquetFileWriter(output: out, columns: [
            ParquetColumn(name: "id", physicalType: .int64, isOptional: false),
            ParquetColumn(name: "kind", physicalType: .byteArray, logicalType: .string, isOptional: false),
            ParquetColumn(name: "maybe", physicalType: .int32, isOptional: true),
        ])
        let kinds = ["view", "click", "buy"].map { Array($0.utf8) }
        var ids = ColumnSlice(), names = ColumnSlice(), maybe = ColumnSlice()
        var i = 0
        var largestBuffer = 0
        while i < rows {
            let n = min(rows - i, 50_000, writer.rowsLeftInRowGroup)
            ids.removeAll(); names.removeAll(); maybe.removeAll()
            for r in i..<i + n {
                ids.append(int: Int64(r))
                kinds[r % 3].withUnsafeBytes { names.append(bytes: $0) }
                if r % 10 == 0 { maybe.appendNull() } else { maybe.append(int: Int64(r % 1000)) }
            }
            try writer.columns[0].write(ids)
            try writer.columns[1].write(names)
            try writer.columns[2].write(maybe)
            largestBuffer = max(largestBuffer, writer.columns.reduce(0) { $0 + $1.bufferedBytes })
            try writer.endRows(n)
            i += n
        }
        try writer.close()
        try out.handle.close()
        // One row group's pages at most, compressed: far below the 10M × 8 bytes of ids alone.
        #expect(largestBuffer < 16 << 20, "\(largestBuffer) bytes buffered")
        let d = try ParquetDescription.of(path, rows: false)
        #expect(d.num_rows == rows)
        #expect(d.row_groups.map(\.rows) == Array(repeating: 1_048_576, count: 9) + [rows - 9 * 1_048_576])
        #expect(d.row_groups[9].columns[0].min == String(9 * 1_048_576) && d.row_groups[9].columns[0].max == String(rows - 1))
        let q = try PythonReaders.duckdb("""
            SELECT count(*), sum(id), count(*) FILTER (WHERE kind = 'buy'), count(maybe), sum(maybe)
            FROM read_parquet('\(path)')
            """)
        let expectedMaybe = (0..<rows).lazy.filter { $0 % 10 != 0 }.reduce(0) { $0 + $1 % 1000 }
        #expect(q == [[String(rows), String(rows * (rows - 1) / 2), String(rows / 3), String(rows - rows / 10), String(expectedMaybe)]])
    }
}

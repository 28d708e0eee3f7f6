import Engine
import Parquet
import SchemaModel

extension FileWriter: ParquetOutput {}

/// A table's rows as one Parquet file: each batch slice is converted column
/// by column (`ParquetColumnMapping`) into the streaming writer, cut at row
/// group boundaries. A value the column's type cannot hold (text that is
/// no timestamp, 2^40 for smelt's INT32) is a `FileOutputError` naming the
/// file, the column and the value; the run leaves no output behind.
final class ParquetTableFile: TableFile {
    private let path: String
    private let table: QualifiedName
    private let file: FileWriter
    private let writer: ParquetFileWriter
    private let mappings: [ParquetColumnMapping]
    private var scratch = ColumnSlice()

    init(path: String, table: QualifiedName, columns: [Column], types: ParquetTypes, options: ParquetWriterOptions) throws {
        self.path = path
        self.table = table
        mappings = columns.map { ParquetColumnMapping($0, types: types) }
        file = try FileWriter(path: path)
        let output = file
        let columns = mappings.map(\.parquet)
        writer = try Self.reporting(path: path, table: table) { try ParquetFileWriter(output: output, columns: columns, options: options) }
    }

    func append(_ batch: RowBatch, rows: Range<Int>) throws {
        var start = rows.lowerBound
        // One reused slice, filled as a local so the per-cell work has no class accesses.
        var values = ColumnSlice()
        swap(&values, &scratch)
        defer { swap(&values, &scratch) }
        while start < rows.upperBound {
            let range = start..<min(rows.upperBound, start + writer.rowsLeftInRowGroup)
            try reported {
                for (c, mapping) in mappings.enumerated() {
                    values.removeAll()
                    try Self.convert(batch, column: c, rows: range, mapping, into: &values)
                    try batch.arena.withUnsafeBytes { try writer.columns[c].write(values, external: $0) }
                }
                try writer.endRows(range.count)
            }
            start = range.upperBound
        }
    }

    func close() throws {
        try reported { try writer.close() }
        try file.close()
    }

    private func reported<T>(_ body: () throws -> T) throws -> T {
        try Self.reporting(path: path, table: table, body)
    }

    /// The writer's own errors as output errors on this file; the file's pass through.
    private static func reporting<T>(path: String, table: QualifiedName, _ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as ParquetError {
            throw FileOutputError(.writing, path, reason: "\(table): \(error)")
        } catch let error as ParquetValueError {
            throw FileOutputError(.writing, path, reason: "\(table).\(error)")
        }
    }

    // MARK: Cells to values

    static func convert(_ batch: RowBatch, column c: Int, rows: Range<Int>, _ mapping: ParquetColumnMapping, into w: inout ColumnSlice) throws {
        try batch.cells.withUnsafeBufferPointer { cells in
            try batch.arena.withUnsafeBytes { arena in
                try convert(batch, cells: cells, arena: arena, column: c, rows: rows, mapping, into: &w)
            }
        }
    }

    private static func convert(_ batch: RowBatch, cells: UnsafeBufferPointer<RowBatch.Cell>, arena: UnsafeRawBufferPointer,
                                column c: Int, rows: Range<Int>, _ mapping: ParquetColumnMapping, into w: inout ColumnSlice) throws {
        let name = mapping.parquet.name
        let columns = batch.columnCount
        for r in rows {
            let cell = cells[r * columns + c]
            // `switch`/`if case` on the kind, not `==`: across modules `==` is a witness call per cell.
            let isText: Bool
            switch cell.kind {
            case .text, .bytes: isText = true
            case .null:
                guard mapping.parquet.isOptional else { throw ParquetValueError(column: name, value: "NULL", expected: "a value (the column is NOT NULL)") }
                w.appendNull()
                continue
            default: isText = false
            }
            let bytes = isText
                ? UnsafeRawBufferPointer(rebasing: arena[Int(cell.payload)..<Int(cell.payload) + Int(cell.length)])
                : UnsafeRawBufferPointer(start: nil, count: 0)
            func failure(_ expected: String) -> ParquetValueError {
                ParquetValueError(column: name, value: batch.text(row: r, column: c) ?? "NULL", expected: expected)
            }
            switch mapping.conversion {
            case .integer:
                let v: Int64
                switch cell.kind {
                case .int, .bool: v = cell.payload
                case .double:
                    let d = Double(bitPattern: UInt64(bitPattern: cell.payload))
                    guard let exact = Int64(exactly: d) else { throw failure("an integer") }
                    v = exact
                default:
                    guard let parsed = Int64(String(decoding: bytes, as: UTF8.self)) else { throw failure("an integer") }
                    v = parsed
                }
                if mapping.isInt32 && Int32(exactly: v) == nil {
                    throw failure("a 32-bit integer (INT32\(mapping.parquet.logicalType == nil ? ", as smelt-datagen writes integers; set parquet_types: logical for INT64" : ""))")
                }
                w.append(int: v)
            case .floatingPoint:
                switch cell.kind {
                case .double: w.append(double: Double(bitPattern: UInt64(bitPattern: cell.payload)))
                case .int, .bool: w.append(double: Double(cell.payload))
                default:
                    guard let d = Double(String(decoding: bytes, as: UTF8.self)) else { throw failure("a number") }
                    w.append(double: d)
                }
            case .boolean:
                switch cell.kind {
                case .bool, .int: w.append(bool: cell.payload != 0)
                default:
                    switch String(decoding: bytes, as: UTF8.self).lowercased() {
                    case "true", "t", "1": w.append(bool: true)
                    case "false", "f", "0": w.append(bool: false)
                    default: throw failure("a boolean")
                    }
                }
            case .text, .bytes:
                if isText {
                    // The arena is the external buffer `write` gets: no copy.
                    w.append(externalOffset: Int(cell.payload), length: Int(cell.length))
                } else {
                    Array((batch.text(row: r, column: c) ?? "").utf8).withUnsafeBytes { w.append(bytes: $0) }
                }
            case .date:
                guard isText, let days = ParquetValueParser.days(bytes), let v = Int32(exactly: days) else { throw failure("a date (YYYY-MM-DD)") }
                w.append(int: Int64(v))
            case .timestamp:
                guard isText, let micros = ParquetValueParser.micros(bytes) else { throw failure("a timestamp (YYYY-MM-DD HH:MM:SS)") }
                w.append(int: micros)
            case .decimal(let precision, let scale):
                let units: Int128?
                switch cell.kind {
                case .int: units = Int128(cell.payload) * ParquetValueParser.power10(scale)
                case .double:
                    let d = Double(bitPattern: UInt64(bitPattern: cell.payload)) * Double(ParquetValueParser.power10(scale))
                    units = d.isFinite && abs(d) < 1e38 ? Int128(d.rounded()) : nil
                default: units = ParquetValueParser.decimalUnits(bytes, precision: precision, scale: scale)
                }
                guard let units, units.magnitude < ParquetValueParser.power10(precision).magnitude else {
                    throw failure("a decimal of at most \(precision) digits, \(scale) after the point")
                }
                if let width = mapping.fixedWidth {
                    withUnsafeBytes(of: units.bigEndian) { w.append(bytes: UnsafeRawBufferPointer(rebasing: $0[(16 - width)...])) }
                } else {
                    w.append(int: Int64(units))
                }
            case .uuid:
                if case .bytes = cell.kind, bytes.count == 16 { w.append(bytes: bytes); continue }
                var halves: (UInt64, UInt64) = (0, 0)
                guard isText, ParquetValueParser.uuid(bytes, into: &halves) else { throw failure("a UUID") }
                let bigEndian = (halves.0.bigEndian, halves.1.bigEndian)
                withUnsafeBytes(of: bigEndian) { w.append(bytes: $0) }
            }
        }
    }
}

/// A generated value the column's Parquet type cannot hold.
struct ParquetValueError: Error, CustomStringConvertible {
    var column: String
    var value: String
    var expected: String
    var description: String { "\(column): '\(value)' is not \(expected)" }
}

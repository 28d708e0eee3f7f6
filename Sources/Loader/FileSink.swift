import Engine
import Foundation
import Introspect
import Parquet
import SchemaModel

/// Writes a plan to files instead of a database: one file per table
/// (`DIR/name.csv|jsonl|sql|parquet`), or with a partition column
/// smelt-datagen's Hive layout `DIR/name/column=YYYY-MM-DD/data.EXT`; a
/// table with an output directory (a smelt dataset's `output:`, Parquet
/// only) goes to `DIR/output/data.parquet` or `DIR/output/column=…/data.parquet`,
/// as smelt-datagen lays it out. Everything is written under a temporary
/// name and moved into place by `finish`, so a failed run leaves no
/// partial output behind.
package final class FileSink: Sink {
    package enum Format: String, Sendable, CaseIterable {
        case csv, jsonl, sql, parquet
    }

    /// `--format parquet`: the column types and the writer's layout.
    package struct ParquetSettings: Sendable {
        package var types: ParquetTypes
        package var writer: ParquetWriterOptions

        package init(types: ParquetTypes = .logical, writer: ParquetWriterOptions = ParquetWriterOptions()) {
            self.types = types
            self.writer = writer
        }
    }

    let directory: URL
    let format: Format
    /// Per table: the column whose date value picks the partition directory.
    let partitionColumns: [QualifiedName: String]
    /// Per table: a CREATE TABLE written first in `sql` output.
    let createStatements: [QualifiedName: String]
    /// Per table: a directory under `directory` holding its `data.parquet`
    /// or its partitions (smelt's `output:`), used by the Parquet format.
    let outputDirectories: [QualifiedName: String]
    package var parquet = ParquetSettings()
    /// Temporary path → final path, moved on `finish`.
    private var pending: [(temporary: URL, final: URL)] = []
    /// The live database the schema was read from, if any: it evaluates the
    /// server checks (read-only), so the files hold the rows a load would.
    package var checkConnection: DatabaseConnection?

    package init(directory: String, format: Format, partitionColumns: [QualifiedName: String] = [:],
                 createStatements: [QualifiedName: String] = [:], outputDirectories: [QualifiedName: String] = [:]) {
        self.directory = URL(fileURLWithPath: directory)
        self.format = format
        self.partitionColumns = partitionColumns
        self.createStatements = createStatements
        self.outputDirectories = format == .parquet ? outputDirectories : [:]
    }

    package func begin() throws {}

    /// Files are written whole, each replacing the table's earlier file: nothing to empty.
    package func truncate(tables: [QualifiedName]) throws {}

    package func prepare(plan: Plan, truncate: Bool) throws {
        try FileOutputError.wrap(.creatingDirectory, directory.path) {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        }
    }

    package func load(_ plan: TablePlan, batchRows: Int, jobs: Int, progress: (Int64) -> Void) throws {
        let name = plan.table.name.description
        let partitionIndex = partitionColumns[plan.table.name].flatMap { p in plan.columns.firstIndex { $0.column.name == p } }
        let outputDirectory = outputDirectories[plan.table.name]
        let temporaryRoot = directory.appendingPathComponent(".\(name).tmp-\(ProcessInfo.processInfo.processIdentifier)")
        let finalRoot: URL
        if partitionIndex != nil || outputDirectory != nil {
            finalRoot = directory.appendingPathComponent(outputDirectory ?? name)
            try FileOutputError.wrap(.creatingDirectory, temporaryRoot.path) {
                try FileManager.default.createDirectory(at: temporaryRoot, withIntermediateDirectories: true)
            }
        } else {
            finalRoot = directory.appendingPathComponent("\(name).\(format.rawValue)")
        }
        pending.append((temporaryRoot, finalRoot))

        var file: TableFile?
        var partition: [UInt8]?
        // Rows in any order (a dataset's sales by seasonal date) come back
        // to a partition: text files are appended to, a Parquet file (whose
        // footer is written) gets a sibling `data-2.parquet`, never truncated.
        var visits: [[UInt8]?: Int] = [:]
        if partitionIndex == nil {
            file = try open(outputDirectory == nil ? temporaryRoot : temporaryRoot.appendingPathComponent("data.\(format.rawValue)"), plan)
        }
        var done: Int64 = 0
        let checker = try checkConnection.flatMap { try ServerCheckRunner.make(for: plan, connection: $0) }
        // Rows are generated on `jobs` background threads while this one encodes and writes.
        try Pipeline.run(ranges: Pipeline.ranges(plan.rowRange, batch: Int64(batchRows)), workers: jobs, produce: plan.batch, consume: { batch in
            try Cancellation.check()
            let batch = try checker?.settle(batch, firstRow: plan.firstRow + done) ?? batch
            if let p = partitionIndex {
                // Rows arrive in order, so each partition is one run of rows.
                var start = 0
                while start < batch.rowCount {
                    let value = Self.partitionBytes(batch, row: start, column: p)
                    var end = start + 1
                    while end < batch.rowCount && Self.sameValue(batch, rows: start, end, column: p) { end += 1 }
                    if value != partition {
                        try file?.close()
                        let text = batch.text(row: start, column: p) ?? "__null__"
                        let dir = temporaryRoot.appendingPathComponent("\(plan.columns[p].column.name)=\(text)")
                        try FileOutputError.wrap(.creatingDirectory, dir.path) {
                            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
                        }
                        let visit = visits[value, default: 0]
                        visits[value] = visit + 1
                        if visit == 0 {
                            file = try open(dir.appendingPathComponent("data.\(format.rawValue)"), plan)
                        } else if format == .parquet {
                            file = try open(dir.appendingPathComponent("data-\(visit + 1).parquet"), plan)
                        } else {
                            file = try TextTableFile(path: dir.appendingPathComponent("data.\(format.rawValue)").path,
                                                     header: format == .sql ? Array("BEGIN;\n".utf8) : [],
                                                     encoder: RowEncoder(format: format, plan: plan), footer: footer, appending: true)
                        }
                        partition = value
                    }
                    try file?.append(batch, rows: start..<end)
                    start = end
                }
            } else {
                try file?.append(batch, rows: 0..<batch.rowCount)
            }
            done += Int64(batch.rowCount)
            progress(done)
        })
        try file?.close()
    }

    /// A new file of the table in the chosen format.
    func open(_ url: URL, _ plan: TablePlan) throws -> TableFile {
        if format == .parquet {
            return try ParquetTableFile(path: url.path, table: plan.table.name, columns: plan.columns.map(\.column), types: parquet.types, options: parquet.writer)
        }
        return try TextTableFile(path: url.path, header: header(plan), encoder: RowEncoder(format: format, plan: plan), footer: footer)
    }

    /// Whether two rows of a batch hold the same value in `column`, compared
    /// in place (no `String` or array per row).
    static func sameValue(_ batch: RowBatch, rows a: Int, _ b: Int, column: Int) -> Bool {
        let x = batch.cell(row: a, column: column)
        let y = batch.cell(row: b, column: column)
        guard x.kind.rawValue == y.kind.rawValue else { return false }
        switch x.kind {
        case .null: return true
        case .text, .bytes:
            return x.length == y.length && batch.arena[Int(x.payload)..<Int(x.payload) + Int(x.length)]
                .elementsEqual(batch.arena[Int(y.payload)..<Int(y.payload) + Int(y.length)])
        default: return x.payload == y.payload
        }
    }

    /// The partition column's bytes in a row (nil for NULL), once per run of rows.
    static func partitionBytes(_ batch: RowBatch, row: Int, column: Int) -> [UInt8]? {
        let cell = batch.cell(row: row, column: column)
        switch cell.kind {
        case .null: return nil
        case .text, .bytes: return Array(batch.arena[Int(cell.payload)..<Int(cell.payload) + Int(cell.length)])
        default: return Array((batch.text(row: row, column: column) ?? "").utf8)
        }
    }

    /// Moves every file into place. A move that fails (the directory
    /// changed under the run) says which files were already replaced; the
    /// rest stay as they were.
    package func finish(plan: Plan) throws {
        var moved: [String] = []
        for (temporary, final) in pending {
            do {
                try? FileManager.default.removeItem(at: final)
                try FileManager.default.createDirectory(at: final.deletingLastPathComponent(), withIntermediateDirectories: true)
                try FileManager.default.moveItem(at: temporary, to: final)
                moved.append(final.path)
            } catch {
                throw FileOutputError(.moving, final.path, reason: FileOutputError.reason(error), alreadyReplaced: moved)
            }
        }
        pending.removeAll()
    }

    package func rollback() {
        for (temporary, _) in pending { try? FileManager.default.removeItem(at: temporary) }
        pending.removeAll()
    }

    // MARK: Encoding

    func header(_ plan: TablePlan) -> [UInt8] {
        switch format {
        case .csv:
            return Array((plan.columns.map { Self.csvField($0.column.name) }.joined(separator: ",") + "\n").utf8)
        case .jsonl:
            return []
        case .sql:
            var text = "BEGIN;\n"
            if let create = createStatements[plan.table.name] { text += create + ";\n" }
            return Array(text.utf8)
        case .parquet:
            return []
        }
    }

    var footer: [UInt8] { format == .sql ? Array("COMMIT;\n".utf8) : [] }

    /// A cell as text: NULL is nil, bytes are hex, booleans `true`/`false`.
    static func text(_ batch: RowBatch, row: Int, column: Int) -> String? {
        let cell = batch.cell(row: row, column: column)
        if cell.kind == .bytes {
            return batch.arena[Int(cell.payload)..<Int(cell.payload) + Int(cell.length)].map { b in
                let s = String(b, radix: 16); return s.count == 1 ? "0" + s : s
            }.joined()
        }
        return batch.text(row: row, column: column)
    }

    /// RFC 4180: quoted when it holds a comma, quote or line break.
    static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// The encoder of one table's rows in the chosen file format.
enum RowEncoder {
    case csv(CSVEncoder)
    case jsonLines(JSONLinesEncoder)
    case sql(SQLInsertEncoder)

    init(format: FileSink.Format, plan: TablePlan) {
        let columns = plan.columns.map(\.column)
        switch format {
        case .csv: self = .csv(CSVEncoder(style: .file))
        case .jsonl: self = .jsonLines(JSONLinesEncoder(columns: columns))
        case .sql: self = .sql(SQLInsertEncoder(table: plan.table.name, columns: columns))
        case .parquet: preconditionFailure("Parquet files are written by ParquetTableFile, not row by row")
        }
    }

    @inline(__always)
    func encode(_ batch: RowBatch, row: Int, into out: inout ByteWriter) {
        switch self {
        case .csv(let e): e.encode(batch, row: row, into: &out.bytes)
        case .jsonLines(let e): e.encode(batch, row: row, into: &out)
        case .sql(let e): e.encode(batch, row: row, into: &out)
        }
    }
}

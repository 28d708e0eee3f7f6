import Foundation
import Introspect
import Loader
import SchemaModel

/// `dbsynth create NAME DB`: a dataset's DDL and fill through the normal
/// fill path (`FillJob` with `--schema` and `--config`), so the DDL and
/// every row land in one transaction and a failure leaves nothing. The
/// config and DDL are written to a scratch directory first because the
/// fill path reads files; their names (`retail_star.yml`) are what error
/// messages show.
public struct DatasetCreation: Sendable {
    public var dataset: Dataset
    public var size: Dataset.Size = .small
    public var scale: Double = 1
    public var seed: UInt64?
    public var jobs: Int?

    public init(dataset: Dataset) {
        self.dataset = dataset
    }

    /// The fill options, with the dataset's files written under `directory`.
    func options(in directory: URL) throws -> FillOptions {
        let config = directory.appendingPathComponent("\(dataset.name).yml")
        let ddl = directory.appendingPathComponent("\(dataset.name).sql")
        try dataset.config.write(to: config, atomically: true, encoding: .utf8)
        try dataset.ddl.write(to: ddl, atomically: true, encoding: .utf8)
        var options = FillOptions(seed: seed)
        options.configPath = config.path
        options.schemaPath = ddl.path
        options.schemaBesideTables = true
        options.tableRows = dataset.rows(size, scale: scale)
        options.scale = 1
        options.jobs = jobs
        options.partitionColumns = dataset.partitionColumns
        return options
    }

    /// Creates and fills the dataset's tables in `target`. Refused, with
    /// nothing changed, when the database already has any of them.
    package func job(target: DatabaseTarget, scratch: URL) throws -> FillJob {
        if target.sqlitePath.map({ FileManager.default.fileExists(atPath: $0) }) ?? true {
            let existing = try Self.tableNames(in: target)
            let clash = dataset.tables.map(\.name).filter { existing.contains($0) }
            if !clash.isEmpty {
                throw DBSynthError.refused("\(target) already has \(clash.count == 1 ? "table" : "tables") \(clash.joined(separator: ", ")) of dataset \(dataset.name); create it in another database or drop them first")
            }
        }
        return FillJob(options: try options(in: scratch))
    }

    /// The same rows as `job`, written to files (`--out DIR`): the DDL runs
    /// in a scratch SQLite database whose schema the file sink follows, so
    /// the files hold what a database load would.
    package func fileJob(scratch: URL) throws -> (job: FillJob, target: DatabaseTarget) {
        let path = scratch.appendingPathComponent("\(dataset.name).db").path
        let target = try DatabaseTarget.parse("sqlite:" + path)
        let connection = try DatabaseConnection.open(target, create: true)
        try connection.execute(dataset.ddl)
        var options = try options(in: scratch)
        options.schemaPath = nil
        return (FillJob(options: options), target)
    }

    static func tableNames(in target: DatabaseTarget) throws -> Set<String> {
        let connection = try DatabaseConnection.open(target)
        return Set(try connection.readSchema().tables.map(\.name.name))
    }

    /// A fresh scratch directory, removed by the caller.
    package static func scratchDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("dbsynth-dataset-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

import Engine
import Foundation
import Introspect
import SchemaModel

/// `dbsynth series NAME DB`: a star dataset's facts day by day. The first
/// run creates the dimensions (facts empty); each batch of days then
/// appends that many days of facts in a transaction of its own. The state
/// is the data itself: a run without `--from` resumes the day after the
/// latest fact date, so nothing else can disagree with it.
public struct DatasetSeries: Sendable {
    public var dataset: Dataset
    public var size: Dataset.Size = .small
    public var seed: UInt64?
    public var jobs: Int?

    public init(dataset: Dataset) {
        self.dataset = dataset
    }

    /// The fact table and its date column.
    var fact: (table: String, column: String)? {
        guard dataset.kind == .star, let (t, c) = dataset.partitionColumns.first else { return nil }
        return (t, c)
    }

    /// Facts per average day at this size, over the dataset's 731 days.
    var perDay: Double {
        guard let fact, let t = dataset.tables.first(where: { $0.name == fact.table }) else { return 0 }
        return Double(t.rows(size, scale: 1)) / Double(DatasetParts.days)
    }

    static let origin = CivilDate.parseDays(DatasetParts.firstDay)!
    static let end = CivilDate.parseDays(DatasetParts.endDay)!

    /// The day to start from: `from`, else the day after the latest fact.
    package func start(target: DatabaseTarget, from: Int64?) throws -> Int64 {
        guard let fact else { throw DBSynthError.refused("series: \(dataset.name) is not a star dataset; the series datasets are \(DatasetCatalog.all.filter { $0.kind == .star }.map(\.name).joined(separator: ", "))") }
        if let from { return from }
        let existing = try DatasetCreation.tableNames(in: target)
        guard existing.contains(fact.table) else {
            throw DBSynthError.refused("series: \(target) has no \(fact.table) yet; give --from DATE for the first day")
        }
        let connection = try DatabaseConnection.open(target)
        let latest: String?
        switch connection {
        case .sqlite(let c): latest = try c.query("SELECT max(\(fact.column)) FROM \(fact.table)").first?.first ?? nil
        case .postgres(let c): latest = try c.query("SELECT max(\(fact.column))::text FROM \(fact.table)").first?.first ?? nil
        }
        guard let latest, let day = Self.days(latest) else {
            throw DBSynthError.refused("series: \(fact.table) is empty; give --from DATE for the first day")
        }
        return day + 1
    }

    /// The fact table's foreign keys (column, parent table), read from the
    /// DDL run in a scratch SQLite database.
    func factForeignKeys(scratch: URL) throws -> [(column: String, parent: String)] {
        guard let fact else { return [] }
        let path = scratch.appendingPathComponent("\(dataset.name)-ddl.db").path
        try? FileManager.default.removeItem(atPath: path)
        let target = try DatabaseTarget.parse("sqlite:" + path)
        let connection = try DatabaseConnection.open(target, create: true)
        try connection.execute(dataset.ddl)
        let table = try connection.readSchema().tables.first { $0.name.name == fact.table }
        return table?.foreignKeys.map { ($0.columns[0], $0.referencedTable.name) } ?? []
    }

    /// Whether the dataset's fact table exists already (a later run).
    package func hasFacts(target: DatabaseTarget) throws -> Bool {
        guard let fact else { return false }
        if let path = target.sqlitePath, !FileManager.default.fileExists(atPath: path) { return false }
        return try DatasetCreation.tableNames(in: target).contains(fact.table)
    }

    static func days(_ text: String) -> Int64? { CivilDate.parseDays(String(text.prefix(10))) }

    /// Refuses days the date dimension lacks, before any batch is written.
    package func check(from: Int64, days: Int) throws {
        guard from >= Self.origin, from + Int64(days) <= Self.end else {
            throw DBSynthError.refused("series: days \(CivilDate.dateText(days: from)) to \(CivilDate.dateText(days: from + Int64(days) - 1)) are outside dim_date (\(DatasetParts.firstDay) to 2024-12-31)")
        }
    }

    /// The options of one batch of days, its config written under `scratch`.
    package func batch(from: Int64, days: Int, firstRun: Bool, scratch: URL) throws -> FillOptions {
        guard let fact else { throw DBSynthError.refused("series: \(dataset.name) is not a star dataset") }
        try check(from: from, days: days)
        // Foreign keys the config leaves to inference pick their parents by
        // a draw of their own, the same in the first run (new parents) and
        // in later ones (parents already there), where inference would differ.
        var picks = ""
        let after = dataset.config.components(separatedBy: "\n  \(fact.table):\n").last ?? ""
        let block = after.split(separator: "\n").prefix { $0.hasPrefix("    ") }.joined(separator: "\n")
        for fk in try factForeignKeys(scratch: scratch) where !block.contains("      \(fk.column): ") && fk.column != fact.column {
            let parents = dataset.tables.first { $0.name == fk.parent }?.rows(size, scale: 1) ?? 1
            picks += "      \(fk.column): { type: zipf, n: \(parents), s: 0.6 }\n"
        }
        let rows = dataset.tables.first { $0.name == fact.table }!.small
        var config = dataset.config.replacingOccurrences(
            of: "\n  \(fact.table):\n    rows: \(rows)\n    columns:\n",
            with: "\n  \(fact.table):\n    series: { column: \(fact.column), origin: \"\(DatasetParts.firstDay)\", from: \"\(CivilDate.dateText(days: from))\", days: \(days), per_day: \(perDay), growth: 0.12 }\n    columns:\n" + picks)
        // Parents keep their rows: the Zipf ranks are the products already there.
        for t in dataset.tables { config = config.replacingOccurrences(of: "over: \(t.name),", with: "n: \(t.rows(size, scale: 1)),") }
        let path = scratch.appendingPathComponent("\(dataset.name)-series.yml")
        try config.write(to: path, atomically: true, encoding: .utf8)
        var options = FillOptions(seed: seed)
        options.configPath = path.path
        options.jobs = jobs
        options.scale = 1
        if firstRun {
            // The dimensions as create makes them, and the first days.
            let ddl = scratch.appendingPathComponent("\(dataset.name).sql")
            try dataset.ddl.write(to: ddl, atomically: true, encoding: .utf8)
            options.schemaPath = ddl.path
            options.schemaBesideTables = true
            options.tableRows = dataset.rows(size).filter { $0.key != fact.table }
        } else {
            options.existingRows = .append
            options.tableRows = Dictionary(uniqueKeysWithValues: dataset.tables.filter { $0.name != fact.table }.map { ($0.name, Int64(0)) })
        }
        return options
    }
}

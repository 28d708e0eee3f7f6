import Engine
import Foundation
import Loader

/// The `--report FILE.json` document (stable; fields are only ever added):
/// what was filled, how fast, what was capped or warned about, and how each
/// FK cycle was broken.
struct FillReport: Encodable {
    struct TableEntry: Encodable {
        var table: String
        var rows: Int64
        var seconds: Double
        var rowsPerSecond: Double
        var capacity: String?
        var cycleBreaks: [CycleBreak]

        enum CodingKeys: String, CodingKey {
            case table, rows, seconds, capacity
            case rowsPerSecond = "rows_per_second"
            case cycleBreaks = "cycle_breaks"
        }
    }

    struct CycleBreak: Encodable {
        var constraint: String?
        var columns: [String]
        var references: String
        var strategy: String
    }

    var database: String
    var seed: UInt64
    var seconds: Double
    var totalRows: Int64
    var tables: [TableEntry]
    var warnings: [String]
    /// Tables left as they were because they already held rows, and why.
    var keptTables: [KeptTables.Entry] = []

    enum CodingKeys: String, CodingKey {
        case database, seed, seconds, tables, warnings
        case totalRows = "total_rows"
        case keptTables = "kept_tables"
    }

    init(plan: Plan, tables reports: [TableReport], target: String, seconds: Double) {
        database = target
        seed = plan.seed
        self.seconds = seconds
        totalRows = reports.reduce(0) { $0 + $1.rows }
        warnings = plan.warnings
        tables = zip(plan.tables, reports).map { planned, report in
            TableEntry(
                table: report.table, rows: report.rows, seconds: report.seconds, rowsPerSecond: report.rowsPerSecond,
                capacity: planned.capacityNote,
                cycleBreaks: planned.brokenForeignKeys.map {
                    CycleBreak(constraint: $0.foreignKey.name, columns: $0.foreignKey.columns,
                               references: $0.foreignKey.referencedTable.description, strategy: $0.strategy.rawValue)
                })
        }
    }

    func write(to path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            try encoder.encode(self).write(to: URL(fileURLWithPath: path))
        } catch {
            throw CLIError(message: "--report \(path): cannot write the report: \(error.localizedDescription) (the fill itself was committed)", exitCode: ExitStatus.failed)
        }
    }
}

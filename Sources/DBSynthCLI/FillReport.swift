import Engine
import DBSynth
import Foundation
import Introspect
import LLM
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
    /// What the probe rejected, when it did (the fill then wrote nothing).
    var probe: ProbeSection?
    /// The database error that stopped the load, when one did (the fill
    /// was rolled back): everything the server said, and the statement.
    var error: ErrorSection?
    /// The model-written columns: calls, tokens, cache hits and cost.
    var llm: LLMSection?

    struct LLMSection: Encodable {
        struct Column: Encodable {
            var table: String
            var column: String
            var values: Int
            var source: String
            var usage: LLMUsage
            var costUSD: Double?

            enum CodingKeys: String, CodingKey {
                case table, column, values, source
                case costUSD = "cost_usd"
            }

            func encode(to encoder: any Encoder) throws {
                var c = encoder.container(keyedBy: CodingKeys.self)
                try c.encode(table, forKey: .table)
                try c.encode(column, forKey: .column)
                try c.encode(values, forKey: .values)
                try c.encode(source, forKey: .source)
                try c.encode(costUSD, forKey: .costUSD)
                try usage.encode(to: encoder)
            }
        }

        var model: String
        var endpoint: String
        var usage: LLMUsage
        var costUSD: Double?
        var columns: [Column]

        enum CodingKeys: String, CodingKey {
            case model, endpoint, columns
            case costUSD = "cost_usd"
        }

        init(_ report: LLMReport) {
            model = report.model
            endpoint = report.endpoint
            usage = report.total
            costUSD = report.cost
            columns = report.columns.map { Column(table: $0.table, column: $0.column, values: $0.values, source: $0.source, usage: $0.usage, costUSD: $0.cost) }
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(model, forKey: .model)
            try c.encode(endpoint, forKey: .endpoint)
            try c.encode(costUSD, forKey: .costUSD)
            try c.encode(columns, forKey: .columns)
            try usage.encode(to: encoder)
        }
    }

    struct ErrorSection: Encodable {
        var message: String
        /// `SQLSTATE 23514` or a SQLite result code name.
        var code: String?
        var table: String?
        var column: String?
        var constraint: String?
        var detail: String?
        var hint: String?
        var context: String?
        var statement: String?

        init(_ error: DatabaseError) {
            message = error.message
            code = error.codeName
            table = error.table
            column = error.column
            constraint = error.constraint
            detail = error.detail
            hint = error.hint
            context = error.context
            statement = error.sql
        }
    }

    struct ProbeSection: Encodable {
        struct Rejection: Encodable {
            var table: String
            var code: String?
            var object: String?
            var message: String
            var rows: Int
            var probed: Int
            var firstRow: String

            enum CodingKeys: String, CodingKey {
                case table, code, object, message, rows, probed
                case firstRow = "first_row"
            }
        }

        var tables: Int
        var rows: Int
        var seconds: Double
        var rejected: [Rejection]

        init(_ report: ProbeReport) {
            tables = report.tables
            rows = report.rows
            seconds = report.seconds
            rejected = report.failures.map {
                Rejection(table: $0.table, code: $0.cause.code, object: $0.cause.object, message: $0.cause.message,
                          rows: $0.rows, probed: $0.probed, firstRow: $0.values)
            }
        }
    }

    enum CodingKeys: String, CodingKey {
        case database, seed, seconds, tables, warnings
        case totalRows = "total_rows"
        case keptTables = "kept_tables"
        case probe, error, llm
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

    func write(to path: String, committed: Bool = true) throws {
        do {
            try DocumentJSON.data(self).write(to: URL(fileURLWithPath: path))
        } catch {
            throw DBSynthError(.failed, "--report \(path): cannot write the report: \(error.localizedDescription)\(committed ? " (the fill itself was committed)" : "")")
        }
    }
}

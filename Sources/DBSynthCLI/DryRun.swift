import Engine
import DBSynth

/// What `fill --dry-run` prints: the tables in load order with the rows each
/// would get, capacity caps and how each FK cycle would be broken.
struct DryRun {
    let plan: Plan
    let target: String
    var kept: [KeptTables.Entry] = []

    var text: String {
        let total = plan.tables.reduce(Int64(0)) { $0 + $1.rows }
        let width = max(5, plan.tables.map(\.table.name.description.count).max() ?? 0)
        var lines = ["Would fill \(plan.tables.count) tables in \(target) with \(TextLayout.grouped(total)) rows (seed \(plan.seed)); nothing was written:"]
        for t in plan.tables {
            var line = "  " + TextLayout.pad(t.table.name.description, width, left: true) + TextLayout.pad(TextLayout.grouped(t.rows), 12)
            let breaks = t.brokenForeignKeys.map { "(\($0.foreignKey.columns.joined(separator: ", "))) \($0.strategy.rawValue)" }
            if !breaks.isEmpty { line += "  cycle: " + breaks.joined(separator: "; ") }
            if t.capacityNote != nil { line += "  capped" }
            lines.append(line)
        }
        lines += KeptTables.lines(kept)
        return lines.joined(separator: "\n")
    }
}

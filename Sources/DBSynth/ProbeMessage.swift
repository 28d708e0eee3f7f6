import Loader

/// The refusal printed when the probe finds rows the database rejects: every
/// rejected table at once, one line each, with the constraint or trigger,
/// the code and an example row.
package enum ProbeMessage {
    package static func text(_ report: ProbeReport) -> String {
        let tables = Set(report.failures.map(\.table)).count
        var lines = ["the database rejects rows of \(tables) table\(tables == 1 ? "" : "s") (found by loading the first rows of every table and rolling them back; nothing was changed):"]
        for f in report.failures {
            var line = "  \(f.table): "
            line += [f.cause.object, f.cause.code.map { "(\($0))" }].compactMap { $0 }.joined(separator: " ")
            line += " rejected \(f.rows) of \(f.probed) probe rows: \(f.cause.message)"
            if !f.rejectedParents.isEmpty { line += " (it points at rejected rows of \(f.rejectedParents.joined(separator: ", ")))" }
            line += "; first rejected row: \(f.values)"
            lines.append(line)
        }
        if report.failures.contains(where: { $0.cause.object?.hasPrefix("trigger") ?? false }) {
            lines.append("  (a trigger rejects rows: pass --disable-triggers to load with the user triggers of the filled tables off)")
        }
        return lines.joined(separator: "\n")
    }
}

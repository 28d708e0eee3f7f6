import Foundation
import DBSynth
import LLM

/// The lines after the fill summary: per column, what the model calls
/// cost, and the total.
struct LLMSummary {
    let report: LLMReport

    var text: String {
        let labels = report.columns.map { "\($0.table).\($0.column)" }
        let width = max(6, labels.map(\.count).max() ?? 0)
        var lines = ["Model-written columns (\(report.endpoint)):"]
        lines.append("  " + TextLayout.pad("column", width, left: true) + TextLayout.pad("values", 8) + TextLayout.pad("calls", 7)
                     + TextLayout.pad("input", 11) + TextLayout.pad("output", 11) + TextLayout.pad("cached", 8) + TextLayout.pad("cost", 11))
        for (label, c) in zip(labels, report.columns) {
            lines.append(row(label, values: c.source == "fallback" ? "local" : TextLayout.grouped(Int64(c.values)), c.usage, c.cost, width: width))
        }
        lines.append(row("total", values: "", report.total, report.cost, width: width))
        return lines.joined(separator: "\n")
    }

    func row(_ label: String, values: String, _ u: LLMUsage, _ cost: Double?, width: Int) -> String {
        "  " + TextLayout.pad(label, width, left: true) + TextLayout.pad(values, 8) + TextLayout.pad(String(u.calls), 7)
            + TextLayout.pad(TextLayout.grouped(Int64(u.inputTokens)), 11) + TextLayout.pad(TextLayout.grouped(Int64(u.outputTokens)), 11)
            + TextLayout.pad(String(u.cacheHits), 8) + TextLayout.pad(Self.dollars(cost), 11)
    }

    /// `$0.0042`; `n/a` for a model without a price (set `llm.prices` in the config).
    static func dollars(_ cost: Double?) -> String {
        guard let cost else { return "n/a" }
        return "$" + String(format: "%.4f", cost)
    }
}

import Loader
import DBSynth

/// The per-table summary printed after a fill.
struct Summary {
    let reports: [TableReport]
    let target: String
    let seed: UInt64
    let seconds: Double
    /// Tables left as they were because they already held rows.
    var kept: [KeptTables.Entry] = []

    var text: String {
        let total = reports.reduce(Int64(0)) { $0 + $1.rows }
        let nameWidth = max(5, reports.map(\.table.count).max() ?? 0)
        var lines = ["Filled \(reports.count) tables in \(target) (seed \(seed)):"]
        lines.append("  " + TextLayout.pad("table", nameWidth, left: true) + TextLayout.pad("rows", 12) + TextLayout.pad("time", 10) + TextLayout.pad("rows/s", 12))
        for r in reports {
            lines.append("  " + TextLayout.pad(r.table, nameWidth, left: true) + TextLayout.pad(TextLayout.grouped(r.rows), 12)
                         + TextLayout.pad(Self.time(r.seconds), 10) + TextLayout.pad(TextLayout.grouped(Int64(r.rowsPerSecond)), 12))
        }
        let rate = seconds > 0 ? Int64(Double(total) / seconds) : 0
        lines.append("  " + TextLayout.pad("total", nameWidth, left: true) + TextLayout.pad(TextLayout.grouped(total), 12)
                     + TextLayout.pad(Self.time(seconds), 10) + TextLayout.pad(TextLayout.grouped(rate), 12))
        lines += KeptTables.lines(kept)
        for r in reports { if let trigger = r.filledByTrigger { lines.append("  \(r.table): filled by trigger \(trigger), no rows generated") } }
        return lines.joined(separator: "\n")
    }

    static func time(_ s: Double) -> String {
        let ms = Int((s * 1000).rounded())
        return ms < 10_000 ? "\(ms / 1000).\(String(ms % 1000 / 10).leftPadded(2))s" : "\(ms / 1000)s"
    }
}

extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}

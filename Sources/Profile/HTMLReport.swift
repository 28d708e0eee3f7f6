import Foundation

/// `compare --html`: the report as one self-contained HTML file, figures
/// drawn as inline SVG (no script, no network): the scores, then per
/// table the real and synthetic histogram of each column, the two
/// correlation matrices of its numbers, and per foreign key the two
/// children-per-parent curves.
package enum HTMLReport {
    static let sourceColour = "#3b6ea8", targetColour = "#e08a2c"

    package static func render(_ report: QualityReport, _ figures: ReportFigures) -> String {
        func score(_ x: Double?) -> String { x.map { String(format: "%.2f", $0) } ?? "–" }
        var rows = [("Column shapes", report.columnShapes, "\(report.columns.count) columns"),
                    ("Column pair trends", report.columnPairTrends, "\(report.pairs.count) pairs"),
                    ("Cardinality", report.cardinality, "\(report.foreignKeys.count) foreign keys"),
                    ("Intertable trends", report.intertableTrends, "\(report.intertablePairs.count) child–parent pairs"),
                    ("Overall", report.overall, "mean of the above")]
            .map { "<tr><th>\(escape($0.0))</th><td>\(score($0.1))</td><td>\(escape($0.2))</td></tr>" }
        rows.append("<tr><th>Copies</th><td>\(String(format: "%.1f %%", report.exactMatchShare * 100))</td><td>target rows equal to a source row on every non-key column</td></tr>")
        if let dcr = report.closestRecords {
            rows.append("<tr><th>Closest records</th><td>\(score(dcr.score))</td><td>\(String(format: "%.1f %%", dcr.nearerThanHeldOut * 100)) of target rows nearer the profiled rows than 95 % of the held-out rows (5 % = learnt)</td></tr>")
        }
        var body = ["<h1>\(escape(report.target)) against \(escape(report.source))</h1>",
                    "<p>Scores between 0 and 1 (1 = alike), in sdmetrics' terms. <span class=\"s\">■</span> source <span class=\"t\">■</span> target</p>",
                    "<table class=\"scores\">" + rows.joined() + "</table>"]
        var tables: [String] = []
        for name in figures.histograms.map(\.table) + figures.correlations.map(\.table) + figures.children.map(\.table) where !tables.contains(name) {
            tables.append(name)
        }
        for table in tables {
            body.append("<h2>\(escape(table))</h2><div class=\"figures\">")
            for h in figures.histograms where h.table == table {
                let shape = report.columns.first { $0.table == table && $0.column == h.column }
                body.append(figure("\(h.column) \(shape.map { "(\($0.metric) \(score($0.score)))" } ?? "")", histogram(h)))
            }
            for c in figures.correlations where c.table == table {
                body.append(figure("correlations: source, target", heatMap(c)))
            }
            for c in figures.children where c.table == table {
                let card = report.foreignKeys.first { $0.table == table && $0.columns == c.columns }
                body.append(figure("children per \(c.references) (\(c.columns.joined(separator: ", "))) \(card.map { score($0.score) } ?? "")", curve(c)))
            }
            body.append("</div>")
        }
        return """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"/><title>dbsynth compare</title>
            <style>
            body { font: 14px/1.4 system-ui, sans-serif; margin: 2em; color: #222; }
            table.scores td, table.scores th { padding: 2px 10px; text-align: left; }
            .figures { display: flex; flex-wrap: wrap; gap: 16px; }
            figure { margin: 0; } figcaption { font-size: 12px; color: #444; max-width: 340px; }
            .s { color: \(sourceColour); } .t { color: \(targetColour); }
            </style></head><body>
            \(body.joined(separator: "\n"))
            </body></html>

            """
    }

    static func figure(_ caption: String, _ svg: String) -> String {
        "<figure>\(svg)<figcaption>\(escape(caption))</figcaption></figure>"
    }

    /// Two bars per label, source then target, heights by share.
    static func histogram(_ h: ReportFigures.Histogram) -> String {
        let width = 320.0, height = 140.0, base = 120.0
        let top = max(h.source.max() ?? 0, h.target.max() ?? 0, 1e-9)
        let slot = width / Double(max(1, h.labels.count))
        var parts: [String] = []
        for i in h.labels.indices {
            for (k, share, colour) in [(0, h.source[i], sourceColour), (1, h.target[i], targetColour)] {
                let barHeight = share / top * (base - 10)
                parts.append(String(format: "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" ",
                                    Double(i) * slot + 2 + Double(k) * (slot - 4) / 2, base - barHeight, (slot - 4) / 2, barHeight)
                             + "fill=\"\(colour)\"/>")
            }
        }
        let first = h.labels.first.map(escape) ?? "", last = h.labels.last.map(escape) ?? ""
        parts.append("<text x=\"2\" y=\"\(Int(height - 4))\" font-size=\"10\">\(first)</text>")
        parts.append("<text x=\"\(Int(width - 2))\" y=\"\(Int(height - 4))\" font-size=\"10\" text-anchor=\"end\">\(last)</text>")
        parts.append("<line x1=\"0\" y1=\"\(Int(base))\" x2=\"\(Int(width))\" y2=\"\(Int(base))\" stroke=\"#999\"/>")
        return svg(width, height, parts)
    }

    /// The two matrices side by side, blue for +1, red for −1, white for 0.
    static func heatMap(_ c: ReportFigures.Correlations) -> String {
        let n = c.columns.count
        let cell = min(24.0, 150.0 / Double(n)), gap = 20.0
        var parts: [String] = []
        for (m, matrix) in [c.source, c.target].enumerated() {
            let left = Double(m) * (Double(n) * cell + gap)
            for i in 0..<n {
                for j in 0..<n {
                    let value = matrix[i][j].map { String(format: "%.2f", $0) } ?? "–"
                    parts.append(String(format: "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" ",
                                        left + Double(j) * cell, Double(i) * cell, cell - 1, cell - 1)
                                 + "fill=\"\(colour(matrix[i][j]))\"><title>\(escape(c.columns[i])) / \(escape(c.columns[j])): \(value)</title></rect>")
                }
            }
        }
        let width = 2 * Double(n) * cell + gap
        parts.append("<text x=\"0\" y=\"\(Int(Double(n) * cell + 12))\" font-size=\"10\">\(escape(c.columns.joined(separator: ", ")))</text>")
        return svg(width, Double(n) * cell + 16, parts)
    }

    static func colour(_ r: Double?) -> String {
        guard let r else { return "#ddd" }
        let t = min(1, abs(r))
        let (red, green, blue) = r >= 0 ? (255 * (1 - t) + 59 * t, 255 * (1 - t) + 110 * t, 255 * (1 - t) + 168 * t)
            : (255 * (1 - t) + 200 * t, 255 * (1 - t) + 60 * t, 255 * (1 - t) + 50 * t)
        return String(format: "#%02x%02x%02x", Int(red), Int(green), Int(blue))
    }

    /// Children per parent, sorted, as two rising curves over the parents.
    static func curve(_ c: ReportFigures.Children) -> String {
        let width = 320.0, height = 140.0
        let top = max(c.source.max() ?? 0, c.target.max() ?? 0, 1)
        func line(_ ys: [Double], _ colour: String) -> String {
            let points = ys.enumerated().map { i, y in
                String(format: "%.1f,%.1f", Double(i) / Double(max(1, ys.count - 1)) * (width - 10) + 5, height - 10 - y / top * (height - 20))
            }
            return "<polyline fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\" points=\"\(points.joined(separator: " "))\"/>"
        }
        return svg(width, height, [line(c.source, sourceColour), line(c.target, targetColour),
                                   "<text x=\"5\" y=\"12\" font-size=\"10\">\(ReportFigures.label(top))</text>"])
    }

    static func svg(_ width: Double, _ height: Double, _ parts: [String]) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"\(Int(height))\" viewBox=\"0 0 \(Int(width)) \(Int(height))\">"
            + parts.joined() + "</svg>"
    }

    static func escape(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }
}

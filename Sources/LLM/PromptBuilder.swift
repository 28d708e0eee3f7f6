/// The text of the questions dbsynth asks. Kept in one place, because the
/// cache key hashes it: a changed wording asks again.
package enum PromptBuilder {
    package static let system = """
        You write realistic sample data for a database. Answer with JSON only, an object \
        {"values": [...]} holding one string per value: no numbering, no quotes around the text, \
        no commentary. Each value must read like real data a person or system would have stored.
        """

    /// The question for one call: `count` values (or one per row of `rows`),
    /// `batch` of `batches` so each call of a large pool is told it is one of several.
    package static func user(_ request: ColumnRequest, count: Int, rows: ArraySlice<String>? = nil, batch: Int = 1, of batches: Int = 1) -> String {
        var lines: [String] = []
        if let rows {
            lines.append("Write one value for the column \(request.column) of the table \(request.table) for each row below, in the same order: exactly \(rows.count) values.")
        } else {
            lines.append("Write exactly \(count) distinct values for the column \(request.column) of the table \(request.table).")
        }
        lines += describe(request)
        if let rows {
            lines.append("The rows (their other columns):")
            for (i, row) in zip(rows.indices, rows) { lines.append("row \(i + 1): \(row)") }
            lines.append("Each value must fit its row's other values.")
        }
        if batches > 1 { lines.append("This is batch \(batch) of \(batches); make these values different from what other batches would hold.") }
        lines.append("Vary length, tone and content; no two values alike.")
        return lines.joined(separator: "\n")
    }

    /// The column as the schema describes it, and the user's own `prompt`.
    static func describe(_ request: ColumnRequest) -> [String] {
        let c = request.context
        var lines = ["Column type: \(c.declaredType)."]
        if let n = c.maxLength { lines.append("Each value at most \(n) characters.") }
        if let comment = c.comment, !comment.isEmpty { lines.append("Column comment: \(comment)") }
        if !c.checks.isEmpty { lines.append("Every value must satisfy: \(c.checks.joined(separator: "; ")).") }
        if !c.siblings.isEmpty { lines.append("The table's other columns: \(c.siblings.joined(separator: ", ")).") }
        if let prompt = request.prompt, !prompt.isEmpty {
            lines.append("What the values are: \(prompt)")
        } else {
            lines.append("Write what a real \(request.table) row would hold in its \(request.column) column.")
        }
        return lines
    }

    /// `{"values": [string]}`.
    package static let valuesSchema = JSONSchema.object([(name: "values", schema: .array(of: .string()))])
}

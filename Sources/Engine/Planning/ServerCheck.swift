import SchemaModel

/// A CHECK dbsynth cannot evaluate itself (it does not parse, calls a
/// function the engine does not know, such as a user-defined one, or its
/// value is unknown to `CheckEvaluator`), left to the database: the loader
/// evaluates `predicate` in the database for every generated row before
/// loading it, and redraws the rows that fail (`TablePlan.redraw(row:attempt:columns:in:)`).
///
/// The predicate names the columns as the table does, so the loader can bind
/// candidate values to those names (a `VALUES` list, a sub-select) and ask
/// the database whether the CHECK is false for them.
package struct ServerCheck: Sendable {
    /// Redraws of a row before the fill is refused. Rows are redrawn only
    /// while they fail, so the cost is that of the failing rows; a CHECK
    /// that rejects half the values still fails a row only with odds of
    /// 2^-64, where 16 attempts would refuse a 200k-row fill now and then.
    package static let attempts: UInt64 = 64

    package let name: String?
    /// The CHECK as the database reports it (messages, `inspect`).
    package let text: String
    /// The expression to evaluate: `text`, with a domain CHECK's `VALUE`
    /// replaced by the quoted column name.
    package let predicate: String
    /// The column, for a CHECK of the column's domain.
    package let domainColumn: String?
    /// Indices (into the table plan's columns) of the columns it reads.
    package let reads: [Int]
    /// Indices of the columns a redraw may change: not part of any key or
    /// unique set, whole foreign keys only.
    package let redraw: [Int]
    /// The trigger whose rejection condition this is (`TriggerCondition`),
    /// nil for a CHECK. Such a check is advisory: a row that fails it after
    /// every redraw is loaded anyway, and the trigger decides.
    package let trigger: String?

    package init(name: String?, text: String, predicate: String, domainColumn: String?, reads: [Int], redraw: [Int], trigger: String? = nil) {
        self.trigger = trigger
        self.name = name
        self.text = text
        self.predicate = predicate
        self.domainColumn = domainColumn
        self.reads = reads
        self.redraw = redraw
    }

    /// `CHECK name (text)` or, for a domain, `domain CHECK (text) of column c`.
    package var label: String {
        if let trigger { return "the rejection of trigger \(trigger) (\(text))" }
        if let domainColumn { return "domain CHECK (\(text)) of column \(domainColumn)" }
        return "CHECK \(name.map { "\($0) " } ?? "")(\(text))"
    }

    /// The names of the table's columns an SQL text refers to (identifiers
    /// equal to a column name, case-insensitively unless quoted), and the
    /// text with every unquoted `VALUE` replaced by `valueColumn` quoted.
    package static func references(in sql: String, columns: [String], valueColumn: String?) -> (columns: [String], predicate: String) {
        var found: [String] = []
        var predicate = ""
        let utf8 = Array(sql.utf8)
        var copied = 0
        for token in SQLTokenizer.tokenize(sql) {
            switch token.kind {
            case .word:
                if let valueColumn, token.isWord("VALUE") {
                    predicate += String(decoding: utf8[copied..<token.range.lowerBound], as: UTF8.self) + quoteIdentifier(valueColumn)
                    copied = token.range.upperBound
                    if !found.contains(valueColumn) { found.append(valueColumn) }
                } else if let c = columns.first(where: { $0.lowercased() == token.text.lowercased() }), !found.contains(c) {
                    found.append(c)
                }
            case .quotedIdentifier:
                if let c = columns.first(where: { $0 == token.text }) ?? columns.first(where: { $0.lowercased() == token.text.lowercased() }),
                   !found.contains(c) {
                    found.append(c)
                }
            default: break
            }
        }
        predicate += String(decoding: utf8[copied...], as: UTF8.self)
        return (found, predicate)
    }
}

extension TablePlan {
    /// Redraws `columns` of row `row` in place for `attempt` (1, 2, …): each
    /// from an alternative row derived from (row, attempt), so the new
    /// values are a pure function of (seed, table, row, attempt); the other
    /// columns keep their values, then the row checks are applied again
    /// (with alternatives of their own for this attempt).
    ///
    /// The loader redraws only the columns of the CHECKs a row failed, and
    /// a row is redrawn only when it failed: what is loaded is determined
    /// by the seed and the database's (deterministic) verdicts, never by
    /// batch boundaries or threads.
    package func redraw(row: Int64, attempt: UInt64, columns redrawn: [Int], in values: inout [Value]) {
        let salt = StableHash.mix(0x5e57_c4ec_0000_0000 ^ attempt)
        let alternative = Int64(bitPattern: StableHash.mix(UInt64(bitPattern: row) ^ salt) >> 2)
        for i in redrawn { columns[i].generator.generate(row: alternative, into: &values[i]) }
        if !rowChecks.isEmpty { applyRowChecks(row: row, salt: salt, to: &values) }
    }
}

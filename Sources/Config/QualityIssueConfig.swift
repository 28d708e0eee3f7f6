import Engine

/// A table's `quality_issues:` block: which share of rows get a defect,
/// the column that names it, and the event date late rows move back.
package struct QualityIssueConfig: Sendable {
    package var rate: Double
    /// The text column that holds the issue's name (NULL on clean rows).
    package var flag: String
    package var dateColumn: String?
    /// Late rows' dates stay on or after this day (days since the epoch): a date dimension's first.
    package var notBefore: Int64?
    package var kinds: [QualityIssues.Kind]
    package var node: ConfigNode

    static func parse(_ node: ConfigNode) throws -> QualityIssueConfig {
        try node.checkKeys(["rate", "flag", "date_column", "not_before", "kinds"], what: "quality_issues key")
        let rate = try GeneratorParser.probability(try node.require("rate"), default: 0)
        var kinds = QualityIssues.Kind.allCases
        if let k = node["kinds"] {
            kinds = try k.sequence().map { try GeneratorParser.choice($0, QualityIssues.Kind.self, default: .duplicate) }
            guard !kinds.isEmpty else { throw k.error("kinds: at least one of " + QualityIssues.Kind.allCases.map(\.rawValue).joined(separator: ", ")) }
        }
        return QualityIssueConfig(rate: rate, flag: try node["flag"]?.string() ?? "_dq_issue",
                                  dateColumn: try node["date_column"]?.string(),
                                  notBefore: try node["not_before"].map { try GeneratorParser.day($0, default: 0) }, kinds: kinds, node: node)
    }
}

/// What `dbsynth compare` reports, in sdmetrics' terms: every score is
/// between 0 (nothing alike) and 1 (the same distribution).
package struct QualityReport: Codable, Sendable {
    package struct ColumnScore: Codable, Sendable {
        package var table: String
        package var column: String
        /// `ks`: 1 − the Kolmogorov–Smirnov statistic (numbers, dates,
        /// timestamps); `tv`: 1 − the total variation distance (categories).
        package var metric: String
        package var score: Double
    }

    package struct CardinalityScore: Codable, Sendable {
        package var table: String
        package var columns: [String]
        package var references: String
        /// 1 − KS of the children-per-parent distributions.
        package var score: Double
    }

    package var source: String
    package var target: String
    /// Mean of `columns` (nil: no comparable column).
    package var columnShapes: Double?
    /// Mean of `foreignKeys` (nil: no foreign key).
    package var cardinality: Double?
    /// Mean of the parts present.
    package var overall: Double
    /// Share of target rows equal to a source row on every column that is
    /// not a key or a foreign key (over the sampled rows): copies. Only
    /// tables whose source rows are mostly distinct on those columns count
    /// (a table of one seven-valued column would be all "copies").
    package var exactMatchShare: Double
    package var columns: [ColumnScore]
    package var foreignKeys: [CardinalityScore]

    enum CodingKeys: String, CodingKey {
        case source, target, cardinality, overall, columns
        case columnShapes = "column_shapes"
        case exactMatchShare = "exact_match_share"
        case foreignKeys = "foreign_keys"
    }
}

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

    package struct PairScore: Codable, Sendable {
        package var table: String
        package var columns: [String]
        /// `correlation`: 1 − |Δ Pearson ρ| / 2 (two numeric columns);
        /// `contingency`: 1 − the total variation distance of the pair's
        /// contingency table (numbers in 10 bins).
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

    /// Copies in one table: target rows compared and how many equal a source row.
    package struct CopyCount: Codable, Sendable {
        package var table: String
        package var rows: Int
        package var copies: Int
    }

    /// `--holdout F`: distance to the closest record (`ClosestRecords`).
    package struct ClosestRecordScore: Codable, Sendable {
        package var holdout: Double
        /// Share of target rows nearer the rows the profile saw than 95 %
        /// of the held-out rows are (about 0.05: learnt the distribution;
        /// near 1: copied its source).
        package var nearerThanHeldOut: Double
        /// 1 at or below 0.05, falling to 0 at 1.
        package var score: Double
        /// Target rows compared.
        package var rows: Int

        enum CodingKeys: String, CodingKey {
            case holdout, score, rows
            case nearerThanHeldOut = "nearer_than_held_out"
        }
    }

    package var source: String
    package var target: String
    /// Mean of `columns` (nil: no comparable column).
    package var columnShapes: Double?
    /// Mean of `pairs` (nil: no table has two comparable columns).
    package var columnPairTrends: Double?
    /// Mean of `intertablePairs` (nil: no child and parent both with comparable columns).
    package var intertableTrends: Double?
    /// A child's column against its parent's (`parent_table.column`), each
    /// child row beside the parent row it points at.
    package var intertablePairs: [PairScore]
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
    package var pairs: [PairScore]
    package var foreignKeys: [CardinalityScore]
    /// The tables `exactMatchShare` counts, one by one.
    package var copies: [CopyCount]
    /// With `--holdout`: distance to the closest record.
    package var closestRecords: ClosestRecordScore?

    enum CodingKeys: String, CodingKey {
        case source, target, cardinality, overall, columns, pairs, copies
        case closestRecords = "closest_records"
        case columnShapes = "column_shapes"
        case columnPairTrends = "column_pair_trends"
        case intertableTrends = "intertable_trends"
        case intertablePairs = "intertable_pairs"
        case exactMatchShare = "exact_match_share"
        case foreignKeys = "foreign_keys"
    }
}

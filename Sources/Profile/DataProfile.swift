import SchemaModel

/// What `dbsynth profile` writes: aggregates of a live database, never its
/// rows (docs/profile-format.md). No value seen fewer than `minCount` times
/// in the sample appears: frequent values need that many occurrences, and
/// every quantile is the mean of `minCount` neighbouring sorted values.
package struct DataProfile: Codable, Sendable, Equatable {
    package var format = "dbsynth-profile"
    package var version = 1
    /// The database profiled, password redacted.
    package var source: String
    package var dialect: String
    /// K: the fewest occurrences a written value has.
    package var minCount: Int
    /// Rows read per table at most.
    package var sampleLimit: Int
    /// Distinct values left out because they were seen fewer than K times.
    package var suppressedValues: Int
    /// `--epsilon`: the Laplace noise's E on counts and frequencies; nil: exact counts.
    package var epsilon: Double?
    package var tables: [TableProfile]

    /// The profiled table a target table matches: by `name` as dbsynth
    /// prints it, else by its bare name (a profile of `shop.orders` fills `orders`).
    package func table(matching name: QualifiedName) -> TableProfile? {
        tables.first { $0.name == name.description } ?? tables.first { $0.name == name.name }
    }

    enum CodingKeys: String, CodingKey {
        case format, version, source, dialect, tables, epsilon
        case minCount = "min_count"
        case sampleLimit = "sample_limit"
        case suppressedValues = "suppressed_values"
    }
}

package struct TableProfile: Codable, Sendable, Equatable {
    /// As dbsynth prints it: `name`, or `schema.name` outside `public`.
    package var name: String
    /// Rows in the table when profiled.
    package var rows: Int64
    /// Rows the statistics were computed from.
    package var sampled: Int
    package var columns: [ColumnProfile]
    package var foreignKeys: [ForeignKeyProfile]

    enum CodingKeys: String, CodingKey {
        case name, rows, sampled, columns
        case foreignKeys = "foreign_keys"
    }
}

package struct ColumnProfile: Codable, Sendable, Equatable {
    /// How the values are summarised.
    package enum Kind: String, Codable, Sendable {
        case number, date, timestamp, text, boolean, other
    }

    package var name: String
    package var type: String
    package var kind: Kind
    package var nullFraction: Double
    /// Distinct non-NULL values in the sample.
    package var distinct: Int
    /// Every non-NULL value of the sample distinct.
    package var unique: Bool
    /// Numbers: fractional digits seen at most (0: integers).
    package var scale: Int?
    /// Numbers, dates (days since 1970-01-01), timestamps (seconds): 257
    /// points from the lowest to the highest, each the mean of K sorted values.
    package var quantiles: [Double]?
    /// Text: the same for lengths in characters.
    package var lengthQuantiles: [Double]?
    /// Values seen at least K times, most frequent first (at most 50), with
    /// their share of the non-NULL values.
    package var frequent: [FrequentValue]

    enum CodingKeys: String, CodingKey {
        case name, type, kind, distinct, unique, scale, quantiles, frequent
        case nullFraction = "null_fraction"
        case lengthQuantiles = "length_quantiles"
    }
}

package struct FrequentValue: Codable, Sendable, Equatable {
    package var value: String
    package var share: Double
}

/// Children per parent along one foreign key, over every parent row.
package struct ForeignKeyProfile: Codable, Sendable, Equatable {
    package var columns: [String]
    package var references: String
    /// Child rows whose key is NULL (they point at no parent).
    package var nullFraction: Double
    /// Parents with no child.
    package var childlessShare: Double
    package var meanChildren: Double
    /// 257 points of the children-per-parent distribution (K-means as above).
    package var childrenQuantiles: [Double]

    enum CodingKeys: String, CodingKey {
        case columns, references
        case nullFraction = "null_fraction"
        case childlessShare = "childless_share"
        case meanChildren = "mean_children"
        case childrenQuantiles = "children_quantiles"
    }
}

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
    /// `pg_stats` for a profile made by `--stats-only` from the planner's
    /// statistics instead of rows; absent for a profile of rows.
    package var statistics: String?
    /// `--holdout F`: the share of rows (chosen by a hash of their values)
    /// left out of the column statistics, for `compare --holdout`.
    package var holdout: Double?
    package var tables: [TableProfile]

    /// The profiled table a target table matches: by `name` as dbsynth
    /// prints it, else by its bare name (a profile of `shop.orders` fills `orders`).
    package func table(matching name: QualifiedName) -> TableProfile? {
        tables.first { $0.name == name.description } ?? tables.first { $0.name == name.name }
    }

    enum CodingKeys: String, CodingKey {
        case format, version, source, dialect, tables, epsilon, statistics, holdout
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
    /// How the modelled columns (and the children per row along the
    /// foreign keys into this table) move together; nil: independently.
    package var copula: CopulaProfile?
    /// Columns named like a column of a parent and referencing the same
    /// table: how often the two hold the same key.
    package var sharedKeys: [SharedKeyProfile]?
    /// Exact rules the sampled rows obey (on ≥ 99.9 % of them).
    package var rules: [RuleProfile]?

    enum CodingKeys: String, CodingKey {
        case name, rows, sampled, columns, copula, rules
        case foreignKeys = "foreign_keys"
        case sharedKeys = "shared_keys"
    }
}

/// A rule found in a table's rows: `after` (the column is never before
/// the columns `of`; the gap after the latest of them, as quantiles) or
/// `determined_by` (the column's value is fixed by the one column `of`; the
/// pairs seen at least K times, as `[by, value]`).
package struct RuleProfile: Codable, Sendable, Equatable {
    package enum Kind: String, Codable, Sendable {
        case after
        case determinedBy = "determined_by"
        /// The column is the sum over the row's children in `children`
        /// (along `foreign_key`) of the product of the child columns `of`.
        case sumOfChildren = "sum_of_children"
        /// The column equals the column `of` of the parent row the foreign
        /// key `foreign_key` points at (a billing country copied from the customer).
        case copiedFromParent = "copied_from_parent"
    }

    package var kind: Kind
    package var column: String
    package var of: [String]
    /// The share of the sampled rows (where it applies) it held on.
    package var holds: Double
    /// `after`: 257 points of the gap (days, seconds or the number).
    package var gapQuantiles: [Double]?
    /// `determined_by`: `[value of the other column, this column's value]`.
    package var map: [[String]]?
    /// `sum_of_children`: the child table and its foreign key to this one.
    package var children: String?
    package var foreignKey: [String]?

    enum CodingKeys: String, CodingKey {
        case kind, column, of, holds, map, children
        case foreignKey = "foreign_key"
        case gapQuantiles = "gap_quantiles"
    }
}

/// A key of one name (`tenant_id`, `address_id`) that the table holds and
/// a parent holds too, or that two parents hold: how often they agree.
package struct SharedKeyProfile: Codable, Sendable, Equatable {
    /// The key's name: the table's own column, or the parents' column.
    package var column: String
    /// The foreign key columns leading to the parent that holds it.
    package var through: [String]
    /// The other parent's foreign key, when the table has no such column
    /// itself and two parents are compared.
    package var with: [String]?
    /// Share of rows with both keys present where they are equal.
    package var agreement: Double
}

/// A Gaussian copula: the correlations of the normal scores of a table's
/// modelled dimensions (numbers and dates by rank, categories by their
/// interval of the CDF), over the sampled rows.
package struct CopulaProfile: Codable, Sendable, Equatable {
    package var dimensions: [CopulaDimension]
    /// Symmetric, ones on the diagonal, one row per dimension.
    package var correlation: [[Double]]
}

/// One dimension of a copula: a column of the table, or the number of
/// children each row has in another table along one of its foreign keys.
package struct CopulaDimension: Codable, Sendable, Equatable, CustomStringConvertible {
    package var column: String?
    /// With `column`: a column of the parent row this foreign key (these
    /// columns of the table) points at (parent context).
    package var parent: [String]?
    /// The child table (as `TableProfile.name`) whose rows are counted.
    package var children: String?
    /// The child's foreign key columns the children are counted along.
    package var foreignKey: [String]?
    /// A category column: its frequent values in the order they lie on the
    /// copula's CDF (by the mean score of the number they move with most),
    /// when that is not the profile's most-frequent-first order.
    package var order: [String]?

    package static func column(_ name: String) -> CopulaDimension { CopulaDimension(column: name) }
    package static func children(_ table: String, along columns: [String]) -> CopulaDimension {
        CopulaDimension(children: table, foreignKey: columns)
    }

    package var description: String {
        if let column, let parent { return "\(column) of the parent (\(parent.joined(separator: ", ")))" }
        return column ?? "children in \(children ?? "?") (\((foreignKey ?? []).joined(separator: ", ")))"
    }

    enum CodingKeys: String, CodingKey {
        case column, children, order, parent
        case foreignKey = "foreign_key"
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
    /// Numbers, dates, timestamps with frequent values: the quantiles of
    /// the other values, which fill the CDF between the frequent ones.
    package var restQuantiles: [Double]?
    /// Values seen at least K times, most frequent first (at most 50), with
    /// their share of the non-NULL values.
    package var frequent: [FrequentValue]

    enum CodingKeys: String, CodingKey {
        case name, type, kind, distinct, unique, scale, quantiles, frequent
        case nullFraction = "null_fraction"
        case lengthQuantiles = "length_quantiles"
        case restQuantiles = "rest_quantiles"
    }
}

package struct FrequentValue: Codable, Sendable, Equatable {
    package var value: String
    package var share: Double
    /// Numbers, dates, timestamps: the share of the values below this one
    /// (where its interval starts in the CDF).
    package var below: Double?
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

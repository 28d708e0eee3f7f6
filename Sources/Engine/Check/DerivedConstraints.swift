// MARK: - Relations between columns

/// `lesser <= greater` (or `<` when strict), from `end_date > start_date`.
package struct ColumnOrder: Sendable, Equatable, Hashable {
    package var lesser: String
    package var greater: String
    package var strict: Bool

    package init(lesser: String, greater: String, strict: Bool) {
        self.lesser = lesser
        self.greater = greater
        self.strict = strict
    }
}

/// Between `minNonNull` and `maxNonNull` of `columns` are non-NULL
/// (`num_nonnulls(a, b) = 1`, `num_nulls(a, b, c) >= 1`,
/// `(a IS NULL) OR (b IS NULL)`).
package struct NullCountGroup: Sendable, Equatable, Hashable {
    package var columns: [String]
    package var minNonNull: Int
    package var maxNonNull: Int

    package init(columns: [String], minNonNull: Int, maxNonNull: Int) {
        self.columns = columns
        self.minNonNull = minNonNull
        self.maxNonNull = maxNonNull
    }
}

/// Everything `DomainDeriver` learned from a table's CHECKs.
package struct DerivedConstraints: Sendable, Equatable {
    /// A CHECK that is not fully captured by `domains`, `orders` and `groups`.
    package struct Unsupported: Sendable, Equatable {
        package var name: String?
        package var expression: String
        package var reason: String
        /// The column, for a CHECK of the column's domain.
        package var column: String?
    }

    /// A choice the deriver made that is sound but stricter than the CHECK
    /// (an OR satisfied through one branch).
    package struct Note: Sendable, Equatable {
        package var name: String?
        package var expression: String
        package var note: String
        /// The column, for a domain CHECK.
        package var column: String?
    }

    /// One input CHECK, parsed, with its column references resolved to the
    /// table's column names (for `CheckEvaluator`).
    package struct ParsedCheck: Sendable, Equatable {
        package var name: String?
        package var text: String
        /// The column, for a domain CHECK (its `VALUE` is resolved to it).
        package var column: String?
        package var expression: CheckExpression?
        package var parseError: CheckParseError?
    }

    /// Keyed by the table's column name; columns without requirements are absent.
    package var domains: [String: ColumnDomain] = [:]
    package var orders: [ColumnOrder] = []
    package var groups: [NullCountGroup] = []
    package var unsupported: [Unsupported] = []
    package var notes: [Note] = []
    package var checks: [ParsedCheck] = []

    package init() {}

    /// The domain of a column (unconstrained when absent).
    package func domain(_ column: String) -> ColumnDomain { domains[column] ?? ColumnDomain() }
}

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

/// One way of satisfying every cross-column OR of a table: the domains,
/// orders and groups that hold when each OR takes the disjunct in `choices`.
package struct Branch: Sendable, Equatable {
    /// The disjunct one CHECK takes in this branch.
    package struct Choice: Sendable, Equatable {
        package var check: String?
        /// 0-based, of `of` disjuncts.
        package var branch: Int
        package var of: Int
        package var text: String
    }

    package var domains: [String: ColumnDomain]
    package var orders: [ColumnOrder]
    package var groups: [NullCountGroup]
    package var choices: [Choice]
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
    /// Empty, or two or more ways of satisfying the table's cross-column ORs
    /// (`(a IS NULL AND b = 0) OR (a IS NOT NULL AND b >= 1)`): each row takes
    /// one. `domains`, `orders` and `groups` above are those of the first.
    package var branches: [Branch] = []

    package init() {}

    /// The constraints of one branch, as if it were the only one.
    package func selecting(branch index: Int) -> DerivedConstraints {
        guard branches.indices.contains(index) else { return self }
        var out = self
        let b = branches[index]
        out.domains = b.domains
        out.orders = b.orders
        out.groups = b.groups
        out.branches = []
        return out
    }

    /// Columns whose domain, orders or NULL-count groups differ between
    /// branches: their generators are chosen per row.
    package var branchDependentColumns: Set<String> {
        guard let first = branches.first else { return [] }
        var out: Set<String> = []
        let columns = Set(branches.flatMap { b in
            Array(b.domains.keys) + b.orders.flatMap { [$0.lesser, $0.greater] } + b.groups.flatMap(\.columns)
        })
        for c in columns {
            func signature(_ b: Branch) -> (ColumnDomain?, [ColumnOrder], [NullCountGroup]) {
                (b.domains[c], b.orders.filter { $0.lesser == c || $0.greater == c }, b.groups.filter { $0.columns.contains(c) })
            }
            let s0 = signature(first)
            if branches.dropFirst().contains(where: { let s = signature($0); return s.0 != s0.0 || s.1 != s0.1 || s.2 != s0.2 }) {
                out.insert(c)
            }
        }
        return out
    }

    /// The domain of a column (unconstrained when absent).
    package func domain(_ column: String) -> ColumnDomain { domains[column] ?? ColumnDomain() }
}

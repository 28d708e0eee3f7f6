import Engine

/// What one column asks the model for: where it is, what the schema says
/// about it, and how many values.
package struct ColumnRequest: Sendable {
    /// The table as dbsynth prints it (`reviews`, `shop.reviews`).
    package var table: String
    package var column: String
    /// The config's `prompt`; nil: described from the schema alone.
    package var prompt: String?
    package var context: ColumnContext
    /// Distinct values wanted (`pool`), or the rows for `per_row`.
    package var count: Int
    /// Values must be pairwise distinct (a UNIQUE column whose pool covers every row).
    package var distinct: Bool
    /// `per_row`: each row's other values (`rating=2, product=Desk lamp`), one
    /// value asked per row, in order. nil: a pool.
    package var rows: [String]?
    /// Values per call.
    package var batch: Int
    package var seed: UInt64

    package init(table: String, column: String, prompt: String?, context: ColumnContext, count: Int, distinct: Bool,
                 rows: [String]? = nil, batch: Int = 50, seed: UInt64) {
        self.table = table
        self.column = column
        self.prompt = prompt
        self.context = context
        self.count = count
        self.distinct = distinct
        self.rows = rows
        self.batch = batch
        self.seed = seed
    }

    /// `table.column`, for messages and the report.
    package var label: String { "\(table).\(column)" }
}

/// What the schema says about a column, for the prompt and the values'
/// check: its type, comment, length limit, CHECKs, and its table's other
/// columns (so `body` in `reviews(rating, product_id, body)` reads as a review).
package struct ColumnContext: Sendable {
    package var declaredType: String
    package var comment: String?
    /// Characters at most (`varchar(n)`).
    package var maxLength: Int?
    /// The CHECK texts that name the column.
    package var checks: [String]
    package var siblings: [String]
    /// The column's domain under its CHECKs; values outside it are dropped.
    package var domain: ColumnDomain

    package init(declaredType: String, comment: String? = nil, maxLength: Int? = nil, checks: [String] = [], siblings: [String] = [],
                 domain: ColumnDomain = ColumnDomain()) {
        self.declaredType = declaredType
        self.comment = comment
        self.maxLength = maxLength
        self.checks = checks
        self.siblings = siblings
        self.domain = domain
    }
}

import SchemaModel

/// What the user asked for: row counts, seed, append mode.
package struct PlanOptions: Sendable {
    package var seed: UInt64
    /// Rows per table unless overridden; with `.realistic`, the rows of the
    /// largest tables.
    package var defaultRows: Int64
    /// Every table `defaultRows`, or each sized by its role (`TableSizing`).
    package var shape: TableShape = .uniform
    /// Per-table counts by the table's `QualifiedName`.
    package var tableRows: [QualifiedName: Int64]
    /// Multiplies every count (after overrides), rounding to the nearest row.
    package var scale: Double
    /// Per table: its count is rounded down to a multiple of this, after
    /// the scale. A smelt-datagen `partition:` gives each of its days
    /// ⌊rows / days⌋ rows and drops the remainder; so does dbsynth for smelt configs.
    package var rowMultiples: [QualifiedName: Int64] = [:]
    /// Append after existing rows: keys continue after the current maximum.
    package var append: Bool
    /// On `--append`: the largest value now in each integer key or unique
    /// column, so new keys start above it.
    package var keyFloors: [QualifiedName: [String: Int64]] = [:]
    /// Days since 1970-01-01 that generated dates fall in (`--dates`).
    package var dateWindow: ClosedRange<Int64> = DefaultWindow.days
    /// Tables the fill keeps because they already hold rows (left out of the
    /// schema being planned): the key tuples read from each, per referenced
    /// column list. Their children point only at these keys.
    package var existingKeys: [QualifiedName: [ExistingKeys]] = [:]
    /// On `--append`: the existing keys of parents that an FK column under a
    /// CHECK references, for when no new parent row passes that CHECK.
    package var appendParentKeys: [QualifiedName: [ExistingKeys]] = [:]
    /// User-chosen generators (a config file); nil: infer everything.
    package var overrides: (any ColumnOverrides)?
    /// `--disable-triggers`: rows triggers would insert are not expected.
    package var triggersDisabled = false

    package init(seed: UInt64 = 42, defaultRows: Int64 = 1000, tableRows: [QualifiedName: Int64] = [:], scale: Double = 1, append: Bool = false) {
        self.seed = seed
        self.defaultRows = defaultRows
        self.tableRows = tableRows
        self.scale = scale
        self.append = append
    }

    /// The table's count: its own, else `sized` (its realistic size), else
    /// the default; times the scale.
    package func rows(for table: QualifiedName, sized: Int64? = nil) -> Int64 {
        let base = tableRows[table] ?? sized ?? defaultRows
        let rows = max(0, Int64((Double(base) * scale).rounded()))
        guard let multiple = rowMultiples[table], multiple > 1 else { return rows }
        return rows - rows % multiple
    }
}


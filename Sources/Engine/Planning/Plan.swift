import SchemaModel

/// Everything needed to generate a fill: tables in load order, each with its
/// row count and one generator per written column, plus how FK cycles are
/// broken and what was capped. Built once by `Planner`; immutable and
/// `Sendable`, so batches can be generated on any thread.
package struct Plan: Sendable {
    package var tables: [TablePlan]
    package var warnings: [String]
    /// How constraints outside construction are handled (per-row checks…), for `inspect`.
    package var notes: [String] = []
    package var seed: UInt64
    /// Parent rows that triggers' inserts need, ensured before loading.
    package var requiredParentRows: [RequiredParentRow] = []

    /// No tables: finishing it only commits (what `reset` does after its TRUNCATE).
    package static var empty: Plan { Plan(tables: [], warnings: [], seed: 0) }

    package func table(named name: QualifiedName) -> TablePlan? {
        tables.first { $0.table.name == name }
    }

    /// Checks the plan's invariants, naming the first one that fails: every
    /// table appears once, parents come before children except across a
    /// broken edge, and every written column has a generator.
    package func checkInvariants() -> String? {
        var seen: Set<QualifiedName> = []
        for plan in tables {
            if !seen.insert(plan.table.name).inserted { return "\(plan.table.name) appears twice" }
            let broken = Set(plan.brokenForeignKeys.map(\.foreignKey))
            // A key read from a trigger that closes a cycle is warned about, not broken (see breakCycles).
            for fk in plan.table.foreignKeys where fk.referencedTable != plan.table.name && !broken.contains(fk) && fk.origin == nil {
                if !seen.contains(fk.referencedTable), tables.contains(where: { $0.table.name == fk.referencedTable }) {
                    return "\(plan.table.name) is loaded before its parent \(fk.referencedTable)"
                }
            }
            if plan.columns.count + plan.omittedColumns.count != plan.table.writableColumns.count {
                return "\(plan.table.name) has \(plan.columns.count) generators for \(plan.table.writableColumns.count) columns"
            }
        }
        return nil
    }
}

package struct TablePlan: Sendable {
    package let table: Table
    package var rows: Int64
    /// The first row index generated: 0, or on `--append` the rows already there,
    /// so new rows continue every unique sequence instead of repeating it.
    package var firstRow: Int64 = 0
    /// The row indices this fill generates.
    package var rowRange: Range<Int64> { firstRow..<(firstRow + rows) }
    /// Writable columns left to their default (a type dbsynth cannot produce).
    package var omittedColumns: [String] = []
    /// Generators for `table.writableColumns` (less `omittedColumns`), in that order.
    package var columns: [ColumnPlan]
    /// FKs that close a cycle, and how each is handled.
    package var brokenForeignKeys: [BrokenForeignKey]
    /// Why the row count is lower than asked, if it is.
    package var capacityNote: String?
    /// UPDATEs that fill the cycle-broken nullable FKs once all parents exist.
    package var updates: [DeferredUpdate]
    /// CHECKs spanning several columns that construction does not guarantee,
    /// verified on every generated row.
    package var rowChecks: [RowCheck] = []
    /// The per-row branches of the table's cross-column ORs (empty: none), for `inspect`.
    package var branches: [BranchSummary] = []
    /// Keys the table takes from a driving parent so that paths agree, for `inspect`.
    package var sharedKeys: [SharedKeySummary] = []
    /// The trigger that fills this table (no rows are generated for it).
    package var filledByTrigger: String?
    /// Columns that would follow a parent in time but where a bound wins
    /// (column → why), for `inspect`.
    package var timelineNotes: [String: String] = [:]
    /// The role and realistic size the table got, and why (nil: a uniform
    /// or user-given count).
    package var size: TableSize?
    /// CHECKs dbsynth cannot evaluate itself, evaluated by the database on
    /// every generated row before it is loaded (see `ServerCheck`).
    package var serverChecks: [ServerCheck] = []

    /// The same table and rows, generating only `columns` (e.g. key + FK for a deferred UPDATE).
    package func projected(onto columns: [ColumnPlan]) -> TablePlan {
        var plan = TablePlan(table: table, rows: rows, columns: columns, brokenForeignKeys: [], capacityNote: nil, updates: [])
        plan.firstRow = firstRow
        return plan
    }

    /// A new batch holding rows `range` (what a pipeline worker produces).
    package func batch(_ range: Range<Int64>) -> RowBatch {
        var batch = RowBatch(columnCount: columns.count, capacity: range.count)
        var scratch = Value()
        generate(rows: range, into: &batch, scratch: &scratch)
        return batch
    }

    /// Generates rows `range` into `batch` (cleared first).
    package func generate(rows range: Range<Int64>, into batch: inout RowBatch, scratch: inout Value) {
        batch.removeAll()
        guard rowChecks.isEmpty else { return generateChecked(rows: range, into: &batch) }
        // The generators alone, once per batch: iterating `columns` would copy
        // each ColumnPlan (and retain its strings) for every cell.
        let generators = columns.map(\.generator)
        for row in range {
            for i in generators.indices {
                generators[i].generate(row: row, into: &scratch)
                batch.append(scratch)
            }
            batch.endRow()
        }
    }

    /// The slow path for tables with row checks: the row is generated whole,
    /// each check evaluated, and the columns a failing check may change are
    /// redrawn from alternative rows (still a pure function of the row).
    private func generateChecked(rows range: Range<Int64>, into batch: inout RowBatch) {
        var values = [Value](repeating: Value(), count: columns.count)
        for row in range {
            for (i, column) in columns.enumerated() { column.generator.generate(row: row, into: &values[i]) }
            applyRowChecks(row: row, salt: 0, to: &values)
            for v in values { batch.append(v) }
            batch.endRow()
        }
    }

    /// Redraws the columns of each failing row check from alternative rows
    /// derived from (row, attempt, salt); `salt` 0 is the first draw of a row,
    /// a server-check redraw passes its own so it gets fresh alternatives.
    func applyRowChecks(row: Int64, salt: UInt64, to values: inout [Value]) {
        for check in rowChecks {
            var attempt: UInt64 = 0
            while attempt < RowCheck.attempts, !check.passes(values, columns: columns) {
                attempt += 1
                let alternative = Int64(bitPattern: StableHash.mix(UInt64(bitPattern: row) ^ (attempt << 56) ^ salt) >> 2)
                for i in check.redraw { columns[i].generator.generate(row: alternative, into: &values[i]) }
            }
            // Last resort: NULL in the nullable columns it reads makes a
            // CHECK unknown, which passes (`allocated * -1 BETWEEN ...`).
            if attempt == RowCheck.attempts, !check.passes(values, columns: columns) {
                for i in check.redraw where columns[i].column.isNullable { values[i].setNull() }
            }
        }
    }
}

package struct ColumnPlan: Sendable {
    package let column: Column
    package let generator: any ValueGenerator
    /// The inferred realistic kind, shown by `inspect` (nil: by type only).
    package let kind: String?
}

/// One branch of a table's cross-column ORs: the share of rows that take it
/// and, per CHECK, the disjunct it satisfies.
package struct BranchSummary: Sendable, Equatable {
    package var share: Double
    /// `cg_sane: 1 of 2: cg_id IS NULL AND cg_version IS NULL`.
    package var choices: [String]
}

/// A key a table reaches by two paths, taken from the driving parent's row.
package struct SharedKeySummary: Sendable, Equatable {
    /// The ancestor key (`rooms.id`).
    package var key: String
    /// The FK whose parent row fixes it.
    package var drivingForeignKey: [String]
    /// The table's own columns that take it.
    package var columns: [String]
    /// Other FKs whose parent is picked among those that carry the same key.
    package var agreeingForeignKeys: [[String]]
}

/// A multi-column CHECK verified per row (`a <> b`, arithmetic across columns).
package struct RowCheck: Sendable {
    static let attempts: UInt64 = 16

    package let name: String?
    package let expression: CheckExpression
    /// Indices (into the table plan's columns) of the columns it reads.
    package let reads: [Int]
    /// Indices of the columns that may be redrawn when it fails: not part of
    /// any key or unique set, whole foreign keys only.
    package let redraw: [Int]

    /// Evaluated over the row's values where they are: a column is found
    /// among the few it reads and converted only when the expression asks
    /// for it, so no dictionary is built per row.
    func passes(_ values: [Value], columns: [ColumnPlan]) -> Bool {
        CheckEvaluator.passes(expression, row: PlannedRow(check: self, values: values, columns: columns)) != false
    }

    struct PlannedRow: CheckRow {
        let check: RowCheck
        let values: [Value]
        let columns: [ColumnPlan]

        func checkValue(of column: String) -> CheckValue? {
            let i = check.reads.first { columns[$0].column.name == column }
                ?? check.reads.first { columns[$0].column.name.checkCaseInsensitiveEquals(column) }
            return i.map { DomainGuardGenerator.checkValue(values[$0]) }
        }
    }
}

/// After the load, `UPDATE table SET set… WHERE key… = …` for every row:
/// the FK columns that were NULL during the load get their real values.
package struct DeferredUpdate: Sendable {
    package let foreignKey: ForeignKey
    /// Generators of the primary key columns (to find each row).
    package let keyColumns: [ColumnPlan]
    /// Generators of the FK columns' real values.
    package let setColumns: [ColumnPlan]
}

/// An FK edge removed from the load order to break a cycle.
package struct BrokenForeignKey: Sendable, Hashable {
    package enum Strategy: String, Sendable, Codable {
        /// Insert NULL, then one UPDATE per table after every parent exists.
        case nullThenUpdate = "null-then-update"
        /// A DEFERRABLE constraint: deferred to commit, values written directly.
        case deferConstraint = "defer-constraint"
        /// Not null, not deferrable: PostgreSQL drops and re-adds it inside the
        /// transaction; SQLite defers all FK checks to commit.
        case dropAndRecreate = "drop-and-recreate"
        case sqliteDeferForeignKeys = "sqlite-defer-foreign-keys"
    }

    package let foreignKey: ForeignKey
    package let strategy: Strategy
}

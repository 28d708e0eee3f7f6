import Engine

/// `foreign_key` where the planner does not already make the column an FK:
/// a uniformly picked parent row, then the parent key column's value at that
/// row (real keys even when they are not 1…N); without a parent key column,
/// smelt-datagen's plain integer in [1, parent rows].
package struct ParentKeyGenerator: ValueGenerator {
    package let parentRows: Int64
    package let parentColumn: (any ValueGenerator)?
    package let parentName: String
    package let stream: UInt64

    package init(parentRows: Int64, parentColumn: (any ValueGenerator)?, parentName: String, stream: UInt64) {
        self.parentRows = parentRows
        self.parentColumn = parentColumn
        self.parentName = parentName
        self.stream = stream
    }

    package func generate(row: Int64, into value: inout Value) {
        guard parentRows > 0 else { value.setNull(); return }
        var r = RowRandom(stream: stream, row: row)
        let parent = Int64(r.below(UInt64(parentRows)))
        if let parentColumn { parentColumn.generate(row: parent, into: &value) } else { value.setInt(parent + 1) }
    }

    package var summary: String { "→ \(parentName) (random parent)" }
}

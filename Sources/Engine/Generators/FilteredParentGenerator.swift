/// An FK column whose parent row must satisfy a condition (a trigger's
/// "the unit must be of type 'length'"): a uniform pick among the parent
/// rows whose generated values satisfy it, listed once at plan time. Every
/// column of the FK (and every column copied through it) reads the same
/// pick: the same stream and rows give the same parent for a child row.
package struct FilteredParentGenerator: ValueGenerator {
    /// Parent row indices (relative to the parent's first generated row) that qualify.
    package let rows: [Int64]
    package let stream: UInt64
    package let parentColumn: any ValueGenerator
    package let parentName: String
    package let childFirst: Int64
    package let parentFirst: Int64

    package init(rows: [Int64], stream: UInt64, parentColumn: any ValueGenerator, parentName: String, childFirst: Int64, parentFirst: Int64) {
        precondition(!rows.isEmpty, "a filtered parent pick needs a qualifying row")
        self.rows = rows
        self.stream = stream
        self.parentColumn = parentColumn
        self.parentName = parentName
        self.childFirst = childFirst
        self.parentFirst = parentFirst
    }

    @inline(__always)
    package func generate(row: Int64, into value: inout Value) {
        var r = RowRandom(stream: stream, row: row - childFirst)
        parentColumn.generate(row: rows[Int(r.below(UInt64(rows.count)))] + parentFirst, into: &value)
    }

    package var summary: String { "→ \(parentName) (one of \(rows.count) qualifying parent rows)" }
}

import Engine

/// An `entity.columns` column: each row picks an entity index uniformly in
/// 0..<poolSize from the table's entity stream (the same pick for every
/// entity column of the row), and the column's generator runs at that
/// index, so an entity keeps its id and attributes across rows.
package struct EntityColumnGenerator: ValueGenerator {
    package let inner: any ValueGenerator
    package let poolSize: Int64
    package let pickStream: UInt64

    package init(inner: any ValueGenerator, poolSize: Int64, pickStream: UInt64) {
        self.inner = inner
        self.poolSize = max(1, poolSize)
        self.pickStream = pickStream
    }

    @inline(__always)
    package static func entity(row: Int64, poolSize: Int64, pickStream: UInt64) -> Int64 {
        var r = RowRandom(stream: pickStream, row: row)
        return Int64(r.below(UInt64(poolSize)))
    }

    package func generate(row: Int64, into value: inout Value) {
        inner.generate(row: Self.entity(row: row, poolSize: poolSize, pickStream: pickStream), into: &value)
    }

    package var writesJSONObject: Bool { inner.writesJSONObject }

    package var summary: String { "per entity (\(poolSize)): \(inner.summary)" }
}

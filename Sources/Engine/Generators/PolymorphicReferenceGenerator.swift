/// One column of a reference to a view that is a UNION ALL of tables: each
/// child row picks one row out of all the tables' rows together (so bigger
/// tables are picked more often), and every column of the reference reads
/// the same pick, which is a pure function of the row. The discriminator
/// column writes the picked table's literal; the others the parent row's key.
package struct PolymorphicReferenceGenerator: ValueGenerator {
    package enum Output: Sendable {
        /// The branch's literal (`'ellipsoid'`), one per branch.
        case discriminator([String])
        /// The parent column's generator, one per branch.
        case column([any ValueGenerator])
    }

    /// The pick of another reference whose discriminator this one shares
    /// (`table_name` naming the table of both `old_code` and `new_code`):
    /// its branch is taken, so both point into the same table.
    package struct Leader: Sendable {
        package let cumulative: [Int64]
        package let stream: UInt64
        package init(cumulative: [Int64], stream: UInt64) {
            self.cumulative = cumulative
            self.stream = stream
        }
    }

    /// Rows of branches 0…i together.
    package let cumulative: [Int64]
    /// First generated row of each branch's table (its rows on `--append`).
    package let parentFirst: [Int64]
    package let output: Output
    package let stream: UInt64
    package let childFirst: Int64
    package let tables: [String]
    package let leader: Leader?

    package init(cumulative: [Int64], parentFirst: [Int64], output: Output, stream: UInt64, childFirst: Int64, tables: [String], leader: Leader? = nil) {
        precondition(!cumulative.isEmpty && cumulative.last! > 0, "a polymorphic reference needs a parent row")
        precondition(leader.map { $0.cumulative.count == cumulative.count } ?? true, "a leader has the same branches")
        self.cumulative = cumulative
        self.parentFirst = parentFirst
        self.output = output
        self.stream = stream
        self.childFirst = childFirst
        self.tables = tables
        self.leader = leader
    }

    /// The branch and the row inside it that child row `row` points at.
    @inline(__always)
    package func pick(_ row: Int64) -> (branch: Int, row: Int64) {
        var r = RowRandom(stream: stream, row: row - childFirst)
        guard let leader else { return Self.locate(Int64(r.below(UInt64(cumulative[cumulative.count - 1]))), in: cumulative) }
        var l = RowRandom(stream: leader.stream, row: row - childFirst)
        let branch = Self.locate(Int64(l.below(UInt64(leader.cumulative[leader.cumulative.count - 1]))), in: leader.cumulative).branch
        let size = cumulative[branch] - (branch == 0 ? 0 : cumulative[branch - 1])
        return (branch, size > 0 ? Int64(r.below(UInt64(size))) : 0)
    }

    /// The branch holding the x-th of all rows, and the row inside it.
    @inline(__always)
    static func locate(_ x: Int64, in cumulative: [Int64]) -> (branch: Int, row: Int64) {
        var lo = 0, hi = cumulative.count - 1
        while lo < hi {
            let mid = (lo + hi) / 2
            if cumulative[mid] > x { hi = mid } else { lo = mid + 1 }
        }
        return (lo, x - (lo == 0 ? 0 : cumulative[lo - 1]))
    }

    @inline(__always)
    package func generate(row: Int64, into value: inout Value) {
        let (branch, parentRow) = pick(row)
        switch output {
        case .discriminator(let literals): value.setText(literals[branch])
        case .column(let generators): generators[branch].generate(row: parentRow + parentFirst[branch], into: &value)
        }
    }

    package var summary: String {
        switch output {
        case .discriminator: return "table of the referenced row (\(tables.joined(separator: ", ")))"
        case .column: return "→ a row of one of \(tables.joined(separator: ", "))"
        }
    }
}

/// A unique generator shared by several tables whose keys must not collide
/// (a key unique across tables): table k reads the shared generator from
/// row `offset` on, after the rows of the tables before it.
package struct OffsetRowGenerator: UniqueValueGenerator {
    package let inner: any ValueGenerator
    package let offset: Int64

    package init(inner: any ValueGenerator, offset: Int64) {
        self.inner = inner
        self.offset = offset
    }

    @inline(__always)
    package func generate(row: Int64, into value: inout Value) { inner.generate(row: row + offset, into: &value) }

    package var capacity: Int64? { (inner as? any UniqueValueGenerator)?.capacity.map { max(0, $0 - offset) } }

    package var summary: String { offset == 0 ? inner.summary : "\(inner.summary) (from row \(offset), keys disjoint across tables)" }
}

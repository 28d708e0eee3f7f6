/// Chooses the parent row a child row points at. Children never read parents
/// back: the parent's key for a row index is recomputed from the parent's own
/// generator.
package enum ParentRowPicker: Sendable {
    /// Any parent row, uniformly (`fan_out: uniform`, a config `foreign_key`).
    case uniform(parentRows: Int64, stream: UInt64)
    /// Any parent row, by its log-normal popularity: the default.
    case skewed(SkewedParents)
    /// Distinct child rows get distinct parents (a UNIQUE FK, i.e. 1:1).
    case injective(Permutation)
    /// A self-reference: row i points at an earlier row (row 0 at none, or at itself when the FK is NOT NULL).
    case earlierRow(stream: UInt64, nullable: Bool)
    /// One component of a tuple of parents that is distinct per row (a join
    /// table whose key is several FKs): the permuted row index read in mixed
    /// radix. `distinctFrom[k] = i` means component k must differ from
    /// component i (a `CHECK (a <> b)` on a pair of the same parent): its
    /// radix is one less and values at or above component i's are shifted up,
    /// which keeps the map a bijection onto the pairs with a ≠ b. With
    /// `rows`, the digit indexes that list of parent rows (those whose
    /// values inside the key differ) instead of the parent rows themselves.
    case tupleComponent(Permutation, radices: [Int64], component: Int, distinctFrom: [Int?], rows: [Int64]?)
    /// Every parent gets about its drawn number of children, on a foreign
    /// key that does not lay the rows out (a profile's children per parent).
    case quota(ParentQuota)
    /// `per_parent` fan-out: child rows are laid out parent by parent;
    /// `cumulative[i]` is the number of children of parents 0…i.
    case fanOut(cumulative: [Int64])
    /// The other key of a join table laid out by `fanOut`: distinct
    /// parents within each driving parent's children.
    case distinctWithinParent(DistinctWithinParent)
    /// A parent whose place matches the child row's own place: a `city` row
    /// points at the `country` row of its own country.
    case matching(PlaceMatch)
    /// One of the listed parent rows, uniformly: the parents whose key
    /// passes a CHECK on the FK column (`entity_class IN (1, 2)`), or that
    /// carry a shared key other parents have too; `why` says which.
    case among(rows: [Int64], stream: UInt64, why: String)
    /// As `among`, by the log-normal popularity of `SkewedParents` over the list.
    case amongSkewed(rows: [Int64], skew: SkewedParents, why: String)
    /// A parent that carries the same shared key as the row's driving parent.
    case agreeing(KeyAgreement)
    /// Always NULL (an FK broken for a cycle, filled by a later UPDATE).
    case none

    @inline(__always)
    package func parentRow(for row: Int64) -> Int64? {
        switch self {
        case .uniform(let n, let stream):
            var r = RowRandom(stream: stream, row: row)
            return Int64(r.below(UInt64(n)))
        case .skewed(let skew):
            return skew.parentRow(for: row)
        case .injective(let p):
            return Int64(p.apply(UInt64(row) % p.count))
        case .earlierRow(let stream, let nullable):
            if row == 0 { return nullable ? nil : 0 }
            var r = RowRandom(stream: stream, row: row)
            // Mostly recent rows, so chains (manager of manager…) stay shallow-ish.
            return Int64(r.below(UInt64(row)))
        case .tupleComponent(let p, let radices, let component, let distinctFrom, let rows):
            // Digits 0…component of the permuted index; only this component's
            // and the one it must differ from are kept (no array per row).
            var x = p.apply(UInt64(row) % p.count)
            let other = distinctFrom[component].flatMap { $0 < component ? $0 : nil }
            var otherDigit: Int64 = 0, digit: Int64 = 0
            for k in 0...component {
                digit = Int64(x % UInt64(radices[k]))
                if k == other { otherDigit = digit }
                x /= UInt64(radices[k])
            }
            if other != nil, digit >= otherDigit { digit += 1 }
            return rows.map { $0[Int(digit)] } ?? digit
        case .fanOut(let cumulative):
            return FanOutLayout.parent(of: row, cumulative: cumulative).map(Int64.init)
        case .distinctWithinParent(let within):
            return within.parentRow(for: row)
        case .matching(let match):
            return match.parentRow(for: row)
        case .quota(let quota):
            return quota.parentRow(for: row)
        case .amongSkewed(let rows, let skew, _):
            return rows[Int(skew.parentRow(for: row))]
        case .among(let rows, let stream, _):
            var r = RowRandom(stream: stream, row: row)
            return rows[Int(r.below(UInt64(rows.count)))]
        case .agreeing(let agreement):
            return agreement.parentRow(for: row)
        case .none:
            return nil
        }
    }

    package var summary: String {
        switch self {
        case .uniform: return "random parent"
        case .skewed: return "random parent, some far more often (log-normal)"
        case .injective: return "distinct parent per row"
        case .earlierRow: return "earlier row of the same table"
        case .tupleComponent: return "distinct parent tuple per row"
        case .fanOut: return "children per parent (per_parent)"
        case .distinctWithinParent: return "distinct within each parent's children along the key's other column"
        case .quota: return "children per parent as profiled"
        case .matching: return "parent of the row's own place"
        case .among(let rows, _, let why): return "one of \(rows.count) parents \(why)"
        case .amongSkewed(let rows, _, let why): return "one of \(rows.count) parents \(why), some far more often (log-normal)"
        case .agreeing(let a): return "parent of the row's own \(a.keyName)"
        case .none: return "NULL"
        }
    }
}

/// An FK column: the referenced column's value at the picked parent row.
///
/// Pickers work on row numbers relative to the rows being generated now; on
/// `--append` those start at the existing row count (`childFirst`), and the
/// parent rows to point at start at the parent's (`parentFirst`), so new rows
/// only reference parents whose keys dbsynth knows.
package struct ForeignKeyGenerator: ValueGenerator {
    package let picker: ParentRowPicker
    package let parentColumn: any ValueGenerator
    package let parentName: String
    package let childFirst: Int64
    package let parentFirst: Int64
    /// How the parent row is reached when not through this column's own FK
    /// (a shared key taken from a driving parent), for `inspect`.
    package let route: String?

    package init(picker: ParentRowPicker, parentColumn: any ValueGenerator, parentName: String, childFirst: Int64 = 0, parentFirst: Int64 = 0,
                 route: String? = nil) {
        self.picker = picker
        self.parentColumn = parentColumn
        self.parentName = parentName
        self.childFirst = childFirst
        self.parentFirst = parentFirst
        self.route = route
    }

    @inline(__always)
    package func generate(row: Int64, into value: inout Value) {
        guard let parent = picker.parentRow(for: row - childFirst) else { value.setNull(); return }
        parentColumn.generate(row: parent + parentFirst, into: &value)
    }

    /// The parent's instant at the picked parent row (nil for a NULL pick).
    package func epochSeconds(row: Int64) -> Int64? {
        guard let parent = picker.parentRow(for: row - childFirst) else { return nil }
        return parentColumn.epochSeconds(row: parent + parentFirst)
    }

    package var summary: String { "→ \(parentName) (\(route ?? picker.summary))" }
}

extension ForeignKeyGenerator: UniqueValueGenerator {
    /// Distinct only when the picker is injective; the planner asks only then.
    package var capacity: Int64? {
        if case .injective(let p) = picker { return Int64(p.count) }
        return nil
    }
}

/// Which parent rows carry each place value (country name, code, state), so a
/// child row can point at a parent that agrees with its own place.
package struct PlaceMatch: Sendable {
    package enum Attribute: Sendable { case country, countryCode, state, stateCode }

    package let rowsByKey: [String: [Int64]]
    package let attribute: Attribute
    /// The child table's own place stream and first generated row.
    package let childPlaceStream: UInt64
    package let childFirst: Int64
    package let parentRows: Int64
    package let stream: UInt64

    package init(rowsByKey: [String: [Int64]], attribute: Attribute, childPlaceStream: UInt64, childFirst: Int64, parentRows: Int64, stream: UInt64) {
        self.rowsByKey = rowsByKey
        self.attribute = attribute
        self.childPlaceStream = childPlaceStream
        self.childFirst = childFirst
        self.parentRows = parentRows
        self.stream = stream
    }

    /// A matching parent row, or any parent when none matches.
    func parentRow(for row: Int64) -> Int64 {
        var p = RowRandom(stream: childPlaceStream, row: row + childFirst)
        let place = RealisticText.place(&p)
        let key: String
        switch attribute {
        case .country: key = place.country
        case .countryCode: key = place.countryCode
        case .state: key = place.state
        case .stateCode: key = place.stateCode
        }
        var r = RowRandom(stream: stream, row: row)
        if let rows = rowsByKey[key], !rows.isEmpty { return rows[Int(r.below(UInt64(rows.count)))] }
        return Int64(r.below(UInt64(parentRows)))
    }
}

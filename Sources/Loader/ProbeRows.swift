import Engine
import Introspect

/// Which rows the probe loads: the first rows of every table, plus every
/// parent row those rows point at (and their parents' parents), so each
/// probed row finds its parents present. A BEFORE INSERT trigger that looks
/// up the parent, or a foreign key checked immediately, then behaves as in
/// the real load.
///
/// Parent rows come from the FK generators' pickers, children first (reverse
/// load order), so the closure is one pass. A table's selection stops
/// growing at `cap` rows; its children are then marked `incomplete` (a
/// foreign key violation in them may be the probe's, not the fill's).
package struct ProbeRows {
    /// Sorted row indices to probe, per table.
    package private(set) var rows: [QualifiedName: [Int64]] = [:]
    /// Tables whose rows may point at parent rows the probe did not load.
    package private(set) var incomplete: Set<QualifiedName> = []

    package init(plan: Plan, first: Int64, cap: Int) {
        var sets: [QualifiedName: Set<Int64>] = [:]
        var capped: Set<QualifiedName> = []
        let planned = Set(plan.tables.map(\.table.name))
        for t in plan.tables {
            sets[t.table.name] = Set(t.firstRow..<(t.firstRow + min(first, t.rows)))
        }
        for t in plan.tables.reversed() {
            let name = t.table.name
            // Keys the database numbers itself (a GENERATED ALWAYS identity,
            // an omitted serial) follow the insert order: row k gets the k-th
            // value only when rows 0…k-1 were inserted before it.
            if Self.numbersOwnKeys(t), let last = sets[name]?.max() {
                let end = min(last + 1, t.firstRow + Int64(cap))
                if last + 1 > end { capped.insert(name) }
                sets[name] = Set(t.firstRow..<end)
            }
            let broken = Set(t.brokenForeignKeys.map(\.foreignKey))
            // A row whose CHECK redraws its FK columns points at another
            // parent than its generators say: not followed.
            let redrawn = Set((t.rowChecks.flatMap(\.redraw) + t.serverChecks.flatMap(\.redraw)).map { t.columns[$0].column.name })
            // Each edge names the parent table and row a probe row points at.
            var edges: [(Int64) -> (parent: QualifiedName, row: Int64)?] = []
            for fk in t.table.foreignKeys where planned.contains(fk.referencedTable) && !broken.contains(fk) {
                guard let column = fk.columns.first, !redrawn.contains(column),
                      let plan = t.columns.first(where: { $0.column.name == column }),
                      Self.followsItsForeignKey(plan.generator) else {
                    incomplete.insert(name)
                    continue
                }
                let generator = plan.generator
                edges.append { row in Self.parentRow(generator, row: row).map { (fk.referencedTable, $0) } }
            }
            // A reference to a view of several tables (from a trigger): the picked table's row.
            for column in t.columns {
                guard let reference = column.generator as? PolymorphicReferenceGenerator,
                      case .discriminator = reference.output else { continue }
                let parents = reference.tables.map { name in plan.tables.first { $0.table.name.description == name }?.table.name }
                edges.append { row in
                    let (branch, parentRow) = reference.pick(row)
                    return parents[branch].map { ($0, parentRow + reference.parentFirst[branch]) }
                }
            }
            guard !edges.isEmpty else { continue }
            var work = Array(sets[name] ?? [])
            var i = 0
            while i < work.count {
                let row = work[i]
                i += 1
                for edge in edges {
                    guard let (parent, parentRow) = edge(row) else { continue }
                    if sets[parent]?.contains(parentRow) ?? true { continue }
                    guard sets[parent]!.count < cap else { capped.insert(parent); continue }
                    sets[parent]!.insert(parentRow)
                    // A self-reference: the parent row has parents of its own.
                    if parent == name { work.append(parentRow) }
                }
            }
        }
        for t in plan.tables {
            rows[t.table.name] = sets[t.table.name]!.sorted()
            let broken = Set(t.brokenForeignKeys.map(\.foreignKey))
            if t.table.foreignKeys.contains(where: { !broken.contains($0) && capped.contains($0.referencedTable) }) {
                incomplete.insert(t.table.name)
            }
        }
    }

    /// Whether the database fills a sequence-backed column of the table itself.
    static func numbersOwnKeys(_ t: TablePlan) -> Bool {
        let written = Set(t.columns.map(\.column.name))
        return t.table.columns.contains { c in !written.contains(c.name) && (c.sequence != nil || c.identity != nil) }
    }

    /// Whether every value of the FK column comes from a parent row of its
    /// own FK that `parentRow` can name: under the wrappers that only blank
    /// some rows, and in every branch of a per-row branch. A key taken
    /// through another parent (a shared key, `from_parent`) names no row of
    /// its own parent, so its table is incomplete.
    static func followsItsForeignKey(_ g: any ValueGenerator) -> Bool {
        if let fk = g as? ForeignKeyGenerator { return fk.route == nil }
        if g is NullGenerator { return true }
        if let n = g as? NullableGenerator { return followsItsForeignKey(n.inner) }
        if let n = g as? NullCountGroupGenerator { return followsItsForeignKey(n.inner) }
        if let d = g as? DomainGuardGenerator { return followsItsForeignKey(d.inner) }
        if let b = g as? BranchGenerator { return b.branches.allSatisfy(followsItsForeignKey) }
        return false
    }

    /// The parent row an FK column's generator points at for `row` (nil: none, NULL).
    static func parentRow(_ g: any ValueGenerator, row: Int64) -> Int64? {
        switch g {
        case let fk as ForeignKeyGenerator:
            return fk.picker.parentRow(for: row - fk.childFirst).map { $0 + fk.parentFirst }
        case let n as NullableGenerator: return parentRow(n.inner, row: row)
        case let n as NullCountGroupGenerator: return parentRow(n.inner, row: row)
        case let d as DomainGuardGenerator: return parentRow(d.inner, row: row)
        case let b as BranchGenerator: return parentRow(b.branches[b.chooser.branch(row: row)], row: row)
        default: return nil
        }
    }

    /// Consecutive runs of sorted rows, as ranges a batch can be generated for.
    package static func ranges(_ rows: [Int64]) -> [Range<Int64>] {
        var out: [Range<Int64>] = []
        for row in rows {
            if let last = out.last, last.upperBound == row {
                out[out.count - 1] = last.lowerBound..<(row + 1)
            } else {
                out.append(row..<(row + 1))
            }
        }
        return out
    }
}

import Engine
import Introspect
import SchemaModel

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
        let ranges = Dictionary(plan.tables.map { ($0.table.name, $0.rowRange) }, uniquingKeysWith: { a, _ in a })
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
            // A trigger's condition redraws only the rows the database would
            // reject, so the generators' picks are followed; a redrawn row may
            // still point at a parent the probe left out, so the table is
            // incomplete when such a redraw can change a reference.
            let redrawn = Set((t.rowChecks.flatMap(\.redraw) + t.serverChecks.filter { $0.trigger == nil }.flatMap(\.redraw)).map { t.columns[$0].column.name })
            let references = Set(t.table.foreignKeys.flatMap(\.columns) + t.table.polymorphicReferences.flatMap(\.allColumns))
            if t.serverChecks.contains(where: { $0.trigger != nil && $0.redraw.contains { references.contains(t.columns[$0].column.name) } }) {
                incomplete.insert(name)
            }
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
            // One edge per reference: every column of it reads the same pick (one stream).
            var seenReferences: Set<UInt64> = []
            for column in t.columns {
                guard let reference = Self.leaves(column.generator).lazy.compactMap({ $0 as? PolymorphicReferenceGenerator }).first else { continue }
                guard !redrawn.contains(column.column.name) else { incomplete.insert(name); continue }
                let generator = column.generator
                guard seenReferences.insert(reference.stream).inserted else { continue }
                edges.append { row in
                    guard let reference = Self.reference(generator, row: row) else { return nil }
                    let (branch, parentRow) = reference.pick(row)
                    let parent = plan.tables.first { $0.table.name.description == reference.tables[branch] }?.table.name
                    return parent.map { ($0, parentRow + reference.parentFirst[branch]) }
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
                    // On --append a row below the parent's first generated row is one already there.
                    if let range = ranges[parent], !range.contains(parentRow) { continue }
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
            if t.table.foreignKeys.contains(where: { !broken.contains($0) && capped.contains($0.referencedTable) })
                || t.table.polymorphicReferences.contains(where: { $0.branches.contains { capped.contains($0.table) } }) {
                incomplete.insert(t.table.name)
            }
        }
    }

    /// Whether the database fills a sequence-backed column of the table itself.
    static func numbersOwnKeys(_ t: TablePlan) -> Bool {
        let written = Set(t.columns.map(\.column.name))
        return t.table.columns.contains { c in !written.contains(c.name) && (c.sequence != nil || c.identity != nil) }
    }

    /// The generator under the wrappers that only blank some rows (NULL,
    /// null-count groups, domain guards), and under a per-row branch the
    /// branch row `row` takes.
    static func leaf(_ g: any ValueGenerator, row: Int64) -> any ValueGenerator {
        switch g {
        case let n as NullableGenerator: return leaf(n.inner, row: row)
        case let n as NullCountGroupGenerator: return leaf(n.inner, row: row)
        case let d as DomainGuardGenerator: return leaf(d.inner, row: row)
        case let b as BranchGenerator: return leaf(b.branches[b.chooser.branch(row: row)], row: row)
        default: return g
        }
    }

    /// Every generator some row of the column can end in, under the same wrappers.
    static func leaves(_ g: any ValueGenerator) -> [any ValueGenerator] {
        switch g {
        case let n as NullableGenerator: return leaves(n.inner)
        case let n as NullCountGroupGenerator: return leaves(n.inner)
        case let d as DomainGuardGenerator: return leaves(d.inner)
        case let b as BranchGenerator: return b.branches.flatMap(leaves)
        default: return [g]
        }
    }

    /// Whether every value of the FK column comes from a parent row of its
    /// own FK that `parentRow` can name, in every branch of a per-row
    /// branch. A key taken through another parent (a shared key,
    /// `from_parent`) names no row of its own parent, so its table is incomplete.
    static func followsItsForeignKey(_ g: any ValueGenerator) -> Bool {
        leaves(g).allSatisfy { leaf in
            if let fk = leaf as? ForeignKeyGenerator { return fk.route == nil }
            return leaf is NullGenerator
        }
    }

    /// The reference to a view of tables that writes row `row` of a column.
    static func reference(_ g: any ValueGenerator, row: Int64) -> PolymorphicReferenceGenerator? {
        leaf(g, row: row) as? PolymorphicReferenceGenerator
    }

    /// The parent row an FK column's generator points at for `row` (nil: none, NULL).
    static func parentRow(_ g: any ValueGenerator, row: Int64) -> Int64? {
        guard let fk = leaf(g, row: row) as? ForeignKeyGenerator else { return nil }
        return fk.picker.parentRow(for: row - fk.childFirst).map { $0 + fk.parentFirst }
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

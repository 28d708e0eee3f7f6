import Introspect
import SchemaModel

/// Scores a target database against a source (`dbsynth compare`): the
/// same tables and columns by name, each sampled as `Profiler` samples.
/// Keys, foreign keys and free text (more than half its values distinct)
/// are not shapes; they count in cardinality and copies.
package struct Comparer {
    package var sampleLimit = 100_000
    /// `--holdout F`: the share `profile --holdout F` left out.
    package var holdout: Holdout?

    package init() {}

    package func compare(source: DatabaseConnection, _ sourceSchema: Schema, target: DatabaseConnection, _ targetSchema: Schema,
                         names: (source: String, target: String)) throws -> QualityReport {
        var figures = ReportFigures()
        return try compare(source: source, sourceSchema, target: target, targetSchema, names: names, figures: &figures)
    }

    /// The report, and what `compare --html` draws of it into `figures`.
    package func compare(source: DatabaseConnection, _ sourceSchema: Schema, target: DatabaseConnection, _ targetSchema: Schema,
                         names: (source: String, target: String), figures: inout ReportFigures) throws -> QualityReport {
        var sampler = Profiler()
        sampler.sampleLimit = sampleLimit
        var columns: [QualityReport.ColumnScore] = []
        var foreignKeys: [QualityReport.CardinalityScore] = []
        var pairs: [QualityReport.PairScore] = []
        var copies = 0, compared = 0
        var copiedTables: [QualityReport.CopyCount] = []
        var samples: [QualifiedName: TableSample] = [:]
        var closestNearer = 0, closestRows = 0
        for s in sourceSchema.tables {
            guard let t = targetSchema.tables.first(where: { $0.name.description == s.name.description })
                    ?? targetSchema.tables.first(where: { $0.name.name == s.name.name }) else { continue }
            let shared = s.columns.filter { c in !c.isGenerated && t.column(named: c.name) != nil }
            guard !shared.isEmpty else { continue }
            var sourceRows: [[String?]] = [], heldOut: [[String?]] = []
            if let holdout {
                // The whole rows, to find the held-out ones as profile did.
                let indexes = shared.map { c in s.columns.firstIndex { $0.name == c.name }! }
                for row in try sample(sampler, s, s.columns.map(\.name), source) {
                    let projected = indexes.map { row[$0] }
                    if holdout.holds(row) { heldOut.append(projected) } else { sourceRows.append(projected) }
                }
            } else {
                sourceRows = try sample(sampler, s, shared.map(\.name), source)
            }
            let targetRows = try sample(sampler, t, shared.map(\.name), target)
            let keys = Set(s.primaryKey + s.foreignKeys.flatMap(\.columns))
            var shaped: [(column: Column, samples: (source: PairTrends.Sample, target: PairTrends.Sample))] = []
            for (i, c) in shared.enumerated() where !keys.contains(c.name) {
                let a = sourceRows.compactMap { $0[i] }, b = targetRows.compactMap { $0[i] }
                guard !a.isEmpty, !b.isEmpty, let score = Self.shape(c, a, b) else { continue }
                columns.append(.init(table: s.name.description, column: c.name, metric: score.metric, score: score.value))
                shaped.append((c, (PairTrends.sample(c, sourceRows.map { $0[i] }), PairTrends.sample(c, targetRows.map { $0[i] }))))
            }
            samples[s.name] = TableSample(columns: shared.map(\.name), source: sourceRows, target: targetRows, shaped: shaped)
            figures.histograms += shaped.map { ReportFigures.histogram(table: s.name.description, column: $0.column, $0.samples) }
            if let matrices = ReportFigures.correlations(table: s.name.description, shaped.map { ($0.column.name, $0.samples) }) {
                figures.correlations.append(matrices)
            }
            let paired = shaped.prefix(PairTrends.maxColumns)
            for (x, a) in paired.enumerated() {
                for b in paired.dropFirst(x + 1) {
                    guard let score = PairTrends.score(a.samples, b.samples) else { continue }
                    pairs.append(.init(table: s.name.description, columns: [a.column.name, b.column.name], metric: score.metric, score: score.value))
                }
            }
            // Copies: whole rows of non-key values found in the source sample,
            // where such rows tell records apart (mostly distinct in the source).
            // An integer column distinct on every row is an identifier even
            // without a key (a unique manager id): any fill repeats its numbers.
            let identifiers = Set(shared.indices.filter { i in
                if case .integer = shared[i].type {
                    let values = sourceRows.compactMap { $0[i] }
                    return !values.isEmpty && Set(values).count == values.count
                }
                return false
            })
            let free = shared.indices.filter { !keys.contains(shared[$0].name) && !identifiers.contains($0) }
            let seen = Set(sourceRows.map { row in free.map { row[$0] } })
            if !free.isEmpty, Double(seen.count) >= 0.5 * Double(sourceRows.count) {
                let copied = targetRows.filter { row in seen.contains(free.map { row[$0] }) }.count
                compared += targetRows.count
                copies += copied
                copiedTables.append(.init(table: s.name.description, rows: targetRows.count, copies: copied))
                if !heldOut.isEmpty {
                    let project = { (rows: [[String?]]) in rows.map { row in free.map { row[$0] } } }
                    let dcr = ClosestRecords(source: project(sourceRows + heldOut))
                    let (nearer, n) = dcr.nearerThanHeldOut(project(targetRows), training: project(sourceRows), heldOut: project(heldOut))
                    closestNearer += nearer
                    closestRows += n
                }
            }
            for fk in s.foreignKeys where fk.referencedTable != s.name {
                guard let tfk = t.foreignKeys.first(where: { $0.columns == fk.columns }) else { continue }
                let a = try sampler.childrenPerParent(fk, of: s, connection: source)
                let b = try sampler.childrenPerParent(tfk, of: t, connection: target)
                guard !a.isEmpty, !b.isEmpty else { continue }
                figures.children.append(.init(table: s.name.description, columns: fk.columns, references: fk.referencedTable.description,
                                              source: ReportFigures.curve(a), target: ReportFigures.curve(b)))
                foreignKeys.append(.init(table: s.name.description, columns: fk.columns, references: fk.referencedTable.description,
                                         score: 1 - Self.ks(a, b)))
            }
        }
        let intertable = intertableTrends(sourceSchema, samples)
        let shapes = columns.isEmpty ? nil : columns.map(\.score).reduce(0, +) / Double(columns.count)
        let cardinality = foreignKeys.isEmpty ? nil : foreignKeys.map(\.score).reduce(0, +) / Double(foreignKeys.count)
        let trends = pairs.isEmpty ? nil : pairs.map(\.score).reduce(0, +) / Double(pairs.count)
        let across = intertable.isEmpty ? nil : intertable.map(\.score).reduce(0, +) / Double(intertable.count)
        let parts = [shapes, trends, cardinality, across].compactMap { $0 }
        var closest: QualityReport.ClosestRecordScore?
        if let holdout, closestRows > 0 {
            let share = Double(closestNearer) / Double(closestRows)
            let expected = ClosestRecords.percentile
            closest = .init(holdout: holdout.fraction, nearerThanHeldOut: share,
                            score: max(0, min(1, 1 - (share - expected) / (1 - expected))), rows: closestRows)
        }
        var report = QualityReport(source: names.source, target: names.target, columnShapes: shapes, columnPairTrends: trends,
                             intertableTrends: across, intertablePairs: intertable, cardinality: cardinality,
                             overall: parts.isEmpty ? 0 : parts.reduce(0, +) / Double(parts.count),
                             exactMatchShare: compared == 0 ? 0 : Double(copies) / Double(compared),
                             columns: columns, pairs: pairs, foreignKeys: foreignKeys, copies: copiedTables)
        report.closestRecords = closest
        return report
    }

    /// One table's sampled rows in both databases, and its shape-scored columns.
    struct TableSample {
        var columns: [String]
        var source: [[String?]]
        var target: [[String?]]
        var shaped: [(column: Column, samples: (source: PairTrends.Sample, target: PairTrends.Sample))]
    }

    /// sdmetrics' Intertable Trends: the column pair trends of a child's
    /// columns against its parent's, each child row beside the parent row
    /// its foreign key points at (in both databases, over the samples).
    func intertableTrends(_ schema: Schema, _ samples: [QualifiedName: TableSample]) -> [QualityReport.PairScore] {
        var out: [QualityReport.PairScore] = []
        for child in schema.tables {
            guard let c = samples[child.name], !c.shaped.isEmpty else { continue }
            for fk in child.foreignKeys where fk.referencedTable != child.name {
                guard let p = samples[fk.referencedTable], !p.shaped.isEmpty,
                      let childKey = Optional(fk.columns.compactMap { c.columns.firstIndex(of: $0) }), childKey.count == fk.columns.count,
                      let parentKey = Optional(fk.referencedColumns.compactMap { p.columns.firstIndex(of: $0) }), parentKey.count == fk.columns.count
                else { continue }
                // Parent columns at each child row, by key, in each database.
                func aligned(_ childRows: [[String?]], _ parentRows: [[String?]], _ column: Int) -> [String?] {
                    var byKey: [[String?]: Int] = [:]
                    for (i, row) in parentRows.enumerated() { byKey[parentKey.map { row[$0] }] = i }
                    return childRows.map { row in byKey[childKey.map { row[$0] }].flatMap { parentRows[$0][column] } }
                }
                for pc in p.shaped.prefix(PairTrends.maxColumns / 2) {
                    guard let index = p.columns.firstIndex(of: pc.column.name) else { continue }
                    let parentAtChild = (source: PairTrends.sample(pc.column, aligned(c.source, p.source, index)),
                                         target: PairTrends.sample(pc.column, aligned(c.target, p.target, index)))
                    for cc in c.shaped.prefix(PairTrends.maxColumns / 2) {
                        guard let score = PairTrends.score(cc.samples, parentAtChild) else { continue }
                        out.append(.init(table: child.name.description, columns: [cc.column.name, "\(fk.referencedTable).\(pc.column.name)"],
                                         metric: score.metric, score: score.value))
                    }
                }
            }
        }
        return out
    }

    func sample(_ sampler: Profiler, _ table: Table, _ columns: [String], _ connection: DatabaseConnection) throws -> [[String?]] {
        var narrowed = table
        narrowed.columns = table.columns.filter { columns.contains($0.name) }
        narrowed.columns.sort { columns.firstIndex(of: $0.name)! < columns.firstIndex(of: $1.name)! }
        do {
            return try sampler.query(connection, sampler.sampleSQL(narrowed))
        } catch let error as DatabaseError {
            throw error.prefixed("comparing \(table.name)")
        }
    }

    /// The shape score of one column: KS for what has an order, TV for
    /// categories; nil for free text (more than half its values distinct).
    static func shape(_ column: Column, _ a: [String], _ b: [String]) -> (metric: String, value: Double)? {
        var sa = ColumnSummary(column), sb = ColumnSummary(column)
        for v in a { sa.add(v) }
        for v in b { sb.add(v) }
        switch sa.kind {
        case .number, .date, .timestamp:
            guard !sa.numbers.isEmpty, !sb.numbers.isEmpty else { return nil }
            return ("ks", 1 - ks(sa.numbers.sorted(), sb.numbers.sorted()))
        case .text, .boolean:
            guard Double(sa.counts.count) <= 0.5 * Double(a.count) else { return nil }
            return ("tv", 1 - tv(sa.counts, sb.counts))
        case .other:
            return nil
        }
    }

    /// The largest distance between the two empirical CDFs (inputs sorted).
    static func ks(_ a: [Double], _ b: [Double]) -> Double {
        var i = 0, j = 0, d = 0.0
        while i < a.count, j < b.count {
            let x = min(a[i], b[j])
            while i < a.count, a[i] <= x { i += 1 }
            while j < b.count, b[j] <= x { j += 1 }
            d = max(d, abs(Double(i) / Double(a.count) - Double(j) / Double(b.count)))
        }
        return d
    }

    /// Half the summed difference of the two frequency distributions.
    static func tv(_ a: [String: Int], _ b: [String: Int]) -> Double {
        let na = Double(a.values.reduce(0, +)), nb = Double(b.values.reduce(0, +))
        var sum = 0.0
        for key in Set(a.keys).union(b.keys) {
            sum += abs(Double(a[key] ?? 0) / na - Double(b[key] ?? 0) / nb)
        }
        return sum / 2
    }
}

import Engine
import Introspect
import SchemaModel

/// `profile --stats-only`: a profile from PostgreSQL's planner statistics
/// (`pg_stats`, `pg_class.reltuples`) instead of rows, for users allowed
/// to read the catalog but not the data. Lower fidelity: no copula, rules
/// or shared keys, children per parent estimated from the FK column's
/// distinct count and most common values; still K-anonymous: a most common
/// value is written only if its estimated count is at least K, histogram
/// bounds (single real values) are never written as they are, only the
/// averages of the interpolated CDF over windows of K rows.
package struct StatsProfiler {
    package var minCount = 5

    package init() {}

    /// Statistics of the table's columns by name, empty when ANALYZE has not run.
    struct ColumnStats {
        var nullFraction: Double
        var distinct: Double
        var common: [String]
        var frequencies: [Double]
        var bounds: [String]
    }

    package func profile(_ connection: PostgresConnection, schema: Schema, source: String) throws -> (DataProfile, unanalysed: [String]) {
        var tables: [TableProfile] = []
        var suppressed = 0
        var unanalysed: [String] = []
        var rows: [QualifiedName: Double] = [:]
        var stats: [QualifiedName: [String: ColumnStats]] = [:]
        for table in schema.tables {
            do {
                rows[table.name] = try reltuples(connection, table)
                stats[table.name] = try columnStats(connection, table)
            } catch let error as DatabaseError {
                throw error.prefixed("reading the statistics of \(table.name)")
            }
            if stats[table.name]?.isEmpty ?? true { unanalysed.append(table.name.description) }
        }
        // A table ANALYZE never saw is left out: a fill infers it as usual.
        for table in schema.tables where !(stats[table.name]?.isEmpty ?? true) {
            let n = rows[table.name] ?? 0
            var columns: [ColumnProfile] = []
            for column in table.columns {
                guard let s = stats[table.name]?[column.name] else { continue }
                let (profile, left) = self.column(column, s, rows: n)
                columns.append(profile)
                suppressed += left
            }
            let foreignKeys = table.foreignKeys.compactMap { fk -> ForeignKeyProfile? in
                guard fk.columns.count == 1, let s = stats[table.name]?[fk.columns[0]], let parents = rows[fk.referencedTable], parents >= 1 else { return nil }
                return foreignKey(fk, s, childRows: n, parentRows: parents)
            }
            tables.append(TableProfile(name: table.name.description, rows: Int64(n.rounded()), sampled: 0, columns: columns, foreignKeys: foreignKeys))
        }
        var profile = DataProfile(source: source, dialect: schema.dialect.rawValue, minCount: minCount, sampleLimit: 0,
                                  suppressedValues: suppressed, tables: tables)
        profile.statistics = "pg_stats"
        return (profile, unanalysed)
    }

    /// The planner's row estimate; a partitioned table's is its partitions' sum.
    func reltuples(_ c: PostgresConnection, _ table: Table) throws -> Double {
        let sql = table.partitioning == nil ? "SELECT reltuples FROM pg_class WHERE oid = $1::regclass"
            : "SELECT sum(greatest(reltuples, 0)) FROM pg_inherits JOIN pg_class ON pg_class.oid = inhrelid WHERE inhparent = $1::regclass"
        let row = try c.query(sql, [table.name.quoted]).first
        return max(0, row?.first.flatMap { $0.flatMap(Double.init) } ?? 0)
    }

    /// A partitioned table's statistics are over its partitions (`inherited`).
    func columnStats(_ c: PostgresConnection, _ table: Table) throws -> [String: ColumnStats] {
        let rows = try c.query("""
            SELECT attname, null_frac, n_distinct, most_common_vals::text, most_common_freqs::text, histogram_bounds::text
            FROM pg_stats WHERE schemaname = $1 AND tablename = $2 AND inherited = $3
            """, [table.name.schema ?? "public", table.name.name, table.partitioning == nil ? "f" : "t"])
        var out: [String: ColumnStats] = [:]
        for r in rows {
            guard let name = r[0] else { continue }
            out[name] = ColumnStats(
                nullFraction: r[1].flatMap(Double.init) ?? 0, distinct: r[2].flatMap(Double.init) ?? 0,
                common: (r[3].flatMap(PostgresArray.elements) ?? []).map { $0 ?? "" },
                frequencies: (r[4].flatMap(PostgresArray.elements) ?? []).compactMap { $0.flatMap(Double.init) },
                bounds: (r[5].flatMap(PostgresArray.elements) ?? []).compactMap { $0 })
        }
        return out
    }

    func column(_ column: Column, _ s: ColumnStats, rows: Double) -> (ColumnProfile, suppressed: Int) {
        let summary = ColumnSummary(column)
        let nonNull = max(1e-12, 1 - s.nullFraction)
        let distinct = s.distinct >= 0 ? s.distinct : -s.distinct * rows
        // A most common value is kept only if about K rows or more hold it.
        var frequent: [FrequentValue] = []
        var left = 0
        for (value, f) in zip(s.common, s.frequencies) {
            if f * rows >= Double(minCount) { frequent.append(FrequentValue(value: value, share: f / nonNull)) } else { left += 1 }
        }
        var profile = ColumnProfile(name: column.name, type: column.type.summary, kind: summary.kind, nullFraction: s.nullFraction,
                                    distinct: Int(distinct.rounded()), unique: s.distinct == -1,
                                    frequent: summary.kind == .other ? [] : Array(frequent.prefix(50)))
        guard summary.isNumeric else { return (profile, left) }
        let bounds = s.bounds.compactMap(summary.number).sorted()
        let commonShare = frequent.reduce(0) { $0 + $1.share }
        // The histogram's rows are the values outside the most common ones.
        let histogramRows = rows * nonNull * max(0, 1 - s.frequencies.reduce(0, +) / nonNull)
        let rest = bounds.count >= 2 ? Self.quantiles(bounds, windowRows: Double(minCount), rows: histogramRows) : nil
        profile.restQuantiles = frequent.isEmpty ? nil : rest
        profile.quantiles = frequent.isEmpty ? rest : Self.combined(frequent, summary: summary, rest: rest, restShare: 1 - commonShare)
        if profile.quantiles == nil, let only = frequent.first.flatMap({ summary.number($0.value) }) {
            profile.quantiles = Array(repeating: only, count: KAnonymousQuantiles.points)
        }
        for i in profile.frequent.indices {
            if let v = summary.number(profile.frequent[i].value) {
                profile.frequent[i].below = Self.below(v, frequent: profile.frequent, summary: summary, rest: rest, restShare: 1 - commonShare)
            }
        }
        if summary.kind == .number {
            let texts = s.common + s.bounds
            profile.scale = texts.map(ColumnSummary.fractionDigits).max() ?? 0
        }
        return (profile, left)
    }

    /// 257 points of the histogram's inverse CDF (bounds equally spaced in
    /// probability), each averaged over a window of `windowRows` of the
    /// histogram's rows so no bound is written as it is.
    static func quantiles(_ bounds: [Double], windowRows: Double, rows: Double) -> [Double] {
        let buckets = Double(bounds.count - 1)
        func inverse(_ p: Double) -> Double {
            let x = min(max(p, 0), 1) * buckets
            let i = min(bounds.count - 2, Int(x))
            return bounds[i] + (bounds[i + 1] - bounds[i]) * (x - Double(i))
        }
        let w = min(0.5, max(windowRows / max(rows, 1), 1.0 / 512))
        let points = KAnonymousQuantiles.points
        return (0..<points).map { k in
            let p = Double(k) / Double(points - 1)
            let lo = min(max(p - w / 2, 0), 1 - w), hi = lo + w
            // The mean of the piecewise-linear inverse over [lo, hi].
            let steps = 16
            return (0..<steps).reduce(0.0) { $0 + inverse(lo + (hi - lo) * (Double($1) + 0.5) / Double(steps)) } / Double(steps)
        }
    }

    /// Where a value sits among all non-NULL values: the common values below
    /// it and the histogram's share below it.
    static func below(_ v: Double, frequent: [FrequentValue], summary: ColumnSummary, rest: [Double]?, restShare: Double) -> Double {
        let common = frequent.filter { (summary.number($0.value) ?? .infinity) < v }.reduce(0) { $0 + $1.share }
        guard let rest, rest.count > 1 else { return common }
        let under = Double(rest.filter { $0 < v }.count) / Double(rest.count)
        return min(1, common + max(0, restShare) * under)
    }

    /// The quantiles of every value: the common values as atoms among the histogram's.
    static func combined(_ frequent: [FrequentValue], summary: ColumnSummary, rest: [Double]?, restShare: Double) -> [Double]? {
        let atoms = frequent.compactMap { f in summary.number(f.value).map { ($0, f.share) } }
        let restPoints = rest ?? []
        // A weighted sample: each rest point carries restShare / count, each atom its share.
        var weighted = atoms.map { (value: $0.0, weight: $0.1) }
        if !restPoints.isEmpty { weighted += restPoints.map { ($0, max(0, restShare) / Double(restPoints.count)) } }
        weighted.sort { $0.value < $1.value }
        let total = weighted.reduce(0) { $0 + $1.weight }
        guard total > 0, !weighted.isEmpty else { return nil }
        let points = KAnonymousQuantiles.points
        var out: [Double] = []
        var running = 0.0, i = 0
        for k in 0..<points {
            let target = Double(k) / Double(points - 1) * total
            while i < weighted.count - 1, running + weighted[i].weight < target { running += weighted[i].weight; i += 1 }
            out.append(weighted[i].value)
        }
        return out
    }

    /// Children per parent from the FK column's statistics: parents with a
    /// child are its distinct values, the most common ones hold their
    /// frequency's share of children, the others share the rest evenly.
    func foreignKey(_ fk: ForeignKey, _ s: ColumnStats, childRows: Double, parentRows: Double) -> ForeignKeyProfile {
        let keyed = childRows * (1 - s.nullFraction)
        let distinct = min(parentRows, s.distinct >= 0 ? s.distinct : -s.distinct * childRows)
        let heavy = zip(s.common, s.frequencies).map { $0.1 * childRows }
        let others = max(0, distinct - Double(heavy.count))
        let each = others > 0 ? max(0, keyed - heavy.reduce(0, +)) / others : 0
        var counts = Array(repeating: 0.0, count: Int(max(0, parentRows - distinct).rounded()))
        counts += Array(repeating: each, count: Int(others.rounded())) + heavy
        counts.sort()
        return ForeignKeyProfile(columns: fk.columns, references: fk.referencedTable.description, nullFraction: s.nullFraction,
                                 childlessShare: parentRows > 0 ? max(0, 1 - distinct / parentRows) : 0,
                                 meanChildren: parentRows > 0 ? keyed / parentRows : 0,
                                 childrenQuantiles: KAnonymousQuantiles.ofCounts(sorted: counts, k: minCount) ?? [])
    }
}

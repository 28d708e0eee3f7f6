#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Engine
import SchemaModel

/// A profile as the planner's `ColumnOverrides` (`fill --profile`): each
/// profiled column of the target draws from what the source held (its
/// frequent values on the share of rows they covered, its quantiles or the
/// rule-based generator of its kind on the rest, its NULL share), the
/// columns of a table's copula through correlated uniforms, the rules the
/// source obeyed, and every profiled foreign key the source's children per
/// parent (and NULL share), tied to the parent's columns by the parent's
/// copula. Keys stay with inference (a foreign key only takes its NULL
/// share), UNIQUE numbers and dates follow the profile while staying
/// distinct, and the target's CHECKs still win (the planner clips every
/// override to its column's domain).
package struct ProfileOverrides: ColumnOverrides {
    let profile: DataProfile
    let seed: UInt64
    /// Each profiled table's copula, made once: every column of the table
    /// and every child's fan-out reads the same coordinates.
    let copulas: [String: GaussianCopula]

    /// Tables up to this many rows take their copula coordinates by rank
    /// (`RankedUniforms`); beyond it n draws already follow the marginals
    /// to within 1/√n, and ranking would cost a pass over the rows per
    /// column when the plan is made.
    static let rankedRows: Int64 = 100_000

    package init(profile: DataProfile, seed: UInt64) {
        let lifted = profile.liftingCopies()
        self.profile = lifted
        self.seed = seed
        copulas = Dictionary(lifted.tables.compactMap { t in
            t.copula.flatMap { c in
                GaussianCopula(correlation: Self.parentBlockAsFilled(c, of: t, in: lifted),
                               stream: RowRandom.streamKey(seed: seed, table: t.name, column: "\u{1}copula")).map { (t.name, $0) }
            }
        }, uniquingKeysWith: { a, _ in a })
    }

    func profile(of table: QualifiedName) -> TableProfile? { profile.table(matching: table) }

    package func seed(for table: Table) -> UInt64? { nil }

    /// The copula of a profiled table, its coordinates keyed by the
    /// profiled name so a child's fan-out reads the same ones.
    func copula(of profiled: TableProfile) -> GaussianCopula? { copulas[profiled.name] }

    /// The copula's matrix with the correlations among its leading parent
    /// columns as the fill draws them: the parent's own copula entry where
    /// both columns are in it, else 0 (the parent draws them independently).
    /// Measured at the child's rows the parent's columns can be all but
    /// collinear (nine employees behind 830 orders: their title and country
    /// correlate at -0.999); conditioning on parent uniforms that do not
    /// follow that block solves for wildly large innovations and pushes
    /// every child coordinate to 0 or 1.
    static func parentBlockAsFilled(_ copula: CopulaProfile, of profiled: TableProfile, in profile: DataProfile) -> [[Double]] {
        var r = copula.correlation
        guard let through = copula.dimensions.first?.parent else { return r }
        let leading = copula.dimensions.prefix { $0.parent == through }.count
        let parent = profiled.foreignKeys.first { $0.columns == through }.flatMap { fk in profile.tables.first { $0.name == fk.references } }
        let parentCopula = parent?.copula
        let index = copula.dimensions.prefix(leading).map { d in
            parentCopula?.dimensions.firstIndex { $0.column == d.column && $0.parent == nil && $0.children == nil }
        }
        for a in 0..<leading {
            for b in 0..<leading where b != a {
                if let i = index[a], let j = index[b], let parentCopula { r[a][b] = parentCopula.correlation[i][j] } else { r[a][b] = 0 }
            }
        }
        return r
    }

    /// A copula coordinate of a table whose copula leads with parent
    /// columns (parent context), tied to the parent row the foreign key
    /// picks: those dimensions are the parent's own uniforms there. The
    /// plain coordinate where the parent's columns are not drawn from the
    /// profile (a config overrides them) or the key cannot be followed.
    func conditioned(_ source: UniformSource, table: Table, profiled: TableProfile, context: OverrideContext) -> UniformSource {
        guard case .copula(let copula, let j) = source, let dims = profiled.copula?.dimensions,
              let through = dims.first?.parent, let fk = table.foreignKeys.first(where: { $0.columns == through }) else { return source }
        let leading = dims.prefix { $0.parent == through }
        guard j >= leading.count,
              let reference = try? context.fromParent(foreignKeyColumn: fk.columns[0], parentColumn: leading.first?.column ?? "") as? ForeignKeyGenerator,
              let parents = try? leading.map({ try context.generator(of: fk.referencedTable, column: $0.column ?? "").drivingUniform }),
              parents.allSatisfy({ $0 != nil }) else { return source }
        return .conditional(copula, dimension: j, parent: ParentContext(picker: reference.picker, childFirst: reference.childFirst,
                                                                         parentFirst: reference.parentFirst, columns: parents.compactMap { $0 }))
    }

    /// The uniform a column (or a children count) of a profiled table draws
    /// from: its copula coordinate when it has one.
    func source(_ dimension: CopulaDimension, of profiled: TableProfile, otherwise stream: UInt64) -> UniformSource {
        if let j = profiled.copula?.dimensions.firstIndex(where: {
            $0.column == dimension.column && $0.parent == dimension.parent && $0.children == dimension.children && $0.foreignKey == dimension.foreignKey
        }),
           let copula = copula(of: profiled) {
            return .copula(copula, dimension: j)
        }
        return .own(stream: stream)
    }

    /// Where a parent's children count comes from: the parent's copula
    /// coordinate for this FK, so parents with more of something have
    /// more children; else the n parents' shuffled places 0, 1/(n−1), …, 1,
    /// so the children-per-parent shape comes out whole however few parents
    /// there are, its extremes included (one of 18 playlists holds 3,290
    /// tracks: the top quantile, which evenly spread places inside (0, 1)
    /// would interpolate away).
    func childrenSource(_ child: TableProfile, _ fk: ForeignKey, parentRows: Int64, stream: UInt64) -> UniformSource {
        let spread = parentRows > 0 ? UniformSource.spanning(Permutation(count: UInt64(parentRows), key: stream))
            : UniformSource.evenlySpread(offset: Double(stream >> 11) * 0x1.0p-53)
        guard let parent = profile(of: fk.referencedTable) else { return spread }
        let found = source(.children(child.name, along: fk.columns), of: parent, otherwise: stream)
        guard case .copula = found else { return spread }
        // The coordinates' order over the parents, their places spanning.
        return RankedUniforms(found, rows: parentRows, spanning: true).map { .ranked($0, isCopula: true) } ?? found
    }

    /// How far a foreign key's children per parent are from what the
    /// other side of a join table gets when the rows are laid out along
    /// its partner (about Poisson: variance equal to the mean), as
    /// |log(variance / mean)|. The key farther from it drives, so its
    /// counts come out exact: each film in one category (variance 0), one
    /// playlist holding 3,290 of 3,503 tracks; the side left to chance is
    /// the one chance matches (62 ± 8 films per category).
    static func unlikePoisson(_ p: ForeignKeyProfile) -> Double {
        abs(log(dispersion(p) + 1e-6))
    }

    /// Variance over mean of the children per parent (1 for Poisson), from the quantiles.
    static func dispersion(_ p: ForeignKeyProfile) -> Double {
        let points = p.childrenQuantiles
        guard !points.isEmpty, p.meanChildren > 0 else { return 1 }
        let mean = points.reduce(0, +) / Double(points.count)
        let variance = points.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(points.count)
        return variance / max(p.meanChildren, 1e-6)
    }

    package func fanOut(for table: Table, parentRows: (ForeignKey) -> Int64) throws -> FanOut? {
        guard let profiled = profile(of: table.name) else { return nil }
        // A key made only of foreign keys keeps its distinct tuples instead;
        // a key with a column of its own is carried by it. A join table
        // keyed by two foreign keys alone is laid out along one of them, and
        // the planner keeps each parent's children distinct along the other.
        let fkColumns = Set(table.foreignKeys.flatMap(\.columns))
        let keys = ([table.primaryKey] + table.uniques.map(\.columns)).filter { !$0.isEmpty && $0.allSatisfy(fkColumns.contains) }
        var keyed = Set(keys.joined())
        var evenPartner = false
        if keys.count == 1, keys[0].count == 2 {
            let pair = table.foreignKeys.filter { $0.columns.count == 1 && keys[0].contains($0.columns[0]) && $0.referencedTable != table.name }
            let counted = pair.compactMap { fk in profiled.foreignKeys.first { $0.columns == fk.columns } }
            if counted.count == 2 {
                let (driver, other) = Self.unlikePoisson(counted[0]) >= Self.unlikePoisson(counted[1]) ? (counted[0], counted[1]) : (counted[1], counted[0])
                keyed.remove(driver.columns[0])
                // The other side evenly where its counts vary less than chance would (each film in 1 to 3 categories).
                evenPartner = Self.dispersion(other) < 0.5
            }
        }
        // The FK with the most parents in the source drives: its counts vary least.
        // A parent whose column sums this table's goes first: the sum needs its children laid out by it.
        let summed = { (fk: ForeignKey) in
            self.profile(of: fk.referencedTable)?.rules?.contains { $0.kind == .sumOfChildren && $0.children == profiled.name && $0.foreignKey == fk.columns } ?? false
        }
        let candidates = table.foreignKeys.filter { $0.referencedTable != table.name && keyed.isDisjoint(with: $0.columns) }
            .sorted { a, b in
                summed(a) != summed(b) ? summed(a) : (profile(of: a.referencedTable)?.rows ?? 0) > (profile(of: b.referencedTable)?.rows ?? 0)
            }
        for fk in candidates {
            guard let p = profiled.foreignKeys.first(where: { $0.columns == fk.columns }) else { continue }
            let stream = RowRandom.streamKey(seed: seed, table: table.name.description, column: "\u{1}profile-children")
            // Parents with more of something have more children: the count
            // is the parent's copula coordinate for this FK, if it has one.
            guard let counts = childrenCounts(p, source: childrenSource(profiled, fk, parentRows: parentRows(fk), stream: stream), stream: stream, whole: true) else { continue }
            return FanOut(foreignKeyColumn: fk.columns[0], count: counts, evenPartner: evenPartner)
        }
        return nil
    }

    /// As the source had it: a key shared with the parent when it agreed on
    /// nearly every row (99 %), not shared when it did not.
    package func sharesKey(table: Table, column: String, through fk: ForeignKey) -> Bool? {
        let seen = (profile(of: table.name)?.sharedKeys ?? []).filter {
            $0.column.lowercased() == column.lowercased() && ($0.through == fk.columns || $0.with == fk.columns)
        }
        return seen.isEmpty ? nil : seen.contains { $0.agreement >= 0.99 }
    }

    /// Every other profiled foreign key: each parent's children in the
    /// source's proportions (a quota), tied to the parent's copula.
    package func childrenPerParent(for table: Table, foreignKey fk: ForeignKey, parentRows: Int64) throws -> (any ValueGenerator)? {
        guard let profiled = profile(of: table.name), let p = profiled.foreignKeys.first(where: { $0.columns == fk.columns }) else { return nil }
        let stream = RowRandom.streamKey(seed: seed, table: table.name.description, column: "\u{1}quota:" + fk.columns.joined(separator: ","))
        return childrenCounts(p, source: childrenSource(profiled, fk, parentRows: parentRows, stream: stream), stream: stream, whole: false)
    }

    package func generator(for table: Table, column: Column, context: OverrideContext) throws -> (any ValueGenerator)? {
        if let fk = table.foreignKeys.first(where: { $0.columns.contains(column.name) }) {
            return try foreignKeyNulls(fk, of: table, column: column, context: context)
        }
        guard let tableProfile = profile(of: table.name),
              let profiled = tableProfile.columns.first(where: { $0.name == column.name }),
              !table.primaryKey.contains(column.name), !column.isGenerated else { return nil }
        if table.uniques.contains(where: { $0.columns.contains(column.name) }) {
            return distinct(profiled, column: column, rows: context.rows, stream: context.stream("distinct"))
        }
        var source = conditioned(source(.column(column.name), of: tableProfile, otherwise: context.stream("quantiles")),
                                 table: table, profiled: tableProfile, context: context)
        // Outside the copula, row k of n takes the k-th of n evenly spaced
        // places, shuffled: the values come out in the source's proportions
        // to within one row, which 62 independent draws over 55 addresses
        // would miss by a third.
        if case .own(let stream) = source, context.rows > 0 {
            source = .stratified(Permutation(count: UInt64(context.rows), key: stream))
        }
        // Inside it, the same by rank, for a table small enough that
        // random draws would miss the proportions.
        if source.isCopula, context.rows <= Self.rankedRows, let ranked = RankedUniforms(source, rows: context.rows, spanning: false) {
            source = .ranked(ranked, isCopula: true)
        }
        let output = Self.output(profiled.kind, for: column.type)
        let frequent = profiled.frequent.compactMap { f in Self.literal(f.value, for: column.type).map { (value: $0, frequent: f) } }
        let rest: MarginalGenerator.Rest
        var atoms: [MarginalGenerator.Atom] = []
        if let q = profiled.quantiles, let output {
            // Numbers, dates, timestamps: the frequent values where they sit
            // among the sorted values, the other values' quantiles between them.
            let restPoints = frequent.isEmpty ? q : profiled.restQuantiles ?? q
            rest = .quantiles(QuantileGenerator(points: Self.converted(restPoints, from: profiled.kind, to: output),
                                                output: output, stream: context.stream("quantiles")))
            atoms = frequent.map { .init(literal: $0.value, start: $0.frequent.below ?? Self.place(of: $0.frequent.value, in: q), share: $0.frequent.share) }
        } else {
            // Categories one after another in the profile's order; the rare
            // rest from the rule-based generator of the column's kind.
            rest = .generator(try context.inferred())
            var at = 0.0
            for f in Self.ordered(profiled.frequent, by: tableProfile.copula?.dimensions.first { $0.column == column.name }?.order) {
                if let literal = Self.literal(f.value, for: column.type) { atoms.append(.init(literal: literal, start: at, share: f.share)) }
                at += f.share
            }
        }
        var g: any ValueGenerator = MarginalGenerator(atoms: atoms, rest: rest, source: source)
        // The first rule of the column that applies here (a copy from the parent first).
        if let ruled = (tableProfile.rules ?? []).lazy.filter({ $0.column == column.name }).compactMap({
            self.ruled($0, table: table, column: column, profiled: profiled, source: source, otherwise: g, context: context)
        }).first {
            g = ruled
        }
        if column.isNullable, profiled.nullFraction > 0 {
            g = NullableGenerator(inner: g, nullFraction: profiled.nullFraction, stream: context.stream("null"))
        }
        return g
    }

    /// Each parent row's number of children from the profile's
    /// distribution, with the source's mean (`whole`: integers, rounded at
    /// random in proportion; else weights); nil when there is none.
    /// Childless parents are an atom at 0 on exactly their share, the
    /// others draw from the quantiles above it: interpolating across the
    /// jump from 0 to thousands (2 staff of 1,500 handle every rental)
    /// would give a few more parents a smaller share. Where fewer than K
    /// parents hold every child the K-means above the atom are 0 too, and
    /// those parents share the children equally.
    func childrenCounts(_ p: ForeignKeyProfile, source: UniformSource, stream: UInt64, whole: Bool) -> (any ValueGenerator)? {
        let points = p.childrenQuantiles
        guard points.count > 1, p.meanChildren > 0 else { return nil }
        let c = min(max(p.childlessShare, 0), 1)
        guard c < 1 else { return nil }
        let all = QuantileGenerator(points: points, output: .number(scale: 0), stream: stream)
        var above = (0..<points.count).map { all.value(at: c + (1 - c) * Double($0) / Double(points.count - 1)) }
        if c > 0 { above = above.map { max($0, whole ? 1 : 1e-9) } }
        let each = p.meanChildren / (1 - c)
        if above.allSatisfy({ $0 <= (whole ? 1 : 1e-9) }) { above = above.map { _ in each } }
        var rest = QuantileGenerator(points: above, output: .number(scale: whole ? 0 : 3), stream: stream)
        rest.stochasticRounding = whole
        // Uniforms inside (0, 1) average the interpolated quantiles, which
        // the busiest parent's half-weighted top point pulls below the
        // source's mean; places spanning both ends give the points' own.
        if whole, !source.spans { rest = rest.rescaled(toMean: each) }
        return MarginalGenerator(atoms: c > 0 ? [.init(literal: whole ? .int(0) : .double(0), start: 0, share: c)] : [],
                                 rest: .quantiles(rest), source: source)
    }

    /// Frequent values in the order the copula laid them on its CDF (by a
    /// correlated number's mean, so the latent order means something);
    /// the profile's order where the copula gives none.
    static func ordered(_ frequent: [FrequentValue], by order: [String]?) -> [FrequentValue] {
        guard let order else { return frequent }
        let byValue = Dictionary(frequent.map { ($0.value, $0) }, uniquingKeysWith: { a, _ in a })
        return order.compactMap { byValue[$0] } + frequent.filter { !order.contains($0.value) }
    }

    /// The column as a rule the source obeyed has it: after other columns
    /// by the learned gap, or fixed by another column. nil where the rule's
    /// columns are not in the target or cannot be built from here (a base
    /// that depends on this column): the marginal alone then.
    func ruled(_ rule: RuleProfile, table: Table, column: Column, profiled: ColumnProfile, source: UniformSource,
               otherwise: any ValueGenerator, context: OverrideContext) -> (any ValueGenerator)? {
        switch rule.kind {
        case .after:
            guard let points = rule.gapQuantiles, !points.isEmpty, let output = Self.output(profiled.kind, for: column.type),
                  rule.of.allSatisfy({ name in table.column(named: name).map { Self.output(profiled.kind, for: $0.type) == output } ?? false }),
                  let bases = try? rule.of.map({ try context.generator(of: table.name, column: $0) }) else { return nil }
            var gap = QuantileGenerator(points: Self.converted(points, from: profiled.kind, to: output), output: output, stream: context.stream("gap"))
            gap.source = source
            return GapGenerator(bases: bases, baseNames: rule.of, gap: gap, otherwise: otherwise)
        case .sumOfChildren:
            guard let child = rule.children, let fk = rule.foreignKey else { return nil }
            var scale = 4
            if case .number(let s)? = Self.output(.number, for: column.type) { scale = s }
            return try? context.sum(ofChildren: child, along: fk, terms: [rule.of], scale: scale)
        case .copiedFromParent:
            // Copied even where the parent's column is known less well than
            // this one (59 customers' countries, most too rare to learn,
            // behind 412 invoices' billing countries): the invoice's country
            // then shares the customer's guesses, but the rule the source
            // obeyed on every row still holds on every row.
            guard let through = rule.foreignKey, let parentColumn = rule.of.first,
                  table.foreignKeys.contains(where: { $0.columns == through }) else { return nil }
            return try? context.fromParent(foreignKeyColumn: through[0], parentColumn: parentColumn)
        case .determinedBy:
            guard let byName = rule.of.first, let byColumn = table.column(named: byName), let map = rule.map,
                  let by = try? context.generator(of: table.name, column: byName) else { return nil }
            let pairs = map.compactMap { pair -> (Literal, Literal)? in
                guard pair.count == 2, let key = Self.literal(pair[0], for: byColumn.type), let value = Self.literal(pair[1], for: column.type) else { return nil }
                return (key, value)
            }
            return pairs.isEmpty ? nil : DeterminedGenerator(by: by, byName: byName, pairs: pairs, otherwise: otherwise)
        }
    }

    /// A nullable foreign key NULL on the source's share of rows (all its
    /// columns together: one stream per key); nil: the inferred reference.
    func foreignKeyNulls(_ fk: ForeignKey, of table: Table, column: Column, context: OverrideContext) throws -> (any ValueGenerator)? {
        guard column.isNullable, let p = profile(of: table.name)?.foreignKeys.first(where: { $0.columns == fk.columns }),
              p.nullFraction > 0 else { return nil }
        if p.nullFraction >= 1 { return NullGenerator() }
        let stream = RowRandom.streamKey(seed: seed, table: table.name.description, column: "\u{1}null:" + fk.columns.joined(separator: ","))
        return NullableGenerator(inner: try context.inferred(), nullFraction: p.nullFraction, stream: stream)
    }

    /// A column under a UNIQUE: the profiled quantiles at `rows` evenly
    /// spaced, shuffled places. Where the quantiles are flat (182 rentals
    /// at one instant) or rise too slowly for that many distinct values,
    /// the points are pushed up just enough that neighbouring places are
    /// a unit of the column's precision apart (the interpolation is
    /// piecewise linear, so that holds across stretches too), so every
    /// value is distinct and the shape elsewhere is the source's.
    func distinct(_ profiled: ColumnProfile, column: Column, rows: Int64, stream: UInt64) -> (any ValueGenerator)? {
        guard rows > 0, let q = profiled.quantiles, q.count > 1, let output = Self.output(profiled.kind, for: column.type) else { return nil }
        let resolution: Double
        switch output {
        case .number(let scale): resolution = 1 / pow(10, Double(scale))
        case .date, .timestamp: resolution = 1
        }
        let step = resolution * Double(rows) / Double(q.count - 1) * 1.001
        var points = Self.converted(q, from: profiled.kind, to: output)
        for i in points.indices.dropFirst() { points[i] = max(points[i], points[i - 1] + step) }
        var g = QuantileGenerator(points: points, output: output, stream: stream)
        g.source = .stratified(Permutation(count: UInt64(rows), key: stream))
        return g
    }

    /// Profiled points in the target column's units (days and seconds between dates and timestamps).
    static func converted(_ points: [Double], from kind: ColumnProfile.Kind, to output: QuantileGenerator.Output) -> [Double] {
        if kind == .timestamp, output == .date { return points.map { ($0 / 86_400).rounded(.down) } }
        if kind == .date, output != .date { return points.map { $0 * 86_400 } }
        return points
    }

    /// Where a value sits in the CDF the quantiles describe (profiles
    /// written without `below`).
    static func place(of text: String, in points: [Double]) -> Double {
        guard let v = Double(text) ?? CivilDate.parseDays(text).map(Double.init), points.count > 1 else { return 0 }
        return Double(points.filter { $0 < v }.count) / Double(points.count - 1)
    }

    /// How quantiles of `kind` are written into a column of `type`; nil when they do not fit it.
    static func output(_ kind: ColumnProfile.Kind, for type: DataType) -> QuantileGenerator.Output? {
        switch (kind, type) {
        case (.number, .integer): return .number(scale: 0)
        case (.number, .numeric(_, let s)): return .number(scale: s ?? 2)
        case (.number, .real), (.number, .double): return .number(scale: 4)
        case (.date, .date), (.timestamp, .date): return .date
        case (.date, .timestamp(let tz)), (.timestamp, .timestamp(let tz)): return .timestamp(timeZone: tz)
        default: return nil
        }
    }

    /// A source value as a literal of the target column's type; nil when it is not one.
    static func literal(_ text: String, for type: DataType) -> Literal? {
        switch type {
        case .boolean:
            switch text.lowercased() {
            case "t", "true", "1": return .bool(true)
            case "f", "false", "0": return .bool(false)
            default: return nil
            }
        case .integer: return Int64(text).map(Literal.int)
        case .numeric, .real, .double: return Double(text).map(Literal.double)
        case .text, .char: return type.lengthLimit.map { text.count <= $0 } ?? true ? .text(text) : nil
        case .date: return CivilDate.parseDays(text) != nil ? .text(text) : nil
        case .timestamp: return CivilDate.parseSeconds(text) != nil ? .text(text) : nil
        case .enumeration(_, let labels): return labels.contains(text) ? .text(text) : nil
        default: return nil
        }
    }
}

import Engine
import Introspect
import SchemaModel

/// Reads a live database into a `DataProfile`: per table one pass over at
/// most `sampleLimit` rows (every k-th row beyond that, so the sample spans
/// the table), and per foreign key one aggregate query for children per
/// parent. Read-only; nothing but aggregates leaves it.
package struct Profiler {
    package var sampleLimit = 100_000
    /// K: values seen fewer times are left out.
    package var minCount = 5
    /// `--epsilon`: Laplace noise on counts and frequencies (nil: none).
    package var epsilon: Double?
    var noise: LaplaceNoise? { epsilon.map(LaplaceNoise.init) }
    /// `--holdout F`: rows left out of every column statistic (`Holdout`).
    package var holdout: Holdout?

    package init() {}

    package func profile(_ connection: DatabaseConnection, schema: Schema, source: String) throws -> DataProfile {
        var suppressed = 0
        var tables: [QualifiedName: TableProfile] = [:]
        let names = Set(schema.tables.map(\.name))
        // Parents first, so a child's copula can take in its parent's
        // columns; a parent's scores are kept only while a child still needs them.
        let order = Self.parentsFirst(schema)
        var waiting = Dictionary(grouping: schema.tables.flatMap { t in t.foreignKeys.map(\.referencedTable).filter { $0 != t.name } }, by: { $0 }).mapValues(\.count)
        var parents: [QualifiedName: ParentScores] = [:]
        for table in order {
            let incoming = schema.tables.flatMap { child in
                child.foreignKeys.filter { $0.referencedTable == table.name && child.name != table.name }.map { (child, $0) }
            }
            let (profile, left, scores) = try self.table(table, schema: schema, connection: connection, parents: names,
                                                         children: Array(incoming.prefix(Self.maxChildDimensions)), parentScores: parents)
            tables[table.name] = profile
            suppressed += left
            if waiting[table.name, default: 0] > 0 { parents[table.name] = scores }
            for fk in table.foreignKeys where fk.referencedTable != table.name {
                waiting[fk.referencedTable, default: 0] -= 1
                if waiting[fk.referencedTable, default: 0] <= 0 { parents[fk.referencedTable] = nil }
            }
        }
        var profile = DataProfile(source: source, dialect: schema.dialect.rawValue, minCount: minCount, sampleLimit: sampleLimit,
                                  suppressedValues: suppressed, tables: schema.tables.compactMap { tables[$0.name] })
        profile.epsilon = epsilon
        profile.holdout = holdout?.fraction
        return profile
    }

    /// The tables with every parent before its children (a cycle keeps the schema's order).
    static func parentsFirst(_ schema: Schema) -> [Table] {
        var placed: Set<QualifiedName> = []
        var order: [Table] = []
        var left = schema.tables
        while !left.isEmpty {
            let ready = left.filter { t in t.foreignKeys.allSatisfy { $0.referencedTable == t.name || placed.contains($0.referencedTable) || schema.table(named: $0.referencedTable) == nil } }
            let next = ready.isEmpty ? [left[0]] : ready
            for t in next { placed.insert(t.name); order.append(t) }
            left.removeAll { placed.contains($0.name) }
        }
        return order
    }

    /// What a child needs of a profiled parent: each sampled row's normal
    /// scores on the parent's modelled columns, found by the row's key.
    struct ParentScores {
        var rowByKey: [[String?]: Int]
        var keyColumns: [String]
        var candidates: [CopulaFit.Scores]
    }

    /// Foreign keys into a table whose children per row join its copula, at most.
    static let maxChildDimensions = 8

    /// One table's profile; `children` are the foreign keys into it, whose
    /// children per sampled row join the copula.
    func table(_ table: Table, schema: Schema, connection: DatabaseConnection, parents: Set<QualifiedName>,
               children: [(Table, ForeignKey)] = [], parentScores: [QualifiedName: ParentScores] = [:]) throws -> (TableProfile, Int, ParentScores) {
        let columns = table.columns
        var summaries = columns.map(ColumnSummary.init)
        var childCounts = Array(repeating: [Double](), count: children.count)
        var sampled = 0
        do {
            for row in try query(connection, sampleSQL(table, children: children)) {
                if let holdout, holdout.holds(row.prefix(columns.count)) { continue }
                sampled += 1
                for (i, cell) in row.enumerated() {
                    if i < summaries.count { summaries[i].add(cell) }
                    else { childCounts[i - summaries.count].append(cell.flatMap { Double($0) } ?? 0) }
                }
            }
        } catch let error as DatabaseError {
            throw error.prefixed("profiling \(table.name)")
        }
        var suppressed = 0
        let profiles = summaries.map { s in
            let (p, left) = s.profile(k: minCount, noise: noise)
            suppressed += left
            return p
        }
        var foreignKeys: [ForeignKeyProfile] = []
        for fk in table.foreignKeys where parents.contains(fk.referencedTable) {
            do {
                foreignKeys.append(try foreignKey(fk, of: table, connection: connection))
            } catch let error as DatabaseError {
                throw error.prefixed("profiling the children per parent of \(table.name) (\(fk.columns.joined(separator: ", ")))")
            }
        }
        var profile = TableProfile(name: table.name.description, rows: table.rowCount, sampled: sampled, columns: profiles, foreignKeys: foreignKeys)
        do {
            let shared = try sharedKeys(table, schema: schema, connection: connection)
            profile.sharedKeys = shared.isEmpty ? nil : shared
        } catch let error as DatabaseError {
            throw error.prefixed("profiling the keys \(table.name) shares with its parents")
        }
        let keys = Set(table.primaryKey + table.foreignKeys.flatMap(\.columns))
        // Copies of a parent's column first: an exact tie across tables
        // beats a rule inside the table (a billing city is the customer's).
        var rules: [RuleProfile]
        do {
            rules = try copiedRules(table, schema: schema, connection: connection)
        } catch let error as DatabaseError {
            throw error.prefixed("profiling the columns \(table.name) copies from its parents")
        }
        // Rules inside the table too, for a fill that cannot use the copy.
        rules += RuleFinder(summaries: summaries, modelled: Set(table.columns.filter { !$0.isGenerated && !keys.contains($0.name) }.map(\.name)),
                            k: minCount).rules()
        do {
            rules += try sumRules(table, children: children, connection: connection)
        } catch let error as DatabaseError {
            throw error.prefixed("profiling the sums of \(table.name)'s children")
        }
        profile.rules = rules.isEmpty ? nil : rules
        let own = candidates(table, summaries: summaries, profiles: profiles, children: children, counts: childCounts)
        let context = parentContext(table, summaries: summaries, own: own, parents: parentScores)
        profile.copula = CopulaFit.fit(context + own, minimumRows: max(minCount, 20))
        // As a parent: its columns' scores by key (not children counts, not ruled columns).
        let ruled = Set(rules.map(\.column))
        let keyColumns = table.primaryKey.isEmpty ? (table.uniques.first?.columns ?? []) : table.primaryKey
        var rowByKey: [[String?]: Int] = [:]
        let keyIndexes = keyColumns.compactMap { c in summaries.firstIndex { $0.column.name == c } }
        if keyIndexes.count == keyColumns.count, !keyColumns.isEmpty {
            for row in 0..<sampled { rowByKey[keyIndexes.map { summaries[$0].text(row: row) }] = row }
        }
        let asParent = ParentScores(rowByKey: rowByKey, keyColumns: keyColumns,
                                    candidates: own.filter { $0.dimension.column.map { !ruled.contains($0) } ?? false })
        return (profile, suppressed, asParent)
    }

    /// Keys of one name held twice: the table's own single-column FK and
    /// the parent's FK of that name to the same table (`customer.address_id`
    /// against its store's), or two parents' (`inventory.store_id` against
    /// `staff.store_id` for a rental). How often they agree, by the database.
    func sharedKeys(_ table: Table, schema: Schema, connection: DatabaseConnection) throws -> [SharedKeyProfile] {
        // Per FK of the table: the parent's single-column FKs (name → FK).
        let routes = table.foreignKeys.filter { $0.referencedTable != table.name }.compactMap { fk -> (ForeignKey, Table, [ForeignKey])? in
            guard let parent = schema.table(named: fk.referencedTable) else { return nil }
            return (fk, parent, parent.foreignKeys.filter { $0.columns.count == 1 && $0.referencedTable != parent.name })
        }
        func agreement(_ a: String, _ b: String, joins: String) throws -> Double? {
            let row = try query(connection, "SELECT sum(CASE WHEN \(a) = \(b) THEN 1 ELSE 0 END), count(*) FROM \(table.name.quoted) c "
                + "\(joins) WHERE \(a) IS NOT NULL AND \(b) IS NOT NULL").first
            guard let total = row?[1].flatMap({ Int($0) }), total > 0 else { return nil }
            return Double(row?[0].flatMap { Int($0) } ?? 0) / Double(total)
        }
        var found: [SharedKeyProfile] = []
        for (i, (fk, parent, keys)) in routes.enumerated() {
            for key in keys {
                let name = key.columns[0]
                let sameTarget = { (f: ForeignKey) in f.referencedTable == key.referencedTable && f.referencedColumns == key.referencedColumns }
                let theirs = "p.\(quoteIdentifier(name))"
                if let own = table.foreignKeys.first(where: { $0 != fk && $0.columns.count == 1 && $0.columns[0].lowercased() == name.lowercased() && sameTarget($0) }) {
                    if let share = try agreement("c.\(quoteIdentifier(own.columns[0]))", theirs, joins: "JOIN \(parent.name.quoted) p ON \(Self.joining(fk, parent: "p", child: "c"))") {
                        found.append(SharedKeyProfile(column: own.columns[0], through: fk.columns, agreement: share))
                    }
                    continue
                }
                for (other, otherParent, otherKeys) in routes.dropFirst(i + 1) {
                    guard let second = otherKeys.first(where: { $0.columns[0].lowercased() == name.lowercased() && sameTarget($0) }) else { continue }
                    let joins = "JOIN \(parent.name.quoted) p ON \(Self.joining(fk, parent: "p", child: "c")) JOIN \(otherParent.name.quoted) q ON \(Self.joining(other, parent: "q", child: "c"))"
                    if let share = try agreement(theirs, "q.\(quoteIdentifier(second.columns[0]))", joins: joins) {
                        found.append(SharedKeyProfile(column: name, through: fk.columns, with: other.columns, agreement: share))
                    }
                }
            }
        }
        return found
    }

    /// Columns of the table equal to a column of the same kind in the parent
    /// row a foreign key points at, on 95 % of the rows where both are
    /// present (compared as text by the database): denormalised copies.
    func copiedRules(_ table: Table, schema: Schema, connection: DatabaseConnection) throws -> [RuleProfile] {
        let keys = Set(table.primaryKey + table.foreignKeys.flatMap(\.columns))
        let own = table.columns.filter { !keys.contains($0.name) && !$0.isGenerated }
        var found: [RuleProfile] = []
        for fk in table.foreignKeys where fk.referencedTable != table.name {
            guard let parent = schema.table(named: fk.referencedTable) else { continue }
            let candidates = own.filter { c in !found.contains { $0.column == c.name } }.flatMap { c in
                parent.columns.filter { p in !p.isGenerated && ColumnSummary.kind(of: p.type) == ColumnSummary.kind(of: c.type)
                    && ColumnSummary.kind(of: c.type) != .other && !fk.referencedColumns.contains(p.name) }.map { (c, $0) }
            }
            // Likely copies first (`ship_country` of `country`), then the
            // rest, in queries of 48 pairs, at most four per key.
            let ranked = candidates.enumerated().sorted { a, b in
                let (x, y) = (Self.copyLikeness(a.element.0.name, a.element.1.name), Self.copyLikeness(b.element.0.name, b.element.1.name))
                return x != y ? x > y : a.offset < b.offset
            }.map(\.element).prefix(4 * 48)
            for chunk in stride(from: 0, to: ranked.count, by: 48).map({ Array(ranked[$0..<min($0 + 48, ranked.count)]) }) {
                found += try copies(chunk, of: table, parent: parent, through: fk, connection: connection, skipping: found)
            }
        }
        return found
    }

    /// How much a child column's name suggests a copy of the parent's:
    /// 2 when it ends with the parent's name (`billing_city`, `city`), 1
    /// when they share a word, else 0.
    static func copyLikeness(_ child: String, _ parent: String) -> Int {
        let (c, p) = (child.lowercased(), parent.lowercased())
        let squash = { (s: String) in s.filter { $0.isLetter || $0.isNumber } }
        if squash(c).hasSuffix(squash(p)) { return 2 }
        let words = { (s: String) in Set(NameWords.split(s)) }
        return words(c).isDisjoint(with: words(p)) ? 0 : 1
    }

    /// The pairs of one query: each (child, parent) column equal on 95 %
    /// of the joined rows where both are present.
    func copies(_ pairs: [(Column, Column)], of table: Table, parent: Table, through fk: ForeignKey,
                connection: DatabaseConnection, skipping earlier: [RuleProfile]) throws -> [RuleProfile] {
        let on = Self.joining(fk, parent: "p", child: "c")
        let tests = pairs.map { c, p in
            let (a, b) = ("c.\(quoteIdentifier(c.name))", "p.\(quoteIdentifier(p.name))")
            return "sum(CASE WHEN \(a) IS NOT NULL AND \(b) IS NOT NULL THEN 1 ELSE 0 END), "
                + "sum(CASE WHEN CAST(\(a) AS TEXT) = CAST(\(b) AS TEXT) THEN 1 ELSE 0 END)"
        }
        guard let row = try query(connection, "SELECT \(tests.joined(separator: ", ")), count(DISTINCT c.\(quoteIdentifier(fk.columns[0]))) "
            + "FROM \(table.name.quoted) c JOIN \(parent.name.quoted) p ON \(on)").first,
              let parentsSeen = row.last.flatMap({ $0.flatMap { Int($0) } }), parentsSeen >= 2 else { return [] }
        var found: [RuleProfile] = []
        for (i, (c, p)) in pairs.enumerated() where !(found + earlier).contains(where: { $0.column == c.name }) {
            guard let both = row[2 * i].flatMap({ Int($0) }), let same = row[2 * i + 1].flatMap({ Int($0) }),
                  both >= max(minCount, 20), Double(same) >= RuleFinder.copyHolds * Double(both) else { continue }
            var rule = RuleProfile(kind: .copiedFromParent, column: c.name, of: [p.name], holds: Double(same) / Double(both))
            rule.foreignKey = fk.columns
            found.append(rule)
        }
        return found
    }

    /// Numbers of the table that equal the sum over each row's children
    /// of a child number or of a product of two (`total` = Σ `unit_price ×
    /// quantity`), within half a cent, on 99.9 % of the parents with
    /// children (the database sums; at most `sampleLimit` parents compared).
    func sumRules(_ table: Table, children: [(Table, ForeignKey)], connection: DatabaseConnection) throws -> [RuleProfile] {
        func numbers(_ t: Table) -> [String] {
            let keys = Set(t.primaryKey + t.foreignKeys.flatMap(\.columns))
            return Array(t.columns.filter { !keys.contains($0.name) && !$0.isGenerated && ColumnSummary.kind(of: $0.type) == .number }.map(\.name).prefix(6))
        }
        let totals = numbers(table)
        guard !totals.isEmpty else { return [] }
        var found: [RuleProfile] = []
        for (child, fk) in children where !found.contains(where: { $0.children == child.name.description }) {
            let xs = numbers(child)
            guard !xs.isEmpty else { continue }
            var terms = xs.map { [$0] }
            for i in xs.indices { for j in xs.indices where j > i { terms.append([xs[i], xs[j]]) } }
            let sums = terms.enumerated().map { i, term in
                "sum(" + term.map(quoteIdentifier).joined(separator: " * ") + ") AS dbsynth_s\(i)"
            }
            let keys = fk.columns.map(quoteIdentifier).joined(separator: ", ")
            let on = Self.joining(fk, parent: "p", child: "s")
            let rows = try query(connection, "SELECT \(totals.map { "p.\(quoteIdentifier($0))" }.joined(separator: ", ")), "
                + terms.indices.map { "s.dbsynth_s\($0)" }.joined(separator: ", ")
                + " FROM \(table.name.quoted) p JOIN (SELECT \(keys), \(sums.joined(separator: ", ")) FROM \(child.name.quoted) GROUP BY \(keys)) AS s ON \(on)"
                + " LIMIT \(sampleLimit)")
            for (c, total) in totals.enumerated() {
                for (t, term) in terms.enumerated() {
                    var both = 0, equal = 0
                    var seen: Set<Double> = []
                    for row in rows {
                        guard let a = row[c].flatMap(Double.init), let b = row[totals.count + t].flatMap(Double.init) else { continue }
                        both += 1
                        if abs(a - b) <= 0.005 + 1e-9 * abs(a) { equal += 1 }
                        if seen.count < 3 { seen.insert(a) }
                    }
                    guard both >= max(minCount, 20), seen.count >= 2, Double(equal) >= RuleFinder.holds * Double(both) else { continue }
                    var rule = RuleProfile(kind: .sumOfChildren, column: total, of: term, holds: Double(equal) / Double(both))
                    rule.children = child.name.description
                    rule.foreignKey = fk.columns
                    found.append(rule)
                    break
                }
            }
        }
        return found
    }

    /// Parent context: the parent columns (through the one foreign key
    /// whose parent moves most with this table's columns) that correlate
    /// with a column of this table, as leading copula dimensions, each
    /// child row taking its parent row's score; at most 4.
    func parentContext(_ table: Table, summaries: [ColumnSummary], own: [CopulaFit.Scores],
                       parents: [QualifiedName: ParentScores]) -> [CopulaFit.Scores] {
        // A constant column (every row one tie) correlates with nothing.
        let own = own.filter { $0.attenuation >= 0.05 }
        var best: (strength: Double, dims: [CopulaFit.Scores]) = (0, [])
        for fk in table.foreignKeys where fk.referencedTable != table.name {
            guard let parent = parents[fk.referencedTable], !parent.candidates.isEmpty, fk.referencedColumns == parent.keyColumns else { continue }
            let childKeys = fk.columns.compactMap { c in summaries.firstIndex { $0.column.name == c } }
            guard childKeys.count == fk.columns.count, let rows = summaries.first?.rowCodes.count else { continue }
            let parentRow = (0..<rows).map { r in parent.rowByKey[childKeys.map { summaries[$0].text(row: r) }] }
            var dims: [(Double, CopulaFit.Scores)] = []
            for p in parent.candidates {
                let z = parentRow.map { $0.map { p.z[$0] } ?? .nan }
                let matched = z.filter { !$0.isNaN }.count
                guard matched >= max(minCount, 20) else { continue }
                let weakest = CopulaFit.weakest(rows: matched)
                guard let name = p.dimension.column else { continue }
                let atChild = CopulaFit.Scores(dimension: CopulaDimension(column: name, parent: fk.columns), z: z, attenuation: p.attenuation)
                let strength = own.map { abs(CopulaFit.undiluted(atChild, $0, minimumRows: max(minCount, 20))) }.filter { $0 >= weakest }.reduce(0, +)
                guard strength > 0 else { continue }
                dims.append((strength, atChild))
            }
            let top = dims.sorted { $0.0 > $1.0 }.prefix(4)
            let total = top.reduce(0) { $0 + $1.0 }
            if total > best.strength { best = (total, top.map(\.1)) }
        }
        return best.dims
    }

    /// The candidate dimensions of a table's copula: the columns `fill`
    /// draws from the profile (not keys, foreign keys, unique or generated
    /// columns) and the children per row.
    func candidates(_ table: Table, summaries: [ColumnSummary], profiles: [ColumnProfile],
                    children: [(Table, ForeignKey)], counts: [[Double]]) -> [CopulaFit.Scores] {
        let excluded = Set(table.primaryKey + table.foreignKeys.flatMap(\.columns) + table.uniques.flatMap(\.columns))
        var candidates: [CopulaFit.Scores] = []
        let modelled = zip(summaries, profiles).filter { !excluded.contains($0.0.column.name) && !$0.0.column.isGenerated }
        for (summary, profile) in modelled where summary.isNumeric && profile.quantiles != nil {
            let (z, attenuation) = CopulaFit.rankScores(summary.rowNumbers, salt: UInt64(candidates.count))
            candidates.append(.init(dimension: .column(profile.name), z: z, attenuation: attenuation))
        }
        for ((child, fk), n) in zip(children, counts) where !n.isEmpty {
            let (z, attenuation) = CopulaFit.rankScores(n, salt: UInt64(candidates.count))
            candidates.append(.init(dimension: .children(child.name.description, along: fk.columns), z: z, attenuation: attenuation))
        }
        let numeric = candidates
        for (summary, profile) in modelled where (summary.kind == .text || summary.kind == .boolean) && !profile.frequent.isEmpty {
            let frequent = CopulaFit.order(summary, frequent: profile.frequent, by: numeric)
            var dimension = CopulaDimension.column(profile.name)
            if frequent != profile.frequent { dimension.order = frequent.map(\.value) }
            let (z, attenuation) = CopulaFit.categoryScores(summary, frequent: frequent, salt: UInt64(candidates.count))
            candidates.append(.init(dimension: dimension, z: z, attenuation: attenuation))
        }
        return candidates
    }

    /// Every row up to the limit, else every k-th row in the table's order;
    /// after the columns, each row's number of children along each of `children`.
    func sampleSQL(_ table: Table, children: [(Table, ForeignKey)] = []) -> String {
        var list = table.columns.map { quoteIdentifier($0.name) }.joined(separator: ", ")
        var from = table.name.quoted
        if !children.isEmpty {
            let counted = children.indices.map { "coalesce(dbsynth_c\($0).n, 0) AS dbsynth_n\($0)" }
            let joins = children.enumerated().map { i, pair in
                let (child, fk) = pair
                let keys = fk.columns.map(quoteIdentifier).joined(separator: ", ")
                let on = Self.joining(fk, parent: "t", child: "dbsynth_c\(i)")
                return "LEFT JOIN (SELECT \(keys), count(*) AS n FROM \(child.name.quoted) GROUP BY \(keys)) AS dbsynth_c\(i) ON \(on)"
            }
            let columns = table.columns.map { "t.\(quoteIdentifier($0.name))" }
            from = "(SELECT \((columns + counted).joined(separator: ", ")) FROM \(table.name.quoted) AS t \(joins.joined(separator: " "))) AS b"
            list += ", " + children.indices.map { "dbsynth_n\($0)" }.joined(separator: ", ")
        }
        let stride = max(1, (table.rowCount + Int64(sampleLimit) - 1) / Int64(max(1, sampleLimit)))
        if stride == 1 { return "SELECT \(list) FROM \(from) LIMIT \(sampleLimit)" }
        return "SELECT \(list) FROM (SELECT \(list), row_number() OVER () AS dbsynth_n FROM \(from)) AS s "
            + "WHERE dbsynth_n % \(stride) = 0 LIMIT \(sampleLimit)"
    }

    /// Children per parent over every parent row (childless ones included),
    /// as a histogram the database computes, and the share of NULL keys.
    func foreignKey(_ fk: ForeignKey, of table: Table, connection: DatabaseConnection) throws -> ForeignKeyProfile {
        let children = try childrenPerParent(fk, of: table, connection: connection)
        let childless = children.prefix { $0 == 0 }.count
        let nulls = try query(connection, "SELECT count(*) FROM \(table.name.quoted) WHERE \(quoteIdentifier(fk.columns[0])) IS NULL")
            .first?.first.flatMap { $0.flatMap { Int($0) } } ?? 0
        return ForeignKeyProfile(
            columns: fk.columns, references: fk.referencedTable.description,
            nullFraction: table.rowCount > 0 ? Double(nulls) / Double(table.rowCount) : 0,
            childlessShare: children.isEmpty ? 0 : Double(childless) / Double(children.count),
            meanChildren: children.isEmpty ? 0 : children.reduce(0, +) / Double(children.count),
            childrenQuantiles: KAnonymousQuantiles.ofCounts(sorted: children, k: minCount) ?? [])
    }

    /// Each parent row's number of children along `fk`, sorted (a
    /// histogram computed by the database, expanded).
    func childrenPerParent(_ fk: ForeignKey, of table: Table, connection: DatabaseConnection) throws -> [Double] {
        let on = Self.joining(fk, parent: "p", child: "c")
        let keys = fk.referencedColumns.map { "p.\(quoteIdentifier($0))" }.joined(separator: ", ")
        let histogram = try query(connection, """
            SELECT n, count(*) FROM (SELECT count(c.\(quoteIdentifier(fk.columns[0]))) AS n FROM \(fk.referencedTable.quoted) p \
            LEFT JOIN \(table.name.quoted) c ON \(on) GROUP BY \(keys)) AS g GROUP BY n ORDER BY n
            """)
        var children: [Double] = []
        for row in histogram {
            guard let n = row[0].flatMap({ Int($0) }), let parents = row[1].flatMap({ Int($0) }) else { continue }
            children += repeatElement(Double(n), count: noise?.noisy(parents) ?? parents)
        }
        return children
    }

    /// `parent.key = child.fk AND …`: the join of a foreign key's two sides under these aliases.
    static func joining(_ fk: ForeignKey, parent: String, child: String) -> String {
        zip(fk.referencedColumns, fk.columns).map { "\(parent).\(quoteIdentifier($0.0)) = \(child).\(quoteIdentifier($0.1))" }.joined(separator: " AND ")
    }

    func query(_ connection: DatabaseConnection, _ sql: String) throws -> [[String?]] {
        switch connection {
        case .postgres(let c): return try c.query(sql)
        case .sqlite(let c): return try c.query(sql)
        }
    }
}

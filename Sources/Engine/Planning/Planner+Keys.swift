import SchemaModel

/// Keys: fan-out, capacity caps, unique sets and the tuple layouts that keep
/// keys made of foreign keys distinct.
extension Planner {
    // MARK: Fan-out


    /// `per_parent`: draws each parent row's child count; the table's row
    /// count becomes their sum, and the FK walks the parents in order.
    func applyFanOut(_ table: Table) throws {
        guard let fanOut = try options.overrides?.fanOut(for: table, parentRows: { self.parentRowCount($0) }) else { return }
        guard let fk = table.foreignKeys.first(where: { $0.columns.contains(fanOut.foreignKeyColumn) }) else {
            throw PlanError("\(table.name): per_parent names \(fanOut.foreignKeyColumn), which is not a foreign key column")
        }
        // A key made only of foreign keys stays distinct only where the
        // fan-out's key is one of a pair the planner can keep apart.
        let keyed = uniqueSets(table).contains { fkCover(table, $0).contains(fk) }
        let partner = joinPartner(of: fk, in: table)
        guard !keyed || partner != nil else { return }
        // A parent cannot have more children than the pair has other parents.
        let most = partner.map { Double(parentRowCount($0)) } ?? 4e18
        let parentRows = parentRowCount(fk)
        var cumulative: [Int64] = []
        cumulative.reserveCapacity(Int(parentRows))
        var total: Int64 = 0
        var value = Value()
        for parent in 0..<parentRows {
            fanOut.count.generate(row: parent, into: &value)
            total += Int64(max(0, min(value.number ?? 0, most)).rounded())
            cumulative.append(total)
        }
        fanOuts[table.name] = (fk, cumulative, fanOut.evenPartner)
        rowCounts[table.name] = total
    }

    /// The other foreign key of a join table whose key is exactly two
    /// single-column foreign keys, one of them `fk` (playlist_track's
    /// track_id for its playlist_id), with nothing else that would make the
    /// pair harder to keep distinct (a CHECK that they differ, key rows).
    func joinPartner(of fk: ForeignKey, in table: Table) -> ForeignKey? {
        for set in uniqueSets(table) where set.count == 2 {
            let cover = fkCover(table, set)
            guard cover.count == 2, cover.contains(fk), cover.allSatisfy({ $0.columns.count == 1 && $0.referencedTable != table.name }),
                  cover.allSatisfy({ keyRows($0, in: table, set: set) == nil }),
                  tupleLayout(table, set, cover, ownRows: 0).distinctFrom.allSatisfy({ $0 == nil }) else { continue }
            return cover.first { $0 != fk }
        }
        return nil
    }

    /// A parent column summing its children's columns along the fan-out
    /// that lays them out (`ColumnOverrides`' `sum(ofChildren:)`).
    func childSum(of parent: Table, child name: String, foreignKey: [String], terms: [[String]], scale: Int) throws -> (any ValueGenerator)? {
        guard let childTable = schema.tables.first(where: { $0.name.description == name }) ?? schema.tables.first(where: { $0.name.name == name }) else { return nil }
        let child = childTable.name
        guard let fan = fanOuts[child], fan.fk.columns == foreignKey, fan.fk.referencedTable == parent.name,
              (firstRows[parent.name] ?? 0) == 0,
              terms.allSatisfy({ $0.allSatisfy { childTable.column(named: $0) != nil } }) else { return nil }
        let generators = try terms.map { try $0.map { try generator(table: childTable, column: $0) } }
        return ChildSumGenerator(cumulative: fan.cumulative, terms: generators, childFirst: firstRows[child] ?? 0, scale: scale,
                                 description: terms.map { "\(child.name).\($0.joined(separator: " × "))" }.joined(separator: " + "))
    }

    /// An override's children per parent along a foreign key that does
    /// not drive the table: each parent row's count, as a quota.
    func profiledQuota(_ fk: ForeignKey, in table: Table, parentRows: Int64, stream: UInt64) throws -> ParentQuota? {
        guard let count = try options.overrides?.childrenPerParent(for: table, foreignKey: fk, parentRows: parentRows),
              let childRows = rowCounts[table.name], childRows > 0 else { return nil }
        var value = Value()
        let counts = (0..<parentRows).map { parent -> Double in
            count.generate(row: parent, into: &value)
            return value.number ?? 0
        }
        return ParentQuota(counts: counts, childRows: childRows, key: StableHash.mix(stream ^ 0x71_756f_7461))
    }

    // MARK: Capacity


    /// Caps a table's rows where its keys cannot take more distinct values:
    /// a unique FK (1:1) cannot outnumber its parent, a key made only of FKs
    /// cannot outnumber the product of its parents' rows.
    func applyCapacity(_ table: Table) {
        guard var rows = rowCounts[table.name], rows > 0 else { return }
        var reasons: [String] = []
        for set in uniqueSets(table) {
            let fks = fkCover(table, set)
            guard !fks.isEmpty else { continue }
            let layout = tupleLayout(table, set, fks, ownRows: rows)
            let product = layout.radices.reduce(Int64(1)) { acc, n in
                acc.multipliedReportingOverflow(by: n).overflow ? Int64.max : acc * n
            }
            if product < rows {
                rows = product
                reasons.append("(\(set.joined(separator: ", "))) must be unique and takes its values from \(fks.map { $0.referencedTable.description }.joined(separator: " × "))")
            }
        }
        if rows < rowCounts[table.name]! {
            let note = "\(table.name): \(rows) rows instead of \(rowCounts[table.name]!), because " + reasons.joined(separator: "; ")
            // A realistic size is a guess; only a count the user asked for is worth a warning.
            if sizes[table.name] == nil { warnings.append(note) }
            capacityNotes[table.name] = note
            rowCounts[table.name] = rows
        }
    }

    /// The mixed-radix layout of a key made of FKs: one radix per FK (its
    /// parent's row count, or the rows of `keyRows` when the FK reaches
    /// outside the key), one less for an FK that a `CHECK (a <> b)` keeps
    /// apart from an earlier FK to the same parent.
    func tupleLayout(_ table: Table, _ set: [String], _ cover: [ForeignKey], ownRows: Int64) -> (radices: [Int64], distinctFrom: [Int?]) {
        var radices = cover.map { fk in
            fk.referencedTable == table.name ? ownRows : keyRows(fk, in: table, set: set).map { Int64($0.count) } ?? parentRowCount(fk)
        }
        var distinctFrom = [Int?](repeating: nil, count: cover.count)
        for (a, b) in notEqualPairs(table) {
            guard let i = cover.firstIndex(where: { $0.columns == [a] }), let j = cover.firstIndex(where: { $0.columns == [b] }),
                  i != j, cover[i].referencedTable == cover[j].referencedTable,
                  cover[i].referencedColumns == cover[j].referencedColumns else { continue }
            let (first, second) = (min(i, j), max(i, j))
            guard distinctFrom[second] == nil, distinctFrom[first] == nil else { continue }
            distinctFrom[second] = first
            radices[second] = max(0, radices[second] - 1)
        }
        return (radices, distinctFrom)
    }

    /// Column pairs of CHECKs of the form `a <> b`.
    func notEqualPairs(_ table: Table) -> [(String, String)] {
        guard let constraints = derived[table.name] else { return [] }
        return constraints.checks.compactMap { check in
            guard let e = check.expression?.strippingCasts,
                  case .comparison(.notEqual, let l, let r) = e,
                  case .column(let a, _) = l.strippingCasts, case .column(let b, _) = r.strippingCasts else { return nil }
            let resolve = { (n: String) in table.columns.first { $0.name == n || $0.name.lowercased() == n.lowercased() }?.name }
            guard let ca = resolve(a), let cb = resolve(b) else { return nil }
            return (ca, cb)
        }
    }

    /// The primary key and every unique constraint, as column lists.
    ///
    /// A partial index counts as a full one (stricter, so sound). An
    /// expression index (`lower(email)`) counts as unique over the columns its
    /// expressions mention: distinct values stay distinct under the
    /// expressions dbsynth's generators meet (case folding of values that are
    /// already lowercase, trimming of values without spaces at the ends).
    func uniqueSets(_ table: Table) -> [[String]] {
        if let cached = uniqueSetCache[table.name] { return cached }
        var sets: [[String]] = []
        if !table.primaryKey.isEmpty { sets.append(table.primaryKey) }
        for u in table.uniques {
            var columns = u.columns
            for expression in u.expressions {
                for token in SQLTokenizer.tokenize(expression) where token.kind == .word || token.kind == .quotedIdentifier {
                    if let c = table.columns.first(where: { token.kind == .quotedIdentifier ? $0.name == token.text : $0.name.caseInsensitiveEquals(token.text) }),
                       !columns.contains(c.name) {
                        columns.append(c.name)
                    }
                }
            }
            if !columns.isEmpty, !sets.contains(columns) { sets.append(columns) }
        }
        // A column a CHECK fixes to one value (`CHECK (source_class = 1)`)
        // adds nothing to a set's distinctness: the rest must carry it.
        if let constraints = derived[table.name] {
            let dependent = branching[table.name]?.dependent ?? []
            let constant = Set(table.columns.map(\.name).filter { c in
                !dependent.contains(c) && constraints.domains[c]?.allowed?.count == 1
            })
            sets = sets.map { set in
                let rest = set.filter { !constant.contains($0) }
                return rest.isEmpty ? set : rest
            }
        }
        uniqueSetCache[table.name] = sets
        return sets
    }


    /// When every column of a unique set belongs to some FK, the FKs covering
    /// it (their parent tuples must then be distinct per row); else empty.
    func fkCover(_ table: Table, _ set: [String]) -> [ForeignKey] {
        var cover: [ForeignKey] = []
        for column in set {
            guard let fk = table.foreignKeys.first(where: { $0.columns.contains(column) && isLive($0, in: table) }) else { return [] }
            if !cover.contains(fk) { cover.append(fk) }
        }
        // A covering FK with a column outside the set could repeat the set's
        // values with a different outside value: it then picks among parent
        // rows whose in-set values are distinct (`keyRows`).
        guard cover.allSatisfy({ $0.columns.allSatisfy(set.contains) || keyRows($0, in: table, set: set) != nil }) else { return [] }
        return cover
    }

    /// For an FK with columns both inside and outside a unique set (key
    /// `(group_id, cluster_id, type)` and FK `(tag, type, cluster_id)` →
    /// clusterconfig): the parent rows, first of each, whose values in the
    /// set's columns differ, so distinct parent rows give distinct keys.
    /// nil when every FK column is in the set (any row will do) or the
    /// parent is not generated here; a scan of at most `parentScanLimit` rows.
    func keyRows(_ fk: ForeignKey, in table: Table, set: [String]) -> [Int64]? {
        let inside = zip(fk.columns, fk.referencedColumns).filter { set.contains($0.0) }.map(\.1)
        guard inside.count < fk.columns.count, !inside.isEmpty, fk.referencedTable != table.name,
              let parent = tablesByName[fk.referencedTable], existingKeys(for: fk) == nil else { return nil }
        let key = "\(table.name.quoted)|\(fk.columns)|\(set)|\(parentRowCount(fk))"
        if let cached = keyRowCache[key] { return cached }
        var rows: [Int64]?
        defer { keyRowCache[key] = rows }
        // A parent column that cannot be built from here (a cycle through
        // this key) leaves the key to chance, as before.
        guard let generators = try? inside.map({ try generator(table: parent, column: $0) }) else { return nil }
        let first = firstRows[parent.name] ?? 0
        var seen = Set<[UInt8]>()
        var found: [Int64] = []
        var value = Value()
        var identity: [UInt8] = []
        for row in 0..<min(parentRowCount(fk), Self.parentScanLimit) {
            identity.removeAll(keepingCapacity: true)
            for g in generators {
                g.generate(row: row + first, into: &value)
                value.appendIdentity(to: &identity)
            }
            if seen.insert(identity).inserted { found.append(row) }
        }
        rows = found
        return rows
    }

    /// An FK whose parent is being filled and that is not written as NULL.
    func isLive(_ fk: ForeignKey, in table: Table) -> Bool {
        tablesByName[fk.referencedTable] != nil || existingKeys(for: fk) != nil
    }

    // MARK: Places across tables

    /// The realistic kind of each column of a table, by inference.
    func kinds(_ table: Table) -> [String: SemanticKind] {
        var out: [String: SemanticKind] = [:]
        for c in table.columns {
            if let k = KindInference.infer(table: table.name.name, column: c.name, type: c.type) { out[c.name] = k }
        }
        return out
    }

    /// A table has a place of its own when it names a city.
    func hasOwnPlace(_ table: Table) -> Bool {
        kinds(table).values.contains(.city)
    }

    /// For a table with place columns but no city of its own (an `address`
    /// with `district` and `postal_code`), the place of the parent row its
    /// foreign key to a place table (one with a city) points at.
    func inheritedPlace(of table: Table) throws -> PlaceSource? {
        if let cached = placeSources[table.name] { return cached }
        var source: PlaceSource?
        if !hasOwnPlace(table) {
            for fk in table.foreignKeys where fk.columns.count == 1 && fk.referencedTable != table.name {
                guard let parent = tablesByName[fk.referencedTable], hasOwnPlace(parent),
                      (rowCounts[parent.name] ?? 0) > 0 else { continue }
                source = PlaceSource(
                    stream: SemanticGenerator.placeStream(seed: seed(for: table), table: table.name.description),
                    parent: try picker(for: fk, in: table),
                    parentStream: SemanticGenerator.placeStream(seed: seed(for: parent), table: parent.name.description),
                    childFirst: firstRows[table.name] ?? 0, parentFirst: firstRows[parent.name] ?? 0)
                break
            }
        }
        placeSources[table.name] = .some(source)
        return source
    }

    /// For a table with a place of its own pointing at a coarser place table
    /// (a `city` with `country_id`): the parent rows by the place value they
    /// hold, so each child row can point at the parent of its own country.
    /// Only for parents small enough to index (50,000 rows).
    func placeMatch(_ fk: ForeignKey, child: Table, parentRows: Int64, stream: UInt64) throws -> PlaceMatch? {
        guard fk.columns.count == 1, parentRows > 0, parentRows <= 50_000, hasOwnPlace(child),
              let parent = tablesByName[fk.referencedTable], !hasOwnPlace(parent) else { return nil }
        let parentKinds = kinds(parent)
        let candidates: [(SemanticKind, PlaceMatch.Attribute)] = [(.country, .country), (.countryCode, .countryCode), (.state, .state), (.stateCode, .stateCode)]
        guard let (kind, attribute) = candidates.first(where: { k, _ in parentKinds.values.contains(k) }),
              let column = parentKinds.first(where: { $0.value == kind })?.key else { return nil }
        let generator = try self.generator(table: parent, column: column)
        let first = firstRows[parent.name] ?? 0
        var rowsByKey: [String: [Int64]] = [:]
        var value = Value()
        for row in 0..<parentRows {
            generator.generate(row: row + first, into: &value)
            guard value.kind == .text else { continue }
            rowsByKey[String(decoding: value.bytes.bytes, as: UTF8.self), default: []].append(row)
        }
        guard !rowsByKey.isEmpty else { return nil }
        return PlaceMatch(rowsByKey: rowsByKey, attribute: attribute,
                          childPlaceStream: SemanticGenerator.placeStream(seed: seed(for: child), table: child.name.description),
                          childFirst: firstRows[child.name] ?? 0, parentRows: parentRows, stream: stream)
    }
}

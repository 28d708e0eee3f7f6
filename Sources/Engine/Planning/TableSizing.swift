import SchemaModel

/// Row counts by role (`fill` without `--rows`, or `--shape realistic`):
/// events get `largest` rows, entities a tenth, groups a hundredth, lookups
/// a handful to a few hundred (never more than the vocabulary they draw
/// from), links a few per parent. A pure function of the schema, so
/// `inspect` shows the same sizes the fill uses.
///
/// The roles are read from structure, not from table names, so an unknown
/// schema is sized as well as a known one; only the detail-table test also
/// reads the name (`order_items`, `invoice_line`).
package struct TableSizing: Sendable {
    package private(set) var sizes: [QualifiedName: TableSize] = [:]

    /// Children per parent in a link table (film_actor: actors per film).
    static let linkFanOut: Int64 = 4
    /// Lines per event with detail rows (order_items per order).
    static let linesPerEvent = 4.0
    static let entityShare = 0.1
    static let groupShare = 0.01

    /// - Parameters:
    ///   - largest: rows of the largest tables (the events).
    ///   - fixed: counts the user chose for single tables (`--table`,
    ///     a config's `rows`); links derive from them.
    ///   - vocabulary: how many distinct names a lookup table's name column
    ///     can take, and what they are ("languages"), if it draws from a list.
    package init(schema: Schema, largest: Int64, fixed: [QualifiedName: Int64] = [:],
                 vocabulary: (Table) -> (count: Int, noun: String)? = { _ in nil }) {
        let shapes = Dictionary(schema.tables.map { ($0.name, Shape($0)) }, uniquingKeysWith: { a, _ in a })
        var referencing: [QualifiedName: [QualifiedName]] = [:]
        for t in schema.tables {
            for parent in Set(t.foreignKeys.map(\.referencedTable)) where parent != t.name {
                referencing[parent, default: []].append(t.name)
            }
        }
        // Tables others hold lines of (orders of order_items).
        var withLines: Set<QualifiedName> = []
        for t in schema.tables {
            for fk in t.foreignKeys where fk.referencedTable != t.name && Self.isDetail(t, via: fk) { withLines.insert(fk.referencedTable) }
        }
        var roles: [QualifiedName: TableRole] = [:]
        // Events, lookups and junctions first: they depend only on the table.
        for t in schema.tables {
            let s = shapes[t.name]!
            let refs = referencing[t.name] ?? []
            // An order names whom it ships to, but it has lines and a date: an event.
            if s.eventTime != nil, withLines.contains(t.name) {
                roles[t.name] = .event
                continue
            }
            if s.outgoing.isEmpty, !refs.isEmpty, (1...3).contains(s.data.count), !s.personal, s.measure == nil, s.eventTime == nil {
                roles[t.name] = .lookup
            }
            else if s.outgoing.count >= 2, s.data.count <= 1, s.isJunction { roles[t.name] = .link }
            else if !s.outgoing.isEmpty, !s.named, s.eventTime != nil || s.measure != nil { roles[t.name] = .event }
        }
        for t in schema.tables where roles[t.name] == nil {
            let s = shapes[t.name]!
            let refs = referencing[t.name] ?? []
            let nonEvents = refs.filter { roles[$0] != .event }
            if s.outgoing.count >= 2, s.data.count <= 1, nonEvents.isEmpty { roles[t.name] = .link }
            else if s.data.count <= 1, !s.named, !nonEvents.isEmpty { roles[t.name] = .group }
            else if s.outgoing.isEmpty, refs.isEmpty, s.eventTime != nil, !s.named { roles[t.name] = .event }
            else { roles[t.name] = .entity }
        }

        // Events that others hold lines of are a fraction of their lines.
        var linesOf: [QualifiedName: QualifiedName] = [:]
        for t in schema.tables where roles[t.name] == .event {
            for fk in t.foreignKeys where fk.referencedTable != t.name && roles[fk.referencedTable] == .event && Self.isDetail(t, via: fk) {
                linesOf[fk.referencedTable] = t.name
            }
        }
        func share(_ name: QualifiedName) -> Double? {
            switch roles[name]! {
            case .event: return linesOf[name] == nil ? 1 : 1 / Self.linesPerEvent
            case .entity: return Self.entityShare
            case .group: return Self.groupShare
            case .lookup, .link: return nil
            }
        }
        // The largest role present gets `largest` rows: a schema of entities
        // only gives them all `largest`.
        let top = schema.tables.compactMap { share($0.name) }.max() ?? 1
        func scaled(_ fraction: Double) -> Int64 {
            largest == 0 ? 0 : max(1, Int64((Double(largest) * fraction / top).rounded()))
        }
        // With a vocabulary, up to its size; without one, fewer (statuses, regions, shippers).
        let lookupBase = largest == 0 ? 0 : min(largest, max(5, min(200, largest / 100)))
        let unlistedLookup = largest == 0 ? 0 : min(largest, max(5, min(50, largest / 500)))
        for t in schema.tables {
            let role = roles[t.name]!
            let s = shapes[t.name]!
            let refs = referencing[t.name] ?? []
            switch role {
            case .event:
                let parents = s.outgoing.isEmpty ? [] : ["foreign keys to " + Self.names(s.outgoing.map(\.referencedTable))]
                let what = ([s.eventTime ?? s.measure].compactMap { $0 } + parents).joined(separator: "; ")
                if let lines = linesOf[t.name] {
                    sizes[t.name] = TableSize(role: role, rows: scaled(share(t.name)!),
                                              reason: "event (\(what)) with lines in \(lines.name): about \(Int(Self.linesPerEvent)) lines each")
                } else {
                    sizes[t.name] = TableSize(role: role, rows: scaled(1), reason: "event (\(what)): the largest tables")
                }
            case .entity:
                let what = s.named ? (s.nameColumn.map { "named by \($0)" } ?? "named") : "\(s.data.count) columns of its own"
                sizes[t.name] = TableSize(role: role, rows: scaled(Self.entityShare), reason: "entity (\(what)): a tenth of the largest tables")
            case .group:
                sizes[t.name] = TableSize(role: role, rows: scaled(Self.groupShare),
                                          reason: "groups \(Self.names(refs)) and holds \(s.data.isEmpty ? "only keys" : "one column") of its own: a hundredth of the largest tables")
            case .lookup:
                var rows = unlistedLookup
                var reason = "lookup (\(s.data.count) column\(s.data.count == 1 ? "" : "s") besides its key, referenced by \(Self.names(refs)))"
                if let v = vocabulary(t) {
                    rows = min(lookupBase, Int64(v.count))
                    reason += rows == Int64(v.count) ? ": the \(v.count) \(v.noun) it draws from" : ": \(rows) of the \(v.count) \(v.noun) it draws from"
                } else {
                    reason += ": a handful of rows"
                }
                sizes[t.name] = TableSize(role: role, rows: rows, reason: reason)
            case .link:
                break
            }
        }
        // Links after their parents, which may be links too: a few passes.
        let links = schema.tables.filter { roles[$0.name] == .link }
        for _ in 0..<3 {
            for t in links {
                let parents = Array(Set(shapes[t.name]!.outgoing.map(\.referencedTable))).sorted { $0.description < $1.description }
                let counts = parents.map { fixed[$0] ?? sizes[$0]?.rows ?? scaled(Self.entityShare) }
                let widest = counts.max() ?? 0
                let widestName = parents[counts.firstIndex(of: widest) ?? 0]
                let rows = min(largest, Self.linkFanOut * widest)
                sizes[t.name] = TableSize(role: .link, rows: rows,
                                          reason: "links \(Self.names(parents)): about \(Self.linkFanOut) per \(widestName.name)")
            }
        }
    }

    /// A line of `parent`: the foreign key is part of the child's primary
    /// key (order_items (order_id, line_no)), or the child is named as lines.
    static func isDetail(_ child: Table, via fk: ForeignKey) -> Bool {
        if !child.primaryKey.isEmpty, Set(fk.columns).isSubset(of: child.primaryKey), child.primaryKey.count > fk.columns.count { return true }
        let name = child.name.name.lowercased()
        return ["line", "lines", "item", "items", "detail", "details", "entry", "entries", "position", "positions"].contains { name.hasSuffix($0) }
    }

    static func names(_ tables: [QualifiedName]) -> String {
        let unique = Array(Set(tables.map(\.name))).sorted()
        return unique.count <= 3 ? unique.joined(separator: ", ") : unique.prefix(3).joined(separator: ", ") + " and \(unique.count - 3) more"
    }

    /// What sizing reads of one table.
    struct Shape {
        /// Foreign keys to other tables.
        let outgoing: [ForeignKey]
        /// Columns that are neither key, foreign key, generated nor bookkeeping.
        let data: [Column]
        /// A column that names the row (`name`, `title`, `first_name`, `email`…).
        let nameColumn: String?
        /// Whether the rows are people or accounts (first name, email, username…).
        let personal: Bool
        /// A date or timestamp the row happens at (`rental_date`), not a birth date.
        let eventTime: String?
        /// An amount or count (`amount`, `quantity`).
        let measure: String?
        /// A primary key or UNIQUE made of foreign key columns only (film_actor).
        let isJunction: Bool

        var named: Bool { nameColumn != nil }

        init(_ t: Table) {
            outgoing = t.foreignKeys.filter { $0.referencedTable != t.name }
            let fkColumns = Set(t.foreignKeys.flatMap(\.columns))
            // `manager_staff_id` without its foreign key is still a reference.
            data = t.columns.filter { c in
                let lower = c.name.lowercased()
                return !c.isGenerated && !t.primaryKey.contains(c.name) && !fkColumns.contains(c.name)
                    && !Planner.bookkeepingNames.contains(lower) && !(c.type.isInteger && (lower == "id" || lower.hasSuffix("_id")))
            }
            var nameColumn: String?
            var personal = false
            var eventTime: String?
            var measure: String?
            for c in data {
                let lower = c.name.lowercased()
                let kind = KindInference.infer(table: t.name.name, column: c.name, type: c.type)
                if let kind, [.firstName, .lastName, .fullName, .username, .email].contains(kind) { personal = true }
                // `name`, `title`, `product_name`, `ProductName`, `JobTitle`.
                if c.type.isTextual, nameColumn == nil,
                   personal || lower == "label" || lower.hasSuffix("name") || lower.hasSuffix("title") {
                    nameColumn = c.name
                }
                switch c.type {
                case .date, .timestamp:
                    if eventTime == nil, kind != .birthDate { eventTime = c.name }
                case .integer, .numeric, .real, .double, .money:
                    if measure == nil { measure = c.name }
                default: break
                }
            }
            // A partitioned event keeps its time in the key (payment_date).
            if eventTime == nil {
                eventTime = t.columns.first { c in
                    Planner.timeUnit(c.type) != nil && t.primaryKey.contains(c.name) && !fkColumns.contains(c.name)
                }?.name
            }
            self.nameColumn = nameColumn
            self.personal = personal
            self.eventTime = eventTime
            self.measure = measure
            let keys = [t.primaryKey] + t.uniques.filter { $0.expressions.isEmpty && $0.predicate == nil }.map(\.columns)
            isJunction = keys.contains { key in
                !key.isEmpty && key.allSatisfy(fkColumns.contains) && t.foreignKeys.filter { !Set($0.columns).isDisjoint(with: key) }.count >= 2
            }
        }
    }
}

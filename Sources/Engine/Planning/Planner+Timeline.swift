import SchemaModel

/// Children follow their parents in time: a row's origin column (when it
/// was created, ordered, rented, paid) falls on or after the origin column
/// of the parent row it points at. Only where nothing stronger decides the
/// column: a CHECK or a partition bound on it, a key, a config generator or
/// an order within the row win, and a parent that is kept (its rows are
/// read, not generated) or loaded later is not followed.
extension Planner {
    /// Names that say when a row came to be, most telling first.
    static let originNames = [
        "created_at", "created", "create_date", "creation_date", "date_created", "created_on", "inserted_at",
        "registered_at", "registration_date", "signup_date", "signed_up_at", "joined_at", "join_date",
        "opened_at", "started_at", "start_date", "order_date", "ordered_at", "purchase_date", "purchased_at",
        "rental_date", "rented_at", "payment_date", "paid_at", "invoice_date", "issued_at", "issue_date",
        "booking_date", "booked_at", "transaction_date", "event_date", "occurred_at", "posted_at", "sent_at",
    ]

    /// The origin column of `table`: a date or timestamp column named like
    /// one, else the first date or timestamp that says when the row
    /// happened (`shipped_at` of an order line): NOT NULL first, not a birth
    /// date, not bookkeeping, not ordered after another column of the row.
    func originColumn(of table: Table) -> Column? {
        if let known = originColumns[table.name] { return known }
        var found: Column?
        defer { originColumns[table.name] = .some(found) }
        for name in Self.originNames {
            if let c = table.columns.first(where: { $0.name.lowercased() == name }), Self.timeUnit(c.type) != nil {
                found = c
                return c
            }
        }
        let times = table.columns.filter { c in
            guard Self.timeUnit(c.type) != nil, !c.isGenerated,
                  !Self.bookkeepingNames.contains(c.name.lowercased()),
                  KindInference.infer(table: table.name.name, column: c.name, type: c.type) != .birthDate,
                  ColumnPairing.earlier(than: c.name, in: table) == nil else { return false }
            return !(derived[table.name]?.orders.contains { $0.greater == c.name } ?? false)
        }
        found = times.first { !$0.isNullable } ?? times.first
        return found
    }

    /// How many generations of parents with origins stand above `table`
    /// (0: none); a child follows its deepest such parent (a payment its
    /// rental, not its customer, since the rental already follows the customer).
    /// Followable parents load strictly earlier, so the recursion ends.
    func originDepth(_ table: Table) -> Int {
        if let known = originDepths[table.name] { return known }
        let depth = table.foreignKeys.compactMap { followableParent($0, of: table) }.map { 1 + originDepth($0) }.max() ?? 0
        originDepths[table.name] = depth
        return depth
    }

    /// The parent of `fk` when its origin can be followed: generated in this
    /// fill, loaded before `table`, with an origin column.
    func followableParent(_ fk: ForeignKey, of table: Table) -> Table? {
        guard fk.referencedTable != table.name, let parent = tablesByName[fk.referencedTable], existingKeys(for: fk) == nil,
              let parentIndex = loadIndex[parent.name], let ownIndex = loadIndex[table.name], parentIndex < ownIndex,
              broken[table.name]?.contains(where: { $0.foreignKey == fk }) != true,
              originColumn(of: parent) != nil else { return nil }
        return parent
    }

    /// `column`'s generator when it is the table's origin and a parent's
    /// origin can be followed; nil otherwise.
    /// A unique carrier gets distinct microseconds (timestamps with
    /// sub-second precision, at most a million rows); otherwise it keeps its
    /// unique generator.
    func afterParentGenerator(table: Table, column: Column, unique: Bool, own: () throws -> any ValueGenerator) throws -> (any ValueGenerator)? {
        let rows = rowCounts[table.name] ?? 0
        if unique {
            guard Self.orderUnit(column.type) == .seconds, rows <= 1_000_000, Self.keepsMicroseconds(column.declaredType) else { return nil }
        }
        guard let unit = Self.timeUnit(column.type), originColumn(of: table)?.name == column.name,
              !table.foreignKeys.contains(where: { $0.columns.contains(column.name) }) else { return nil }
        let candidates = table.foreignKeys.compactMap { fk in followableParent(fk, of: table).map { (fk, $0) } }
        let deepest = candidates.max(by: { originDepth($0.1) < originDepth($1.1) })
        // A bound on the column wins over the parent's time; inspect says so.
        let partitioned = table.partitioning?.allKeyColumns.contains(column.name) ?? false
        if partitioned || !(derived[table.name]?.domains[column.name]?.isUnconstrained ?? true) {
            if let (_, parent) = deepest, let origin = originColumn(of: parent) {
                timelineNotes[table.name, default: [:]][column.name] =
                    "its \(partitioned ? "partition bounds win" : "CHECK wins") over following \(parent.name).\(origin.name)"
            }
            return nil
        }
        guard let (fk, parent) = deepest,
              let parentOrigin = originColumn(of: parent), Self.canFollow(column.type, parentOrigin.type) || parentOrigin.type == .date
              || Self.orderUnit(parentOrigin.type) == .seconds else { return nil }
        return AfterParentGenerator(
            parent: try fromParent(table: table, foreignKeyColumn: fk.columns[0], parentColumn: parentOrigin.name),
            own: try own(), unit: unit, windowEnd: windowEnd(unit), timeZoneSuffix: Self.hasTimeZone(column.type),
            stream: stream(table, column.name + "\u{1}after-parent"),
            uniqueMicroseconds: unique ? Permutation(count: 1_000_000, key: stream(table, column.name + "\u{1}unique-us")) : nil)
    }

    /// Whether a timestamp type keeps six fractional digits: no precision
    /// given (PostgreSQL's default is 6; SQLite keeps the text), or 6.
    static func keepsMicroseconds(_ declaredType: String) -> Bool {
        guard let open = declaredType.firstIndex(of: "("), let close = declaredType[open...].firstIndex(of: ")") else { return true }
        return Int(declaredType[declaredType.index(after: open)..<close].trimmingSpaces()) == 6
    }
}

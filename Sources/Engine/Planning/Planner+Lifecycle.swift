import SchemaModel

/// Timestamps tied to a status (`shipped_at`, `cancelled_at`): set only on
/// rows whose status implies them, so no pending order has a shipping date.
extension Planner {
    /// The tied generator of a nullable date or timestamp column named
    /// after a label of a status column in the same table, whose generator
    /// picks from a list (`StatusLifecycle`). nil when the column is a key,
    /// an FK, NOT NULL by a CHECK, part of a per-row CHECK branch, or no
    /// label matches its name.
    func statusTiedGenerator(table: Table, column: Column, own: () throws -> any ValueGenerator) throws -> (any ValueGenerator)? {
        guard column.isNullable, let unit = Self.timeUnit(column.type),
              StatusLifecycle.isTimestampNamedAfterAState(column.name),
              !table.foreignKeys.contains(where: { $0.columns.contains(column.name) }),
              !uniqueSets(table).contains(where: { $0.contains(column.name) }),
              derived[table.name]?.domains[column.name]?.notNull != true,
              !(table.partitioning?.allKeyColumns.contains(column.name) ?? false) else { return nil }
        let dependent = branching[table.name]?.dependent ?? []
        guard !dependent.contains(column.name) else { return nil }
        for status in table.columns where status.name != column.name && StatusLifecycle.isStatusColumn(status.name) && !dependent.contains(status.name) {
            guard let choice = try generator(table: table, column: status.name) as? any LiteralChoosing else { continue }
            let labels = choice.literals.compactMap { literal -> String? in
                if case .text(let t) = literal { return t }
                return nil
            }
            guard labels.count == choice.literals.count, StatusLifecycle.weights(labels) != nil,
                  let tied = StatusLifecycle.tiedLabel(timestamp: column.name, labels: labels) else { continue }
            let implied = StatusLifecycle.implied(by: labels, tied: tied)
            // In lifecycle order: `paid or shipped or delivered`.
            let holding = labels.indices.filter { implied[$0] }
                .sorted { (StatusLifecycle.stage(of: labels[$0]) ?? 9) < (StatusLifecycle.stage(of: labels[$1]) ?? 9) }.map { labels[$0] }
            let ordered = try lifecycleOrdered(table: table, column: column, unit: unit, labels: labels, tied: tied)
            var inner = try ordered?.generator ?? own()
            // The status decides the NULLs (no 90% NULL `cancelled_at` inside).
            if let optional = inner as? NullableGenerator { inner = optional.inner }
            return StatusTiedGenerator(inner: inner, status: choice, implied: implied,
                                       condition: "\(status.name) is " + holding.joined(separator: " or "),
                                       ordering: ordered.map { "0–10 days after \($0.after)" })
        }
        return nil
    }

    /// The tied timestamp after the previous stage's (`shipped_at` after
    /// `paid_at`, `delivered_at` after `shipped_at`), or, for the first stage
    /// and failures, after the row's first timestamp that is not tied
    /// (`ordered_at`). nil when a CHECK orders the column itself (the CHECK
    /// wins) or there is nothing to follow.
    func lifecycleOrdered(table: Table, column: Column, unit: OrderedAfterGenerator.Unit, labels: [String], tied: Int) throws
        -> (generator: any ValueGenerator, after: String)? {
        guard !(derived[table.name]?.orders.contains { $0.greater == column.name } ?? false) else { return nil }
        let stage = StatusLifecycle.stage(of: labels[tied])
        let timestamps = table.columns.filter { $0.name != column.name && Self.timeUnit($0.type) != nil && Self.canFollow(column.type, $0.type) }
        var base: Column?
        if let stage {
            // The tied column of the latest earlier stage.
            var best = -1
            for c in timestamps where c.isNullable {
                guard let i = StatusLifecycle.tiedLabel(timestamp: c.name, labels: labels), let s = StatusLifecycle.stage(of: labels[i]),
                      s < stage, s > best else { continue }
                best = s
                base = c
            }
        }
        if base == nil {
            base = timestamps.first { !$0.isNullable && StatusLifecycle.tiedLabel(timestamp: $0.name, labels: labels) == nil }
        }
        guard let base else { return nil }
        let day: Int64 = unit == .seconds ? 86_400 : 1
        let after = OrderedAfterGenerator(base: try generator(table: table, column: base.name), unit: unit, gap: 0...(10 * day),
                                          timeZoneSuffix: Self.hasTimeZone(column.type), stream: stream(table, column.name + "\u{1}stage"), cap: windowEnd(unit))
        return (after, base.name)
    }
}

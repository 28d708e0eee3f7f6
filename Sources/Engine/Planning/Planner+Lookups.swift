import SchemaModel

/// Lookup tables (languages, categories, countries, genres) hold their
/// vocabulary: each name once before any repeats, even without a UNIQUE
/// constraint, instead of "Wearables" twice among a thousand categories.
extension Planner {
    /// Columns a lookup table may have besides its key and its name:
    /// bookkeeping that says nothing about what the table is.
    static let bookkeepingNames: Set<String> = ["last_update", "last_updated", "updated_at", "created_at", "modified_at", "created", "updated"]

    /// Referenced by another table, no foreign keys of its own, and at most
    /// three columns besides its primary key and bookkeeping.
    func isLookup(_ table: Table) -> Bool {
        guard table.foreignKeys.isEmpty else { return false }
        let described = table.columns.filter { !table.primaryKey.contains($0.name) && !Self.bookkeepingNames.contains($0.name.lowercased()) }
        guard !described.isEmpty, described.count <= 3 else { return false }
        return referencedTables.contains(table.name)
    }

    /// The distinct-list generator of a lookup table's name column: text
    /// whose inferred kind is one entry of a fixed list, not a key, not
    /// restricted by a CHECK.
    func lookupNameGenerator(table: Table, column: Column) -> (any ValueGenerator)? {
        guard column.type.isTextual, isLookup(table), !table.primaryKey.contains(column.name),
              derived[table.name]?.domains[column.name]?.isUnconstrained ?? true,
              let kind = KindInference.infer(table: table.name.name, column: column.name, type: column.type),
              let list = Vocabulary.list(for: kind) else { return nil }
        var limit: Int?
        switch column.type {
        case .text(let n): limit = n
        case .char(let n): limit = n
        default: break
        }
        let fitting = limit.map { n in list.filter { $0.count <= n } } ?? list
        guard !fitting.isEmpty else { return nil }
        return DistinctListGenerator(values: fitting, key: stream(table, column.name + "\u{1}lookup"), maxLength: limit, kind: kind.rawValue)
    }
}

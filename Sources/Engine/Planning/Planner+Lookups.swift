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

    /// The list a lookup table's name column draws from, cut to the
    /// column's length: text whose inferred kind is one entry of a fixed
    /// list, not a key.
    func lookupVocabulary(table: Table, column: Column) -> (kind: SemanticKind, values: [String])? {
        guard column.type.isTextual, isLookup(table), !table.primaryKey.contains(column.name),
              let kind = KindInference.infer(table: table.name.name, column: column.name, type: column.type),
              let list = Vocabulary.list(for: kind) else { return nil }
        let fitting = column.type.lengthLimit.map { n in list.filter { $0.count <= n } } ?? list
        return fitting.isEmpty ? nil : (kind, fitting)
    }

    /// How many names the first listed name column of a lookup table has,
    /// and what they are ("languages"): a realistic fill has no more rows.
    func lookupVocabularySize(_ table: Table) -> (count: Int, noun: String)? {
        for column in table.columns {
            guard let v = lookupVocabulary(table: table, column: column) else { continue }
            let noun = v.kind.rawValue.replacingOccurrences(of: "_", with: " ")
            return (v.values.count, noun.hasSuffix("y") ? noun.dropLast() + "ies" : noun + "s")
        }
        return nil
    }

    /// The distinct-list generator of a lookup table's name column, unless
    /// a CHECK restricts the column.
    func lookupNameGenerator(table: Table, column: Column) -> (any ValueGenerator)? {
        guard derived[table.name]?.domains[column.name]?.isUnconstrained ?? true,
              let v = lookupVocabulary(table: table, column: column) else { return nil }
        return DistinctListGenerator(values: v.values, key: stream(table, column.name + "\u{1}lookup"), maxLength: column.type.lengthLimit, kind: v.kind.rawValue)
    }
}

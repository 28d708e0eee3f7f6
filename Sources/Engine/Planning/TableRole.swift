import SchemaModel

/// What a table is in its schema, read from its shape alone (foreign keys
/// in and out, names, times, amounts). A realistic fill sizes tables by
/// their role: a handful of languages, a thousand customers, ten thousand
/// rentals (see `TableSizing`).
package enum TableRole: String, Sendable, CaseIterable {
    /// Few columns besides a key, no foreign keys of its own, referenced by
    /// others: languages, categories, countries, statuses.
    case lookup
    /// Things with a name or an identity: customers, products, films.
    case entity
    /// Rows other entities belong to that hold nothing but keys (or one
    /// label): stores, cities. Far fewer than the entities in them.
    case group
    /// Rows joining parents and holding little else: film_actor, inventory.
    /// Sized from their parents.
    case link
    /// Things that happen: foreign keys, a time or an amount, no name:
    /// rentals, payments, orders, order lines. The largest tables.
    case event
}

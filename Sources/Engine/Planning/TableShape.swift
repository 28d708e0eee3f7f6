/// How a fill sizes the tables it does not get a count for.
package enum TableShape: String, Sendable, CaseIterable {
    /// Every table the same count (`--rows N`).
    case uniform
    /// Each table by its role: events the most, lookups a handful (`--shape realistic`).
    case realistic
}

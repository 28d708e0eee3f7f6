/// The size a realistic fill gives one table, and why (shown by `inspect`).
package struct TableSize: Sendable, Equatable {
    package var role: TableRole
    package var rows: Int64
    package var reason: String
}

import Foundation

/// What `dbsynth inspect` shows: the JSON document of docs/inspect-json.md,
/// its text form, and the tables with the generator of each column.
public struct Inspection: Sendable {
    public struct Table: Sendable {
        public var name: String
        /// Position in load order, from 1.
        public var order: Int
        public var columns: [Column]
    }

    public struct Column: Sendable {
        public var name: String
        public var type: String
        /// The generator the plan chose (`email`, `foreign key → users.id`).
        public var generator: String
    }

    public var tables: [Table]
    /// The stable JSON document (docs/inspect-json.md).
    public var json: String
    /// The text `dbsynth inspect` prints.
    public var text: String

    init(_ report: InspectReport, target: String) throws {
        tables = report.tables.map { t in
            Table(name: t.schema.map { "\($0).\(t.name)" } ?? t.name, order: t.order,
                  columns: t.columns.map { Column(name: $0.name, type: $0.type, generator: $0.generator) })
        }
        json = try report.jsonText()
        text = report.text(target: target)
    }
}

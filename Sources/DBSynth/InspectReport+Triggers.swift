import Engine
import Introspect
import SchemaModel

/// The parts of `inspect` about triggers and the rules read from them.
extension InspectReport {
    struct TriggerInfo: Encodable {
        var name: String
        var timing: String
        var events: [String]

        init(_ t: Trigger) {
            name = t.name
            timing = t.timing
            events = t.events
        }
    }

    /// A column copied from the parent row its foreign key picks.
    struct EqualityInfo: Encodable {
        var column: String
        var viaColumns: [String]
        var parent: String
        var parentColumn: String
        var fromTrigger: String

        enum CodingKeys: String, CodingKey {
            case column, parent
            case viaColumns = "via_columns"
            case parentColumn = "parent_column"
            case fromTrigger = "from_trigger"
        }

        init(_ e: ParentEquality) {
            column = e.column
            viaColumns = e.viaColumns
            parent = e.parent.description
            parentColumn = e.parentColumn
            fromTrigger = e.trigger
        }
    }

    /// A value the parent row an FK points at must have.
    struct ParentConditionInfo: Encodable {
        var viaColumns: [String]
        var parent: String
        var column: String
        /// `in` or `not in`.
        var op: String
        var values: [String]
        /// Also depends on the new row's own values (honoured when some parent rows allow it).
        var conditional: Bool
        var fromTrigger: String

        enum CodingKeys: String, CodingKey {
            case parent, column, op, values, conditional
            case viaColumns = "via_columns"
            case fromTrigger = "from_trigger"
        }

        init(_ c: ParentCondition) {
            viaColumns = c.viaColumns
            parent = c.parent.description
            column = c.column
            op = c.equals ? "in" : "not in"
            values = c.values
            conditional = c.conditional
            fromTrigger = c.trigger
        }
    }

    struct PolymorphicInfo: Encodable {
        struct Target: Encodable {
            var table: String
            var literal: String?
            var columns: [String]
        }

        var view: String
        var columns: [String]
        var discriminator: String?
        var tables: [Target]
        var fromTrigger: String

        enum CodingKeys: String, CodingKey {
            case view, columns, discriminator, tables
            case fromTrigger = "from_trigger"
        }

        init(_ p: PolymorphicReference) {
            view = p.view.description
            columns = p.columns
            discriminator = p.discriminator
            tables = p.branches.map { Target(table: $0.table.description, literal: $0.literal, columns: $0.columns) }
            fromTrigger = p.trigger
        }
    }

    /// A trigger's rejection condition the database evaluates for every
    /// generated row before the load (rows it rejects are redrawn).
    struct TriggerConditionInfo: Encodable {
        var condition: String
        /// Columns a redraw may change; empty: a failing row is loaded as drawn.
        var redraws: [String]
        var fromTrigger: String

        enum CodingKeys: String, CodingKey {
            case condition, redraws
            case fromTrigger = "from_trigger"
        }

        init(_ check: ServerCheck, plan: TablePlan) {
            condition = check.text
            redraws = check.redraw.map { plan.columns[$0].column.name }
            fromTrigger = check.trigger ?? ""
        }
    }

    struct DisjointInfo: Encodable {
        struct Member: Encodable {
            var table: String
            var columns: [String]
        }

        var relation: String
        var members: [Member]
        var fromTriggers: [String]

        enum CodingKeys: String, CodingKey {
            case relation, members
            case fromTriggers = "from_triggers"
        }

        init(_ d: DisjointKeys) {
            relation = d.relation.description
            members = d.members.map { Member(table: $0.table.description, columns: $0.columns) }
            fromTriggers = d.triggers
        }
    }
}

extension InspectReport.TableInfo {
    /// Text lines for the table's triggers and trigger rules.
    var triggerLines: [String] {
        var lines: [String] = []
        for e in equalities {
            lines.append("   equal \(e.column) = \(e.parent).\(e.parentColumn) of the row (\(e.viaColumns.joined(separator: ", "))) points at  (from trigger \(e.fromTrigger))")
        }
        for c in parentConditions {
            lines.append("   parent of (\(c.viaColumns.joined(separator: ", "))) has \(c.parent).\(c.column) \(c.values.count == 1 ? (c.op == "in" ? "=" : "<>") : c.op) \(c.values.count == 1 ? "'\(c.values[0])'" : "(" + c.values.map { "'\($0)'" }.joined(separator: ", ") + ")")\(c.conditional ? " (when the trigger's other terms hold)" : "")  (from trigger \(c.fromTrigger))")
        }
        for p in polymorphicReferences {
            let target = p.tables.map { t in t.literal.map { "\(t.table) '\($0)'" } ?? t.table }.joined(separator: ", ")
            let discriminator = p.discriminator.map { "\($0) names the table; " } ?? ""
            lines.append("   reference (\(p.columns.joined(separator: ", "))) → a row of \(p.view): \(discriminator)one of \(target)  (from trigger \(p.fromTrigger))")
        }
        for c in triggerConditions {
            let redraw = c.redraws.isEmpty ? "no column to redraw" : "redraws " + c.redraws.joined(separator: ", ")
            lines.append("   rejected when \(c.condition): evaluated by the server on every row, \(redraw)  (from trigger \(c.fromTrigger))")
        }
        if let trigger = filledByTrigger { lines.append("   filled by trigger \(trigger)") }
        if !triggers.isEmpty {
            lines.append("   triggers: " + triggers.map { "\($0.name) (\($0.timing) \($0.events.joined(separator: "/")))" }.joined(separator: ", "))
        }
        return lines
    }
}

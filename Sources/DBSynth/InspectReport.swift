import Foundation
import Engine
import Introspect
import SchemaModel

/// What `inspect` shows, as a Codable document: the JSON form is the
/// documented contract (docs/inspect-json.md); the text form is derived from it.
package struct InspectReport: Encodable {
    struct ColumnInfo: Encodable {
        var name: String
        var type: String
        var declaredType: String
        var nullable: Bool
        var defaultExpression: String?
        var identity: String?
        var generated: Bool
        var domain: String?
        var kind: String?
        var generator: String
        /// How many distinct values a unique column has inside its CHECKs.
        var capacity: String?

        enum CodingKeys: String, CodingKey {
            case name, type, nullable, identity, generated, domain, kind, generator, capacity
            case declaredType = "declared_type"
            case defaultExpression = "default"
        }
    }

    struct UniqueInfo: Encodable {
        var name: String?
        var columns: [String]
        var expressions: [String]
        var predicate: String?
        /// The trigger the rule was read from; nil for a declared one.
        var fromTrigger: String?

        enum CodingKeys: String, CodingKey {
            case name, columns, expressions, predicate
            case fromTrigger = "from_trigger"
        }
    }

    struct ForeignKeyInfo: Encodable {
        var name: String?
        var columns: [String]
        var referencesTable: String
        var referencesColumns: [String]
        var deferrable: Bool
        /// How the edge is broken when it closes a cycle, else nil.
        var cycleBreak: String?
        /// The trigger the key was read from; nil for a declared constraint.
        var fromTrigger: String?

        enum CodingKeys: String, CodingKey {
            case name, columns, deferrable
            case referencesTable = "references_table"
            case referencesColumns = "references_columns"
            case cycleBreak = "cycle_break"
            case fromTrigger = "from_trigger"
        }
    }

    struct CheckInfo: Encodable {
        var name: String?
        var expression: String
        /// True when dbsynth cannot evaluate it and the database checks every generated row.
        var checkedByServer: Bool? = nil
        /// The trigger it was read from (`NOT (its rejection condition)`).
        var fromTrigger: String? = nil

        enum CodingKeys: String, CodingKey {
            case name, expression
            case checkedByServer = "checked_by_server"
            case fromTrigger = "from_trigger"
        }
    }

    struct TableInfo: Encodable {
        var order: Int
        var schema: String?
        var name: String
        var existingRows: Int64
        /// Rows a fill with the same options writes.
        var rows: Int64
        /// The table's role when sized by it (`lookup`, `entity`, `group`, `link`, `event`).
        var role: String?
        /// Why it gets `rows` (realistic sizing, or the capacity of its keys).
        var rowsReason: String?
        var columns: [ColumnInfo]
        var primaryKey: [String]
        var unique: [UniqueInfo]
        var foreignKeys: [ForeignKeyInfo]
        var checks: [CheckInfo]
        var capacity: String?
        var branches: [BranchInfo] = []
        var sharedKeys: [SharedKeyInfo] = []
        var triggers: [TriggerInfo]
        var equalities: [EqualityInfo]
        var polymorphicReferences: [PolymorphicInfo]
        var parentConditions: [ParentConditionInfo]
        var triggerConditions: [TriggerConditionInfo] = []
        var filledByTrigger: String?

        enum CodingKeys: String, CodingKey {
            case order, schema, name, rows, role, columns, unique, checks, capacity, branches, triggers, equalities
            case rowsReason = "rows_reason"
            case sharedKeys = "shared_keys"
            case existingRows = "existing_rows"
            case primaryKey = "primary_key"
            case foreignKeys = "foreign_keys"
            case polymorphicReferences = "polymorphic_references"
            case filledByTrigger = "filled_by_trigger"
            case parentConditions = "parent_conditions"
            case triggerConditions = "trigger_conditions"
        }
    }

    /// One per-row branch of the table's cross-column ORs.
    struct BranchInfo: Encodable {
        var share: Double
        var choices: [String]
    }

    /// A key reached by two paths, taken from the driving parent.
    struct SharedKeyInfo: Encodable {
        var key: String
        var drivingForeignKey: [String]
        var columns: [String]
        var agreeingForeignKeys: [[String]]

        enum CodingKeys: String, CodingKey {
            case key, columns
            case drivingForeignKey = "driving_foreign_key"
            case agreeingForeignKeys = "agreeing_foreign_keys"
        }
    }

    struct SkippedInfo: Encodable {
        var name: String
        var reason: String
    }

    var dialect: String
    var tables: [TableInfo]
    var disjointKeys: [DisjointInfo]
    var skipped: [SkippedInfo]
    var warnings: [String]
    var notes: [String]

    enum CodingKeys: String, CodingKey {
        case dialect, tables, skipped, warnings, notes
        case disjointKeys = "disjoint_keys"
    }

    package init(schema: Schema, plan: Plan) {
        dialect = schema.dialect.rawValue
        skipped = schema.skipped.map { SkippedInfo(name: $0.name.description, reason: $0.reason) }
        warnings = plan.warnings
        notes = plan.notes
        disjointKeys = schema.disjointKeys.map(DisjointInfo.init)
        tables = plan.tables.enumerated().map { index, t in
            let generators = Dictionary(uniqueKeysWithValues: t.columns.map { ($0.column.name, $0) })
            let broken = Dictionary(t.brokenForeignKeys.map { ($0.foreignKey, $0.strategy.rawValue) }, uniquingKeysWith: { a, _ in a })
            return TableInfo(
                order: index + 1, schema: t.table.name.schema, name: t.table.name.name, existingRows: t.table.rowCount,
                rows: t.rows, role: t.size?.role.rawValue, rowsReason: t.capacityNote ?? t.size?.reason,
                columns: t.table.columns.map { c in
                    ColumnInfo(
                        name: c.name, type: c.type.summary, declaredType: c.declaredType, nullable: c.isNullable,
                        defaultExpression: c.defaultExpression, identity: c.identity?.rawValue, generated: c.isGenerated,
                        domain: c.domain, kind: generators[c.name]?.kind,
                        generator: c.isGenerated ? "computed by the database"
                            : (generators[c.name]?.generator.summary ?? "-") + (t.timelineNotes[c.name].map { " (\($0))" } ?? ""),
                        capacity: (generators[c.name]?.generator as? any DomainBoundedUniqueGenerator)?.domainCapacity)
                },
                primaryKey: t.table.primaryKey,
                unique: t.table.uniques.map { UniqueInfo(name: $0.name, columns: $0.columns, expressions: $0.expressions, predicate: $0.predicate, fromTrigger: $0.origin) },
                foreignKeys: t.table.foreignKeys.map { fk in
                    ForeignKeyInfo(
                        name: fk.name, columns: fk.columns, referencesTable: fk.referencedTable.description,
                        referencesColumns: fk.referencedColumns, deferrable: fk.isDeferrable, cycleBreak: broken[fk], fromTrigger: fk.origin)
                },
                checks: t.table.checks.map { c in
                    CheckInfo(name: c.name, expression: c.expression,
                              checkedByServer: t.serverChecks.contains { $0.domainColumn == nil && $0.trigger == nil && $0.text == c.expression } ? true : nil,
                              fromTrigger: c.origin)
                },
                capacity: t.capacityNote,
                branches: t.branches.map { BranchInfo(share: $0.share, choices: $0.choices) },
                sharedKeys: t.sharedKeys.map {
                    SharedKeyInfo(key: $0.key, drivingForeignKey: $0.drivingForeignKey, columns: $0.columns, agreeingForeignKeys: $0.agreeingForeignKeys)
                },
                triggers: schema.triggers.filter { $0.table == t.table.name }.map(TriggerInfo.init),
                equalities: t.table.equalities.map(EqualityInfo.init),
                polymorphicReferences: t.table.polymorphicReferences.map(PolymorphicInfo.init),
                parentConditions: t.table.parentConditions.map(ParentConditionInfo.init),
                triggerConditions: t.serverChecks.filter { $0.trigger != nil }.map { TriggerConditionInfo($0, plan: t) },
                filledByTrigger: t.filledByTrigger)
        }
    }

    static func displayName(_ t: TableInfo) -> String {
        t.schema.map { $0 == "public" ? t.name : "\($0).\(t.name)" } ?? t.name
    }

    /// The size column: each table's role, rows and why, when sized by role.
    var sizeLines: [String] {
        guard tables.contains(where: { $0.role != nil }) else { return [] }
        let names = tables.map(Self.displayName)
        let counts = tables.map { TextLayout.grouped($0.rows) }
        let nameWidth = names.map(\.count).max() ?? 0
        let countWidth = counts.map(\.count).max() ?? 0
        var lines = ["", "Rows by role (--rows N gives every table N):"]
        for (i, t) in tables.enumerated() {
            lines.append("   " + TextLayout.pad(names[i], nameWidth, left: true) + "  " + TextLayout.pad(t.role ?? "given", 6, left: true)
                         + "  " + TextLayout.pad(counts[i], countWidth, left: false) + "  " + (t.rowsReason ?? "as asked"))
        }
        return lines
    }

    /// The JSON document, keys sorted, as `inspect --json` prints it.
    package func jsonText() throws -> String {
        try DocumentJSON.text(self)
    }

    package func text(target: String) -> String {
        var lines = ["\(target) (\(dialect)): \(tables.count) tables in load order"]
        lines += sizeLines
        for t in tables {
            lines.append("")
            let qualified = Self.displayName(t)
            lines.append("\(t.order). \(qualified)  (\(t.existingRows) rows now; a fill writes \(TextLayout.grouped(t.rows)))")
            let nameWidth = t.columns.map(\.name.count).max() ?? 0
            let typeWidth = t.columns.map(\.type.count).max() ?? 0
            for c in t.columns {
                var flags: [String] = []
                if !c.nullable { flags.append("not null") }
                if t.primaryKey.contains(c.name) { flags.append("pk") }
                if let identity = c.identity { flags.append(identity) }
                let flagText = flags.joined(separator: ",")
                lines.append("   " + TextLayout.pad(c.name, nameWidth, left: true) + "  " + TextLayout.pad(c.type, typeWidth, left: true)
                             + "  " + TextLayout.pad(flagText, 22, left: true) + "  " + c.generator
                             + (c.capacity.map { "  [capacity \($0)]" } ?? ""))
            }
            if !t.primaryKey.isEmpty { lines.append("   primary key (\(t.primaryKey.joined(separator: ", ")))") }
            for u in t.unique {
                var text = "   unique (\((u.columns + u.expressions).joined(separator: ", ")))"
                if let p = u.predicate { text += " where \(p)" }
                if let trigger = u.fromTrigger { text += "  (from trigger \(trigger))" }
                lines.append(text)
            }
            for fk in t.foreignKeys {
                var text = "   foreign key (\(fk.columns.joined(separator: ", "))) → \(fk.referencesTable) (\(fk.referencesColumns.joined(separator: ", ")))"
                if fk.deferrable { text += " deferrable" }
                if let b = fk.cycleBreak { text += "  [cycle broken: \(b)]" }
                if let trigger = fk.fromTrigger { text += "  (from trigger \(trigger))" }
                lines.append(text)
            }
            lines += t.triggerLines
            for c in t.checks {
                lines.append("   check \(c.name.map { "\($0): " } ?? "")\(c.expression)" + (c.checkedByServer == true ? "  [checked by the server]" : "")
                             + (c.fromTrigger.map { "  (from trigger \($0))" } ?? ""))
            }
            if let capacity = t.capacity { lines.append("   capacity: \(capacity)") }
            for (i, b) in t.branches.enumerated() {
                lines.append("   branch \(i + 1) (\(Int((b.share * 100).rounded()))% of rows): " + b.choices.joined(separator: "; "))
            }
            for k in t.sharedKeys {
                let who = k.columns + k.agreeingForeignKeys.map { "parent of (\($0.joined(separator: ", ")))" }
                lines.append("   same \(k.key) as the parent of (\(k.drivingForeignKey.joined(separator: ", "))): " + who.joined(separator: ", "))
            }
        }
        for d in disjointKeys {
            lines.append("")
            lines.append("keys unique across tables (\(d.relation)): " + d.members.map { "\($0.table) (\($0.columns.joined(separator: ", ")))" }.joined(separator: ", ")
                         + "  (from trigger \(d.fromTriggers.joined(separator: ", ")))")
        }
        if !skipped.isEmpty {
            lines.append("")
            lines.append("skipped: " + skipped.map { "\($0.name) (\($0.reason))" }.joined(separator: ", "))
        }
        for n in notes { lines.append("note: \(n)") }
        for w in warnings { lines.append("warning: \(w)") }
        return lines.joined(separator: "\n")
    }
}

import Testing
import Introspect
@testable import Engine

/// The planner with rules read from triggers, in memory.
@Suite struct TriggerPlanTests {
    func int(_ name: String, nullable: Bool = false) -> Column {
        Column(name: name, type: .integer(bytes: 8), declaredType: "INTEGER", isNullable: nullable)
    }

    /// A cycle closed by a declared nullable key and a key a trigger checks:
    /// the declared one is broken (NULL, then UPDATE), the trigger's never.
    @Test func aTriggersKeyIsNotTheEdgeBrokenInACycle() throws {
        var fromTrigger = ForeignKey(name: nil, columns: ["b_id"], referencedTable: QualifiedName("b"), referencedColumns: ["id"])
        fromTrigger.origin = "a_needs_b"
        let schema = Schema(dialect: .sqlite, tables: [
            Table(name: QualifiedName("a"), columns: [int("id"), int("b_id")], primaryKey: ["id"], foreignKeys: [fromTrigger]),
            Table(name: QualifiedName("b"), columns: [int("id"), int("a_id", nullable: true)], primaryKey: ["id"],
                  foreignKeys: [ForeignKey(name: nil, columns: ["a_id"], referencedTable: QualifiedName("a"), referencedColumns: ["id"])]),
        ])
        let plan = try Planner(schema: schema, options: PlanOptions(defaultRows: 50)).plan()
        #expect(plan.tables.map(\.table.name.name) == ["b", "a"])
        #expect(plan.table(named: QualifiedName("b"))?.brokenForeignKeys.map(\.foreignKey.columns) == [["a_id"]])
        #expect(plan.checkInvariants() == nil)
        #expect(PlanValidator(plan).problems().isEmpty)
    }

    /// A disjoint-key group: the same shared generator, each table from its
    /// own offset (integer keys would otherwise both count from 1).
    @Test func disjointKeysNeverMeet() throws {
        let text = { (n: String) in Column(name: n, type: .text(maxLength: nil), declaredType: "TEXT", isNullable: false) }
        var schema = Schema(dialect: .sqlite, tables: [
            Table(name: QualifiedName("x"), columns: [int("id"), text("name")], primaryKey: ["id"]),
            Table(name: QualifiedName("y"), columns: [int("id"), text("name")], primaryKey: ["id"]),
        ])
        schema.disjointKeys = [DisjointKeys(relation: QualifiedName("v"), members: [
            .init(table: QualifiedName("x"), columns: ["id"]), .init(table: QualifiedName("y"), columns: ["id"]),
        ], triggers: ["t"])]
        let plan = try Planner(schema: schema, options: PlanOptions(defaultRows: 2000)).plan()
        let rows = PlanValidator(plan).rows
        let keys = { (t: String) in Set((rows[QualifiedName(t)] ?? []).compactMap { $0["id"] ?? nil }) }
        #expect(keys("x").count == 2000 && keys("y").count == 2000)
        #expect(keys("x").isDisjoint(with: keys("y")))
        #expect(PlanValidator(plan).problems().isEmpty)
    }
}

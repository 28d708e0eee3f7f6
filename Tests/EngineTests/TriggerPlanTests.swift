import Testing
import SchemaModel
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

    /// A key made of a free column and a polymorphic reference: the free
    /// column carries the uniqueness, the reference only points.
    @Test func polymorphicColumnsDoNotCarryUniqueness() throws {
        let text = { (n: String) in Column(name: n, type: .text(maxLength: nil), declaredType: "TEXT", isNullable: false) }
        var model = Table(name: QualifiedName("model"), columns: [text("name"), text("op_auth"), int("op_code")], primaryKey: ["name", "op_auth", "op_code"])
        model.polymorphicReferences = [PolymorphicReference(view: QualifiedName("ops"), columns: ["op_auth", "op_code"], discriminator: nil, branches: [
            .init(table: QualifiedName("grid"), literal: nil, columns: ["auth", "code"]),
            .init(table: QualifiedName("helmert"), literal: nil, columns: ["auth", "code"]),
        ], trigger: "t")]
        let schema = Schema(dialect: .sqlite, tables: [
            Table(name: QualifiedName("grid"), columns: [text("auth"), int("code")], primaryKey: ["auth", "code"]),
            Table(name: QualifiedName("helmert"), columns: [text("auth"), int("code")], primaryKey: ["auth", "code"]),
            model,
        ])
        let plan = try Planner(schema: schema, options: PlanOptions(defaultRows: 500)).plan()
        #expect(plan.tables.last?.table.name.name == "model")
        let validator = PlanValidator(plan)
        #expect(validator.problems().isEmpty)
        let rows = validator.rows[QualifiedName("model")] ?? []
        let parents = Set(["grid", "helmert"].flatMap { t in (validator.rows[QualifiedName(t)] ?? []).map { "\($0["auth"]! ?? "")|\($0["code"]! ?? "")" } })
        #expect(rows.count == 500)
        #expect(rows.allSatisfy { parents.contains("\($0["op_auth"]! ?? "")|\($0["op_code"]! ?? "")") })
        #expect(Set(rows.map { $0["name"]! ?? "" }).count == 500)
    }
}

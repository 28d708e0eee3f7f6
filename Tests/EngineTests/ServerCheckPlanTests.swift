import Testing
import SchemaModel
@testable import Engine

/// Which CHECKs the planner leaves to the database, what they read and may
/// redraw, and the attempt-aware redraw they rely on.
struct ServerCheckPlanTests {
    static let text = DataType.text(maxLength: nil)

    static func schema() -> Schema {
        Schema(dialect: .postgres, tables: [
            Table(name: QualifiedName("parent"), columns: [column("id", int8)], primaryKey: ["id"]),
            Table(name: QualifiedName("item"),
                  columns: [column("id", int8), column("code", text), column("parent_id", int8), column("label", text, nullable: true),
                            column("qty", int8)],
                  primaryKey: ["id"], uniques: [UniqueConstraint(name: "item_code_key", columns: ["code"])],
                  foreignKeys: [ForeignKey(name: "item_parent", columns: ["parent_id"], referencedTable: QualifiedName("parent"), referencedColumns: ["id"])],
                  checks: [
                      CheckConstraint(name: "label_ok", expression: "my_rule(label)"),
                      CheckConstraint(name: "bits", expression: "(qty & 1) = 0"),
                      CheckConstraint(name: "mixed", expression: "my_rule(code || \"Label\") AND parent_id + qty > 0"),
                      CheckConstraint(name: "understood", expression: "qty >= 0"),
                  ]),
        ])
    }

    @Test func uncapturedChecksAreServerCheckedWithTheColumnsTheyRead() throws {
        let plan = try Planner(schema: Self.schema(), options: PlanOptions(defaultRows: 100)).plan()
        let item = try #require(plan.table(named: QualifiedName("item")))
        let names = item.columns.map(\.column.name)
        let checks = Dictionary(uniqueKeysWithValues: item.serverChecks.map { ($0.name ?? "", $0) })
        #expect(Set(checks.keys) == ["label_ok", "bits", "mixed"])
        #expect(checks["label_ok"].map { $0.reads.map { names[$0] } } == ["label"])
        #expect(checks["bits"].map { $0.redraw.map { names[$0] } } == ["qty"])
        // `code` is unique and never redrawn; the FK is redrawn whole.
        #expect(checks["mixed"].map { Set($0.reads.map { names[$0] }) } == ["code", "label", "parent_id", "qty"])
        #expect(checks["mixed"].map { Set($0.redraw.map { names[$0] }) } == ["label", "parent_id", "qty"])
        #expect(plan.warnings.allSatisfy { !$0.contains("not understood") }, "\(plan.warnings)")
        #expect(plan.notes.contains { $0.contains("CHECK bits") && $0.contains("checked by the server") }, "\(plan.notes)")
        #expect(plan.table(named: QualifiedName("parent"))?.serverChecks.isEmpty == true)
    }

    @Test func aDomainCheckBindsValueToTheColumn() {
        let refs = ServerCheck.references(in: "is_even(VALUE) AND 'VALUE' <> VALUE::text", columns: ["id", "n"], valueColumn: "n")
        #expect(refs.columns == ["n"])
        #expect(refs.predicate == "is_even(\"n\") AND 'VALUE' <> \"n\"::text")
    }

    @Test func redrawIsAPureFunctionOfRowAndAttemptAndTouchesOnlyItsColumns() throws {
        let plan = try Planner(schema: Self.schema(), options: PlanOptions(defaultRows: 100)).plan()
        let item = try #require(plan.table(named: QualifiedName("item")))
        let qty = try #require(item.columns.firstIndex { $0.column.name == "qty" })
        func draw(_ row: Int64, _ attempt: UInt64) -> [String?] {
            var batch = item.batch(row..<(row + 1))
            var values: [Value] = []
            batch.load(row: 0, into: &values)
            item.redraw(row: row, attempt: attempt, columns: [qty], in: &values)
            batch.removeAll()
            for v in values { batch.append(v) }
            batch.endRow()
            return (0..<item.columns.count).map { batch.text(row: 0, column: $0) }
        }
        let original = item.batch(7..<8)
        let first = draw(7, 1)
        #expect(draw(7, 1) == first)
        for c in item.columns.indices where c != qty { #expect(first[c] == original.text(row: 0, column: c)) }
        let redrawn = Set((1...8).map { draw(7, UInt64($0))[qty] })
        #expect(redrawn.count > 4, "attempts give different values: \(redrawn)")
    }
}

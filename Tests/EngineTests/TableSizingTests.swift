import Testing
import SchemaModel
@testable import Engine

/// Table sizes by role (`--shape realistic`): read from the schema's
/// structure alone, on a schema written here.
@Suite struct TableSizingTests {
    static func name(_ n: String) -> QualifiedName { QualifiedName(schema: "public", n) }
    static func fk(_ columns: [String], _ table: String, _ referenced: [String] = ["id"]) -> ForeignKey {
        ForeignKey(name: nil, columns: columns, referencedTable: name(table), referencedColumns: referenced)
    }
    static let ts = DataType.timestamp(withTimeZone: true)

    /// A shop: a lookup, a group, entities, events with lines, a join table.
    static let shop = Schema(dialect: .postgres, tables: [
        Table(name: name("country"), columns: [column("id", int8), column("name", .text(maxLength: nil)), column("last_update", ts)],
              primaryKey: ["id"]),
        Table(name: name("store"), columns: [column("id", int8), column("country_id", int8), column("manager_id", int8)],
              primaryKey: ["id"], foreignKeys: [fk(["country_id"], "country")]),
        Table(name: name("customer"),
              columns: [column("id", int8), column("store_id", int8), column("first_name", .text(maxLength: nil)),
                        column("email", .text(maxLength: nil)), column("created_at", ts)],
              primaryKey: ["id"], foreignKeys: [fk(["store_id"], "store")]),
        Table(name: name("product"), columns: [column("id", int8), column("name", .text(maxLength: nil)), column("price", .numeric(precision: 8, scale: 2))],
              primaryKey: ["id"]),
        Table(name: name("product_tag"), columns: [column("product_id", int8), column("tag_id", int8)],
              primaryKey: ["product_id", "tag_id"], foreignKeys: [fk(["product_id"], "product"), fk(["tag_id"], "tag")]),
        Table(name: name("tag"), columns: [column("id", int8), column("label", .text(maxLength: nil))], primaryKey: ["id"]),
        Table(name: name("orders"), columns: [column("id", int8), column("customer_id", int8), column("ordered_at", ts)],
              primaryKey: ["id"], foreignKeys: [fk(["customer_id"], "customer")]),
        Table(name: name("order_items"),
              columns: [column("order_id", int8), column("line_no", .integer(bytes: 4)), column("product_id", int8), column("quantity", .integer(bytes: 4))],
              primaryKey: ["order_id", "line_no"], foreignKeys: [fk(["order_id"], "orders"), fk(["product_id"], "product")]),
    ])

    @Test func rolesComeFromTheShapeOfEachTable() {
        let sizes = TableSizing(schema: Self.shop, largest: 10_000, vocabulary: { t in t.name.name == "country" ? (74, "countries") : nil }).sizes
        func role(_ n: String) -> TableRole? { sizes[Self.name(n)]?.role }
        func rows(_ n: String) -> Int64? { sizes[Self.name(n)]?.rows }
        #expect(role("country") == .lookup)
        #expect(rows("country") == 74, "no more countries than the vocabulary has")
        #expect(role("tag") == .lookup)
        #expect(rows("tag") == 20, "a lookup without a vocabulary: N/500, 5 to 50")
        #expect(role("store") == .group, "only keys of its own, and customers belong to it")
        #expect(rows("store") == 100)
        #expect(role("customer") == .entity)
        #expect(role("product") == .entity)
        #expect(rows("customer") == 1000)
        #expect(role("orders") == .event)
        #expect(role("order_items") == .event)
        #expect(rows("order_items") == 10_000, "lines are the largest")
        #expect(rows("orders") == 2500, "an event with lines: a quarter of them")
        #expect(role("product_tag") == .link)
        #expect(rows("product_tag") == 4000, "about 4 per product")
        #expect(sizes[Self.name("orders")]?.reason.contains("with lines in order_items") == true)
        #expect(sizes[Self.name("country")]?.reason.contains("the 74 countries it draws from") == true)
    }

    @Test func theLargestRolePresentGetsTheRowsAndGivenCountsDriveLinks() {
        // Entities only: they are the largest tables.
        let entities = Schema(dialect: .postgres, tables: Self.shop.tables.filter { ["product", "tag", "product_tag"].contains($0.name.name) })
        let sizes = TableSizing(schema: entities, largest: 500, fixed: [Self.name("product"): 30]).sizes
        #expect(sizes[Self.name("product")]?.rows == 500)
        #expect(sizes[Self.name("tag")]?.rows == 5, "at least a handful")
        #expect(sizes[Self.name("product_tag")]?.rows == 120, "4 per product, from the product count the user gave")
        #expect(TableSizing(schema: entities, largest: 0).sizes.values.allSatisfy { $0.rows == 0 })
    }

    @Test func aRealisticPlanUsesTheSizesAndKeepsGivenCounts() throws {
        var options = PlanOptions(defaultRows: 2000, tableRows: [Self.name("customer"): 7])
        options.shape = .realistic
        let plan = try Planner(schema: Self.shop, options: options).plan()
        let rows = Dictionary(uniqueKeysWithValues: plan.tables.map { ($0.table.name.name, $0.rows) })
        #expect(rows["order_items"] == 2000)
        #expect(rows["orders"] == 500)
        #expect(rows["customer"] == 7)
        #expect(plan.tables.first { $0.table.name.name == "customer" }?.size == nil, "a given count has no role note")
        #expect(plan.tables.first { $0.table.name.name == "orders" }?.size?.role == .event)
        #expect(PlanValidator(plan).problems().isEmpty)
        let uniform = try Planner(schema: Self.shop, options: PlanOptions(defaultRows: 40)).plan()
        #expect(uniform.tables.allSatisfy { $0.rows == 40 && $0.size == nil })
    }

    /// Key `(group_id, cluster_id, type)` where the FK to `config` also
    /// carries `tag`, outside the key: (cluster_id, type) repeats across
    /// config rows, so only configs with distinct (cluster_id, type) may
    /// share a group.
    @Test func aKeyCoveredByAForeignKeyReachingOutsideItStaysUnique() throws {
        let schema = Schema(dialect: .postgres, tables: [
            Table(name: Self.name("grp"), columns: [column("id", int8)], primaryKey: ["id"]),
            Table(name: Self.name("cluster"), columns: [column("id", .integer(bytes: 2))], primaryKey: ["id"]),
            Table(name: Self.name("config"),
                  columns: [column("id", int8), column("tag", .text(maxLength: 20)), column("type", .char(length: 1)), column("cluster_id", .integer(bytes: 2))],
                  primaryKey: ["id"], uniques: [UniqueConstraint(name: "u", columns: ["cluster_id", "type", "tag"])],
                  foreignKeys: [Self.fk(["cluster_id"], "cluster")]),
            Table(name: Self.name("mapping"),
                  columns: [column("group_id", int8), column("cluster_id", .integer(bytes: 2)), column("type", .char(length: 1)), column("tag", .text(maxLength: 20))],
                  primaryKey: ["group_id", "cluster_id", "type"],
                  foreignKeys: [Self.fk(["group_id"], "grp"), Self.fk(["tag", "type", "cluster_id"], "config", ["tag", "type", "cluster_id"])]),
        ])
        let counts = [Self.name("grp"): Int64(20), Self.name("cluster"): 10]
        let plan = try Planner(schema: schema, options: PlanOptions(defaultRows: 3000, tableRows: counts)).plan()
        let mapping = try #require(plan.tables.first { $0.table.name.name == "mapping" })
        let validator = PlanValidator(plan)
        #expect(validator.problems().isEmpty, "\(validator.problems())")
        let configs = validator.rows[Self.name("config")] ?? []
        let distinctPairs = Set(configs.map { [$0["cluster_id"] ?? nil, $0["type"] ?? nil] }).count
        #expect(distinctPairs < configs.count, "the test needs repeated (cluster_id, type) among configs")
        #expect(mapping.rows == min(3000, 20 * Int64(distinctPairs)), "capacity: groups × configs with distinct (cluster_id, type)")
    }
}

@Suite struct StatusLifecycleTests {
    @Test func labelsAreWeightedByWhereTheyStand() throws {
        let labels = ["cancelled", "delivered", "paid", "pending", "shipped"]
        let w = try #require(StatusLifecycle.weights(labels))
        #expect(abs(w[1] - 0.6) < 1e-9, "the last happy stage")
        #expect(abs(w[0] - 0.1) < 1e-9, "failures")
        #expect(abs(w.reduce(0, +) - 1) < 1e-9)
        #expect(StatusLifecycle.weights(["CA", "NY", "TX"]) == nil)
        #expect(StatusLifecycle.weights(["active", "unknown"]) == nil, "one recognised label is not a lifecycle")
        #expect(StatusLifecycle.isStatusColumn("order_status") && StatusLifecycle.isStatusColumn("state") && !StatusLifecycle.isStatusColumn("statement"))
    }

    @Test func timestampsTieToTheirLabelAndLaterStages() {
        let labels = ["Pending", "Complete", "Canceled", "In Progress"]
        #expect(StatusLifecycle.tiedLabel(timestamp: "completed_at", labels: labels) == 1)
        #expect(StatusLifecycle.tiedLabel(timestamp: "cancelled_on", labels: labels) == 2)
        #expect(StatusLifecycle.tiedLabel(timestamp: "date_completed", labels: labels) == 1)
        #expect(StatusLifecycle.tiedLabel(timestamp: "delivery_date", labels: labels) == nil)
        #expect(StatusLifecycle.implied(by: labels, tied: 3) == [false, true, false, true], "a completed row went through in-progress; a cancelled one did not")
        #expect(StatusLifecycle.implied(by: labels, tied: 2) == [false, false, true, false])
    }
}

import Testing
import SchemaModel
@testable import Engine

/// Generates every row of a plan in memory and checks keys, uniques and
/// foreign keys the way a database would.
struct PlanValidator {
    let plan: Plan
    var rows: [QualifiedName: [[String: String?]]] = [:]

    init(_ plan: Plan) {
        self.plan = plan
        for t in plan.tables {
            var batch = RowBatch(columnCount: t.columns.count)
            var scratch = Value()
            t.generate(rows: 0..<t.rows, into: &batch, scratch: &scratch)
            var table: [[String: String?]] = []
            for r in 0..<batch.rowCount {
                var row: [String: String?] = [:]
                for (c, column) in t.columns.enumerated() { row[column.column.name] = batch.text(row: r, column: c) }
                table.append(row)
            }
            // Apply cycle UPDATEs as the loader would.
            for update in t.updates {
                var ub = RowBatch(columnCount: update.setColumns.count)
                let sub = t.projected(onto: update.setColumns)
                sub.generate(rows: 0..<t.rows, into: &ub, scratch: &scratch)
                for r in 0..<ub.rowCount {
                    for (c, column) in update.setColumns.enumerated() { table[r][column.column.name] = ub.text(row: r, column: c) }
                }
            }
            rows[t.table.name] = table
        }
    }

    func problems() -> [String] {
        var found: [String] = []
        for t in plan.tables {
            let table = rows[t.table.name] ?? []
            var sets: [[String]] = []
            if !t.table.primaryKey.isEmpty { sets.append(t.table.primaryKey) }
            sets += t.table.uniques.map(\.columns)
            for set in sets {
                var seen = Set<[String?]>()
                for row in table {
                    let key = set.map { row[$0] ?? nil }
                    if key.contains(where: { $0 == nil }) { continue }
                    if !seen.insert(key).inserted { found.append("\(t.table.name): duplicate \(set) = \(key)"); break }
                }
            }
            for fk in t.table.foreignKeys {
                let parentRows = rows[fk.referencedTable] ?? []
                let parentKeys = Set(parentRows.map { row in fk.referencedColumns.map { row[$0] ?? nil } })
                for row in table {
                    let key = fk.columns.map { row[$0] ?? nil }
                    if key.contains(where: { $0 == nil }) {
                        if fk.columns.contains(where: { c in t.table.column(named: c)?.isNullable == false }) {
                            found.append("\(t.table.name): NULL in NOT NULL FK \(fk.columns)")
                            break
                        }
                        continue
                    }
                    if !parentKeys.contains(key) { found.append("\(t.table.name): \(fk.columns) = \(key) has no parent"); break }
                }
            }
        }
        return found
    }
}

func column(_ name: String, _ type: DataType, nullable: Bool = false, identity: Identity? = nil) -> Column {
    Column(name: name, type: type, declaredType: type.summary, isNullable: nullable, identity: identity)
}

let int8 = DataType.integer(bytes: 8)

@Suite struct PlannerTests {
    static let shop = Schema(dialect: .postgres, tables: [
        Table(name: QualifiedName(schema: "public", "customer"),
              columns: [column("id", int8, identity: .byDefault), column("email", .text(maxLength: 120)), column("name", .text(maxLength: nil))],
              primaryKey: ["id"], uniques: [UniqueConstraint(name: "u", columns: ["email"])]),
        Table(name: QualifiedName(schema: "public", "product"),
              columns: [column("sku", .char(length: 6)), column("price", .numeric(precision: 8, scale: 2))],
              primaryKey: ["sku"]),
        Table(name: QualifiedName(schema: "public", "orders"),
              columns: [column("id", int8), column("customer_id", int8)],
              primaryKey: ["id"],
              foreignKeys: [ForeignKey(name: "f", columns: ["customer_id"], referencedTable: QualifiedName(schema: "public", "customer"), referencedColumns: ["id"])]),
        Table(name: QualifiedName(schema: "public", "line"),
              columns: [column("order_id", int8), column("line_no", .integer(bytes: 4)), column("sku", .char(length: 6)), column("qty", .integer(bytes: 4))],
              primaryKey: ["order_id", "line_no"],
              foreignKeys: [
                ForeignKey(name: "fo", columns: ["order_id"], referencedTable: QualifiedName(schema: "public", "orders"), referencedColumns: ["id"]),
                ForeignKey(name: "fp", columns: ["sku"], referencedTable: QualifiedName(schema: "public", "product"), referencedColumns: ["sku"]),
              ]),
        Table(name: QualifiedName(schema: "public", "favorite"),
              columns: [column("customer_id", int8), column("sku", .char(length: 6))],
              primaryKey: ["customer_id", "sku"],
              foreignKeys: [
                ForeignKey(name: "fc", columns: ["customer_id"], referencedTable: QualifiedName(schema: "public", "customer"), referencedColumns: ["id"]),
                ForeignKey(name: "fs", columns: ["sku"], referencedTable: QualifiedName(schema: "public", "product"), referencedColumns: ["sku"]),
              ]),
    ])

    @Test func ordersParentsFirstAndSatisfiesEveryKey() throws {
        let plan = try Planner(schema: Self.shop, options: PlanOptions(defaultRows: 500)).plan()
        #expect(plan.checkInvariants() == nil)
        let order = plan.tables.map(\.table.name.name)
        #expect(order.firstIndex(of: "customer")! < order.firstIndex(of: "orders")!)
        #expect(order.firstIndex(of: "orders")! < order.firstIndex(of: "line")!)
        #expect(PlanValidator(plan).problems() == [])
    }

    @Test func capsAJoinTableAtTheProductOfItsParents() throws {
        let options = PlanOptions(defaultRows: 10, tableRows: [QualifiedName(schema: "public", "favorite"): 1000])
        let plan = try Planner(schema: Self.shop, options: options).plan()
        let favorite = try #require(plan.table(named: QualifiedName(schema: "public", "favorite")))
        #expect(favorite.rows == 100)
        #expect(favorite.capacityNote?.contains("100 rows instead of 1000") == true)
        #expect(plan.warnings.contains { $0.contains("favorite") })
        #expect(PlanValidator(plan).problems() == [])
    }

    @Test func sameSeedSamePlanOutputDifferentSeedDifferent() throws {
        func emails(_ seed: UInt64) throws -> [String?] {
            let plan = try Planner(schema: Self.shop, options: PlanOptions(seed: seed, defaultRows: 50)).plan()
            return PlanValidator(plan).rows[QualifiedName(schema: "public", "customer")]!.map { $0["email"] ?? nil }
        }
        #expect(try emails(1) == emails(1))
        #expect(try emails(1) != emails(2))
    }

    @Test func selfReferencePointsAtEarlierRows() throws {
        let schema = Schema(dialect: .sqlite, tables: [
            Table(name: QualifiedName("employee"),
                  columns: [column("id", int8, identity: .rowid), column("boss", int8)],
                  primaryKey: ["id"],
                  foreignKeys: [ForeignKey(name: nil, columns: ["boss"], referencedTable: QualifiedName("employee"), referencedColumns: ["id"])]),
        ])
        let plan = try Planner(schema: schema, options: PlanOptions(defaultRows: 200)).plan()
        let rows = PlanValidator(plan).rows[QualifiedName("employee")]!
        for row in rows {
            let id = Int(row["id"]!!)!, boss = Int(row["boss"]!!)!
            #expect(boss <= id, "row \(id) points at a later row \(boss)")
        }
        #expect(PlanValidator(plan).problems() == [])
    }

    @Test func breaksCyclesAtTheCheapestEdge() throws {
        let a = QualifiedName("a"), b = QualifiedName("b"), c = QualifiedName("c")
        let schema = Schema(dialect: .postgres, tables: [
            Table(name: a, columns: [column("id", int8), column("b_id", int8)], primaryKey: ["id"],
                  foreignKeys: [ForeignKey(name: "ab", columns: ["b_id"], referencedTable: b, referencedColumns: ["id"])]),
            Table(name: b, columns: [column("id", int8), column("c_id", int8, nullable: true)], primaryKey: ["id"],
                  foreignKeys: [ForeignKey(name: "bc", columns: ["c_id"], referencedTable: c, referencedColumns: ["id"])]),
            Table(name: c, columns: [column("id", int8), column("a_id", int8)], primaryKey: ["id"],
                  foreignKeys: [ForeignKey(name: "ca", columns: ["a_id"], referencedTable: a, referencedColumns: ["id"])]),
        ])
        let plan = try Planner(schema: schema, options: PlanOptions(defaultRows: 50)).plan()
        let broken = plan.tables.flatMap(\.brokenForeignKeys)
        #expect(broken.map(\.foreignKey.name) == ["bc"])
        #expect(broken.first?.strategy == .nullThenUpdate)
        #expect(plan.tables.map(\.table.name.name) == ["b", "a", "c"])
        #expect(plan.checkInvariants() == nil)
        #expect(PlanValidator(plan).problems() == [])
    }

    @Test func hardCycleIsDroppedAndRecreatedOnPostgresDeferredOnSQLite() throws {
        let staff = QualifiedName("staff"), store = QualifiedName("store")
        func schema(_ dialect: Dialect) -> Schema {
            Schema(dialect: dialect, tables: [
                Table(name: staff, columns: [column("id", int8), column("store_id", int8)], primaryKey: ["id"],
                      foreignKeys: [ForeignKey(name: "s1", columns: ["store_id"], referencedTable: store, referencedColumns: ["id"])]),
                Table(name: store, columns: [column("id", int8), column("manager", int8)], primaryKey: ["id"],
                      uniques: [UniqueConstraint(name: nil, columns: ["manager"])],
                      foreignKeys: [ForeignKey(name: "s2", columns: ["manager"], referencedTable: staff, referencedColumns: ["id"])]),
            ])
        }
        let pg = try Planner(schema: schema(.postgres), options: PlanOptions(defaultRows: 20)).plan()
        #expect(pg.tables.flatMap(\.brokenForeignKeys).map(\.strategy) == [.dropAndRecreate])
        #expect(PlanValidator(pg).problems() == [])
        let lite = try Planner(schema: schema(.sqlite), options: PlanOptions(defaultRows: 20)).plan()
        #expect(lite.tables.flatMap(\.brokenForeignKeys).map(\.strategy) == [.sqliteDeferForeignKeys])
    }

    @Test func orderIsDeterministicAndScalesToThousandsOfTables() throws {
        var tables: [Table] = []
        for i in 0..<1500 {
            var fks: [ForeignKey] = []
            if i > 0 { fks.append(ForeignKey(name: "p\(i)", columns: ["parent"], referencedTable: QualifiedName("t\((i * 7) % i)"), referencedColumns: ["id"])) }
            tables.append(Table(name: QualifiedName("t\(i)"), columns: [column("id", int8), column("parent", int8, nullable: true)], primaryKey: ["id"], foreignKeys: fks))
        }
        let schema = Schema(dialect: .postgres, tables: tables.shuffled())
        let plan = try Planner(schema: schema, options: PlanOptions(defaultRows: 3)).plan()
        #expect(plan.tables.count == 1500)
        #expect(plan.checkInvariants() == nil)
        let again = try Planner(schema: Schema(dialect: .postgres, tables: tables.reversed()), options: PlanOptions(defaultRows: 3)).plan()
        #expect(plan.tables.map(\.table.name) == again.tables.map(\.table.name))
    }
}

import Engine
import Introspect
import SchemaModel

/// Inserts the parent rows triggers' inserts point at (`RequiredParentRow`)
/// when they are missing, just before the table whose inserts fire the
/// trigger. The row is the parent's next generated row (its unique values
/// are past every generated row's) with the required key put in.
package struct RequiredRows {
    let connection: DatabaseConnection
    let plan: Plan

    package init(connection: DatabaseConnection, plan: Plan) {
        self.connection = connection
        self.plan = plan
    }

    package func ensure(before table: TablePlan) throws {
        for required in plan.requiredParentRows where required.before == table.table.name {
            guard let parent = plan.table(named: required.table) else { continue }
            let match = zip(required.columns, required.values).map { "\(quoteIdentifier($0)) = \(quoteLiteral($1))" }.joined(separator: " AND ")
            let present: Bool
            switch connection {
            case .sqlite(let c): present = !(try c.query("SELECT 1 FROM \(parent.table.name.quoted) WHERE \(match) LIMIT 1")).isEmpty
            case .postgres(let c): present = !(try c.query("SELECT 1 FROM \(parent.table.name.quoted) WHERE \(match) LIMIT 1")).isEmpty
            }
            if present { continue }
            let row = parent.rowRange.upperBound
            let batch = parent.batch(row..<(row + 1))
            var names: [String] = []
            var values: [String] = []
            for (c, column) in parent.columns.enumerated() {
                names.append(quoteIdentifier(column.column.name))
                if let k = required.columns.firstIndex(of: column.column.name) {
                    values.append(quoteLiteral(required.values[k]))
                } else {
                    values.append(literal(batch, column: c))
                }
            }
            do {
                try connection.execute("INSERT INTO \(parent.table.name.quoted) (\(names.joined(separator: ", "))) VALUES (\(values.joined(separator: ", ")))")
            } catch let error as DatabaseError {
                throw error.prefixed("adding the \(parent.table.name) row that \(required.reason) failed")
            }
        }
    }

    func literal(_ batch: RowBatch, column: Int) -> String {
        let cell = batch.cell(row: 0, column: column)
        switch cell.kind {
        case .null: return "NULL"
        case .int, .double: return batch.text(row: 0, column: column) ?? "NULL"
        case .bool:
            if case .sqlite = connection { return cell.payload != 0 ? "1" : "0" }
            return cell.payload != 0 ? "TRUE" : "FALSE"
        case .text: return quoteLiteral(batch.text(row: 0, column: column) ?? "")
        case .bytes:
            let hex = FileSink.text(batch, row: 0, column: column) ?? ""
            if case .sqlite = connection { return "X'\(hex)'" }
            return "'\\x\(hex)'::bytea"
        }
    }
}

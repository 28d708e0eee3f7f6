import CSQLite
import SchemaModel

extension DatabaseConnection {
    /// Reads the distinct non-NULL `columns` tuples of `table`, at most
    /// `limit` of them. Up to `limit` rows every tuple is read; beyond, every
    /// k-th tuple in key order (k = rows / limit, rounded up), so the sample
    /// is deterministic and spread over the whole key range. Rows of the
    /// table that break their own foreign keys do not matter: only the
    /// table's own columns are read.
    public func existingKeys(of table: Table, columns: [String], limit: Int) throws -> ExistingKeys {
        let list = columns.map(quoteIdentifier).joined(separator: ", ")
        let notNull = columns.map { "\(quoteIdentifier($0)) IS NOT NULL" }.joined(separator: " AND ")
        let distinct = "SELECT DISTINCT \(list) FROM \(table.name.quoted) WHERE \(notNull)"
        let stride = max(1, (table.rowCount + Int64(limit) - 1) / Int64(max(1, limit)))
        let sql: String
        if stride == 1 {
            sql = "\(distinct) ORDER BY \(list) LIMIT \(limit)"
        } else {
            sql = "SELECT \(list) FROM (SELECT \(list), row_number() OVER (ORDER BY \(list)) AS dbsynth_n FROM (\(distinct)) AS d) AS s WHERE dbsynth_n % \(stride) = 0 ORDER BY dbsynth_n LIMIT \(limit)"
        }
        var tuples: [[StoredValue]] = []
        do {
            switch self {
            case .postgres(let c):
                tuples = try c.query(sql).map { row in row.map { .text($0 ?? "") } }
            case .sqlite(let c):
                let statement = try c.prepare(sql)
                while try statement.step() {
                    tuples.append((0..<Int32(columns.count)).map(statement.storedValue))
                }
            }
        } catch let error as DatabaseError {
            throw error.prefixed("reading the existing keys (\(columns.joined(separator: ", "))) of \(table.name), which is kept")
        }
        return ExistingKeys(table: table.name, columns: columns, tuples: tuples, sampled: stride > 1)
    }
}

extension SQLiteStatement {
    /// The current row's cell at `index` with its storage class.
    func storedValue(at index: Int32) -> StoredValue {
        switch sqlite3_column_type(handle, index) {
        case SQLITE_INTEGER: return .int(sqlite3_column_int64(handle, index))
        case SQLITE_FLOAT: return .real(sqlite3_column_double(handle, index))
        case SQLITE_BLOB:
            let count = Int(sqlite3_column_bytes(handle, index))
            guard count > 0, let p = sqlite3_column_blob(handle, index) else { return .blob([]) }
            return .blob(Array(UnsafeRawBufferPointer(start: p, count: count)))
        default: return .text(text(at: index) ?? "")
        }
    }
}

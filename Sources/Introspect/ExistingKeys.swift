import CSQLite

/// One value read back from a table, typed the way the database stored it,
/// so a child row can be written with exactly the parent's key.
public enum StoredValue: Sendable, Hashable {
    case int(Int64)
    case real(Double)
    /// PostgreSQL values are always text (their output form, which COPY
    /// accepts back); SQLite text cells.
    case text(String)
    case blob([UInt8])
}

/// The key tuples of a table that a fill keeps (it already held rows), for
/// one list of referenced columns: the values its children may point at.
public struct ExistingKeys: Sendable {
    public var table: QualifiedName
    public var columns: [String]
    /// Distinct tuples with no NULL, each `columns.count` long, in key order.
    public var tuples: [[StoredValue]]
    /// True when the table holds more keys than were read: `tuples` is an
    /// evenly spaced sample of the ordered keys.
    public var sampled: Bool

    public init(table: QualifiedName, columns: [String], tuples: [[StoredValue]], sampled: Bool) {
        self.table = table
        self.columns = columns
        self.tuples = tuples
        self.sampled = sampled
    }
}

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
            throw DatabaseError(error.kind, "reading the existing keys (\(columns.joined(separator: ", "))) of \(table.name), which is kept: \(error.message)", code: error.code, sql: error.sql)
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

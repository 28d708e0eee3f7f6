import CSQLite
import SchemaModel

/// One open SQLite database handle.
///
/// The class owns the `sqlite3*` and is the only place it is closed. It is not
/// thread-safe: dbsynth uses one connection per thread of work.
public final class SQLiteConnection {
    let handle: OpaquePointer
    public let path: String

    /// Opens `path`; with `create: false` a missing file is an error rather
    /// than a silently created empty database.
    public init(path: String, create: Bool = false) throws {
        var db: OpaquePointer?
        var flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX
        if create { flags |= SQLITE_OPEN_CREATE }
        let rc = sqlite3_open_v2(path, &db, flags, nil)
        guard rc == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close_v2(db)
            throw DatabaseError(.connection, "cannot open SQLite database \(path): \(message)")
        }
        handle = db
        self.path = path
        sqlite3_extended_result_codes(db, 1)
        sqlite3_busy_timeout(db, 5000)
    }

    deinit {
        sqlite3_close_v2(handle)
    }

    /// Runs one or more statements that return no rows.
    public func execute(_ sql: String) throws {
        var errmsg: UnsafeMutablePointer<CChar>?
        let rc = sqlite3_exec(handle, sql, nil, nil, &errmsg)
        if rc != SQLITE_OK {
            let message = errmsg.map { String(cString: $0) } ?? lastErrorMessage
            sqlite3_free(errmsg)
            throw DatabaseError(.statement, message, code: SQLiteResultCode.name(rc), sql: sql)
        }
    }

    /// Prepares a statement; the returned object finalizes it.
    public func prepare(_ sql: String) throws -> SQLiteStatement {
        try SQLiteStatement(connection: self, sql: sql)
    }

    /// Runs a query and returns every row as text (NULL as `nil`). For catalog
    /// reads, which are small.
    public func query(_ sql: String, _ bindings: [String] = []) throws -> [[String?]] {
        let stmt = try prepare(sql)
        for (i, value) in bindings.enumerated() { try stmt.bind(text: value, at: Int32(i + 1)) }
        var rows: [[String?]] = []
        while try stmt.step() {
            rows.append((0..<stmt.columnCount).map { stmt.text(at: $0) })
        }
        return rows
    }

    /// The first column of the first row as an integer, or nil.
    public func scalarInt(_ sql: String) throws -> Int64? {
        let stmt = try prepare(sql)
        guard try stmt.step(), !stmt.isNull(at: 0) else { return nil }
        return stmt.int64(at: 0)
    }

    var lastErrorMessage: String { String(cString: sqlite3_errmsg(handle)) }
}

/// A prepared statement, finalized when the object goes away.
public final class SQLiteStatement {
    let handle: OpaquePointer
    unowned let connection: SQLiteConnection
    public let sql: String

    init(connection: SQLiteConnection, sql: String) throws {
        var stmt: OpaquePointer?
        let rc = sqlite3_prepare_v3(connection.handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &stmt, nil)
        guard rc == SQLITE_OK, let stmt else {
            throw DatabaseError(.statement, connection.lastErrorMessage, code: SQLiteResultCode.name(rc), sql: sql)
        }
        self.handle = stmt
        self.connection = connection
        self.sql = sql
    }

    deinit { sqlite3_finalize(handle) }

    public var columnCount: Int32 { sqlite3_column_count(handle) }

    /// Steps once: true when a row is available, false when done.
    @discardableResult
    public func step() throws -> Bool {
        switch sqlite3_step(handle) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        case let code:
            let message = connection.lastErrorMessage
            sqlite3_reset(handle)
            throw DatabaseError(.statement, message, code: SQLiteResultCode.name(code), sql: sql)
        }
    }

    public func reset() { sqlite3_reset(handle) }

    public func isNull(at index: Int32) -> Bool { sqlite3_column_type(handle, index) == SQLITE_NULL }

    public func text(at index: Int32) -> String? {
        guard let p = sqlite3_column_text(handle, index) else { return nil }
        return String(cString: p)
    }

    public func int64(at index: Int32) -> Int64 { sqlite3_column_int64(handle, index) }

    // Binding. Indices are 1-based as in SQLite. Text and blobs are copied by
    // SQLite (TRANSIENT) unless the caller promises the bytes outlive the step.

    public func bindNull(at index: Int32) throws { try check(sqlite3_bind_null(handle, index)) }
    public func bind(int64 value: Int64, at index: Int32) throws { try check(sqlite3_bind_int64(handle, index, value)) }
    public func bind(double value: Double, at index: Int32) throws { try check(sqlite3_bind_double(handle, index, value)) }
    public func bind(text value: String, at index: Int32) throws {
        try check(sqlite3_bind_text(handle, index, value, -1, csqlite_transient()))
    }

    /// Binds UTF-8 bytes that stay valid until the next `step()` returns.
    public func bind(utf8 bytes: UnsafeRawBufferPointer, at index: Int32) throws {
        let base = bytes.baseAddress?.assumingMemoryBound(to: CChar.self) ?? UnsafePointer(bitPattern: 1)
        try check(sqlite3_bind_text64(handle, index, base, UInt64(bytes.count), csqlite_static(), UInt8(SQLITE_UTF8)))
    }

    /// Binds a blob whose bytes stay valid until the next `step()` returns.
    public func bind(blob bytes: UnsafeRawBufferPointer, at index: Int32) throws {
        if bytes.isEmpty {
            try check(sqlite3_bind_zeroblob(handle, index, 0))
        } else {
            try check(sqlite3_bind_blob64(handle, index, bytes.baseAddress, UInt64(bytes.count), csqlite_static()))
        }
    }

    private func check(_ rc: Int32) throws {
        if rc != SQLITE_OK {
            throw DatabaseError(.statement, connection.lastErrorMessage, code: SQLiteResultCode.name(rc), sql: sql)
        }
    }
}

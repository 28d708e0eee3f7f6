#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SchemaModel
import CLibPQ

/// One libpq connection. The class owns the `PGconn*` and finishes it in `deinit`.
///
/// Not thread-safe; dbsynth uses one connection per thread of work.
public final class PostgresConnection {
    let handle: OpaquePointer
    /// The target with any password removed, for messages.
    public let redactedTarget: String

    /// Connects with a libpq connection string or URI (empty: libpq environment).
    ///
    /// A connect timeout of 10 s applies unless the string sets its own, so an
    /// unreachable host fails promptly instead of hanging a CI job.
    public init(conninfo: String, redactedTarget: String) throws {
        self.redactedTarget = redactedTarget
        let keys = ["connect_timeout", "fallback_application_name", "dbname"]
        let values = ["10", "dbsynth", conninfo]
        let conn = withCStringArray(keys) { k in
            withCStringArray(values) { v in PQconnectdbParams(k, v, 1) }
        }
        guard let conn else {
            throw DatabaseError(.connection, "cannot connect to \(redactedTarget): out of memory")
        }
        if PQstatus(conn) != CONNECTION_OK {
            let message = String(cString: PQerrorMessage(conn)).trimmingSpaces()
            PQfinish(conn)
            throw DatabaseError(.connection, "cannot connect to \(redactedTarget): \(message)")
        }
        handle = conn
        _ = try? execute("SET client_min_messages = warning")
    }

    deinit { PQfinish(handle) }

    /// Server version number, e.g. 150004.
    public var serverVersion: Int { Int(PQserverVersion(handle)) }

    /// Runs a statement (or several, without parameters) and checks the result.
    @discardableResult
    public func execute(_ sql: String, _ params: [String?] = []) throws -> PostgresResult {
        let raw: OpaquePointer?
        if params.isEmpty {
            raw = PQexec(handle, sql)
        } else {
            raw = withOptionalCStringArray(params) { values in
                PQexecParams(handle, sql, Int32(params.count), nil, values, nil, nil, 0)
            }
        }
        let result = try PostgresResult(raw, connection: self, sql: sql)
        switch result.status {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_EMPTY_QUERY, PGRES_COPY_IN: return result
        default: throw result.error(sql: sql)
        }
    }

    /// Runs a query and returns its rows as text (NULL as nil).
    public func query(_ sql: String, _ params: [String?] = []) throws -> [[String?]] {
        try execute(sql, params).rows
    }

    /// Starts `COPY ... FROM STDIN`; call `putCopyData` then `endCopy`.
    public func beginCopy(_ sql: String) throws {
        let result = try execute(sql)
        guard result.status == PGRES_COPY_IN else {
            throw DatabaseError(.statement, "server did not enter COPY mode", sql: sql)
        }
    }

    /// Sends one chunk of COPY data (blocking connection: returns when queued).
    public func putCopyData(_ bytes: UnsafeRawBufferPointer) throws {
        guard !bytes.isEmpty else { return }
        let rc = PQputCopyData(handle, bytes.baseAddress!.assumingMemoryBound(to: CChar.self), Int32(bytes.count))
        if rc != 1 { throw lastError("COPY data could not be sent") }
    }

    /// Ends COPY; with `failure` the server aborts it with that message.
    public func endCopy(failure: String? = nil, sql: String) throws {
        let rc = PQputCopyEnd(handle, failure)
        if rc != 1 { throw lastError("COPY could not be finished") }
        // Drain every result: the COPY's own, and any error.
        var firstError: DatabaseError?
        while let raw = PQgetResult(handle) {
            let result = try PostgresResult(raw, connection: self, sql: sql)
            if result.status != PGRES_COMMAND_OK, firstError == nil {
                firstError = result.error(sql: sql)
            }
        }
        if let firstError, failure == nil { throw firstError }
    }

    /// The connection's last error. Losing an established connection is a
    /// failure of the statement in flight (the server rolls the transaction
    /// back), not a failure to connect.
    func lastError(_ what: String) -> DatabaseError {
        let message = String(cString: PQerrorMessage(handle)).trimmingSpaces()
        if PQstatus(handle) != CONNECTION_OK {
            return DatabaseError(.statement, "\(what): the connection to \(redactedTarget) was lost (\(message)); the server rolls back the open transaction")
        }
        return DatabaseError(.statement, "\(what): \(message)")
    }
}

/// One `PGresult`, cleared in `deinit`.
public final class PostgresResult {
    let handle: OpaquePointer

    init(_ raw: OpaquePointer?, connection: PostgresConnection, sql: String) throws {
        guard let raw else { throw connection.lastError("query failed") }
        handle = raw
    }

    deinit { PQclear(handle) }

    var status: ExecStatusType { PQresultStatus(handle) }

    public var rowCount: Int { Int(PQntuples(handle)) }
    public var columnCount: Int { Int(PQnfields(handle)) }

    public func value(row: Int, column: Int) -> String? {
        if PQgetisnull(handle, Int32(row), Int32(column)) == 1 { return nil }
        return String(cString: PQgetvalue(handle, Int32(row), Int32(column)))
    }

    public var rows: [[String?]] {
        (0..<rowCount).map { r in (0..<columnCount).map { value(row: r, column: $0) } }
    }

    func field(_ code: Int32) -> String? {
        guard let p = PQresultErrorField(handle, code) else { return nil }
        return String(cString: p)
    }

    /// The server error as one readable sentence: message, detail, and the
    /// table and constraint it names.
    func error(sql: String) -> DatabaseError {
        let primary = field(Int32(UInt8(ascii: "M"))) ?? String(cString: PQresultErrorMessage(handle)).trimmingSpaces()
        var message = primary
        if let detail = field(Int32(UInt8(ascii: "D"))) { message += " (\(detail))" }
        if let context = field(Int32(UInt8(ascii: "W"))), context.hasPrefix("COPY") { message += " [\(context)]" }
        var error = DatabaseError(.statement, message, code: field(Int32(UInt8(ascii: "C"))), sql: sql)
        error.constraint = field(Int32(UInt8(ascii: "n")))
        error.table = field(Int32(UInt8(ascii: "t")))
        error.column = field(Int32(UInt8(ascii: "c")))
        error.detail = field(Int32(UInt8(ascii: "D")))
        error.hint = field(Int32(UInt8(ascii: "H")))
        error.context = field(Int32(UInt8(ascii: "W")))
        return error
    }
}

func withCStringArray<R>(_ strings: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>) -> R) -> R {
    withOptionalCStringArray(strings.map { Optional($0) }) { body($0) }
}

/// Hands C a NULL-terminated array of C strings (nil entries stay NULL).
func withOptionalCStringArray<R>(_ strings: [String?], _ body: (UnsafePointer<UnsafePointer<CChar>?>) -> R) -> R {
    let duplicated: [UnsafeMutablePointer<CChar>?] = strings.map { $0.flatMap { strdup($0) } }
    defer { duplicated.forEach { free($0) } }
    var pointers: [UnsafePointer<CChar>?] = duplicated.map { $0.map { UnsafePointer($0) } }
    pointers.append(nil)
    return pointers.withUnsafeBufferPointer { body($0.baseAddress!) }
}

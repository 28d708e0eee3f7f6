import Engine
import Introspect
import SchemaModel

/// A database a plan is loaded into. One fill is one transaction: `begin`,
/// `prepare`, `load` per table in plan order, `finish` (deferred work and
/// commit), or `rollback` on any failure, so a failed fill changes nothing.
/// DDL that creates the tables (`--schema`, `--create`) runs after `begin`,
/// inside the same transaction. Callers do not pair `begin` and `rollback`
/// themselves: `transaction(_:)` scopes them.
package protocol Sink: AnyObject {
    /// Opens the transaction; does nothing when it is already open.
    func begin() throws
    /// Readies the tables for the plan (truncate, deferrals, `--fast` drops).
    func prepare(plan: Plan, truncate: Bool) throws
    /// Empties `tables` inside the transaction, foreign keys checked at
    /// COMMIT, identities and sequences restarted: `fill --truncate` and
    /// `reset` both come here.
    func truncate(tables: [QualifiedName]) throws
    /// Streams the table's rows, generated on `jobs` threads; `progress` is
    /// called with rows done so far.
    func load(_ table: TablePlan, batchRows: Int, jobs: Int, progress: (Int64) -> Void) throws
    /// Runs the cycle UPDATEs, re-creates dropped constraints, advances sequences, commits.
    func finish(plan: Plan) throws
    /// Undoes everything since `begin`. Never throws: it is the error path.
    func rollback()
}

extension Sink {
    /// Runs `body` inside one transaction and makes sure the transaction
    /// ends on every path: `body` commits through `finish(plan:)`; when it
    /// throws, or returns without committing (a dry run), everything since
    /// BEGIN is rolled back. The error rethrown is always the body's, never
    /// the rollback's (which cannot throw), as swift-system's `closeAfter`
    /// keeps the operation's error. A nested call joins the open transaction
    /// and ends it the same way: a load commits it, a probe rolls it back.
    package func transaction<T>(_ body: () throws -> T) throws -> T {
        try begin()
        // A no-op after a commit: every sink's rollback does nothing when no
        // transaction is open.
        defer { rollback() }
        return try body()
    }
}

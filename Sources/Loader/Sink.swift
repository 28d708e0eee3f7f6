import Engine
import Introspect

/// A database a plan is loaded into. One fill is one transaction: `begin`,
/// `load` per table in plan order, `finish` (deferred work and commit), or
/// `rollback` on any failure, so a failed fill changes nothing.
package protocol Sink: AnyObject {
    /// Opens the transaction and prepares the tables (truncate, deferrals).
    func begin(plan: Plan, truncate: Bool) throws
    /// Streams the table's rows, generated on `jobs` threads; `progress` is
    /// called with rows done so far.
    func load(_ table: TablePlan, batchRows: Int, jobs: Int, progress: (Int64) -> Void) throws
    /// Runs the cycle UPDATEs, re-creates dropped constraints, advances sequences, commits.
    func finish(plan: Plan) throws
    /// Undoes everything since `begin`. Never throws: it is the error path.
    func rollback()
}

import Foundation

/// Writing the files of `fill --out` failed. Kept apart from
/// `DatabaseError` because what it leaves behind differs: no database is
/// involved, and until `finish` moves them into place every file is written
/// under a temporary name that the rollback removes, so the output
/// directory is as it was, unless the failure came while moving (then
/// `alreadyReplaced` names the files that were). The CLI exits with 4.
package struct FileOutputError: Error, Sendable, CustomStringConvertible {
    package enum Action: String, Sendable {
        case creatingDirectory = "creating the directory"
        case creating = "creating"
        case writing = "writing"
        case moving = "moving into place"
    }

    package var action: Action
    package var path: String
    /// The system's reason (`No space left on device`).
    package var reason: String
    /// Final paths already replaced when a move failed.
    package var alreadyReplaced: [String] = []

    package init(_ action: Action, _ path: String, reason: String, alreadyReplaced: [String] = []) {
        self.action = action
        self.path = path
        self.reason = reason
        self.alreadyReplaced = alreadyReplaced
    }

    package var description: String {
        let outcome = alreadyReplaced.isEmpty
            ? "no output file was changed"
            : "\(alreadyReplaced.count) file(s) were already replaced (\(alreadyReplaced.joined(separator: ", "))); the others were not"
        return "\(action.rawValue) \(path) failed: \(reason); \(outcome)"
    }

    /// `strerror(errno)`, read right after the failing call.
    static func systemReason() -> String {
        String(cString: strerror(errno))
    }

    /// The reason of a Foundation file error: the POSIX one underneath when
    /// there is one, which says more than Foundation's generic sentence.
    static func reason(_ error: Error) -> String {
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        if ns.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(ns.code))) }
        return ns.localizedDescription
    }

    /// Runs a Foundation file operation, its error turned into this type.
    static func wrap<T>(_ action: Action, _ path: String, _ body: () throws -> T) throws -> T {
        do { return try body() } catch { throw FileOutputError(action, path, reason: reason(error)) }
    }
}

import Introspect
import LLM
import Loader

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a fill did not happen, and what state it left. Every error the
/// library throws is this type; the command line maps `kind` to its exit
/// codes (2, 1, 3, 4, 128 + signal).
public struct DBSynthError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// Refused before writing anything: bad input, tables that already
        /// hold rows, an unsatisfiable schema, rows the probe saw rejected.
        case refused
        /// The load failed and was rolled back: the database is unchanged.
        case failed
        /// The database could not be opened or connected to.
        case cannotConnect
        /// Writing the files of `fill --out` failed (no output file changed).
        case fileOutput
        /// SIGINT or SIGTERM arrived; the transaction was rolled back.
        case interrupted(signal: Int32)
    }

    public var kind: Kind
    /// One sentence naming what and where; for database errors it ends with
    /// the server's code and table (`(SQLSTATE 23514, table accounts)`).
    public var message: String
    /// SQLSTATE (`23514`) or the SQLite result code name, when the database said.
    public var code: String?
    /// The statement and the server's detail, hint and context (`--verbose`).
    public var details: [String] = []

    public init(_ kind: Kind, _ message: String, code: String? = nil, details: [String] = []) {
        self.kind = kind
        self.message = message
        self.code = code
        self.details = details
    }

    public var description: String { message }

    package static func refused(_ message: String) -> DBSynthError { DBSynthError(.refused, message) }

    /// Any error of the layers below, as one of these: the library's callers
    /// see one type whatever failed.
    package init(_ error: any Error) {
        switch error {
        case let error as DBSynthError:
            self = error
        case let error as DatabaseError:
            self.init(error.kind == .connection ? .cannotConnect : .failed, error.description, code: error.code, details: error.verboseLines)
        case let error as FileOutputError:
            self.init(.fileOutput, error.description)
        case let error as ServerCheckRefusal:
            self.init(.refused, error.message)
        case let error as LLMError:
            // Every model call happens before the load: nothing was written.
            self.init(.refused, error.description)
        case let error as TargetError:
            self.init(.refused, error.description)
        case let error as ProbeRejected:
            self.init(.refused, ProbeMessage.text(error.report))
        case let error as Interrupted:
            self.init(.interrupted(signal: error.signal), "interrupted by \(Self.signalName(error.signal)); the transaction was rolled back and nothing changed")
        default:
            self.init(.failed, String(describing: error))
        }
    }

    static func signalName(_ signal: Int32) -> String {
        switch signal {
        case SIGINT: return "SIGINT"
        case SIGTERM: return "SIGTERM"
        default: return "signal \(signal)"
        }
    }
}

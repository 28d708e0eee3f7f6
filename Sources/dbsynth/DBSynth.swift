import ArgumentParser
import Introspect
import SchemaModel
import Loader

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

#if canImport(Darwin)
private let systemExit = Darwin.exit
#else
private let systemExit = Glibc.exit
#endif

/// The root command: configuration only; the work happens in the subcommands.
@main
struct DBSynth: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dbsynth",
        abstract: "Fill a live SQLite or PostgreSQL database with realistic, constraint-correct, reproducible rows.",
        discussion: """
            DB is postgres://… or postgresql://… (a libpq URI), sqlite:PATH, or a path ending in \
            .db, .sqlite or .sqlite3. Without it, DATABASE_URL is used, then the libpq environment \
            (PGHOST, PGDATABASE, …).

            Exit codes: 0 success; 1 the fill failed and was rolled back; 2 refused before writing \
            anything (bad input, non-empty tables, unsatisfiable schema); 3 cannot connect or open \
            the database; 4 writing the files of --out failed (no output file was changed); 64 usage \
            error; 130 / 143 interrupted by SIGINT / SIGTERM (rolled back).
            """,
        version: "0.1.0",
        subcommands: [FillCommand.self, InspectCommand.self, ResetCommand.self, InitCommand.self, GeneratorsCommand.self]
    )

    /// Runs the command and maps errors to the documented exit codes, printing
    /// exactly one `error:` line to stderr.
    static func main() {
        do {
            var command = try parseAsRoot()
            verbose = (command as? any DatabaseCommand)?.db.verbose ?? false
            try command.run()
        } catch let error as CLIError {
            fail(error.message, code: error.exitCode)
        } catch let error as DatabaseError {
            fail(error.description, code: error.kind == .connection ? ExitStatus.cannotConnect : ExitStatus.failed,
                 details: verbose ? error.verboseLines : [])
        } catch let error as FileOutputError {
            fail(error.description, code: ExitStatus.fileOutputFailed)
        } catch let error as ServerCheckRefusal {
            fail(error.message, code: ExitStatus.refused)
        } catch let error as TargetError {
            fail(error.description, code: ExitStatus.refused)
        } catch let error as Interrupted {
            fail("interrupted by \(SignalHandlers.name(error.signal)); the transaction was rolled back and nothing changed",
                 code: 128 + error.signal)
        } catch {
            exit(withError: error)
        }
    }

    /// `--verbose` of the command being run: after a database error, the
    /// statement and the server's detail, hint and context follow the
    /// `error:` line.
    nonisolated(unsafe) static var verbose = false

    static func fail(_ message: String, code: Int32, details: [String] = []) -> Never {
        Terminal.error(message)
        for line in details { Terminal.writeErr("  \(line)\n") }
        systemExit(code)
    }
}

/// The documented exit codes.
enum ExitStatus {
    static let failed: Int32 = 1
    static let refused: Int32 = 2
    static let cannotConnect: Int32 = 3
    static let fileOutputFailed: Int32 = 4
}

/// An error the CLI reports itself, with its exit code.
struct CLIError: Error {
    var message: String
    var exitCode: Int32

    static func refused(_ message: String) -> CLIError { CLIError(message: message, exitCode: ExitStatus.refused) }
}

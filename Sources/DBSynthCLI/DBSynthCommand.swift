import ArgumentParser
import DBSynth
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
struct DBSynthCommand: ParsableCommand {
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
        subcommands: [FillCommand.self, InspectCommand.self, ProfileCommand.self, CompareCommand.self, ResetCommand.self, InitCommand.self, GeneratorsCommand.self,
                      DatasetsCommand.self, CreateCommand.self, SeriesCommand.self]
    )

    /// Runs the command and maps errors to the documented exit codes, printing
    /// exactly one `error:` line to stderr.
    static func main() {
        let command: any ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            exit(withError: error)
        }
        verbose = (command as? any DatabaseCommand)?.db.verbose ?? false
        do {
            var command = command
            try command.run()
        } catch let error as ExitCode {
            exit(withError: error)
        } catch let error as ValidationError {
            exit(withError: error)
        } catch let error as CleanExit {
            exit(withError: error)
        } catch where String(reflecting: type(of: error)).hasPrefix("ArgumentParser.") {
            // `dbsynth help` and `--help` run ArgumentParser's own help
            // command, which throws its (internal) request for the help text.
            exit(withError: error)
        } catch {
            let failure = DBSynthError(error)
            fail(failure.message, code: exitStatus(failure.kind), details: verbose ? failure.details : [])
        }
    }

    /// The documented exit code of each kind of failure.
    static func exitStatus(_ kind: DBSynthError.Kind) -> Int32 {
        switch kind {
        case .refused: return ExitStatus.refused
        case .failed: return ExitStatus.failed
        case .cannotConnect: return ExitStatus.cannotConnect
        case .fileOutput: return ExitStatus.fileOutputFailed
        case .interrupted(let signal): return 128 + signal
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

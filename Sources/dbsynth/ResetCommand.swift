import ArgumentParser
import Introspect

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

struct ResetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reset",
        abstract: "Empty every table (FK-safe, identities restarted) in one transaction.",
        discussion: "Asks for confirmation naming the database when run on a terminal; elsewhere --yes is required."
    )

    @OptionGroup var db: DatabaseOptions

    @Flag(help: "Do not ask for confirmation.")
    var yes = false

    func run() throws {
        let target = try db.target()
        let connection = try DatabaseConnection.open(target)
        let schema = try connection.readSchema()
        guard !schema.tables.isEmpty else {
            throw CLIError.refused("\(target) has no tables to reset")
        }
        if !yes {
            guard isatty(0) == 1 else {
                throw CLIError.refused("reset empties every table of \(target): pass --yes to confirm (standard input is not a terminal)")
            }
            let rows = schema.tables.reduce(Int64(0)) { $0 + $1.rowCount }
            Terminal.writeErr("This deletes all \(Terminal.grouped(rows)) rows of \(schema.tables.count) tables in \(target). Type the database name or 'yes' to continue: ")
            let answer = readLine()?.trimmingSpaces() ?? ""
            guard answer == "yes" || answer == target.confirmationName else {
                throw CLIError.refused("reset cancelled; nothing changed")
            }
        }
        switch connection {
        case .postgres(let c):
            let names = schema.tables.map(\.name.quoted).joined(separator: ", ")
            try c.execute("BEGIN")
            do {
                try c.execute("TRUNCATE \(names) RESTART IDENTITY")
                try c.execute("COMMIT")
            } catch {
                _ = try? c.execute("ROLLBACK")
                throw error
            }
        case .sqlite(let c):
            try c.execute("PRAGMA foreign_keys = ON")
            try c.execute("BEGIN IMMEDIATE")
            do {
                try c.execute("PRAGMA defer_foreign_keys = ON")
                for t in schema.tables { try c.execute("DELETE FROM \(t.name.quoted)") }
                if try c.scalarInt("SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_sequence'") ?? 0 > 0 {
                    try c.execute("DELETE FROM sqlite_sequence")
                }
                try c.execute("COMMIT")
            } catch {
                _ = try? c.execute("ROLLBACK")
                throw error
            }
        }
        print("Emptied \(schema.tables.count) tables in \(target).")
    }
}

extension DatabaseTarget {
    /// What a user types to confirm: the SQLite file name or the database name.
    var confirmationName: String {
        switch self {
        case .sqlite(let path): return String(path.split(separator: "/").last ?? Substring(path))
        case .postgres(let conninfo):
            let tail = conninfo.split(separator: "/").last.map(String.init) ?? conninfo
            return String(tail.split(separator: "?").first ?? Substring(tail))
        }
    }
}

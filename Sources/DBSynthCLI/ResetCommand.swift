import ArgumentParser
import DBSynth
import Engine
import Introspect
import SchemaModel
import Loader

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
            throw DBSynthError.refused("\(target) has no tables to reset")
        }
        if !yes {
            guard isatty(0) == 1 else {
                throw DBSynthError.refused("reset empties every table of \(target): pass --yes to confirm (standard input is not a terminal)")
            }
            let rows = schema.tables.reduce(Int64(0)) { $0 + $1.rowCount }
            Terminal.writeErr("This deletes all \(TextLayout.grouped(rows)) rows of \(schema.tables.count) tables in \(target). Type the database name or 'yes' to continue: ")
            let answer = readLine()?.trimmingSpaces() ?? ""
            guard answer == "yes" || answer == target.confirmationName else {
                throw DBSynthError.refused("reset cancelled; nothing changed")
            }
        }
        // The sinks' own transaction and TRUNCATE, as `fill --truncate` uses them.
        let sink: any Sink
        switch connection {
        case .sqlite(let c): sink = SQLiteSink(connection: c, fast: false)
        case .postgres(let c): sink = PostgresSink(connection: c, fast: false)
        }
        try sink.transaction {
            try sink.truncate(tables: schema.tables.map(\.name))
            try sink.finish(plan: .empty)
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

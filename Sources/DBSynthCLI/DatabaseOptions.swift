import ArgumentParser
import DBSynth
import Introspect
import SchemaModel

/// The DB argument shared by every command that talks to a database.
struct DatabaseOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("postgres://…, sqlite:PATH or FILE.db (default: $DATABASE_URL, then PG* variables).", valueName: "DB"))
    var database: String?

    @Flag(help: "After a database error, also print the statement and the server's detail, hint and context.")
    var verbose = false

    func target() throws -> DatabaseTarget {
        try DatabaseTarget.parse(database)
    }
}

/// A command that talks to a database through `DatabaseOptions`.
protocol DatabaseCommand {
    var db: DatabaseOptions { get }
}

extension FillCommand: DatabaseCommand {}
extension InspectCommand: DatabaseCommand {}
extension ResetCommand: DatabaseCommand {}
extension InitCommand: DatabaseCommand {}

import ArgumentParser
import Introspect
import SchemaModel

/// The DB argument shared by every command that talks to a database.
struct DatabaseOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("postgres://…, sqlite:PATH or FILE.db (default: $DATABASE_URL, then PG* variables).", valueName: "DB"))
    var database: String?

    func target() throws -> DatabaseTarget {
        try DatabaseTarget.parse(database)
    }
}

import Testing
@testable import Introspect
@testable import SchemaModel

@Suite struct DatabaseTargetTests {
    @Test func acceptsEveryDocumentedForm() throws {
        #expect(try DatabaseTarget.parse("postgres://u@h/db", environment: [:]) == .postgres(conninfo: "postgres://u@h/db"))
        #expect(try DatabaseTarget.parse("postgresql://h:5433/db?sslmode=disable", environment: [:]) == .postgres(conninfo: "postgresql://h:5433/db?sslmode=disable"))
        #expect(try DatabaseTarget.parse("sqlite:/tmp/a.db", environment: [:]) == .sqlite(path: "/tmp/a.db"))
        #expect(try DatabaseTarget.parse("sqlite://rel/b.sqlite", environment: [:]) == .sqlite(path: "rel/b.sqlite"))
        #expect(try DatabaseTarget.parse("data/shop.sqlite3", environment: [:]) == .sqlite(path: "data/shop.sqlite3"))
        #expect(try DatabaseTarget.parse("x.DB", environment: [:]) == .sqlite(path: "x.DB"))
        #expect(try DatabaseTarget.parse("host=localhost dbname=x", environment: [:]) == .postgres(conninfo: "host=localhost dbname=x"))
    }

    @Test func fallsBackToDatabaseURLThenLibpqEnvironment() throws {
        #expect(try DatabaseTarget.parse(nil, environment: ["DATABASE_URL": "sqlite:env.db"]) == .sqlite(path: "env.db"))
        #expect(try DatabaseTarget.parse(nil, environment: ["PGDATABASE": "x"]) == .postgres(conninfo: ""))
        #expect(throws: TargetError.self) { try DatabaseTarget.parse(nil, environment: [:]) }
    }

    @Test func rejectsUnknownSchemesNamingThem() {
        do {
            _ = try DatabaseTarget.parse("mysql://root:hunter2@h/db", environment: [:])
            Issue.record("mysql URL was accepted")
        } catch {
            let message = String(describing: error)
            #expect(message.contains("unsupported database URL scheme 'mysql'"))
            #expect(!message.contains("hunter2"))
        }
    }

    @Test func redactsPasswordsInEveryForm() {
        #expect(DatabaseTarget.redact("postgres://bob:s3cret@db:5432/app") == "postgres://bob:***@db:5432/app")
        #expect(DatabaseTarget.redact("postgres://bob@db/app?password=s3cret&sslmode=require") == "postgres://bob@db/app?password=***&sslmode=require")
        #expect(DatabaseTarget.redact("host=db password='a b' dbname=x") == "host=db password=*** dbname=x")
        #expect(DatabaseTarget.redact("postgres://db/app") == "postgres://db/app")
        #expect(!DatabaseTarget.postgres(conninfo: "postgresql://u:pw@h/d").description.contains("pw@"))
    }
}

@Suite struct SQLTokenizerTests {
    @Test func bracketsQuoteSQLiteIdentifiersButStayArrayBracketsInPostgres() {
        let sqlite = SQLTokenizer.tokenize("CREATE TABLE [Order Details] ([Unit Price] REAL)")
        #expect(sqlite.filter { $0.kind == .quotedIdentifier }.map(\.text) == ["Order Details", "Unit Price"])

        let pg = SQLTokenizer.tokenize("rating = ANY (ARRAY['G'::mpaa_rating, 'PG'::mpaa_rating])")
        #expect(pg.filter { $0.kind == .string }.map(\.text) == ["G", "PG"])
        #expect(!pg.contains { $0.kind == .quotedIdentifier })

        let nested = SQLTokenizer.tokenize("x = ARRAY[[1,2],[3,4]] AND y::text[] <> '{}' AND z[1:2] IS NOT NULL")
        #expect(!nested.contains { $0.kind == .quotedIdentifier })
        #expect(nested.filter { $0.kind == .number }.map(\.text) == ["1", "2", "3", "4", "1", "2"])
    }

    @Test func skipsCommentsAndKeepsDoubledQuotes() {
        let t = SQLTokenizer.tokenize("a -- note\n + 'it''s' /* x */ \"we\"\"ird\"")
        #expect(t.map(\.text) == ["a", "+", "it's", "we\"ird"])
    }
}

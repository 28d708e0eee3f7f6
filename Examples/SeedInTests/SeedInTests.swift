// How a Swift service seeds its test database with DBSynth: add
// `.product(name: "DBSynth", package: "dbsynth")` to the test target, create
// the schema the way the app does (here: plain SQL through sqlite3), and
// call `DBSynth.fill` before the tests that need rows.
import DBSynth
import Foundation
import Testing

@Suite struct SeedInTests {
    /// The app's schema, as its migrations would leave it.
    static let schema = """
        CREATE TABLE author (id INTEGER PRIMARY KEY, name TEXT NOT NULL, email TEXT NOT NULL UNIQUE);
        CREATE TABLE post (
            id INTEGER PRIMARY KEY,
            author_id INTEGER NOT NULL REFERENCES author(id),
            title TEXT NOT NULL CHECK (length(title) BETWEEN 5 AND 80),
            published_at TEXT,
            likes INTEGER NOT NULL DEFAULT 0 CHECK (likes >= 0)
        );
        """

    /// A fresh SQLite file with the schema, via the `sqlite3` shell.
    static func database() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("seed-\(UUID().uuidString).db").path
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        shell.arguments = ["sqlite3", path, schema]
        try shell.run()
        shell.waitUntilExit()
        #expect(shell.terminationStatus == 0, "sqlite3 created the schema")
        return path
    }

    static func count(_ path: String, _ sql: String) throws -> String {
        let shell = Process()
        let out = Pipe()
        shell.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        shell.arguments = ["sqlite3", path, sql]
        shell.standardOutput = out
        try shell.run()
        shell.waitUntilExit()
        return String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func seedsEveryTableInProcess() throws {
        let path = try Self.database()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try DBSynth.fill(url: "sqlite:\(path)", rows: 50, seed: 7)
        #expect(result.committed)
        #expect(result.tables.map(\.name) == ["author", "post"], "parents first")
        #expect(result.rows == 100)
        #expect(try Self.count(path, "SELECT count(*) FROM post JOIN author ON author.id = post.author_id") == "50")
        #expect(try Self.count(path, "SELECT count(*) FROM post WHERE length(title) NOT BETWEEN 5 AND 80 OR likes < 0") == "0")
    }

    @Test func sameSeedSameRows() throws {
        let first = try Self.database(), second = try Self.database()
        defer { for p in [first, second] { try? FileManager.default.removeItem(atPath: p) } }
        try DBSynth.fill(url: "sqlite:\(first)", rows: 30, seed: 11)
        var options = FillOptions(rows: 30, seed: 11)
        options.jobs = 1
        try DBSynth.fill(url: "sqlite:\(second)", options: options)
        let dump = "SELECT group_concat(id || title || likes, ';') FROM post"
        #expect(try Self.count(first, dump) == Self.count(second, dump))
    }

    @Test func badInputThrowsARefusalAndWritesNothing() throws {
        let path = try Self.database()
        defer { try? FileManager.default.removeItem(atPath: path) }
        var options = FillOptions(rows: 10)
        options.tableRows = ["posts": 5]
        #expect {
            try DBSynth.fill(url: "sqlite:\(path)", options: options)
        } throws: { error in
            guard let error = error as? DBSynthError else { return false }
            return error.kind == .refused && error.message == "--table posts=5: no table named 'posts'; did you mean 'post'?"
        }
        #expect(try Self.count(path, "SELECT count(*) FROM author") == "0")
    }

    @Test func inspectListsTheTablesInLoadOrder() throws {
        let path = try Self.database()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let inspection = try DBSynth.inspect(url: "sqlite:\(path)")
        #expect(inspection.tables.map(\.name) == ["author", "post"])
        let email = inspection.tables[0].columns.first { $0.name == "email" }
        #expect(email?.generator.contains("email") == true, "\(String(describing: email))")
        #expect(inspection.json.contains("\"author\""))
    }
}

import Foundation
import Testing
import TestSupport
import Introspect
import SchemaModel

/// One schema of `../shared/corpus`, as `load list` names it.
struct CorpusEntry: Sendable, Hashable, CustomTestStringConvertible {
    enum Kind: String, Sendable { case postgres, sqlite }
    var kind: Kind
    var name: String

    var testDescription: String { "\(kind.rawValue) \(name)" }

    /// Every schema `load list` names (its `data` entries are datasets to
    /// learn from, not schemas): a new corpus entry is tested without a code
    /// change here.
    static let all: [CorpusEntry] = {
        guard let corpus = TestEnvironment.corpus,
              let listed = try? CommandRunner.shell("\(corpus.appendingPathComponent("load").path) list"), listed.status == 0 else { return [] }
        return listed.stdout.split(separator: "\n").compactMap { line in
            let parts = line.split(separator: " ")
            guard parts.count == 2, let kind = Kind(rawValue: String(parts[0])) else { return nil }
            return CorpusEntry(kind: kind, name: String(parts[1]))
        }
    }()

    /// Schemas that still fail, with the reason: their tests expect the
    /// failure (`withKnownIssue`), so a fix shows up as an unexpected pass.
    static let knownIssues: [String: String] = [:]

    /// The same for the default fill that keeps shipped rows.
    static let knownKeepIssues: [String: String] = [:]

    /// The same for `--append` on schemas that ship rows.
    static let knownAppendIssues: [String: String] = [:]
}

/// A loaded corpus schema in a scratch database of its kind.
struct LoadedCorpusSchema {
    let entry: CorpusEntry
    let url: String
    private let cleanup: () -> Void
    private let introspect: () throws -> Schema
    private let foreignKeyViolations: () throws -> Int

    init(_ entry: CorpusEntry) throws {
        guard let corpus = TestEnvironment.corpus else { throw TestSetupError("../shared/corpus is missing") }
        let loader = corpus.appendingPathComponent("load").path
        self.entry = entry
        switch entry.kind {
        case .postgres:
            let db = try ScratchPostgres()
            let loaded = try CommandRunner.shell("\(loader) postgres \(entry.name)", environment: db.libpqEnvironment)
            guard loaded.status == 0 else { db.drop(); throw TestSetupError("loading \(entry): \(loaded.stderr)") }
            url = db.url
            cleanup = { db.drop() }
            introspect = { try PostgresIntrospector(connection: db.open()).schema() }
            foreignKeyViolations = { 0 }
        case .sqlite:
            let db = try ScratchSQLite()
            let loaded = try CommandRunner.shell("\(loader) sqlite \(entry.name) \(db.path)")
            guard loaded.status == 0 else { db.remove(); throw TestSetupError("loading \(entry): \(loaded.stderr)") }
            url = db.url
            cleanup = { db.remove() }
            introspect = { try SQLiteIntrospector(connection: db.open()).schema() }
            foreignKeyViolations = { try db.open().query("PRAGMA foreign_key_check").count }
        }
    }

    func schema() throws -> Schema { try introspect() }
    func violations() throws -> Int { try foreignKeyViolations() }
    func remove() { cleanup() }
}

/// Every schema of `../shared/corpus` (real schemas nobody here wrote) goes
/// through `inspect` and `fill` at 300 and 5,000 rows: exit 0 and every table
/// non-empty; schemas that ship rows also grow with `--append`.
@Suite(.enabled(if: TestEnvironment.corpus != nil || TestEnvironment.isCI, "needs ../shared/corpus"))
struct CorpusTests {
    static func enabled(_ entry: CorpusEntry) -> Bool {
        entry.kind == .sqlite || TestEnvironment.postgresTestsEnabled
    }

    static let entries = CorpusEntry.all.filter(enabled)

    @Test func theCorpusListsSchemasOfBothKinds() {
        #expect(CorpusEntry.all.contains { $0.kind == .postgres })
        #expect(CorpusEntry.all.contains { $0.kind == .sqlite })
    }

    /// Runs `body`, expecting it to fail when the entry is a known issue.
    func expecting(_ entry: CorpusEntry, known: [String: String] = CorpusEntry.knownIssues, _ body: () throws -> Void) rethrows {
        if let reason = known[entry.testDescription] {
            withKnownIssue(Comment(rawValue: reason)) { try body() }
        } else {
            try body()
        }
    }

    @Test(arguments: entries, [300, 5000])
    func fillsEveryTable(entry: CorpusEntry, rows: Int) throws {
        let db = try LoadedCorpusSchema(entry)
        defer { db.remove() }
        try expecting(entry) {
            if rows == 300 {
                let inspect = try CommandRunner.dbsynth(["inspect", db.url, "--json"])
                #expect(inspect.status == 0, "inspect \(entry): \(inspect.stderr)")
            }
            let fill = try CommandRunner.dbsynth(["fill", db.url, "--rows", "\(rows)", "--truncate", "--quiet"])
            #expect(fill.status == 0, "fill \(entry) --rows \(rows): \(fill.stderr)")
            guard fill.status == 0 else { return }
            let empty = try db.schema().tables.filter { $0.rowCount == 0 }.map(\.name.description)
            #expect(empty.isEmpty, "\(entry) --rows \(rows): empty tables after fill: \(empty)")
            #expect(try db.violations() == 0, "\(entry): foreign key violations")
        }
    }

    /// Sized by role (the default without `--rows`; here with 2,000 rows in
    /// the largest tables to keep the suite short): every table filled.
    @Test(arguments: entries)
    func fillsEveryTableSizedByRole(entry: CorpusEntry) throws {
        let db = try LoadedCorpusSchema(entry)
        defer { db.remove() }
        let fill = try CommandRunner.dbsynth(["fill", db.url, "--rows", "2000", "--shape", "realistic", "--truncate", "--quiet"])
        #expect(fill.status == 0, "fill \(entry) --shape realistic: \(fill.stderr)")
        guard fill.status == 0 else { return }
        let tables = try db.schema().tables
        let empty = tables.filter { $0.rowCount == 0 }.map(\.name.description)
        #expect(empty.isEmpty, "\(entry) --shape realistic: empty tables after fill: \(empty)")
        #expect(try db.violations() == 0, "\(entry): foreign key violations")
    }

    /// The default on a database that ships rows: tables with rows are kept
    /// as they are and used as parents, the empty ones are filled; a database
    /// whose every table holds rows is refused, naming the way out.
    @Test(arguments: entries)
    func keepsShippedRowsAndFillsTheRest(entry: CorpusEntry) throws {
        let db = try LoadedCorpusSchema(entry)
        defer { db.remove() }
        let before = try db.schema()
        guard before.tables.contains(where: { $0.rowCount > 0 }) else { return }
        try expecting(entry, known: CorpusEntry.knownKeepIssues) {
            let fill = try CommandRunner.dbsynth(["fill", db.url, "--rows", "300", "--quiet"])
            if before.tables.allSatisfy({ $0.rowCount > 0 }) {
                #expect(fill.status == 2, "\(entry): every table holds rows")
                #expect(fill.stderr.contains("--truncate") && fill.stderr.contains("--append"), "\(fill.stderr)")
                return
            }
            #expect(fill.status == 0, "fill \(entry) keeping its rows: \(fill.stderr)")
            guard fill.status == 0 else { return }
            let after = try db.schema()
            for table in before.tables {
                let now = after.table(named: table.name)?.rowCount ?? 0
                if table.rowCount > 0 {
                    #expect(now == table.rowCount, "\(entry) \(table.name) was kept: \(table.rowCount) → \(now)")
                } else {
                    #expect(now > 0, "\(entry) \(table.name) is still empty")
                }
            }
            #expect(try db.violations() == 0, "\(entry): foreign key violations")
        }
    }

    /// With `--disable-triggers`, every schema with triggers fills, and its
    /// triggers are back afterwards.
    @Test(arguments: entries)
    func fillsWithTriggersOff(entry: CorpusEntry) throws {
        let db = try LoadedCorpusSchema(entry)
        defer { db.remove() }
        let before = try db.schema()
        guard !before.triggers.isEmpty else { return }
        let fill = try CommandRunner.dbsynth(["fill", db.url, "--rows", "300", "--truncate", "--disable-triggers", "--quiet"])
        #expect(fill.status == 0, "fill \(entry) --disable-triggers: \(fill.stderr)")
        guard fill.status == 0 else { return }
        let after = try db.schema()
        #expect(after.triggers.count == before.triggers.count, "\(entry): triggers are back")
        let empty = after.tables.filter { $0.rowCount == 0 }.map(\.name.description)
        #expect(empty.isEmpty, "\(entry): empty tables: \(empty)")
        #expect(try db.violations() == 0, "\(entry): foreign key violations")
    }

    @Test(arguments: entries)
    func appendGrowsEveryTableOfSchemasWithRows(entry: CorpusEntry) throws {
        let db = try LoadedCorpusSchema(entry)
        defer { db.remove() }
        let before = try db.schema()
        guard before.tables.contains(where: { $0.rowCount > 0 }) else { return }
        try expecting(entry, known: CorpusEntry.knownAppendIssues) {
            let fill = try CommandRunner.dbsynth(["fill", db.url, "--rows", "40", "--append", "--quiet"])
            #expect(fill.status == 0, "append \(entry): \(fill.stderr)")
            guard fill.status == 0 else { return }
            let after = try db.schema()
            for table in before.tables {
                let grown = after.table(named: table.name)?.rowCount ?? 0
                // A table whose unique values are all taken cannot grow, and the fill says so.
                let full = fill.stderr.contains("\(table.name.name): 0 rows instead of")
                #expect(grown >= table.rowCount + 1 || full, "\(entry) \(table.name): \(table.rowCount) → \(grown)")
            }
        }
    }
}

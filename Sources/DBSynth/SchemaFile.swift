import Foundation
import Introspect
import SchemaModel

/// The DDL file of `fill --schema FILE.sql`, read once. It runs only when
/// the database has no tables yet; a file that begins or ends transactions
/// itself runs before the fill's transaction, any other inside it, so a
/// broken file, or a fill that fails later, leaves nothing behind.
struct SchemaFile {
    let path: String
    let sql: String
    /// Whether a statement of the file is BEGIN, COMMIT, END, ROLLBACK or
    /// START TRANSACTION (outside function bodies).
    let controlsTransactions: Bool

    static func read(_ path: String) throws -> SchemaFile {
        guard let sql = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw DBSynthError.refused("--schema \(path): cannot read the file")
        }
        return SchemaFile(path: path, sql: sql, controlsTransactions: Self.controlsTransactions(sql))
    }

    /// Runs the file, or warns that it was skipped because the database
    /// already has tables. A failing file is refused naming the file; one
    /// that manages its own transactions is rolled back first.
    func apply(to connection: DatabaseConnection, besideTables: Bool = false, warn: (String) -> Void) throws {
        if !besideTables, !(try connection.readSchema().tables.isEmpty) {
            warn("--schema \(path): skipped: the database already has tables")
            return
        }
        do {
            try connection.execute(sql)
        } catch let error as DatabaseError {
            if controlsTransactions { try? connection.execute("ROLLBACK") }
            throw DBSynthError.refused("--schema \(path): \(error.message); nothing was created")
        }
    }

    /// Whether `sql` begins or ends transactions itself (a statement
    /// starting with BEGIN, COMMIT, END, ROLLBACK or START TRANSACTION).
    static func controlsTransactions(_ sql: String) -> Bool {
        var atStart = true
        for token in SQLTokenizer.tokenize(withoutDollarQuotes(sql)) {
            if atStart, token.kind == .word,
               ["BEGIN", "COMMIT", "END", "ROLLBACK", "START"].contains(where: token.isWord) {
                return true
            }
            atStart = token.isSymbol(";")
        }
        return false
    }

    /// `sql` with every PostgreSQL dollar-quoted string (`$$ … $$`,
    /// `$body$ … $body$`: function bodies, whose BEGIN and END are PL/pgSQL's)
    /// replaced by an empty string literal.
    static func withoutDollarQuotes(_ sql: String) -> String {
        var out = ""
        var rest = Substring(sql)
        while let open = rest.firstIndex(of: "$") {
            let afterOpen = rest.index(after: open)
            guard let close = rest[afterOpen...].firstIndex(of: "$") else { break }
            let tag = rest[afterOpen..<close]
            // A tag is empty or an identifier; `$1` is a parameter, not a quote.
            guard tag.allSatisfy({ $0.isLetter || $0 == "_" || ($0.isNumber && tag.first?.isNumber == false) }) else {
                out += rest[...open]
                rest = rest[afterOpen...]
                continue
            }
            let delimiter = "$\(tag)$"
            let bodyStart = rest.index(after: close)
            guard let end = rest[bodyStart...].range(of: delimiter) else { break }
            out += rest[..<open] + "''"
            rest = rest[end.upperBound...]
        }
        return out + rest
    }
}

import Foundation
import SchemaModel

/// Where to connect, parsed from the command line's DB argument or the environment.
///
/// Accepted forms (the user-facing contract):
/// - `postgres://…` / `postgresql://…`: a libpq URI, passed to libpq untouched so
///   sslmode, `.pgpass` and service files keep working;
/// - `sqlite:PATH` (also `sqlite://PATH`), or a path ending in `.db`, `.sqlite`, `.sqlite3`;
/// - nothing: `DATABASE_URL`, else the libpq environment (`PGHOST`, `PGDATABASE`, …).
public enum DatabaseTarget: Sendable, Equatable, CustomStringConvertible {
    case sqlite(path: String)
    /// A libpq connection string; empty means "use the PG* environment".
    case postgres(conninfo: String)

    public static func parse(_ text: String?, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> DatabaseTarget {
        if let text, !text.isEmpty { return try parseExplicit(text) }
        if let url = environment["DATABASE_URL"], !url.isEmpty { return try parseExplicit(url) }
        if environment["PGDATABASE"] != nil || environment["PGHOST"] != nil || environment["PGSERVICE"] != nil {
            return .postgres(conninfo: "")
        }
        throw TargetError("no database given: pass a DB argument (postgres://… or a .db file), or set DATABASE_URL")
    }

    static func parseExplicit(_ text: String) throws -> DatabaseTarget {
        let lower = text.lowercased()
        if lower.hasPrefix("postgres://") || lower.hasPrefix("postgresql://") {
            return .postgres(conninfo: text)
        }
        if lower.hasPrefix("sqlite://") { return try sqlitePath(String(text.dropFirst("sqlite://".count)), original: text) }
        if lower.hasPrefix("sqlite:") { return try sqlitePath(String(text.dropFirst("sqlite:".count)), original: text) }
        if lower.hasSuffix(".db") || lower.hasSuffix(".sqlite") || lower.hasSuffix(".sqlite3") {
            return try sqlitePath(text, original: text)
        }
        if let colon = text.range(of: "://") {
            let scheme = text[..<colon.lowerBound]
            throw TargetError("unsupported database URL scheme '\(scheme)' in \(Self.redact(text)): use postgres://, postgresql://, sqlite:PATH or a .db/.sqlite/.sqlite3 path")
        }
        if text.contains("=") {
            // A libpq keyword/value string: "host=... dbname=...".
            return .postgres(conninfo: text)
        }
        throw TargetError("cannot tell what database '\(Self.redact(text))' is: use postgres://…, sqlite:PATH, or a path ending in .db, .sqlite or .sqlite3")
    }

    static func sqlitePath(_ path: String, original: String) throws -> DatabaseTarget {
        guard !path.isEmpty else { throw TargetError("empty SQLite path in '\(original)'") }
        return .sqlite(path: path)
    }

    /// The target for messages: never contains a password.
    public var description: String {
        switch self {
        case .sqlite(let path): return path
        case .postgres(let conninfo): return conninfo.isEmpty ? "PostgreSQL (libpq environment)" : Self.redact(conninfo)
        }
    }

    /// Replaces any password in a URI (`user:secret@`) or keyword string
    /// (`password=secret`) with `***`.
    public static func redact(_ text: String) -> String {
        var out = text
        if let scheme = out.range(of: "://") {
            let rest = out[scheme.upperBound...]
            let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) ?? rest.endIndex
            if let at = rest[..<authorityEnd].lastIndex(of: "@"),
               let colon = rest[..<at].firstIndex(of: ":") {
                out.replaceSubrange(out.index(after: colon)..<at, with: "***")
            }
        }
        // password=... in a query string or keyword/value form.
        var result = ""
        var remainder = Substring(out)
        while let r = remainder.range(of: "password=", options: .caseInsensitive) {
            result += remainder[..<r.upperBound]
            result += "***"
            var rest = remainder[r.upperBound...]
            if rest.first == "'" {
                rest = rest.dropFirst()
                if let close = rest.firstIndex(of: "'") { rest = rest[rest.index(after: close)...] } else { rest = "" }
            } else {
                let end = rest.firstIndex(where: { $0 == "&" || $0 == " " }) ?? rest.endIndex
                rest = rest[end...]
            }
            remainder = rest
        }
        result += remainder
        return result
    }
}

public struct TargetError: Error, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

extension DatabaseTarget {
    /// The file of a SQLite target.
    public var sqlitePath: String? {
        if case .sqlite(let path) = self { return path }
        return nil
    }
}

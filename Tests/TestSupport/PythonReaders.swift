import Foundation

/// pyarrow and DuckDB, the real Parquet readers the tests check files with,
/// in the virtualenv `scripts/install-deps.sh --test` creates
/// (`DBSYNTH_PYENV`, default `~/.cache/dbsynth/pyenv`). Their answers come
/// back as text, which the tests compare exactly.
public enum PythonReaders {
    /// The environment's interpreter, whether or not it exists yet.
    public static var python: URL {
        let env = ProcessInfo.processInfo.environment
        if let root = env["DBSYNTH_PYENV"], !root.isEmpty { return URL(fileURLWithPath: root).appendingPathComponent("bin/python") }
        let cache = env["XDG_CACHE_HOME"].map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache")
        return cache.appendingPathComponent("dbsynth/pyenv/bin/python")
    }

    /// The readers are installed; in CI the tests run (and fail) regardless,
    /// as the PostgreSQL ones do.
    public static var enabled: Bool {
        FileManager.default.isExecutableFile(atPath: python.path) || TestEnvironment.isCI
    }

    /// Runs `sql` in DuckDB (in memory) and returns its rows, every value as
    /// text (`str()` in Python), nil for NULL.
    public static func duckdb(_ sql: String) throws -> [[String?]] {
        let script = """
            import duckdb, json, sys
            rows = duckdb.sql(sys.argv[1]).fetchall()
            print(json.dumps([[None if v is None else str(v) for v in r] for r in rows]))
            """
        let result = try CommandRunner.run(python, ["-c", script, sql])
        guard result.status == 0 else { throw Failure(message: "DuckDB failed on \(sql): \(result.stderr)") }
        return try JSONDecoder().decode([[String?]].self, from: Data(result.stdout.utf8))
    }

    public struct Failure: Error, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }
}

/// `scripts/parquet-describe.py FILE`: a file as pyarrow reads it.
public struct ParquetDescription: Decodable, Sendable {
    public struct ArrowField: Decodable, Sendable {
        public var name: String
        public var type: String
        public var nullable: Bool
    }

    public struct ParquetField: Decodable, Sendable {
        public var name: String
        public var physical: String
        public var logical: String
        public var converted: String
        public var max_definition_level: Int
    }

    public struct Chunk: Decodable, Sendable {
        public var min: String?
        public var max: String?
        public var nulls: Int?
        public var values: Int
        public var encodings: [String]
        public var compression: String
        public var dictionary: Bool
    }

    public struct RowGroup: Decodable, Sendable {
        public var rows: Int
        public var columns: [Chunk]
    }

    public var created_by: String
    public var num_rows: Int
    public var arrow: [ArrowField]
    public var parquet: [ParquetField]
    public var row_groups: [RowGroup]
    /// Every value as text (see the script), nil for NULL.
    public var rows: [[String?]]?

    /// Reads `path` with pyarrow.
    public static func of(_ path: String, rows: Bool = true) throws -> ParquetDescription {
        let script = TestEnvironment.packageRoot.appendingPathComponent("scripts/parquet-describe.py").path
        let result = try CommandRunner.run(PythonReaders.python, [script, path] + (rows ? [] : ["--no-rows"]))
        guard result.status == 0 else { throw PythonReaders.Failure(message: "pyarrow could not read \(path): \(result.stderr)") }
        return try JSONDecoder().decode(ParquetDescription.self, from: Data(result.stdout.utf8))
    }

    /// A column of every row, by name.
    public func column(_ name: String) -> [String?] {
        guard let i = arrow.firstIndex(where: { $0.name == name }) else { return [] }
        return (rows ?? []).map { $0[i] }
    }
}

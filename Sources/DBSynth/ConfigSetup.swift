import Config
import Engine
import Foundation
import Introspect
import SchemaModel
import Loader
import Profile

/// What `--config` adds to `fill`: the parsed file, the schema it is checked
/// against (tables created with `--create`, skipped tables left out) and the
/// plan options where CLI flags override the file.
struct ConfigSetup {
    let config: ConfigFile?
    /// `--profile`: what a source database held (`dbsynth profile`).
    var profile: DataProfile?

    init(config: ConfigFile?, profile: DataProfile? = nil) {
        self.config = config
        self.profile = profile
    }

    /// Reads `--config` and `--profile`; a bad file is a refusal (exit 2)
    /// naming file, line and key.
    static func load(_ path: String?, profile profilePath: String? = nil, like: String? = nil) throws -> ConfigSetup {
        var setup = ConfigSetup(config: nil)
        if let path {
            do {
                setup = ConfigSetup(config: try ConfigFile.load(path: path))
            } catch let error as ConfigError {
                throw DBSynthError.refused(error.description)
            }
        }
        if profilePath != nil, like != nil {
            throw DBSynthError.refused("--like and --profile exclude each other: --like profiles the source on the fly, --profile reads a saved profile")
        }
        if let profilePath { setup.profile = try Self.readProfile(profilePath) }
        if let like { setup.profile = try Self.profile(like: like) }
        return setup
    }

    /// `--like SOURCE`: the source profiled now, as `dbsynth profile` would (read-only).
    static func profile(like url: String) throws -> DataProfile {
        let target: DatabaseTarget
        do { target = try DatabaseTarget.parse(url) } catch let error as TargetError {
            throw DBSynthError.refused("--like \(url): \(error.description)")
        }
        if let path = target.sqlitePath, !FileManager.default.fileExists(atPath: path) {
            throw DBSynthError.refused("--like \(path): no such SQLite database")
        }
        let connection: DatabaseConnection
        do { connection = try DatabaseConnection.open(target) } catch let error as DatabaseError {
            throw error.prefixed("--like \(target)")
        }
        do {
            return try Profiler().profile(connection, schema: try connection.readSchema(), source: target.description)
        } catch let error as DatabaseError {
            throw error.prefixed("--like \(target)")
        }
    }

    static func readProfile(_ path: String) throws -> DataProfile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DBSynthError.refused("--profile \(path): cannot read the file")
        }
        do {
            let profile = try JSONDecoder().decode(DataProfile.self, from: data)
            guard profile.format == "dbsynth-profile", profile.version == 1 else {
                throw DBSynthError.refused("--profile \(path): not a version 1 dbsynth profile (format \(profile.format), version \(profile.version))")
            }
            return profile
        } catch let error as DecodingError {
            throw DBSynthError.refused("--profile \(path): not a dbsynth profile (\(Self.describe(error)))")
        }
    }

    static func describe(_ error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, let c): return "missing \((c.codingPath + [key]).map(\.stringValue).joined(separator: "."))"
        case .typeMismatch(_, let c), .valueNotFound(_, let c): return "wrong type at \(c.codingPath.map(\.stringValue).joined(separator: "."))"
        case .dataCorrupted(let c): return c.codingPath.isEmpty ? "not JSON" : "bad value at \(c.codingPath.map(\.stringValue).joined(separator: "."))"
        @unknown default: return "unreadable"
        }
    }

    /// The schema to plan: with `--create`, the config's missing tables are
    /// created first (in the fill's transaction); the config is validated against the
    /// result; tables with `skip: true` are left out.
    func schema(_ live: Schema, connection: DatabaseConnection, create: Bool) throws -> Schema {
        guard let config else { return live }
        var live = live
        if create {
            let wanted = DatasetSchema.build(config, existing: live, dialect: live.dialect)
            let missing = wanted.tables.filter { ConfigValidator.resolveTable($0.name.name, in: live) == nil }
            if !missing.isEmpty {
                // Validate against the schema-to-be before creating anything.
                try Self.validate(config, Schema(dialect: live.dialect, tables: live.tables + missing))
                // Inside the fill's transaction: a failed fill removes them again.
                do {
                    for t in missing { try connection.execute(DatasetSchema.createStatement(t)) }
                } catch let error as DatabaseError {
                    throw DBSynthError.refused("--create: \(error.message); nothing was created")
                }
                live = try connection.readSchema()
            }
        }
        try Self.validate(config, live)
        return Self.withoutSkipped(live, config: config)
    }

    static func validate(_ config: ConfigFile, _ schema: Schema) throws {
        do { try ConfigValidator.validate(config, schema: schema) } catch let error as ConfigError {
            throw DBSynthError.refused(error.description)
        }
    }

    static func withoutSkipped(_ schema: Schema, config: ConfigFile) -> Schema {
        let skipped = Set(config.tables.filter(\.skip).compactMap { ConfigValidator.resolveTable($0.name, in: schema)?.name })
        var out = schema
        out.tables.removeAll { skipped.contains($0.name) }
        return out
    }

    /// Rows of the largest tables when a realistic fill is given no count.
    static let realisticRows: Int64 = 10_000
    /// Rows per table when a uniform fill is given no count.
    static let uniformRows: Int64 = 1000

    /// Plan options: a CLI flag wins over the file, the file over the
    /// defaults (a realistic fill with 10,000 rows in the largest tables,
    /// seed 42, scale 1); `--table` wins over a table's `rows`. A row
    /// count without `--shape` means every table that count.
    func options(schema: Schema, seed: UInt64?, rows: Int64?, shape: FillOptions.Shape?, scale: Double?, counts: [QualifiedName: Int64], append: Bool) -> PlanOptions {
        var tableRows: [QualifiedName: Int64] = [:]
        // The source's row counts, unless --rows says otherwise.
        if let profile, rows == nil {
            for t in schema.tables { if let p = profile.table(matching: t.name) { tableRows[t.name] = p.rows } }
        }
        for tc in config?.tables ?? [] {
            if let r = tc.rows, let t = ConfigValidator.resolveTable(tc.name, in: schema) { tableRows[t.name] = r }
        }
        tableRows.merge(counts) { _, cli in cli }
        let given = rows ?? config?.rows
        let shape = shape ?? (given == nil ? .realistic : .uniform)
        var options = PlanOptions(
            seed: seed ?? config?.seed ?? 42, defaultRows: given ?? (shape == .realistic ? Self.realisticRows : Self.uniformRows),
            tableRows: tableRows, scale: scale ?? config?.scaleFactor ?? 1, append: append)
        options.shape = shape == .realistic ? .realistic : .uniform
        if config?.format == .smelt {
            for tc in config?.tables ?? [] {
                if let p = tc.partition, let t = ConfigValidator.resolveTable(tc.name, in: schema) { options.rowMultiples[t.name] = p.days }
            }
        }
        let seed = options.seed
        let fromConfig: (any ColumnOverrides)? = config.map { ConfigOverrides(config: $0, schema: schema) }
        let fromProfile: (any ColumnOverrides)? = profile.map { ProfileOverrides(profile: $0, seed: seed) }
        switch (fromConfig, fromProfile) {
        case (let c?, let p?): options.overrides = LayeredOverrides(first: c, then: p)
        case (let c?, nil): options.overrides = c
        case (nil, let p?): options.overrides = p
        case (nil, nil): break
        }
        return options
    }

    /// Partition columns by table, for the file layout.
    func partitionColumns(in schema: Schema) -> [QualifiedName: String] {
        byTable(in: schema) { $0.partition?.column }
    }

    /// smelt datasets' `output:` directories by table, for the Parquet layout.
    func outputDirectories(in schema: Schema) -> [QualifiedName: String] {
        byTable(in: schema) { $0.outputPath }
    }

    /// The Parquet column types: `--parquet-types`, the config's `parquet_types`, else what
    /// smelt-datagen writes for a smelt config written without a database
    /// (the output smelt's users expect), else each column's logical type.
    func parquetTypes(live: Bool, flag: ParquetTypes? = nil) -> ParquetTypes {
        if let flag { return flag }
        if let logical = config?.parquetLogicalTypes { return logical ? .logical : .smelt }
        return config?.format == .smelt && !live ? .smelt : .logical
    }

    private func byTable(in schema: Schema, _ value: (TableConfig) -> String?) -> [QualifiedName: String] {
        var out: [QualifiedName: String] = [:]
        for tc in config?.tables ?? [] {
            if let v = value(tc), let t = ConfigValidator.resolveTable(tc.name, in: schema) { out[t.name] = v }
        }
        return out
    }
}

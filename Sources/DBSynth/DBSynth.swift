import Foundation
import Introspect
import Loader

/// Seeding a database from Swift code: the same fill as `dbsynth fill`,
/// in-process, for a service's test suite.
///
/// ```swift
/// import DBSynth
///
/// let result = try DBSynth.fill(url: "sqlite:/tmp/test.db", rows: 200, seed: 7)
/// print(result.rows)            // rows written over all tables
/// ```
///
/// Every call opens its own connection and runs one transaction: it
/// commits all the rows or, on any error, changes nothing and throws a
/// `DBSynthError`. Calls are independent, so tests may run them in
/// parallel on different databases. The same url, options and seed give
/// the same rows, whichever process or thread runs them.
public enum DBSynth {
    /// Fills every table of the database at `url` (`postgres://…`,
    /// `sqlite:PATH` or a `.db` path): `rows` per table (default: the
    /// config's, else each table sized by its role with 10,000 rows in the
    /// largest), from `seed` (default 42), shaped by the YAML file at
    /// `config`. Tables that already hold rows are kept and used as parents.
    @discardableResult
    public static func fill(url: String, rows: Int64? = nil, seed: UInt64? = nil, config: String? = nil) throws -> FillResult {
        var options = FillOptions(rows: rows, seed: seed)
        options.configPath = config
        return try fill(url: url, options: options)
    }

    /// Fills the database at `url` as `options` say (the `fill` flags).
    @discardableResult
    public static func fill(url: String, options: FillOptions) throws -> FillResult {
        do {
            var warnings: [String] = []
            var job = FillJob(options: options)
            job.onWarning = { warnings.append($0) }
            let outcome = try job.run(target: try DatabaseTarget.parse(url))
            return FillResult(outcome, warnings: warnings)
        } catch {
            throw DBSynthError(error)
        }
    }

    /// What `dbsynth inspect` shows for the database at `url`: the tables in
    /// load order with the rows and generator each would get.
    /// `rows` and `shape` mean what they mean for `fill`.
    public static func inspect(url: String, rows: Int64? = nil, shape: FillOptions.Shape? = nil) throws -> Inspection {
        do {
            return try inspect(target: try DatabaseTarget.parse(url), rows: rows, shape: shape)
        } catch {
            throw DBSynthError(error)
        }
    }

    /// `inspect` of a target the command line already resolved (its DB
    /// argument, `DATABASE_URL` or the libpq environment).
    package static func inspect(target: DatabaseTarget, rows: Int64? = nil, shape: FillOptions.Shape? = nil,
                                config: String? = nil, profile: String? = nil) throws -> Inspection {
        do {
            let connection = try DatabaseConnection.open(target)
            // The plan `fill` would make with the same --config and --profile.
            let setup = try ConfigSetup.load(config, profile: profile)
            let schema = try setup.schema(try connection.readSchema(), connection: connection, create: false)
            let options = setup.options(schema: schema, seed: nil, rows: rows, shape: shape, scale: nil, counts: [:], append: false)
            let report = InspectReport(schema: schema, plan: try Planning.plan(schema, options: options))
            return try Inspection(report, target: target.description)
        } catch {
            throw DBSynthError(error)
        }
    }
}

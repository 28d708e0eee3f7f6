import Config
import Engine
import Introspect
import SchemaModel

/// Plans a fill for the CLI: a schema that cannot be satisfied is refused
/// (exit 2) before anything is written.
package enum Planning {
    package static func plan(_ schema: Schema, options: PlanOptions = PlanOptions()) throws -> Plan {
        do {
            return try Planner(schema: schema, options: options).plan()
        } catch let error as PlanError {
            throw DBSynthError.refused(error.description)
        } catch let error as ConfigError {
            throw DBSynthError.refused(error.description)
        }
    }

    /// The plan of `fill` with these flags and no config: by default each
    /// table sized by its role (`inspect`, `init`).
    package static func plan(_ schema: Schema, rows: Int64?, shape: FillOptions.Shape?) throws -> Plan {
        try plan(schema, options: ConfigSetup(config: nil).options(schema: schema, seed: nil, rows: rows, shape: shape, scale: nil, counts: [:], append: false))
    }
}

import Config
import Engine
import Introspect
import SchemaModel

/// Plans a fill for the CLI: a schema that cannot be satisfied is refused
/// (exit 2) before anything is written.
enum Planning {
    static func plan(_ schema: Schema, options: PlanOptions = PlanOptions()) throws -> Plan {
        do {
            return try Planner(schema: schema, options: options).plan()
        } catch let error as PlanError {
            throw CLIError.refused(error.description)
        } catch let error as ConfigError {
            throw CLIError.refused(error.description)
        }
    }
}

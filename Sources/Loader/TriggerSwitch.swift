import Introspect
import SchemaModel

/// `fill --disable-triggers`: user triggers of the filled tables are off for
/// the load and back on before COMMIT, all inside the fill's transaction, so
/// a failed or interrupted fill leaves them exactly as they were.
///
/// PostgreSQL: `ALTER TABLE … DISABLE TRIGGER name` for each enabled user
/// trigger (triggers already disabled stay so), `ENABLE TRIGGER` after.
/// SQLite has no switch: the triggers are dropped and re-created from their
/// CREATE TRIGGER text.
package final class TriggerSwitch {
    let connection: DatabaseConnection
    let tables: Set<QualifiedName>
    let triggers: [Trigger]
    private var restore: [String] = []

    package init(connection: DatabaseConnection, tables: [QualifiedName], triggers: [Trigger]) {
        self.connection = connection
        self.tables = Set(tables)
        self.triggers = triggers
    }

    /// Turns the triggers off; returns how many.
    @discardableResult
    package func disable() throws -> Int {
        restore = []
        switch connection {
        case .sqlite(let c):
            for t in triggers where tables.contains(t.table) {
                try c.execute("DROP TRIGGER \(quoteIdentifier(t.name))")
                restore.append(t.body)
            }
        case .postgres(let c):
            for table in tables.sorted() {
                let names = try c.query(
                    "SELECT tgname FROM pg_trigger WHERE tgrelid = $1::regclass AND NOT tgisinternal AND tgenabled <> 'D' ORDER BY tgname",
                    [table.quoted]).compactMap { $0[0] }
                for name in names {
                    try c.execute("ALTER TABLE \(table.quoted) DISABLE TRIGGER \(quoteIdentifier(name))")
                    restore.append("ALTER TABLE \(table.quoted) ENABLE TRIGGER \(quoteIdentifier(name))")
                }
            }
        }
        return restore.count
    }

    /// Turns them back on (before COMMIT).
    package func enable() throws {
        for statement in restore { try connection.execute(statement) }
        restore = []
    }
}

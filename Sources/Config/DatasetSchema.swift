import Engine
import Introspect
import SchemaModel

/// The schema a config describes on its own: one table per dataset, column
/// types inferred from the generators, the `sequential_id` column as primary
/// key and each `foreign_key` as a foreign key to its parent's key. Used to
/// write files without a database, and by `--create` for missing tables.
package enum DatasetSchema {
    /// - Parameter existing: the live schema, whose tables parents may already be.
    package static func build(_ config: ConfigFile, existing: Schema? = nil, dialect: Dialect = .postgres) -> Schema {
        var tables: [Table] = []
        for tc in config.tables where !tc.skip {
            var columns: [Column] = []
            var primaryKey: [String] = []
            var foreignKeys: [ForeignKey] = []
            for cc in tc.columns {
                let (valueClass, nullable) = shape(of: cc.generator, in: tc)
                let (type, declared) = columnType(valueClass)
                columns.append(Column(name: cc.name, type: type, declaredType: declared, isNullable: nullable))
                if primaryKey.isEmpty, !cc.entity, case .sequentialID = cc.generator.kind {
                    primaryKey = [cc.name]
                    columns[columns.count - 1].isNullable = false
                }
                if !cc.entity, case .foreignKey(let parent, let parentColumn) = cc.generator.kind {
                    if let target = parentKey(parent, column: parentColumn, config: config, built: tables, existing: existing) {
                        foreignKeys.append(ForeignKey(name: nil, columns: [cc.name], referencedTable: target.table, referencedColumns: [target.column]))
                    }
                }
            }
            if let p = tc.partition, !columns.contains(where: { $0.name == p.column }) {
                columns.append(Column(name: p.column, type: .date, declaredType: "date", isNullable: false))
            }
            tables.append(Table(name: QualifiedName(tc.name), columns: columns, primaryKey: primaryKey, foreignKeys: foreignKeys))
        }
        return Schema(dialect: dialect, tables: tables)
    }

    /// The value class and nullability of a column's generator (a linked_choice
    /// takes its pool field's, nullable iff the first shape's generator is an optional).
    static func shape(of spec: GeneratorSpec, in tc: TableConfig) -> (ValueClass, Bool) {
        if case .linkedChoice(let poolName, let field) = spec.kind,
           let pool = tc.linkedPools.first(where: { $0.name == poolName }),
           let f = pool.shapes.first?.fields.first(where: { $0.name == field }) {
            return (f.generator.valueClass, f.generator.nullable)
        }
        return (spec.valueClass, spec.nullable)
    }

    static func parentKey(_ parent: String, column: String?, config: ConfigFile, built: [Table], existing: Schema?) -> (table: QualifiedName, column: String)? {
        if let t = built.first(where: { $0.name.name == parent }) {
            if let column { return t.column(named: column) != nil && t.primaryKey == [column] ? (t.name, column) : nil }
            return t.primaryKey.count == 1 ? (t.name, t.primaryKey[0]) : nil
        }
        if let existing, let t = ConfigValidator.resolveTable(parent, in: existing), t.primaryKey.count == 1 {
            return column == nil || column == t.primaryKey[0] ? (t.name, t.primaryKey[0]) : nil
        }
        return nil
    }

    static func columnType(_ valueClass: ValueClass) -> (DataType, String) {
        switch valueClass {
        case .integer: return (.integer(bytes: 8), "bigint")
        case .float: return (.double, "double precision")
        case .text: return (.text(maxLength: nil), "text")
        case .boolean: return (.boolean, "boolean")
        case .date: return (.date, "date")
        case .timestamp: return (.timestamp(withTimeZone: false), "timestamp")
        case .uuid: return (.uuid, "uuid")
        case .json: return (.json, "json")
        }
    }

    /// `CREATE TABLE` for a table of this schema, in a form both databases accept.
    package static func createStatement(_ table: Table) -> String {
        var items = table.columns.map { c in
            "  \(quoteIdentifier(c.name)) \(c.declaredType)" + (c.isNullable ? "" : " NOT NULL")
        }
        if !table.primaryKey.isEmpty {
            items.append("  PRIMARY KEY (\(table.primaryKey.map(quoteIdentifier).joined(separator: ", ")))")
        }
        for fk in table.foreignKeys {
            items.append("  FOREIGN KEY (\(fk.columns.map(quoteIdentifier).joined(separator: ", "))) REFERENCES \(fk.referencedTable.quoted) (\(fk.referencedColumns.map(quoteIdentifier).joined(separator: ", ")))")
        }
        return "CREATE TABLE \(table.name.quoted) (\n" + items.joined(separator: ",\n") + "\n)"
    }
}

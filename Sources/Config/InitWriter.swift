import Engine
import Introspect
import SchemaModel

/// The config `dbsynth init` writes for a live schema: every table and
/// column with the generator inference picks.
///
/// A column's entry is *active* only when the config generator builds the
/// very same Engine generator on the same stream (sequential_id, sequence,
/// uuid, uniform_int, date, bool, one_of, the semantic kinds, foreign_key on
/// a real FK), so `fill --config` of the untouched file reproduces the
/// default fill exactly. Every other column is written as a comment with the
/// nearest config generator and what inference does, ready to uncomment.
package enum InitWriter {
    /// - Parameter chosen: generators chosen outside inference (`init
    ///   --llm`), as config text by table and column; written as active
    ///   entries marked as the model's choice.
    package static func write(schema: Schema, plan: Plan, target: String, chosen: [QualifiedName: [String: String]] = [:]) -> String {
        var lines = [
            "# dbsynth config for \(target), written by `dbsynth init`.",
            "# Active entries produce exactly what dbsynth infers; commented ones show the",
            "# nearest config generator (uncomment and edit to change a column).",
            "# Format: docs/config.md; all generators: `dbsynth generators`.",
            "seed: \(plan.seed)",
            "# rows: 1000  # every table this many; without it, each table is sized by its role (below)",
            "# scale_factor: 1.0",
            "tables:",
        ]
        for t in plan.tables {
            lines.append("  \(yamlKey(t.table.name.description)):")
            lines.append("    # rows: \(t.rows)" + (t.size.map { "  # \($0.reason)" } ?? ""))
            if let fk = t.table.foreignKeys.first(where: { $0.referencedTable != t.table.name }) {
                lines.append("    # per_parent: { fk: \(yamlKey(fk.columns[0])), count: { type: geometric, p: 0.3 } }")
            }
            lines.append("    columns:")
            let width = (t.columns.map { yamlKey($0.column.name).count }.max() ?? 0) + 1
            for c in t.table.columns where c.isGenerated || c.identity == .always {
                lines.append("      # \(yamlKey(c.name)): computed by the database")
            }
            for c in t.columns {
                let key = (yamlKey(c.column.name) + ":").padding(toLength: width, withPad: " ", startingAt: 0)
                let (text, identical) = equivalent(c, table: t.table)
                if let advice = chosen[t.table.name]?[c.column.name] {
                    lines.append("      \(key) \(advice)   # chosen by the model (init --llm); inferred: \(c.generator.summary)")
                } else if let text, identical {
                    lines.append("      \(key) \(text)")
                } else if let text {
                    lines.append("      # \(key) \(text)   # inferred: \(c.generator.summary)")
                } else {
                    lines.append("      # \(key) inferred: \(c.generator.summary) (no config equivalent)")
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The columns inference leaves generic: no realistic kind, not a key,
    /// not a foreign key, not computed (what `init --llm` asks the model about).
    package static func genericColumns(_ plan: Plan) -> [(table: Table, column: Column)] {
        plan.tables.flatMap { t in
            t.columns.filter { c in
                c.kind == nil && !t.table.primaryKey.contains(c.column.name) && !t.table.foreignKeys.contains { $0.columns.contains(c.column.name) }
                    && !(c.generator is SequenceGenerator) && !(c.generator is ForeignKeyGenerator)
            }.map { (t.table, $0.column) }
        }
    }

    /// The config text for a planned column and whether it is identical to inference.
    static func equivalent(_ c: ColumnPlan, table: Table) -> (String?, Bool) {
        let g = c.generator
        switch g {
        case let s as SequenceGenerator:
            if s.start == 1, s.step == 1 { return ("{ type: sequential_id }", true) }
            return ("{ type: sequence, start: \(s.start), step: \(s.step) }", true)
        case is UUIDGenerator:
            return ("{ type: uuid }", true)
        case let i as IntegerGenerator where i.range.upperBound < Int64.max:
            return ("{ type: uniform_int, min: \(i.range.lowerBound), max: \(i.range.upperBound + 1) }", true)
        case let d as DateGenerator:
            return ("{ type: date, start: \"\(date(d.days.lowerBound))\", end: \"\(date(d.days.upperBound + 1))\" }", true)
        case let b as BoolGenerator:
            return ("{ type: bool, prob: \(b.probability) }", true)
        case let choice as ChoiceGenerator:
            var written: [String] = []
            for literal in choice.literals {
                switch literal {
                case .int(let i): written.append(String(i))
                case .text(let t): written.append(quoted(t))
                default: return (nil, false)
                }
            }
            return ("{ type: one_of, values: [\(written.joined(separator: ", "))] }", true)
        case let s as SemanticGenerator:
            let unique = table.primaryKey == [c.column.name] || table.uniques.contains { $0.columns == [c.column.name] && $0.expressions.isEmpty }
            return ("{ type: \(s.kind.rawValue) }", s.unique == unique)
        case is ForeignKeyGenerator:
            guard let fk = table.foreignKeys.first(where: { $0.columns.contains(c.column.name) }) else { return (nil, false) }
            return ("{ type: foreign_key, table: \(yamlKey(fk.referencedTable.description)) }", true)
        case is TimestampGenerator:
            return ("{ type: timestamp, start: \"2021-01-01T00:00:00\", end: \"2026-01-01T00:00:00\" }", false)
        default:
            if let kind = c.kind { return ("{ type: \(kind) }", false) }
            return (nil, false)
        }
    }

    static func date(_ days: Int64) -> String {
        var w = ByteWriter(capacity: 10)
        CivilDate.writeDate(days: days, into: &w)
        return String(decoding: w.bytes, as: UTF8.self)
    }

    /// A plain YAML key when safe, else double-quoted.
    package static func yamlKey(_ name: String) -> String {
        let plain = name.first.map { $0.isLetter || $0 == "_" } ?? false
            && name.allSatisfy { ($0.isLetter || $0.isNumber || $0 == "_" || $0 == ".") && $0.isASCII }
            && !["true", "false", "yes", "no", "on", "off", "null", "y", "n"].contains(name.lowercased())
        return plain ? name : quoted(name)
    }

    static func quoted(_ text: String) -> String {
        var w = ByteWriter(capacity: text.utf8.count + 2)
        JSONText.appendString(text, into: &w)
        return String(decoding: w.bytes, as: UTF8.self)
    }
}

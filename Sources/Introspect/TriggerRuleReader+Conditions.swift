import SchemaModel

/// The rejection conditions of a trigger as rules over the row, beside the
/// shapes `TriggerRecognizer` turns into keys and references:
///
/// - a condition that reads only the new row becomes `CHECK (NOT (c))`
///   (`origin` the trigger), which the engine honours by construction
///   (branches for ORs, domains, server checks for what it cannot read);
/// - a reference the trigger checks with `NOT EXISTS` also rejects a NULL
///   key, which a foreign key allows: `CHECK (NOT (others AND (a IS NULL OR …)))`;
/// - a condition whose subquery reads only key columns of the row (which
///   no redraw changes) gives up the subquery: `CHECK (NOT (the rest))`,
///   stricter and still sound;
/// - every condition of a BEFORE trigger that reads other rows is also
///   kept as SQL (`TriggerCondition`), which the database evaluates for
///   each generated row before the load so the rows it would reject are
///   redrawn.
extension TriggerRuleReader {
    static func readConditions(of trigger: Trigger, into table: inout Table) {
        let tokens = SQLTokenizer.tokenize(trigger.body)
        let keyed = Set(([table.primaryKey] + table.uniques.filter { $0.predicate == nil && $0.expressions.isEmpty }.map(\.columns)).flatMap { $0 })
        for condition in TriggerRecognizer.rejections(tokens) where !condition.isEmpty {
            let snapshot = table
            let column = { (name: String) in resolve([name], in: snapshot)?.first }
            guard let read = resolve(TriggerRecognizer.newColumns(in: condition), in: table) else { continue }
            func sql(_ t: [SQLToken], _ prefix: String = "") -> String? { TriggerRecognizer.render(t, newPrefix: prefix, resolve: column) }
            if TriggerRecognizer.readsOnlyNewRow(condition) {
                if let c = sql(condition) { addCheck(&table, "NOT (\(c))", trigger: trigger.name) }
                continue
            }
            let terms = TriggerRecognizer.conjuncts(condition)
            let onlyNew = terms.map(TriggerRecognizer.readsOnlyNewRow)
            // NOT EXISTS rejects a NULL key too, where the rest of the condition holds.
            for (i, term) in terms.enumerated() {
                guard let names = TriggerRecognizer.exactReference(term), let refs = resolve(names, in: table) else { continue }
                let others = terms.indices.filter { $0 != i }
                guard others.allSatisfy({ onlyNew[$0] }),
                      !others.contains(where: { o in refs.contains { TriggerRecognizer.isNotNullGuard(terms[o], column: $0, resolve: column) } }) else { continue }
                let rest = others.compactMap { sql(terms[$0]) }
                guard rest.count == others.count else { continue }
                let anyNull = "(" + refs.map { "\(quoteIdentifier($0)) IS NULL" }.joined(separator: " OR ") + ")"
                addCheck(&table, "NOT (\((rest.map { "(\($0))" } + [anyNull]).joined(separator: " AND ")))", trigger: trigger.name)
            }
            // Nothing recognised, and either what reads other rows reads only keys of this row, or
            // what reads only this row reads only keys: no redraw can change the verdict, so the
            // row is kept out of the condition by the terms over the row alone (stricter, sound).
            if terms.allSatisfy({ TriggerRecognizer.classify($0) == nil }), onlyNew.contains(true) {
                let subqueryColumns = terms.indices.filter { !onlyNew[$0] }.flatMap { TriggerRecognizer.newColumns(in: terms[$0]) }
                let rowColumns = terms.indices.filter { onlyNew[$0] }.flatMap { TriggerRecognizer.newColumns(in: terms[$0]) }
                if let cols = resolve(subqueryColumns, in: table), let own = resolve(rowColumns, in: table),
                   cols.allSatisfy(keyed.contains) || (!own.isEmpty && own.allSatisfy(keyed.contains)) {
                    let rest = terms.indices.filter { onlyNew[$0] }.compactMap { sql(terms[$0]) }
                    addCheck(&table, "NOT (\(rest.map { "(\($0))" }.joined(separator: " AND ")))", trigger: trigger.name)
                }
            }
            // The database evaluates the whole condition before each row is loaded.
            // Not when it reads the table itself: rows of the same batch would not be seen.
            let own = TriggerRecognizer.relations(in: condition).contains { $0.name.caseInsensitiveEquals(table.name.name) }
            if trigger.timing == "BEFORE", !own, let c = sql(condition, TriggerCondition.rowAlias + ".") {
                let text = TriggerRecognizer.render(condition, newPrefix: "NEW.", display: true, resolve: column) ?? c
                let rule = TriggerCondition(trigger: trigger.name, text: text, sql: c, columns: read)
                if !table.triggerConditions.contains(rule) { table.triggerConditions.append(rule) }
            }
        }
    }

    static func addCheck(_ table: inout Table, _ expression: String, trigger: String) {
        guard !table.checks.contains(where: { $0.expression == expression }) else { return }
        table.checks.append(CheckConstraint(name: nil, expression: expression, origin: trigger))
    }
}

extension TriggerRecognizer {
    /// `NEW.c IS NOT NULL` for the given column.
    static func isNotNullGuard(_ t: [SQLToken], column c: String, resolve: (String) -> String?) -> Bool {
        let t = stripParens(t)
        return isNotNullGuard(t) && resolve(t[2].text) == c
    }
}

extension DataProfile {
    /// The profile with what a child knows of the parent columns it copies
    /// lent to the parent. A denormalised copy (an invoice's billing
    /// address, the customer's address on each of its 7 invoices) is seen
    /// once per child row but once per parent row in the parent, so the K
    /// rule keeps it in the child and drops it in the parent. Copying the
    /// parent's guesses down would hold the rule and lose the values;
    /// drawing the child's own would keep the values and break the rule.
    /// Drawing the parent's column from the child's profile (and its
    /// `determined_by` maps among the copied columns) keeps both. Nothing
    /// is added that the profile does not already hold.
    func liftingCopies() -> DataProfile {
        var lifted = self
        // Parent table → parent column → the best-known child column copying it.
        var best: [String: [String: (known: Double, column: ColumnProfile)]] = [:]
        var rules: [String: [RuleProfile]] = [:]
        for child in tables {
            let copies = (child.rules ?? []).filter { $0.kind == .copiedFromParent }
            let byKey = Dictionary(grouping: copies) { $0.foreignKey ?? [] }
            for (key, copies) in byKey {
                guard let parentName = child.foreignKeys.first(where: { $0.columns == key })?.references,
                      let parent = tables.first(where: { $0.name == parentName }) else { continue }
                var renamed: [String: String] = [:]
                for rule in copies {
                    guard let parentColumn = rule.of.first, let own = child.columns.first(where: { $0.name == rule.column }),
                          let theirs = parent.columns.first(where: { $0.name == parentColumn }),
                          own.kind == theirs.kind else { continue }
                    renamed[rule.column] = parentColumn
                    let known = Self.knownShare(own)
                    guard known > Self.knownShare(theirs) + 0.05, known > best[parentName]?[parentColumn]?.known ?? 0 else { continue }
                    // Every customer's address distinct is the parent's sample, not a constraint.
                    var column = own
                    column.name = theirs.name
                    column.type = theirs.type
                    column.unique = theirs.unique
                    best[parentName, default: [:]][parentColumn] = (known, column)
                }
                for rule in child.rules ?? [] where rule.kind == .determinedBy {
                    guard let column = renamed[rule.column], let by = rule.of.first.flatMap({ renamed[$0] }) else { continue }
                    var mapped = rule
                    mapped.column = column
                    mapped.of = [by]
                    rules[parentName, default: []].append(mapped)
                }
            }
        }
        for i in lifted.tables.indices {
            let name = lifted.tables[i].name
            guard let columns = best[name] else { continue }
            for j in lifted.tables[i].columns.indices {
                if let column = columns[lifted.tables[i].columns[j].name]?.column { lifted.tables[i].columns[j] = column }
            }
            // A lent map applies where its keys are drawn from the child's profile.
            let lent = (rules[name] ?? []).filter { $0.of.first.map { columns[$0] != nil } ?? false }
            guard !lent.isEmpty else { continue }
            // The parent's own copies of its parent first, as the fill takes the first rule that applies.
            let own = lifted.tables[i].rules ?? []
            lifted.tables[i].rules = own.filter { $0.kind == .copiedFromParent } + lent + own.filter { $0.kind != .copiedFromParent }
        }
        return lifted
    }

    /// The share of rows a column's profile knows the value of: all of
    /// them for numbers and dates (quantiles), the frequent values' for text.
    static func knownShare(_ column: ColumnProfile) -> Double {
        column.quantiles != nil ? 1 : column.frequent.reduce(0) { $0 + $1.share }
    }
}

import Engine
import SchemaModel

/// A profile as the planner's `ColumnOverrides` (`fill --profile`): each
/// profiled column of the target draws from what the source held (its
/// frequent values on the share of rows they covered, its quantiles or the
/// rule-based generator of its kind on the rest, its NULL share), and each
/// child table gets the source's children per parent along its first
/// profiled foreign key. Keys, foreign keys and unique columns stay with
/// inference, and the target's CHECKs still win (the planner clips every
/// override to its column's domain).
package struct ProfileOverrides: ColumnOverrides {
    let profile: DataProfile
    let seed: UInt64

    package init(profile: DataProfile, seed: UInt64) {
        self.profile = profile
        self.seed = seed
    }

    func profile(of table: QualifiedName) -> TableProfile? { profile.table(matching: table) }

    package func seed(for table: Table) -> UInt64? { nil }

    package func fanOut(for table: Table) throws -> FanOut? {
        guard let profiled = profile(of: table.name) else { return nil }
        // A key made only of foreign keys (film_actor) keeps its distinct
        // tuples instead; a key with a column of its own is carried by it.
        let fkColumns = Set(table.foreignKeys.flatMap(\.columns))
        let keyed = Set(([table.primaryKey] + table.uniques.map(\.columns)).filter { !$0.isEmpty && $0.allSatisfy(fkColumns.contains) }.joined())
        // The FK with the most parents in the source drives: its counts vary least.
        let candidates = table.foreignKeys.filter { $0.referencedTable != table.name && keyed.isDisjoint(with: $0.columns) }
            .sorted { (profile(of: $0.referencedTable)?.rows ?? 0) > (profile(of: $1.referencedTable)?.rows ?? 0) }
        for fk in candidates {
            guard let p = profiled.foreignKeys.first(where: { $0.columns == fk.columns }), !p.childrenQuantiles.isEmpty else { continue }
            let stream = RowRandom.streamKey(seed: seed, table: table.name.description, column: "\u{1}profile-children")
            var counts = QuantileGenerator(points: p.childrenQuantiles, output: .number(scale: 0), stream: stream)
            counts.stochasticRounding = true
            return FanOut(foreignKeyColumn: fk.columns[0], count: counts.rescaled(toMean: p.meanChildren))
        }
        return nil
    }

    package func generator(for table: Table, column: Column, context: OverrideContext) throws -> (any ValueGenerator)? {
        guard let profiled = profile(of: table.name)?.columns.first(where: { $0.name == column.name }),
              !table.primaryKey.contains(column.name), !column.isGenerated,
              !table.foreignKeys.contains(where: { $0.columns.contains(column.name) }),
              !table.uniques.contains(where: { $0.columns.contains(column.name) }) else { return nil }
        var g: any ValueGenerator
        if let q = profiled.quantiles, let output = Self.output(profiled.kind, for: column.type) {
            let points = profiled.kind == .timestamp && output == .date ? q.map { ($0 / 86_400).rounded(.down) }
                : profiled.kind == .date && output != .date ? q.map { $0 * 86_400 } : q
            g = QuantileGenerator(points: points, output: output, stream: context.stream("quantiles"))
        } else {
            g = try context.inferred()
        }
        let frequent = profiled.frequent.compactMap { f in Self.literal(f.value, for: column.type).map { (value: $0, weight: f.share) } }
        let share = min(1, frequent.reduce(0) { $0 + $1.weight })
        if !frequent.isEmpty {
            let choice = WeightedChoiceGenerator(choices: frequent, stream: context.stream("frequent"))
            g = share >= 0.999 ? choice : MixtureGenerator(first: choice, share: share, otherwise: g, stream: context.stream("mixture"))
        }
        if column.isNullable, profiled.nullFraction > 0 {
            g = NullableGenerator(inner: g, nullFraction: profiled.nullFraction, stream: context.stream("null"))
        }
        return g
    }

    /// How quantiles of `kind` are written into a column of `type`; nil when they do not fit it.
    static func output(_ kind: ColumnProfile.Kind, for type: DataType) -> QuantileGenerator.Output? {
        switch (kind, type) {
        case (.number, .integer): return .number(scale: 0)
        case (.number, .numeric(_, let s)): return .number(scale: s ?? 2)
        case (.number, .real), (.number, .double): return .number(scale: 4)
        case (.date, .date), (.timestamp, .date): return .date
        case (.date, .timestamp(let tz)), (.timestamp, .timestamp(let tz)): return .timestamp(timeZone: tz)
        default: return nil
        }
    }

    /// A source value as a literal of the target column's type; nil when it is not one.
    static func literal(_ text: String, for type: DataType) -> Literal? {
        switch type {
        case .boolean:
            switch text.lowercased() {
            case "t", "true", "1": return .bool(true)
            case "f", "false", "0": return .bool(false)
            default: return nil
            }
        case .integer: return Int64(text).map(Literal.int)
        case .numeric, .real, .double: return Double(text).map(Literal.double)
        case .text, .char: return type.lengthLimit.map { text.count <= $0 } ?? true ? .text(text) : nil
        case .date: return CivilDate.parseDays(text) != nil ? .text(text) : nil
        case .timestamp: return CivilDate.parseSeconds(text) != nil ? .text(text) : nil
        case .enumeration(_, let labels): return labels.contains(text) ? .text(text) : nil
        default: return nil
        }
    }
}

import Config
import Engine
import Introspect
import SchemaModel

/// The inputs dbsynth parses from text it did not write: CHECK expressions
/// and trigger bodies from the catalog, YAML configs from users. Each target must return
/// (or throw a typed error) for any input: no crash, no hang.
enum FuzzTarget: String, CaseIterable {
    /// A CHECK expression: parsed, turned into domains, evaluated on an empty row.
    case check
    /// A YAML config file (dbsynth or smelt-datagen format).
    case config
    /// A trigger body (SQLite or PL/pgSQL), read for the rules it enforces.
    case trigger

    func run(_ input: String) {
        switch self {
        case .check:
            guard let expression = try? CheckParser.parse(input) else { return }
            var columns: [String] = []
            for c in expression.columnReferences.map(\.name) where !columns.contains(c) { columns.append(c) }
            let derived = DomainDeriver.derive(checks: [(name: nil, expression: input)], columns: columns)
            for check in derived.checks { if let e = check.expression { _ = CheckEvaluator.passes(e, row: [:]) } }
            for (_, domain) in derived.domains { _ = domain.unsatisfiableReason }
        case .config:
            _ = try? ConfigFile.parse(yaml: input, file: "fuzz.yml")
        case .trigger:
            let trigger = Trigger(name: "t", table: QualifiedName("child"), timing: "BEFORE", events: ["INSERT"], body: input)
            _ = TriggerRecognizer.findings(in: trigger)
        }
    }
}

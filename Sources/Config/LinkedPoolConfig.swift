import Introspect
import SchemaModel
/// `linked_pools: [{name, pool_size, seed?, shapes: [{weight, emit?, sticky?, fields}]}]`:
/// a pool of correlated tuples built once per table; `linked_choice`
/// columns of one row read fields of the same entry.
package struct LinkedPoolConfig: Sendable {
    package struct Shape: Sendable {
        package var weight: Double
        package var emit: Int64
        package var sticky: Set<String>
        package var fields: [(name: String, generator: GeneratorSpec)]
    }

    package var name: String
    package var poolSize: Int64
    package var seed: UInt64?
    package var shapes: [Shape]
    package var node: ConfigNode

    /// The field names, in the first shape's order (all shapes declare the same).
    package var fieldNames: [String] { shapes.first?.fields.map(\.name) ?? [] }

    static func parse(_ node: ConfigNode) throws -> LinkedPoolConfig {
        try node.checkKeys(["name", "pool_size", "seed", "shapes"], what: "linked pool key")
        let name = try node.require("name").string()
        let named = node.renamed(node.path.split(separator: "[").first.map(String.init).map { $0 + "." + name } ?? name)
        let sizeNode = try node.require("pool_size")
        let size = try sizeNode.integer()
        guard size >= 1, size <= 10_000_000 else { throw sizeNode.error("pool_size must be 1 to 10,000,000") }
        var pool = LinkedPoolConfig(name: name, poolSize: size, seed: try node["seed"].map(ConfigFile.seedValue), shapes: [], node: named)
        let shapesNode = try node.require("shapes")
        for item in try shapesNode.sequence() {
            try item.checkKeys(["weight", "emit", "sticky", "fields"], what: "shape key")
            let weightNode = try item.require("weight")
            let weight = try weightNode.number()
            guard weight >= 0 else { throw weightNode.error("a weight must be 0 or more") }
            let emit = try item["emit"]?.integer() ?? 1
            guard emit >= 1 else { throw try item.require("emit").error("emit must be 1 or more") }
            let fields = try item.require("fields").mapping().map { (name: $0.key, generator: try GeneratorParser.parse($0.value)) }
            for f in fields {
                for spec in f.generator.flattened {
                    if case .linkedChoice = spec.kind { throw spec.node.error("a pool field may not be a linked_choice") }
                    if case .llm = spec.kind { throw spec.node.error("llm writes a whole column's values; it cannot be a pool field") }
                }
            }
            var sticky: Set<String> = []
            if let s = item["sticky"] {
                for n in try s.sequence() {
                    let field = try n.string()
                    guard fields.contains(where: { $0.name == field }) else {
                        throw n.error("sticky names '\(field)', which is not a field of this shape\(Suggest.hint(field, among: fields.map(\.name)))")
                    }
                    sticky.insert(field)
                }
            }
            pool.shapes.append(Shape(weight: weight, emit: emit, sticky: sticky, fields: fields))
        }
        guard let first = pool.shapes.first else { throw shapesNode.error("a linked pool needs at least one shape") }
        guard pool.shapes.reduce(0, { $0 + $1.weight }) > 0 else { throw shapesNode.error("the shape weights sum to 0; at least one must be positive") }
        let keys = first.fields.map(\.name)
        for (i, shape) in pool.shapes.enumerated().dropFirst() {
            guard Set(shape.fields.map(\.name)) == Set(keys) else {
                throw shapesNode.items![i].error("every shape must declare the same fields (\(keys.joined(separator: ", "))); this one has \(shape.fields.map(\.name).joined(separator: ", "))")
            }
            for f in shape.fields {
                let expected = first.fields.first { $0.name == f.name }!.generator.valueClass
                if f.generator.valueClass != expected {
                    throw f.generator.node.error("field '\(f.name)' gives \(f.generator.valueClass.rawValue) values here but \(expected.rawValue) in the first shape")
                }
            }
        }
        return pool
    }
}

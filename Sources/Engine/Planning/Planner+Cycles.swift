import SchemaModel

/// Breaking foreign-key cycles: which edges of a strongly connected
/// component are removed from the load order, and how each is closed again.
extension Planner {
    // MARK: Cycles

    /// Orders one strongly connected component and records which FK edges
    /// point "forward" (to a table loaded later) and how each is handled.
    ///
    /// Edges are dropped in order of cost: nullable first (NULL + UPDATE),
    /// then deferrable, then the rest (drop and re-create / SQLite deferral),
    /// until the remaining graph of the component is acyclic.
    func breakCycles(in component: [QualifiedName]) -> [QualifiedName] {
        guard component.count > 1 else { return component }
        let members = Set(component)
        struct Edge { let child: QualifiedName; let fk: ForeignKey; let cost: Int }
        var edges: [Edge] = []
        for name in component {
            let table = tablesByName[name]!
            for fk in table.foreignKeys where members.contains(fk.referencedTable) && fk.referencedTable != name {
                // NULL-then-UPDATE needs a primary key to find the rows again.
                let nullable = !table.primaryKey.isEmpty && fk.columns.allSatisfy { c in table.column(named: c)?.isNullable ?? false }
                // A key read from a trigger is checked by the trigger on every insert: it is broken only when nothing else works.
                edges.append(Edge(child: name, fk: fk, cost: fk.origin != nil ? 3 : (nullable ? 0 : (fk.isDeferrable ? 1 : 2))))
            }
        }
        // Remove the edges of cost ≤ k for k = 0, 1, 2: the first k whose
        // remaining graph orders the component wins; then only the removed
        // edges that really point forward are broken.
        for removedCost in 0...3 {
            let kept = edges.filter { $0.cost > removedCost }
            if let order = Self.topologicalOrder(component, edges: kept.map { ($0.child, $0.fk.referencedTable) }) {
                let position = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0) })
                for edge in edges where position[edge.fk.referencedTable]! > position[edge.child]! {
                    if let trigger = edge.fk.origin {
                        warnings.append("\(edge.child): trigger \(trigger) checks (\(edge.fk.columns.joined(separator: ", "))) → \(edge.fk.referencedTable) on every insert, and that key closes a cycle; pass --disable-triggers")
                        continue
                    }
                    let strategy: BrokenForeignKey.Strategy
                    switch edge.cost {
                    case 0: strategy = .nullThenUpdate
                    case 1: strategy = .deferConstraint
                    default: strategy = schema.dialect == .postgres ? .dropAndRecreate : .sqliteDeferForeignKeys
                    }
                    broken[edge.child, default: []].append(BrokenForeignKey(foreignKey: edge.fk, strategy: strategy))
                }
                return order
            }
        }
        // Only reachable when even without any edge there is no order, which cannot happen.
        return component
    }

    static func topologicalOrder(_ nodes: [QualifiedName], edges: [(child: QualifiedName, parent: QualifiedName)]) -> [QualifiedName]? {
        var pending: [QualifiedName: Set<QualifiedName>] = [:]
        for n in nodes { pending[n] = [] }
        for e in edges where e.child != e.parent { pending[e.child]!.insert(e.parent) }
        var order: [QualifiedName] = []
        var remaining = Set(nodes)
        while !remaining.isEmpty {
            guard let next = remaining.filter({ pending[$0]!.isEmpty }).min() else { return nil }
            order.append(next)
            remaining.remove(next)
            for n in remaining { pending[n]!.remove(next) }
        }
        return order
    }
}

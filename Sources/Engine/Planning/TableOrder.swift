import SchemaModel

/// Orders tables so every parent is loaded before its children, grouping
/// foreign-key cycles into strongly connected components (Tarjan).
///
/// Ties are broken by name, so the order is the same on every run.
package struct TableOrder {
    /// Components in load order; a component of one table without a
    /// self-reference is an ordinary table.
    package let components: [[QualifiedName]]

    package init(schema: Schema) {
        let names = schema.tables.map(\.name).sorted()
        let index = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
        // parents[i]: tables that table i references (excluding itself).
        var parents = [[Int]](repeating: [], count: names.count)
        for table in schema.tables {
            guard let i = index[table.name] else { continue }
            for fk in table.foreignKeys {
                if let p = index[fk.referencedTable], p != i { parents[i].append(p) }
            }
            // References read from triggers: every table a polymorphic reference may point at.
            for reference in table.polymorphicReferences {
                for b in reference.branches { if let p = index[b.table], p != i { parents[i].append(p) } }
            }
        }
        // A trigger that inserts a constant key into a foreign key (`VALUES (NEW.id, 0)`)
        // needs that parent row before its own table is loaded.
        for table in schema.tables {
            for write in table.triggerWrites {
                guard let s = index[write.source] else { continue }
                for fk in table.foreignKeys where fk.columns.allSatisfy({ if case .constant = write.values[$0] { return true } else { return false } }) {
                    if let p = index[fk.referencedTable], p != s { parents[s].append(p) }
                }
            }
        }
        for i in names.indices {
            parents[i] = Array(Set(parents[i])).sorted()
        }
        let sccs = Self.tarjan(parents)
        // Tarjan emits components in reverse topological order of the
        // "references" graph: parents' components come first. Re-sort
        // stably by a Kahn pass for name-based determinism.
        var componentOf = [Int](repeating: 0, count: names.count)
        for (c, members) in sccs.enumerated() { for m in members { componentOf[m] = c } }
        var pending = [Set<Int>](repeating: [], count: sccs.count)
        var children = [[Int]](repeating: [], count: sccs.count)
        for i in names.indices {
            for p in parents[i] where componentOf[p] != componentOf[i] {
                if pending[componentOf[i]].insert(componentOf[p]).inserted {
                    children[componentOf[p]].append(componentOf[i])
                }
            }
        }
        let key: (Int) -> QualifiedName = { c in sccs[c].map { names[$0] }.min()! }
        var ready = (0..<sccs.count).filter { pending[$0].isEmpty }.sorted { key($0) < key($1) }
        var out: [[QualifiedName]] = []
        while !ready.isEmpty {
            let c = ready.removeFirst()
            out.append(sccs[c].map { names[$0] }.sorted())
            for child in children[c] {
                pending[child].remove(c)
                if pending[child].isEmpty {
                    let k = key(child)
                    let at = ready.firstIndex { key($0) > k } ?? ready.endIndex
                    ready.insert(child, at: at)
                }
            }
        }
        components = out
    }

    package var tables: [QualifiedName] { components.flatMap { $0 } }

    /// Iterative Tarjan (no recursion: 1,000+ table schemas must not blow the stack).
    static func tarjan(_ edges: [[Int]]) -> [[Int]] {
        let n = edges.count
        var index = [Int](repeating: -1, count: n)
        var low = [Int](repeating: 0, count: n)
        var onStack = [Bool](repeating: false, count: n)
        var stack: [Int] = []
        var result: [[Int]] = []
        var counter = 0
        for root in 0..<n where index[root] == -1 {
            var work: [(node: Int, edge: Int)] = [(root, 0)]
            index[root] = counter; low[root] = counter; counter += 1
            stack.append(root); onStack[root] = true
            while let (v, e) = work.last {
                if e < edges[v].count {
                    work[work.count - 1].edge += 1
                    let w = edges[v][e]
                    if index[w] == -1 {
                        index[w] = counter; low[w] = counter; counter += 1
                        stack.append(w); onStack[w] = true
                        work.append((w, 0))
                    } else if onStack[w] {
                        low[v] = min(low[v], index[w])
                    }
                } else {
                    work.removeLast()
                    if let parent = work.last?.node { low[parent] = min(low[parent], low[v]) }
                    if low[v] == index[v] {
                        var component: [Int] = []
                        while let w = stack.popLast() {
                            onStack[w] = false
                            component.append(w)
                            if w == v { break }
                        }
                        result.append(component)
                    }
                }
            }
        }
        return result
    }
}

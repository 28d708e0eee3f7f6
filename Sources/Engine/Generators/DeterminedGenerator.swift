/// A column whose value another column of the row fixes (`country` by
/// `city`): the other column's value at the row, looked up in a map of the
/// pairs a profile saw; a value the map does not hold draws from `otherwise`.
package struct DeterminedGenerator: ValueGenerator {
    package let by: any ValueGenerator
    package let byName: String
    /// By the hash of the other column's value (`Value.identityHash`), the
    /// identity bytes kept to rule out a collision.
    let map: [UInt64: [(identity: [UInt8], value: Literal)]]
    let pairs: Int
    package let otherwise: any ValueGenerator

    package init(by: any ValueGenerator, byName: String, pairs: [(Literal, Literal)], otherwise: any ValueGenerator) {
        self.by = by
        self.byName = byName
        self.otherwise = otherwise
        var map: [UInt64: [(identity: [UInt8], value: Literal)]] = [:]
        var scratch = Value()
        var seen = Set<[UInt8]>()
        for (key, value) in pairs {
            key.write(into: &scratch)
            var identity: [UInt8] = []
            scratch.appendIdentity(to: &identity)
            guard seen.insert(identity).inserted else { continue }
            map[scratch.identityHash, default: []].append((identity, value))
        }
        self.map = map
        self.pairs = seen.count
    }

    package func generate(row: Int64, into value: inout Value) {
        by.generate(row: row, into: &value)
        if let bucket = map[value.identityHash], let fixed = bucket.first(where: { value.hasIdentity($0.identity) }) {
            fixed.value.write(into: &value)
        } else {
            otherwise.generate(row: row, into: &value)
        }
    }

    package var summary: String { "fixed by \(byName) (\(pairs) pairs as profiled)" }
}

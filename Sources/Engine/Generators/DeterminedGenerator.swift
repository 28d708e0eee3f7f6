/// A column whose value another column of the row fixes (`country` by
/// `city`): the other column's value at the row, looked up in a map of the
/// pairs a profile saw; a value the map does not hold draws from `otherwise`.
package struct DeterminedGenerator: ValueGenerator {
    package let by: any ValueGenerator
    package let byName: String
    /// By the identity bytes of the other column's value (`Value.appendIdentity`).
    let map: [[UInt8]: Literal]
    package let otherwise: any ValueGenerator

    package init(by: any ValueGenerator, byName: String, pairs: [(Literal, Literal)], otherwise: any ValueGenerator) {
        self.by = by
        self.byName = byName
        self.otherwise = otherwise
        var map: [[UInt8]: Literal] = [:]
        var scratch = Value()
        for (key, value) in pairs {
            key.write(into: &scratch)
            var identity: [UInt8] = []
            scratch.appendIdentity(to: &identity)
            map[identity] = value
        }
        self.map = map
    }

    package func generate(row: Int64, into value: inout Value) {
        by.generate(row: row, into: &value)
        var identity: [UInt8] = []
        identity.reserveCapacity(value.bytes.count + 9)
        value.appendIdentity(to: &identity)
        if let fixed = map[identity] { fixed.write(into: &value) } else { otherwise.generate(row: row, into: &value) }
    }

    package var summary: String { "fixed by \(byName) (\(map.count) pairs as profiled)" }
}

import Engine

/// A built linked pool: `entries[i][f]` is field f of entry i. Built once per
/// plan, step by step: step k draws a shape by weight and emits `emit`
/// entries; sticky fields are drawn once per step (at row = step index),
/// the others per entry (at row = entry index). Only the pool's own stream
/// is used, so its contents never depend on the table's row count.
package final class LinkedPool: Sendable {
    package let name: String
    package let fieldNames: [String]
    package let entries: [[ConfigLiteral]]
    /// Picks the entry of each table row.
    package let pickStream: UInt64

    package init(config: LinkedPoolConfig, stream: UInt64, pickStream: UInt64, makeGenerator: (GeneratorSpec, UInt64) throws -> any ValueGenerator) throws {
        name = config.name
        fieldNames = config.fieldNames
        self.pickStream = pickStream
        let shapeWeights = CumulativeWeights(config.shapes.map(\.weight))
        // Generators per (shape, field), each on its own stream.
        var generators: [[any ValueGenerator]] = []
        for (si, shape) in config.shapes.enumerated() {
            generators.append(try config.fieldNames.map { field in
                let spec = shape.fields.first { $0.name == field }!.generator
                return try makeGenerator(spec, StableHash.mix(stream ^ StableHash.of("shape\(si)", field)))
            })
        }
        var entries: [[ConfigLiteral]] = []
        entries.reserveCapacity(Int(config.poolSize))
        var step: Int64 = 0
        var value = Value()
        while entries.count < config.poolSize {
            var r = RowRandom(stream: stream, row: step)
            let si = shapeWeights.index(of: r.unit())
            let shape = config.shapes[si]
            var sticky: [Int: ConfigLiteral] = [:]
            for (fi, field) in config.fieldNames.enumerated() where shape.sticky.contains(field) {
                generators[si][fi].generate(row: step, into: &value)
                sticky[fi] = Literal(value)
            }
            for _ in 0..<shape.emit where entries.count < config.poolSize {
                let index = Int64(entries.count)
                entries.append(config.fieldNames.indices.map { fi in
                    if let s = sticky[fi] { return s }
                    generators[si][fi].generate(row: index, into: &value)
                    return Literal(value)
                })
            }
            step += 1
        }
        self.entries = entries
    }

    /// The entry row `row` of the table reads.
    @inline(__always)
    package func entry(row: Int64) -> Int {
        var r = RowRandom(stream: pickStream, row: row)
        return Int(r.below(UInt64(entries.count)))
    }
}

/// `linked_choice`: field `field` of the row's pool entry; every linked_choice
/// column of a row naming the same pool reads the same entry.
package struct LinkedChoiceGenerator: ValueGenerator {
    package let pool: LinkedPool
    package let field: Int

    package init(pool: LinkedPool, field: Int) {
        self.pool = pool
        self.field = field
    }

    package func generate(row: Int64, into value: inout Value) {
        pool.entries[pool.entry(row: row)][field].write(into: &value)
    }

    package var summary: String { "linked \(pool.name).\(pool.fieldNames[field])" }
}

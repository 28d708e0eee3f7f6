/// Text drawn from a fixed pool of values written before the load (by a
/// language model, `type: llm`): each row picks one with the counter RNG,
/// so a 10M-row table costs what a 500-row one does and rows stream at
/// full speed. The values are kept as UTF-8 bytes; a row copies one.
package struct PooledTextGenerator: ValueGenerator {
    /// How a row finds its value.
    package enum Mode: Sendable, Equatable {
        /// A uniform pick per row (repeats when rows outnumber values).
        case drawn
        /// Distinct rows get distinct values: a keyed permutation of the
        /// row index over a pool at least as large as the table.
        case permuted
        /// A pick per row with ` #<row + 1>` appended, so a unique column
        /// stays unique past the pool's size; the value is cut to leave
        /// room for the number within `maxLength` characters.
        case numbered(maxLength: Int?)
        /// Row `firstRow + i` gets value i (`per_row`: a value written for
        /// that row; `firstRow` is past the existing rows on `--append`).
        case byRow(firstRow: Int64)
    }

    let values: [[UInt8]]
    package let mode: Mode
    let stream: UInt64
    let permutation: Permutation?
    /// What `inspect` says the values came from (`llm pool of 200`).
    let origin: String

    package init(values: [String], mode: Mode, stream: UInt64, origin: String = "llm") {
        precondition(!values.isEmpty, "a pool needs at least one value")
        self.values = values.map { Array($0.utf8) }
        self.mode = mode
        self.stream = stream
        permutation = mode == .permuted ? Permutation(count: UInt64(values.count), key: stream) : nil
        self.origin = origin
    }

    package var count: Int { values.count }

    package func generate(row: Int64, into value: inout Value) {
        value.beginText()
        switch mode {
        case .drawn:
            value.bytes.append(contentsOf: values[pick(row)])
        case .permuted:
            value.bytes.append(contentsOf: values[Int(permutation!.apply(UInt64(row) % UInt64(values.count)))])
        case .byRow(let firstRow):
            let i = (row - firstRow) % Int64(values.count)
            value.bytes.append(contentsOf: values[Int(i < 0 ? i + Int64(values.count) : i)])
        case .numbered(let maxLength):
            var suffix = ByteWriter(capacity: 24)
            suffix.append(" #")
            suffix.appendInt(row + 1)
            value.bytes.append(contentsOf: values[pick(row)])
            if let maxLength {
                value.truncateText(toCharacters: max(0, maxLength - suffix.count))
            }
            value.bytes.append(contentsOf: suffix.bytes)
        }
    }

    @inline(__always) func pick(_ row: Int64) -> Int {
        var r = RowRandom(stream: stream, row: row)
        return Int(r.below(UInt64(values.count)))
    }

    package var summary: String {
        switch mode {
        case .drawn: return "\(origin) pool of \(values.count)"
        case .permuted: return "unique \(origin) pool of \(values.count)"
        case .numbered: return "\(origin) pool of \(values.count), numbered by row (unique)"
        case .byRow: return "\(origin), one value per row (\(values.count))"
        }
    }
}

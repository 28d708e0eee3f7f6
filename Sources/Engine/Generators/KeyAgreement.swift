/// A value reduced to what equality needs, for indexing parent rows by a key.
package struct ValueKey: Hashable, Sendable {
    let kind: Value.Kind
    let int: Int64
    let bytes: [UInt8]

    /// Nil for NULL, which agrees with nothing.
    package init?(_ value: Value) {
        switch value.kind {
        case .null: return nil
        case .int, .bool: (kind, int, bytes) = (.int, value.int, [])
        case .double: (kind, int, bytes) = (.double, Int64(bitPattern: value.double.bitPattern), [])
        case .text, .bytes: (kind, int, bytes) = (.text, 0, value.bytes.bytes)
        }
    }
}

/// Which parent rows carry each value of a shared key, so a child row picks
/// a parent that agrees with the key its driving parent fixed (an order
/// line's product of the order's tenant).
package struct KeyAgreement: Sendable {
    package let rowsByKey: [ValueKey: [Int64]]
    /// The child's shared key (the driving parent's column at its picked row).
    package let childKey: any ValueGenerator
    package let childFirst: Int64
    package let parentRows: Int64
    package let stream: UInt64
    /// The ancestor table, for `inspect`.
    package let keyName: String

    /// An agreeing parent row, or any parent when none agrees.
    func parentRow(for row: Int64) -> Int64 {
        var value = Value()
        childKey.generate(row: row + childFirst, into: &value)
        var r = RowRandom(stream: stream, row: row)
        if let key = ValueKey(value), let rows = rowsByKey[key], !rows.isEmpty { return rows[Int(r.below(UInt64(rows.count)))] }
        return Int64(r.below(UInt64(parentRows)))
    }
}

/// The scratch cell a generator writes one value into.
///
/// One `Value` is reused for every cell a worker generates, so text is
/// written into a buffer that has already grown: no allocation per value.
package struct Value {
    package enum Kind: UInt8, Sendable {
        case null, int, double, bool, text, bytes
    }

    package var kind: Kind = .null
    package var int: Int64 = 0
    package var double: Double = 0
    /// UTF-8 text or raw bytes, for `.text` and `.bytes`.
    package var bytes = ByteWriter(capacity: 128)

    package init() {}

    /// Appends bytes that identify the value: its kind, then its payload
    /// (text length-prefixed), so equal tuples of values give equal bytes
    /// and different ones different bytes.
    package func appendIdentity(to out: inout [UInt8]) {
        out.append(kind.rawValue)
        switch kind {
        case .null: break
        case .int, .bool: withUnsafeBytes(of: int) { out.append(contentsOf: $0) }
        case .double: withUnsafeBytes(of: double.bitPattern) { out.append(contentsOf: $0) }
        case .text, .bytes:
            withUnsafeBytes(of: Int64(bytes.count)) { out.append(contentsOf: $0) }
            out.append(contentsOf: bytes.bytes)
        }
    }

    /// A 64-bit hash of the bytes `appendIdentity` writes, computed
    /// without writing them (a lookup per row allocates nothing).
    package var identityHash: UInt64 {
        var h = StableHash.mix(UInt64(kind.rawValue) &+ 0x6964)
        switch kind {
        case .null: break
        case .int, .bool: h = StableHash.mix(h ^ UInt64(bitPattern: int))
        case .double: h = StableHash.mix(h ^ double.bitPattern)
        case .text, .bytes:
            h = StableHash.mix(h ^ StableHash.fnv(bytes.bytes) ^ UInt64(bytes.count))
        }
        return h
    }

    /// Whether `identity` is what `appendIdentity` would write for this value.
    package func hasIdentity(_ identity: [UInt8]) -> Bool {
        guard identity.first == kind.rawValue else { return false }
        return identity.withUnsafeBufferPointer { id in
            let payload = UnsafeBufferPointer(rebasing: id[1...])
            switch kind {
            case .null: return payload.isEmpty
            case .int, .bool: return payload.count == 8 && withUnsafeBytes(of: int) { $0.elementsEqual(payload) }
            case .double: return payload.count == 8 && withUnsafeBytes(of: double.bitPattern) { $0.elementsEqual(payload) }
            case .text, .bytes:
                guard payload.count == 8 + bytes.count,
                      withUnsafeBytes(of: Int64(bytes.count), { $0.elementsEqual(UnsafeBufferPointer(rebasing: payload[..<8])) }) else { return false }
                return bytes.bytes.elementsEqual(UnsafeBufferPointer(rebasing: payload[8...]))
            }
        }
    }

    /// The value as a number: an integer or a double, or text that parses
    /// as one (a count a generator wrote); nil otherwise.
    package var number: Double? {
        switch kind {
        case .int: return Double(int)
        case .double: return double
        case .text: return Double(String(decoding: bytes.bytes, as: UTF8.self))
        default: return nil
        }
    }

    @inline(__always) package mutating func setNull() { kind = .null }
    @inline(__always) package mutating func setInt(_ v: Int64) { kind = .int; int = v }
    @inline(__always) package mutating func setDouble(_ v: Double) { kind = .double; double = v }
    @inline(__always) package mutating func setBool(_ v: Bool) { kind = .bool; int = v ? 1 : 0 }

    /// Clears the buffer and marks the value as text; append to `bytes` next.
    @inline(__always) package mutating func beginText() {
        kind = .text
        bytes.removeAll()
    }

    @inline(__always) package mutating func beginBytes() {
        kind = .bytes
        bytes.removeAll()
    }

    @inline(__always) package mutating func setText(_ s: String) {
        beginText()
        bytes.append(s)
    }

    /// Truncates text to `limit` characters (not bytes), keeping UTF-8 valid.
    package mutating func truncateText(toCharacters limit: Int) {
        guard kind == .text, bytes.count > limit else { return }
        var chars = 0
        var cut = bytes.count
        for (i, b) in bytes.bytes.enumerated() where b & 0xC0 != 0x80 {
            if chars == limit { cut = i; break }
            chars += 1
        }
        if cut < bytes.count { bytes.bytes.removeSubrange(cut...) }
        // Trailing spaces after a cut read badly and break `btrim(x) = x` checks.
        while let last = bytes.bytes.last, last == 0x20 { bytes.bytes.removeLast() }
    }
}

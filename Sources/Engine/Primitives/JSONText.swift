/// JSON encoding of generated values.
package enum JSONText {
    /// A value as JSON: numbers and booleans bare, text quoted, NULL as null;
    /// `raw` text (a nested object) as it is.
    package static func append(_ value: Value, raw: Bool = false, into out: inout ByteWriter) {
        switch value.kind {
        case .null: out.append("null")
        case .int: out.appendInt(value.int)
        case .double:
            if value.double.isFinite { out.append(number(value.double)) } else { out.append("null") }
        case .bool: out.append(value.int != 0 ? "true" : "false")
        case .text:
            if raw { out.append(contentsOf: value.bytes.bytes) } else { appendString(bytes: value.bytes.bytes, into: &out) }
        case .bytes:
            out.append(UInt8(ascii: "\""))
            for b in value.bytes.bytes { out.appendHex(UInt64(b), digits: 2) }
            out.append(UInt8(ascii: "\""))
        }
    }

    /// Shortest round-tripping text of a double, without exponent for ordinary magnitudes.
    package static func number(_ d: Double) -> String {
        if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
        return String(d)
    }

    package static func appendString(_ s: String, into out: inout ByteWriter) {
        appendString(bytes: Array(s.utf8), into: &out)
    }

    package static func appendString(bytes: [UInt8], into out: inout ByteWriter) {
        bytes.withUnsafeBufferPointer { appendString(bytes: $0, into: &out) }
    }

    package static func appendString(bytes: ArraySlice<UInt8>, into out: inout ByteWriter) {
        bytes.withUnsafeBufferPointer { appendString(bytes: $0, into: &out) }
    }

    /// Quoted and escaped; runs of bytes that need no escape are copied whole.
    package static func appendString(bytes: UnsafeBufferPointer<UInt8>, into out: inout ByteWriter) {
        out.append(UInt8(ascii: "\""))
        var start = 0
        for (i, b) in bytes.enumerated() where b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") {
            if start < i { out.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i])) }
            switch b {
            case UInt8(ascii: "\""): out.append("\\\"")
            case UInt8(ascii: "\\"): out.append("\\\\")
            case 0x0A: out.append("\\n")
            case 0x0D: out.append("\\r")
            case 0x09: out.append("\\t")
            default:
                out.append("\\u00")
                out.appendHex(UInt64(b), digits: 2)
            }
            start = i + 1
        }
        if start < bytes.count { out.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...])) }
        out.append(UInt8(ascii: "\""))
    }
}

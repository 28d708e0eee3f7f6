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

    package static func appendString<Bytes: Sequence<UInt8>>(bytes: Bytes, into out: inout ByteWriter) {
        out.append(UInt8(ascii: "\""))
        for b in bytes {
            switch b {
            case UInt8(ascii: "\""): out.append("\\\"")
            case UInt8(ascii: "\\"): out.append("\\\\")
            case 0x0A: out.append("\\n")
            case 0x0D: out.append("\\r")
            case 0x09: out.append("\\t")
            case 0..<0x20:
                out.append("\\u00")
                out.appendHex(UInt64(b), digits: 2)
            default: out.append(b)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}

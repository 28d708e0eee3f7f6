extension RealisticText {
    static func nameVariant(_ first: String, _ last: String, _ unique: Int64?) -> UInt64 {
        var h = StableHash.mix(StableHash.of(first) &+ 0x51) ^ StableHash.of(last)
        if let unique { h ^= StableHash.mix(UInt64(bitPattern: unique) ^ 0xe7) }
        return StableHash.mix(h)
    }

    static func writeEmail(first: String, last: String, unique: Int64?, variant: UInt64, into out: inout ByteWriter) {
        let start = out.count
        switch variant % 8 {
        case 0, 1: joinNames(first, ".", last, into: &out)
        case 2: joinNames(first, nil, last, into: &out)
        case 3: joinNames(first, nil, last, firstLimit: 1, into: &out)
        case 4: joinNames(first, "_", last, into: &out)
        case 5: joinNames(first, nil, last, lastLimit: 1, into: &out)
        case 6: joinNames(last, ".", first, into: &out)
        default: joinNames(first, nil, "", into: &out)
        }
        if out.count == start { out.append("user" as StaticString) }
        if let unique {
            out.appendUInt(UInt64(bitPattern: unique))
        } else {
            let d = (variant >> 8) % 20
            if d < 5 {
                out.appendInt(Int64(10 + (variant >> 16) % 90))
            } else if d < 7 {
                out.appendInt(Int64(1960 + (variant >> 16) % 46))
            }
        }
        out.append(UInt8(ascii: "@"))
        let domains = Vocabulary.emailDomains
        out.append(domains[Int((variant >> 32) % UInt64(domains.count))])
    }

    static func writeUsername(first: String, last: String, unique: Int64?, variant: UInt64, into out: inout ByteWriter) {
        let start = out.count
        switch variant % 7 {
        case 0, 1: joinNames(first, "_", last, firstLimit: 7, lastLimit: 7, into: &out)
        case 2: joinNames(first, ".", last, firstLimit: 7, lastLimit: 7, into: &out)
        case 3: joinNames(first, nil, last, firstLimit: 1, lastLimit: 10, into: &out)
        case 4: joinNames(first, "_", last, firstLimit: 10, lastLimit: 1, into: &out)
        case 5: joinNames(last, nil, first, firstLimit: 7, lastLimit: 7, into: &out)
        default: joinNames(first, nil, "", firstLimit: 12, into: &out)
        }
        if out.count == start { out.append("user" as StaticString) }
        if let unique {
            out.appendUInt(UInt64(bitPattern: unique))
        } else if (variant >> 8) % 2 == 0 {
            out.appendInt(Int64(1 + (variant >> 16) % 999))
        }
    }

    /// Folded `a`, then `separator` and folded `b` when both are non-empty.
    private static func joinNames(_ a: String, _ separator: StaticString?, _ b: String,
                                  firstLimit: Int = .max, lastLimit: Int = .max, into out: inout ByteWriter) {
        let wroteA = TextFold.appendFolded(a, limit: firstLimit, into: &out)
        let mark = out.count
        if wroteA > 0, let separator { out.append(separator) }
        let wroteB = TextFold.appendFolded(b, limit: lastLimit, into: &out)
        if wroteB == 0 { out.bytes.removeLast(out.count - mark) }
    }
}

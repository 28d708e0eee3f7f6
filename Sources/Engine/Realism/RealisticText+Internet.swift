extension RealisticText {
    static func writeHost(_ random: inout RowRandom, into out: inout ByteWriter) {
        switch random.below(3) {
        case 0:
            _ = TextFold.appendFolded(random.pick(Vocabulary.companyPrefixes), into: &out)
            _ = TextFold.appendFolded(random.pick(Vocabulary.companyIndustries), into: &out)
        case 1:
            out.append(random.pick(Vocabulary.adjectives))
            out.append(UInt8(ascii: "-"))
            out.append(random.pick(Vocabulary.thingNouns))
        default:
            _ = TextFold.appendFolded(lastName(&random), into: &out)
            out.append(UInt8(ascii: "-"))
            _ = TextFold.appendFolded(random.pick(Vocabulary.companyIndustries), into: &out)
        }
        out.append(UInt8(ascii: "."))
        out.append(random.pick(Vocabulary.webSuffixes))
    }

    static func writeURL(_ random: inout RowRandom, into out: inout ByteWriter) {
        out.append("https://" as StaticString)
        if random.chance(0.5) { out.append("www." as StaticString) }
        writeHost(&random, into: &out)
        switch random.below(9) {
        case 0: break
        case 1: out.append(UInt8(ascii: "/"))
        case 2: out.append("/about" as StaticString)
        case 3:
            out.append("/products/" as StaticString)
            writeSlug(&random, into: &out)
        case 4:
            out.append("/blog/" as StaticString)
            writeSlug(&random, into: &out)
        case 5:
            out.append("/docs/" as StaticString)
            out.append(random.pick(Vocabulary.words))
        case 6:
            out.append("/shop/" as StaticString)
            out.append(random.pick(Vocabulary.thingNouns))
            out.append(UInt8(ascii: "/"))
            out.appendInt(random.int(1...9999))
        case 7:
            out.append("/images/" as StaticString)
            out.append(random.pick(Vocabulary.thingNouns))
            out.append(UInt8(ascii: "-"))
            out.appendInt(random.int(1...999))
            out.append(random.chance(0.5) ? ".jpg" as StaticString : ".png")
        default:
            out.append("/u/" as StaticString)
            writeUsername(first: firstName(&random), last: lastName(&random), unique: nil, variant: random.next(), into: &out)
        }
    }

    static func writeSlug(_ random: inout RowRandom, into out: inout ByteWriter) {
        out.append(random.pick(Vocabulary.adjectives))
        out.append(UInt8(ascii: "-"))
        out.append(random.pick(Vocabulary.thingNouns))
        if random.chance(0.5) {
            out.append(UInt8(ascii: "-"))
            out.append(random.pick(Vocabulary.placeNouns))
        }
    }

    /// Mostly public-looking unicast addresses, some private ones.
    static func writeIPv4(_ random: inout RowRandom, into out: inout ByteWriter) {
        let u = random.unit()
        var a: Int64, b: Int64
        if u < 0.15 {
            a = 10; b = random.int(0...255)
        } else if u < 0.25 {
            a = 192; b = 168
        } else if u < 0.3 {
            a = 172; b = random.int(16...31)
        } else {
            repeat { a = random.int(1...223) } while a == 10 || a == 127 || a == 169 || a == 172 || a == 192
            b = random.int(0...255)
        }
        out.appendInt(a)
        out.append(UInt8(ascii: "."))
        out.appendInt(b)
        out.append(UInt8(ascii: "."))
        out.appendInt(random.int(0...255))
        out.append(UInt8(ascii: "."))
        out.appendInt(random.int(1...254))
    }

    /// A random (version 4) UUID, lowercase, hyphenated.
    static func writeUUID(_ random: inout RowRandom, into out: inout ByteWriter) {
        let hi = (random.next() & ~0xF000) | 0x4000
        let lo = (random.next() & 0x3FFF_FFFF_FFFF_FFFF) | 0x8000_0000_0000_0000
        UUIDGenerator.write(high: hi, low: lo, into: &out)
    }

    private static let tokenAlphabet: StaticString = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
    static let bcryptAlphabet: StaticString = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"

    static func writeToken(_ random: inout RowRandom, length: Int, into out: inout ByteWriter) {
        writeAlphabet(tokenAlphabet, count: length, &random, into: &out)
    }

    static func writeAlphabet(_ alphabet: StaticString, count: Int, _ random: inout RowRandom,
                                      into out: inout ByteWriter) {
        alphabet.withUTF8Buffer { table in
            var bits: UInt64 = 0
            var left = 0
            for _ in 0..<count {
                if left == 0 { bits = random.next(); left = 10 }
                out.append(table[Int(bits & 63) % table.count])
                bits >>= 6
                left -= 1
            }
        }
    }

    /// A small JSON object in one of a few realistic shapes; strings are
    /// vocabulary words and names, escaped.
    static func writeJSON(_ random: inout RowRandom, into out: inout ByteWriter) {
        switch random.below(4) {
        case 0:
            out.append("{\"source\":\"" as StaticString)
            let sources: [StaticString] = ["web", "mobile", "email", "referral", "ads", "partner"]
            out.append(sources[Int(random.below(UInt64(sources.count)))])
            out.append("\",\"campaign\":\"" as StaticString)
            writeSlug(&random, into: &out)
            out.append("\",\"score\":" as StaticString)
            out.appendInt(random.int(0...100))
            out.append(",\"verified\":" as StaticString)
            out.append(random.chance(0.7) ? "true" as StaticString : "false")
            out.append(UInt8(ascii: "}"))
        case 1:
            out.append("{\"theme\":\"" as StaticString)
            out.append(random.chance(0.5) ? "dark" as StaticString : "light")
            out.append("\",\"language\":\"" as StaticString)
            out.append(random.pick(Vocabulary.languages).code)
            out.append("\",\"notifications\":{\"email\":" as StaticString)
            out.append(random.chance(0.6) ? "true" as StaticString : "false")
            out.append(",\"sms\":" as StaticString)
            out.append(random.chance(0.3) ? "true" as StaticString : "false")
            out.append("}}" as StaticString)
        case 2:
            out.append("{\"color\":\"" as StaticString)
            appendJSONEscaped(random.pick(Vocabulary.colors), into: &out)
            out.append("\",\"size\":\"" as StaticString)
            let sizes: [StaticString] = ["XS", "S", "M", "L", "XL"]
            out.append(sizes[Int(random.below(UInt64(sizes.count)))])
            out.append("\",\"tags\":[\"" as StaticString)
            out.append(random.pick(Vocabulary.words))
            out.append("\",\"" as StaticString)
            out.append(random.pick(Vocabulary.words))
            out.append("\"]}" as StaticString)
        default:
            let place = place(&random)
            out.append("{\"city\":\"" as StaticString)
            appendJSONEscaped(place.city, into: &out)
            out.append("\",\"country\":\"" as StaticString)
            out.append(place.countryCode)
            out.append("\",\"visits\":" as StaticString)
            out.appendInt(random.int(1...250))
            out.append(",\"rating\":" as StaticString)
            writeDecimal(1 + random.unit() * 4, scale: 1, into: &out)
            out.append(UInt8(ascii: "}"))
        }
    }

    private static func appendJSONEscaped(_ s: String, into out: inout ByteWriter) {
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "\""): out.append("\\\"" as StaticString)
            case UInt8(ascii: "\\"): out.append("\\\\" as StaticString)
            case 0..<0x20:
                out.append("\\u00" as StaticString)
                out.appendHex(UInt64(b), digits: 2)
            default: out.append(b)
            }
        }
    }
}

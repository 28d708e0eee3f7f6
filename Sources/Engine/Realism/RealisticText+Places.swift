extension RealisticText {
    enum StreetStyle {
        case english(large: Bool), german(swiss: Bool), dutch, french(large: Bool)
        case spanish(comma: Bool), italian, portuguese
    }

    static func streetStyle(of place: Place) -> StreetStyle {
        switch place.countryCode {
        case "DE", "AT": return .german(swiss: false)
        case "CH":
            switch place.stateCode {
            case "GE", "VD": return .french(large: false)
            case "TI": return .italian
            default: return .german(swiss: true)
            }
        case "NL": return .dutch
        case "BE": return place.stateCode == "VLG" ? .dutch : .french(large: false)
        case "FR", "LU", "MA", "SN": return .french(large: false)
        case "CA": return place.stateCode == "QC" ? .french(large: true) : .english(large: true)
        case "ES": return .spanish(comma: true)
        case "MX", "AR", "CO", "CL", "PE", "EC", "UY", "VE", "CR", "GT", "DO": return .spanish(comma: false)
        case "IT": return .italian
        case "PT", "BR": return .portuguese
        case "US", "AU", "NZ", "PH": return .english(large: true)
        default: return .english(large: false)
        }
    }

    static func houseNumber(_ random: inout RowRandom, large: Bool) -> Int64 {
        if large {
            switch random.below(4) {
            case 0: return random.int(1...99)
            case 1: return random.int(100...999)
            default: return random.int(1000...9999)
            }
        }
        return random.chance(0.7) ? random.int(1...60) : random.int(61...250)
    }

    /// Expands a pattern: `#` a digit, `%` a digit 1-9, `?` an uppercase
    /// letter (no I, O or Q), anything else copied.
    package static func expand(_ pattern: String, _ random: inout RowRandom, into out: inout ByteWriter) {
        for byte in pattern.utf8 {
            switch byte {
            case UInt8(ascii: "#"): out.append(UInt8(truncatingIfNeeded: 48 + random.below(10)))
            case UInt8(ascii: "%"): out.append(UInt8(truncatingIfNeeded: 49 + random.below(9)))
            case UInt8(ascii: "?"):
                letters.withUTF8Buffer { out.append($0[Int(random.below(UInt64($0.count)))]) }
            default: out.append(byte)
            }
        }
    }

    private static let letters: StaticString = "ABCDEFGHJKLMNPRSTUVWXYZ"

    static func writeDigits(_ count: Int, _ random: inout RowRandom, into out: inout ByteWriter) {
        for _ in 0..<count { out.append(UInt8(truncatingIfNeeded: 48 + random.below(10))) }
    }

    static func writeNorthAmericanPhone(_ random: inout RowRandom, into out: inout ByteWriter) {
        let area = random.pick(Vocabulary.areaCodes)
        let exchange = Int(random.int(200...999))
        let line = Int(random.below(10_000))
        switch random.below(5) {
        case 0:
            out.append(UInt8(ascii: "("))
            out.append(area)
            out.append(") " as StaticString)
            out.appendPadded(exchange, width: 3)
            out.append(UInt8(ascii: "-"))
        case 1:
            out.append("+1-" as StaticString)
            out.append(area)
            out.append(UInt8(ascii: "-"))
            out.appendPadded(exchange, width: 3)
            out.append(UInt8(ascii: "-"))
        case 2:
            out.append(area)
            out.append(UInt8(ascii: "."))
            out.appendPadded(exchange, width: 3)
            out.append(UInt8(ascii: "."))
        case 3:
            out.append("+1 " as StaticString)
            out.append(area)
            out.append(UInt8(ascii: " "))
            out.appendPadded(exchange, width: 3)
            out.append(UInt8(ascii: " "))
        default:
            out.append(area)
            out.append(UInt8(ascii: "-"))
            out.appendPadded(exchange, width: 3)
            out.append(UInt8(ascii: "-"))
        }
        out.appendPadded(line, width: 4)
    }
}

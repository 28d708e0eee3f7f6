extension RealisticText {
    static func appendCompanySuffix(_ random: inout RowRandom, into out: inout ByteWriter) {
        let suffix = random.pick(Vocabulary.companySuffixes)
        out.append(UInt8(ascii: " "))
        out.append(suffix)
    }

    static func writeSKU(_ random: inout RowRandom, into out: inout ByteWriter) {
        if random.chance(0.7) {
            expand("???-#####", &random, into: &out)
        } else {
            expand("??%###-?%", &random, into: &out)
        }
    }

    private static let statusTable: (labels: [String], cumulative: [Int]) = {
        var labels: [String] = []
        var cumulative: [Int] = []
        var total = 0
        for (label, weight) in Vocabulary.statuses {
            total += weight
            labels.append(label)
            cumulative.append(total)
        }
        return (labels, cumulative)
    }()

    static func weightedStatus(_ random: inout RowRandom) -> String {
        let table = statusTable
        let r = Int(random.below(UInt64(table.cumulative.last ?? 1)))
        for (i, c) in table.cumulative.enumerated() where r < c { return table.labels[i] }
        return table.labels[0]
    }

    /// An IBAN with valid mod-97 check digits, compact (no spaces).
    static func writeIBAN(_ random: inout RowRandom, into out: inout ByteWriter) {
        let country: StaticString
        let bban: StaticString
        switch random.below(4) {
        case 0: country = "DE"; bban = "##################"
        case 1: country = "GB"; bban = "????##############"
        case 2: country = "NL"; bban = "????##########"
        default: country = "ES"; bban = "####################"
        }
        out.append(country)
        let checkAt = out.count
        out.append("00" as StaticString)
        let bbanStart = out.count
        bban.withUTF8Buffer { pattern in
            for p in pattern {
                if p == UInt8(ascii: "#") {
                    out.append(UInt8(truncatingIfNeeded: 48 + random.below(10)))
                } else {
                    out.append(UInt8(truncatingIfNeeded: 65 + random.below(26)))
                }
            }
        }
        // ISO 13616: BBAN, then country letters and "00", letters as 10...35.
        var rem = 0
        func feed(_ c: UInt8) {
            if c >= 65 { rem = (rem * 100 + Int(c) - 55) % 97 } else { rem = (rem * 10 + Int(c) - 48) % 97 }
        }
        for i in bbanStart..<out.count { feed(out.bytes[i]) }
        feed(out.bytes[checkAt - 2]); feed(out.bytes[checkAt - 1]); feed(48); feed(48)
        let check = 98 - rem
        out.bytes[checkAt] = UInt8(truncatingIfNeeded: 48 + check / 10)
        out.bytes[checkAt + 1] = UInt8(truncatingIfNeeded: 48 + check % 10)
    }

    /// An ISBN-13 (978/979 prefix) with a valid check digit, digits only.
    static func writeISBN(_ random: inout RowRandom, into out: inout ByteWriter) {
        var sum = 9 + 3 * 7
        out.append("97" as StaticString)
        let third = random.chance(0.9) ? 8 : 9
        out.append(UInt8(truncatingIfNeeded: 48 + third))
        sum += third
        for i in 3..<12 {
            let d = Int(random.below(10))
            sum += i % 2 == 0 ? d : 3 * d
            out.append(UInt8(truncatingIfNeeded: 48 + d))
        }
        out.append(UInt8(truncatingIfNeeded: 48 + (10 - sum % 10) % 10))
    }
}

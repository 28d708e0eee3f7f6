extension RealisticText {
    /// A real place; take every address part of a row from the same one.
    @inline(__always)
    package static func place(_ random: inout RowRandom) -> Place {
        random.pick(Vocabulary.places)
    }

    @inline(__always)
    package static func firstName(_ random: inout RowRandom) -> String {
        random.pick(Vocabulary.firstNames)
    }

    @inline(__always)
    package static func lastName(_ random: inout RowRandom) -> String {
        random.pick(Vocabulary.lastNames)
    }

    /// An email address built from a person's names, e.g.
    /// `maria.gonzalez@example.com`: lowercase ASCII (accents folded, other
    /// characters dropped) on a reserved example domain.
    ///
    /// The pattern and domain are a function of the arguments. With `unique`,
    /// its decimal digits end the local part (`maria.gonzalez42@example.net`),
    /// and since the name part never ends in a digit, distinct `unique` values
    /// always give distinct addresses (negative values are taken as their
    /// 64-bit pattern).
    package static func writeEmail(first: String, last: String, unique: Int64?, into out: inout ByteWriter) {
        writeEmail(first: first, last: last, unique: unique, variant: nameVariant(first, last, unique), into: &out)
    }

    /// A login name built from a person's names, e.g. `maria_g`, `mgonzalez`,
    /// `kenji.sato`: lowercase ASCII, each name part at most 7 characters when
    /// both appear. With `unique`, its decimal digits end the name, and distinct
    /// `unique` values always give distinct usernames.
    package static func writeUsername(first: String, last: String, unique: Int64?, into out: inout ByteWriter) {
        writeUsername(first: first, last: last, unique: unique, variant: nameVariant(first, last, unique), into: &out)
    }

    /// The full name `first last`.
    @inline(__always)
    package static func writeFullName(first: String, last: String, into out: inout ByteWriter) {
        out.append(first)
        out.append(UInt8(ascii: " "))
        out.append(last)
    }

    /// A postal code in the place's format.
    package static func writePostalCode(for place: Place, _ random: inout RowRandom, into out: inout ByteWriter) {
        expand(place.postalPattern, &random, into: &out)
    }

    /// A coordinate within a few kilometres of the place's centre.
    package static func coordinate(near place: Place, _ random: inout RowRandom) -> (latitude: Double, longitude: Double) {
        let lat = place.latitude + random.normal() * 0.03
        let lon = place.longitude + random.normal() * 0.04
        return (min(max(lat, -90), 90), min(max(lon, -180), 180))
    }

    /// A street line in the style of the place's country (`1234 Maple Avenue`,
    /// `Lindenstraße 12`, `12 rue des Lilas`, `Via Roma, 7`); English style when
    /// `place` is nil.
    package static func writeStreetAddress(for place: Place?, _ random: inout RowRandom, into out: inout ByteWriter) {
        let style = place.map(streetStyle(of:)) ?? .english(large: true)
        switch style {
        case .english(let large):
            out.appendInt(houseNumber(&random, large: large))
            out.append(UInt8(ascii: " "))
            out.append(random.pick(Vocabulary.streetStems))
            out.append(UInt8(ascii: " "))
            out.append(random.pick(Vocabulary.streetSuffixes))
        case .german(let swiss):
            out.append(random.pick(Vocabulary.germanStreetStems))
            let suffixes: [StaticString] = swiss
                ? ["strasse", "strasse", "weg", "gasse", "platz"]
                : ["straße", "straße", "straße", "weg", "allee", "gasse", "ring", "platz"]
            out.append(suffixes[Int(random.below(UInt64(suffixes.count)))])
            out.append(UInt8(ascii: " "))
            out.appendInt(houseNumber(&random, large: false))
        case .dutch:
            out.append(random.pick(Vocabulary.dutchStreetStems))
            let suffixes: [StaticString] = ["straat", "straat", "weg", "laan", "gracht", "plein", "singel"]
            out.append(suffixes[Int(random.below(UInt64(suffixes.count)))])
            out.append(UInt8(ascii: " "))
            out.appendInt(houseNumber(&random, large: false))
        case .french(let large):
            out.appendInt(houseNumber(&random, large: large))
            out.append(UInt8(ascii: " "))
            out.append(random.pick(Vocabulary.frenchStreetNames))
        case .spanish(let comma):
            out.append(random.pick(Vocabulary.spanishStreetNames))
            out.append(comma ? ", " as StaticString : " ")
            out.appendInt(houseNumber(&random, large: !comma))
        case .italian:
            out.append(random.pick(Vocabulary.italianStreetNames))
            out.append(", " as StaticString)
            out.appendInt(houseNumber(&random, large: false))
        case .portuguese:
            out.append(random.pick(Vocabulary.portugueseStreetNames))
            out.append(", " as StaticString)
            out.appendInt(houseNumber(&random, large: true))
        }
    }

    /// A second address line such as `Apt. 12` or `Suite 300`.
    package static func writeSecondaryAddress(_ random: inout RowRandom, into out: inout ByteWriter) {
        expand(random.pick(Vocabulary.secondaryUnits), &random, into: &out)
    }

    /// A telephone number in the format of `countryCode` (North American for
    /// nil, `US`, `CA`, `DO`). Digits come from `random`; with `unique`, a
    /// North American `+1-AAA-XXX-XXXX` number that embeds it instead, so
    /// distinct `unique` values give distinct numbers (beyond the 660 million
    /// the area codes hold, an extension ` x<n>` keeps them apart).
    package static func writePhone(_ random: inout RowRandom, countryCode: String? = nil, unique: Int64? = nil,
                                   into out: inout ByteWriter) {
        if let unique {
            let u = UInt64(bitPattern: unique)
            let perArea: UInt64 = 10_000_000
            let codes = Vocabulary.areaCodes
            let area = (u / perArea) % UInt64(codes.count)
            let subscriber = Int(u % perArea)
            out.append("+1-" as StaticString)
            out.append(codes[Int(area)])
            out.append(UInt8(ascii: "-"))
            out.appendPadded(subscriber / 10_000, width: 3)
            out.append(UInt8(ascii: "-"))
            out.appendPadded(subscriber % 10_000, width: 4)
            let round = u / (perArea * UInt64(codes.count))
            if round > 0 {
                out.append(" x" as StaticString)
                out.appendUInt(round)
            }
            return
        }
        switch countryCode {
        case nil, "US", "CA", "DO":
            writeNorthAmericanPhone(&random, into: &out)
        case "GB":
            if random.chance(0.5) {
                out.append("+44 7" as StaticString)
                writeDigits(3, &random, into: &out)
                out.append(UInt8(ascii: " "))
                writeDigits(6, &random, into: &out)
            } else {
                out.append("020 " as StaticString)
                writeDigits(4, &random, into: &out)
                out.append(UInt8(ascii: " "))
                writeDigits(4, &random, into: &out)
            }
        case "DE":
            if random.chance(0.5) {
                out.append("+49 15" as StaticString)
                writeDigits(1, &random, into: &out)
                out.append(UInt8(ascii: " "))
                writeDigits(8, &random, into: &out)
            } else {
                out.append("030 " as StaticString)
                writeDigits(8, &random, into: &out)
            }
        case "FR":
            out.append(random.chance(0.5) ? "+33 " as StaticString : "0")
            out.append(UInt8(truncatingIfNeeded: 49 + random.below(7)))
            for _ in 0..<4 {
                out.append(UInt8(ascii: " "))
                writeDigits(2, &random, into: &out)
            }
        default:
            let dial = countryCode.flatMap { Vocabulary.countryByCode[$0]?.dialCode } ?? "1"
            out.append(UInt8(ascii: "+"))
            out.append(dial)
            out.append(UInt8(ascii: " "))
            out.append(UInt8(truncatingIfNeeded: 50 + random.below(8)))
            writeDigits(2, &random, into: &out)
            out.append(UInt8(ascii: " "))
            writeDigits(3, &random, into: &out)
            out.append(UInt8(ascii: " "))
            writeDigits(4, &random, into: &out)
        }
    }

    /// A company name such as `Bluepeak Logistics LLC` or `Okafor & Lindqvist`.
    package static func writeCompany(_ random: inout RowRandom, into out: inout ByteWriter) {
        let u = random.unit()
        if u < 0.35 {
            out.append(random.pick(Vocabulary.companyPrefixes))
            out.append(UInt8(ascii: " "))
            out.append(random.pick(Vocabulary.companyIndustries))
            if random.chance(0.5) { appendCompanySuffix(&random, into: &out) }
        } else if u < 0.6 {
            out.append(lastName(&random))
            out.append(UInt8(ascii: " "))
            out.append(random.pick(Vocabulary.companyIndustries))
            if random.chance(0.5) { appendCompanySuffix(&random, into: &out) }
        } else if u < 0.75 {
            out.append(lastName(&random))
            out.append(" & " as StaticString)
            out.append(lastName(&random))
        } else if u < 0.85 {
            out.append(lastName(&random))
            out.append(", " as StaticString)
            out.append(lastName(&random))
            out.append(" and " as StaticString)
            out.append(lastName(&random))
        } else {
            out.append(random.pick(Vocabulary.companyPrefixes))
            appendCompanySuffix(&random, into: &out)
        }
    }

    /// A product name such as `Ergonomic Steel Chair`.
    package static func writeProductName(_ random: inout RowRandom, into out: inout ByteWriter) {
        out.append(random.pick(Vocabulary.productAdjectives))
        out.append(UInt8(ascii: " "))
        if random.chance(0.7) {
            out.append(random.pick(Vocabulary.productMaterials))
            out.append(UInt8(ascii: " "))
        }
        out.append(random.pick(Vocabulary.productNouns))
    }
}

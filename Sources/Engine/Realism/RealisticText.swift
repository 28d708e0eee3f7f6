#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes realistic values of a `SemanticKind` as UTF-8 text.
///
/// Every function draws only from the `RowRandom` it is handed (or, for the
/// name-derived helpers, from its arguments), so a value is a pure function of
/// (seed, table, column, row) like every other generated value. Values go
/// straight into a `ByteWriter`: the hot paths append existing vocabulary
/// strings and digits and build no intermediate `String`.
///
/// Row consistency is the caller's business, with the helpers here: draw one
/// `place(_:)` per row (from a row-level stream) and write its city, state,
/// postal code and coordinates; draw `firstName(_:)`/`lastName(_:)` once and
/// derive the email and username from them.
package enum RealisticText {
    // MARK: - Entry point

    /// Writes one value of `kind`.
    ///
    /// Total: numeric kinds write their decimal text (`SemanticKind.valueClass`
    /// gives the scale), temporal kinds `YYYY-MM-DD` or `YYYY-MM-DD HH:MM:SS`.
    /// Uniqueness is not attempted here: callers that need it use
    /// `writeEmail`/`writeUsername`/`writePhone` with `unique`, or embed the
    /// row index themselves.
    ///
    /// - Parameters:
    ///   - row: the row index. Values depend on it only through `random`
    ///     (already keyed by the row); it is accepted so row-dependent kinds
    ///     can be added without changing callers.
    package static func write(_ kind: SemanticKind, row: Int64, random: inout RowRandom, into out: inout ByteWriter) {
        _ = row
        switch kind {
        case .firstName:
            out.append(firstName(&random))
        case .lastName:
            out.append(lastName(&random))
        case .fullName:
            out.append(firstName(&random))
            out.append(UInt8(ascii: " "))
            out.append(lastName(&random))
        case .username:
            let first = firstName(&random), last = lastName(&random)
            writeUsername(first: first, last: last, unique: nil, variant: random.next(), into: &out)
        case .email:
            let first = firstName(&random), last = lastName(&random)
            writeEmail(first: first, last: last, unique: nil, variant: random.next(), into: &out)
        case .phone:
            writePhone(&random, countryCode: random.chance(0.75) ? "US" : random.pick(Vocabulary.countries).code, into: &out)
        case .gender:
            let u = random.unit()
            out.append(u < 0.49 ? "female" as StaticString : u < 0.98 ? "male" : u < 0.995 ? "non-binary" : "unspecified")
        case .age, .rating, .quantity:
            out.appendInt(Int64(numericValue(kind, &random) ?? 0))
        case .price, .salary, .percentage:
            writeDecimal(numericValue(kind, &random) ?? 0, scale: 2, into: &out)
        case .latitude, .longitude:
            writeDecimal(numericValue(kind, &random) ?? 0, scale: 6, into: &out)
        case .birthDate:
            writeDate(epochDay: epochSecond(kind, &random) / 86_400, into: &out)
        case .createdAt, .updatedAt, .deletedAt:
            writeTimestamp(epochSecond: epochSecond(kind, &random), into: &out)
        case .streetAddress:
            writeStreetAddress(for: nil, &random, into: &out)
        case .secondaryAddress:
            writeSecondaryAddress(&random, into: &out)
        case .city:
            out.append(place(&random).city)
        case .state:
            out.append(place(&random).state)
        case .stateCode:
            out.append(place(&random).stateCode)
        case .country:
            out.append(random.pick(Vocabulary.countries).name)
        case .countryCode:
            out.append(random.pick(Vocabulary.countries).code)
        case .postalCode:
            writePostalCode(for: place(&random), &random, into: &out)
        case .timezone:
            out.append(random.pick(Vocabulary.timezones))
        case .company:
            writeCompany(&random, into: &out)
        case .jobTitle:
            out.append(random.pick(Vocabulary.jobTitles))
        case .department:
            out.append(random.pick(Vocabulary.departments))
        case .productName:
            writeProductName(&random, into: &out)
        case .category:
            out.append(random.pick(Vocabulary.categories))
        case .genre:
            out.append(random.pick(Vocabulary.genres))
        case .sku:
            writeSKU(&random, into: &out)
        case .currencyCode:
            let all = Vocabulary.currencies
            out.append(random.chance(0.5) ? all[Int(random.below(6))].code : random.pick(all).code)
        case .iban:
            writeIBAN(&random, into: &out)
        case .isbn:
            writeISBN(&random, into: &out)
        case .status:
            out.append(weightedStatus(&random))
        case .title:
            render(Templates.titles[Int(random.below(UInt64(Templates.titles.count)))], &random, into: &out)
        case .sentence:
            render(random.pick(Templates.sentences), &random, into: &out)
        case .description:
            render(random.pick(Templates.descriptions), &random, into: &out)
            if random.chance(0.3) {
                out.append(UInt8(ascii: " "))
                render(random.pick(Templates.sentences), &random, into: &out)
            }
        case .paragraph:
            let count = 3 + Int(random.below(3))
            for i in 0..<count {
                if i > 0 { out.append(UInt8(ascii: " ")) }
                render(random.pick(Templates.sentences), &random, into: &out)
            }
        case .note:
            render(random.pick(Templates.notes), &random, into: &out)
        case .word:
            out.append(random.pick(Vocabulary.words))
        case .slug:
            writeSlug(&random, into: &out)
        case .color:
            out.append(random.pick(Vocabulary.colors))
        case .language:
            out.append(random.pick(Vocabulary.languages).name)
        case .languageCode:
            out.append(random.pick(Vocabulary.languages).code)
        case .locale:
            out.append(random.pick(Vocabulary.locales))
        case .url:
            writeURL(&random, into: &out)
        case .domain:
            writeHost(&random, into: &out)
        case .ipAddress:
            writeIPv4(&random, into: &out)
        case .userAgent:
            out.append(random.pick(Vocabulary.userAgents))
        case .uuid:
            writeUUID(&random, into: &out)
        case .hash:
            for _ in 0..<4 { out.appendHex(random.next(), digits: 16) }
        case .token:
            writeToken(&random, length: 40, into: &out)
        case .passwordHash:
            out.append("$2b$12$" as StaticString)
            writeAlphabet(bcryptAlphabet, count: 53, &random, into: &out)
        case .json:
            writeJSON(&random, into: &out)
        }
    }

    // MARK: - Row-consistency helpers

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

    // MARK: - Numbers and dates

    /// The number behind a numeric kind (nil for the others), for callers that
    /// format to a column's own precision and scale. Prices end in .99, .49,
    /// .95 or .00 and are mostly under 100; quantities are mostly under 10;
    /// ratings lean to 4 and 5; ages are adults.
    package static func numericValue(_ kind: SemanticKind, _ random: inout RowRandom) -> Double? {
        switch kind {
        case .price:
            let v = min(max(exp(2.9957 + 1.1 * random.normal()), 0.5), 9_999)
            let whole = v.rounded(.down)
            let u = random.unit()
            return whole + (u < 0.55 ? 0.99 : u < 0.7 ? 0.49 : u < 0.8 ? 0.95 : 0)
        case .salary:
            let v = min(max(exp(11.035 + 0.4 * random.normal()), 18_000), 450_000)
            return (v / 100).rounded() * 100
        case .quantity:
            let u = max(random.unit(), 0x1.0p-53)
            return min(1 + (-4 * log(u)).rounded(.down), 500)
        case .percentage:
            return (random.unit() * 10_000).rounded() / 100
        case .rating:
            let u = random.unit()
            return u < 0.05 ? 1 : u < 0.13 ? 2 : u < 0.30 ? 3 : u < 0.65 ? 4 : 5
        case .age:
            return min(max((42 + 15 * random.normal()).rounded(), 18), 90)
        case .latitude:
            return (coordinate(near: place(&random), &random).latitude * 1e6).rounded() / 1e6
        case .longitude:
            return (coordinate(near: place(&random), &random).longitude * 1e6).rounded() / 1e6
        default:
            return nil
        }
    }

    /// The epoch-second range a temporal kind draws from (nil for the others):
    /// created_at 2018-01-01 through 2024-12-31, updated_at 2023-01-01 through
    /// 2025-06-30, deleted_at 2023-07-01 through 2025-06-30, birth_date
    /// 1935-01-01 through 2006-12-31 (midnights). Fixed, never "now", so runs
    /// are reproducible.
    package static func epochSecondRange(_ kind: SemanticKind) -> ClosedRange<Int64>? {
        switch kind {
        case .createdAt: return Ranges.created
        case .updatedAt: return Ranges.updated
        case .deletedAt: return Ranges.deleted
        case .birthDate: return Ranges.birth
        default: return nil
        }
    }

    /// A time of a temporal kind in epoch seconds: a uniform day in the kind's
    /// range, mostly during waking hours (birth dates at midnight).
    package static func epochSecond(_ kind: SemanticKind, _ random: inout RowRandom) -> Int64 {
        guard let range = epochSecondRange(kind) else { return 0 }
        let firstDay = range.lowerBound / 86_400
        let lastDay = range.upperBound / 86_400
        let day = random.int(firstDay...lastDay)
        if kind == .birthDate { return day * 86_400 }
        let second = random.chance(0.8) ? random.int(28_800...79_199) : random.int(0...86_399)
        return day * 86_400 + second
    }

    /// `YYYY-MM-DD` of a day counted from 1970-01-01.
    package static func writeDate(epochDay: Int64, into out: inout ByteWriter) {
        let (y, m, d) = civil(fromDays: epochDay)
        out.appendPadded(Int(y), width: 4)
        out.append(UInt8(ascii: "-"))
        out.appendPadded(Int(m), width: 2)
        out.append(UInt8(ascii: "-"))
        out.appendPadded(Int(d), width: 2)
    }

    /// `YYYY-MM-DD HH:MM:SS` of an epoch second (UTC, no zone suffix).
    package static func writeTimestamp(epochSecond: Int64, into out: inout ByteWriter) {
        var day = epochSecond / 86_400
        var rest = epochSecond % 86_400
        if rest < 0 { rest += 86_400; day -= 1 }
        writeDate(epochDay: day, into: &out)
        out.append(UInt8(ascii: " "))
        out.appendPadded(Int(rest / 3600), width: 2)
        out.append(UInt8(ascii: ":"))
        out.appendPadded(Int(rest / 60 % 60), width: 2)
        out.append(UInt8(ascii: ":"))
        out.appendPadded(Int(rest % 60), width: 2)
    }

    /// `value` with exactly `scale` digits after the point (none for 0).
    package static func writeDecimal(_ value: Double, scale: Int, into out: inout ByteWriter) {
        var factor: Double = 1
        var ifactor: Int64 = 1
        for _ in 0..<max(scale, 0) { factor *= 10; ifactor *= 10 }
        let scaled = (value * factor).rounded()
        guard scaled.isFinite, abs(scaled) < 9.0e18 else { out.append("0" as StaticString); return }
        var n = Int64(scaled)
        if n < 0 { out.append(UInt8(ascii: "-")); n = -n }
        out.appendInt(n / ifactor)
        if scale > 0 {
            out.append(UInt8(ascii: "."))
            out.appendPadded(Int(n % ifactor), width: scale)
        }
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date.
    package static func days(year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The proleptic Gregorian date of a day since 1970-01-01.
    package static func civil(fromDays days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    private enum Ranges {
        static let created = RealisticText.days(year: 2018, month: 1, day: 1) * 86_400
            ... RealisticText.days(year: 2024, month: 12, day: 31) * 86_400 + 86_399
        static let updated = RealisticText.days(year: 2023, month: 1, day: 1) * 86_400
            ... RealisticText.days(year: 2025, month: 6, day: 30) * 86_400 + 86_399
        static let deleted = RealisticText.days(year: 2023, month: 7, day: 1) * 86_400
            ... RealisticText.days(year: 2025, month: 6, day: 30) * 86_400 + 86_399
        static let birth = RealisticText.days(year: 1935, month: 1, day: 1) * 86_400
            ... RealisticText.days(year: 2006, month: 12, day: 31) * 86_400
    }

    // MARK: - Names, emails, usernames

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

    // MARK: - Places

    private enum StreetStyle {
        case english(large: Bool), german(swiss: Bool), dutch, french(large: Bool)
        case spanish(comma: Bool), italian, portuguese
    }

    private static func streetStyle(of place: Place) -> StreetStyle {
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

    private static func houseNumber(_ random: inout RowRandom, large: Bool) -> Int64 {
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

    private static func writeDigits(_ count: Int, _ random: inout RowRandom, into out: inout ByteWriter) {
        for _ in 0..<count { out.append(UInt8(truncatingIfNeeded: 48 + random.below(10))) }
    }

    private static func writeNorthAmericanPhone(_ random: inout RowRandom, into out: inout ByteWriter) {
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

    // MARK: - Commerce

    private static func appendCompanySuffix(_ random: inout RowRandom, into out: inout ByteWriter) {
        let suffix = random.pick(Vocabulary.companySuffixes)
        out.append(UInt8(ascii: " "))
        out.append(suffix)
    }

    private static func writeSKU(_ random: inout RowRandom, into out: inout ByteWriter) {
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

    private static func weightedStatus(_ random: inout RowRandom) -> String {
        let table = statusTable
        let r = Int(random.below(UInt64(table.cumulative.last ?? 1)))
        for (i, c) in table.cumulative.enumerated() where r < c { return table.labels[i] }
        return table.labels[0]
    }

    /// An IBAN with valid mod-97 check digits, compact (no spaces).
    private static func writeIBAN(_ random: inout RowRandom, into out: inout ByteWriter) {
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
    private static func writeISBN(_ random: inout RowRandom, into out: inout ByteWriter) {
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

    // MARK: - Internet

    private static func writeHost(_ random: inout RowRandom, into out: inout ByteWriter) {
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

    private static func writeURL(_ random: inout RowRandom, into out: inout ByteWriter) {
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

    private static func writeSlug(_ random: inout RowRandom, into out: inout ByteWriter) {
        out.append(random.pick(Vocabulary.adjectives))
        out.append(UInt8(ascii: "-"))
        out.append(random.pick(Vocabulary.thingNouns))
        if random.chance(0.5) {
            out.append(UInt8(ascii: "-"))
            out.append(random.pick(Vocabulary.placeNouns))
        }
    }

    /// Mostly public-looking unicast addresses, some private ones.
    private static func writeIPv4(_ random: inout RowRandom, into out: inout ByteWriter) {
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
    private static func writeUUID(_ random: inout RowRandom, into out: inout ByteWriter) {
        let hi = (random.next() & ~0xF000) | 0x4000
        let lo = (random.next() & 0x3FFF_FFFF_FFFF_FFFF) | 0x8000_0000_0000_0000
        UUIDGenerator.write(high: hi, low: lo, into: &out)
    }

    private static let tokenAlphabet: StaticString = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
    private static let bcryptAlphabet: StaticString = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"

    private static func writeToken(_ random: inout RowRandom, length: Int, into out: inout ByteWriter) {
        writeAlphabet(tokenAlphabet, count: length, &random, into: &out)
    }

    private static func writeAlphabet(_ alphabet: StaticString, count: Int, _ random: inout RowRandom,
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
    private static func writeJSON(_ random: inout RowRandom, into out: inout ByteWriter) {
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

    // MARK: - Prose

    /// Parsed sentence templates.
    enum Templates {
        static let descriptions = Vocabulary.lines(Vocabulary.descriptionTemplatesText).map(parse)
        static let sentences = Vocabulary.lines(Vocabulary.sentenceTemplatesText).map(parse)
        static let notes = Vocabulary.lines(Vocabulary.noteTemplatesText).map(parse)
        static let titles = Vocabulary.lines(Vocabulary.titleTemplatesText).map(parse)
    }

    enum Slot: Sendable { case adjective, thing, person, place, verb, time, city, name, day, digit }

    enum Piece: Sendable {
        case text(String)
        case slot(Slot, capitalized: Bool)
        /// `a`/`an`, chosen for the next word; `capitalized` for `A`/`An`.
        case article(capitalized: Bool)
    }

    /// Splits a template into literal text, slots `{adj}` (capitalised when
    /// written `{Adj}`) and articles `{a}`/`{A}` (which swallow the space after
    /// them and write `a `/`an ` before the next word).
    static func parse(_ template: String) -> [Piece] {
        var pieces: [Piece] = []
        var text = ""
        var i = template.startIndex
        while i < template.endIndex {
            let c = template[i]
            guard c == "{", let close = template[i...].firstIndex(of: "}") else {
                text.append(c)
                i = template.index(after: i)
                continue
            }
            if !text.isEmpty { pieces.append(.text(text)); text = "" }
            let name = template[template.index(after: i)..<close]
            i = template.index(after: close)
            let capitalized = name.first?.isUppercase ?? false
            switch name.lowercased() {
            case "a":
                pieces.append(.article(capitalized: capitalized))
                if i < template.endIndex, template[i] == " " { i = template.index(after: i) }
            case "adj": pieces.append(.slot(.adjective, capitalized: capitalized))
            case "thing": pieces.append(.slot(.thing, capitalized: capitalized))
            case "person": pieces.append(.slot(.person, capitalized: capitalized))
            case "place": pieces.append(.slot(.place, capitalized: capitalized))
            case "verb": pieces.append(.slot(.verb, capitalized: capitalized))
            case "time": pieces.append(.slot(.time, capitalized: capitalized))
            case "city": pieces.append(.slot(.city, capitalized: capitalized))
            case "name": pieces.append(.slot(.name, capitalized: capitalized))
            case "day": pieces.append(.slot(.day, capitalized: capitalized))
            case "n": pieces.append(.slot(.digit, capitalized: false))
            default: preconditionFailure("unknown template slot {\(name)} in: \(template)")
            }
        }
        if !text.isEmpty { pieces.append(.text(text)) }
        return pieces
    }

    private static let digits: [String] = ["2", "3", "4", "5", "6", "7", "8", "9"]

    static func render(_ pieces: [Piece], _ random: inout RowRandom, into out: inout ByteWriter) {
        var article: Bool? = nil
        for piece in pieces {
            switch piece {
            case .text(let s):
                if let cap = article { out.append(cap ? "A " as StaticString : "a "); article = nil }
                out.append(s)
            case .article(let cap):
                article = cap
            case .slot(let slot, let cap):
                let word: String
                switch slot {
                case .adjective: word = random.pick(Vocabulary.adjectives)
                case .thing: word = random.pick(Vocabulary.thingNouns)
                case .person: word = random.pick(Vocabulary.personNouns)
                case .place: word = random.pick(Vocabulary.placeNouns)
                case .verb: word = random.pick(Vocabulary.verbs)
                case .time: word = random.pick(Vocabulary.timePhrases)
                case .city: word = place(&random).city
                case .name: word = firstName(&random)
                case .day: word = random.pick(Vocabulary.weekdays)
                case .digit: word = random.pick(digits)
                }
                if let artCap = article {
                    let an = takesAn(word)
                    out.append(artCap ? (an ? "An " as StaticString : "A ") : (an ? "an " : "a "))
                    article = nil
                }
                if cap { appendCapitalized(word, into: &out) } else { out.append(word) }
            }
        }
    }

    /// Whether the indefinite article before `word` is "an".
    static func takesAn(_ word: String) -> Bool {
        var it = word.utf8.makeIterator()
        guard let first = it.next() else { return false }
        switch first | 0x20 {
        case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"):
            return true
        case UInt8(ascii: "u"):
            // "a university", "a useful", "a unique": the "yoo" sound.
            let second = it.next().map { $0 | 0x20 }
            let third = it.next().map { $0 | 0x20 }
            if second == UInt8(ascii: "n"), third == UInt8(ascii: "i") { return false }
            if second == UInt8(ascii: "s") || second == UInt8(ascii: "t") { return false }
            return true
        case UInt8(ascii: "h"):
            return word.hasPrefix("hour") || word.hasPrefix("honest") || word.hasPrefix("honor") || word.hasPrefix("heir")
        default:
            return false
        }
    }

    private static func appendCapitalized(_ word: String, into out: inout ByteWriter) {
        var first = true
        for b in word.utf8 {
            if first, b >= UInt8(ascii: "a"), b <= UInt8(ascii: "z") { out.append(b - 32) } else { out.append(b) }
            first = false
        }
    }
}

extension Vocabulary {
    /// Countries by ISO alpha-2 code.
    package static let countryByCode: [String: Country] = {
        var map: [String: Country] = [:]
        for c in countries { map[c.code] = c }
        return map
    }()
}

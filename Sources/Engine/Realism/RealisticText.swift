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
///
/// This file holds the entry point, `write(_:row:random:into:)`; the writers
/// it calls live in `RealisticText+<Section>.swift`.
package enum RealisticText {
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
        switch kind {
        case .firstName:
            out.append(firstName(&random))
        case .lastName:
            out.append(lastName(&random))
        case .fullName:
            let first = firstName(&random), last = lastName(&random)
            writeFullName(first: first, last: last, into: &out)
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
        case .honorific:
            let u = random.unit()
            out.append(u < 0.4 ? "Mr." as StaticString : u < 0.7 ? "Ms." : u < 0.88 ? "Mrs." : u < 0.97 ? "Dr." : u < 0.99 ? "Prof." : "Mx.")
        case .age, .rating, .quantity:
            out.appendInt(Int64(numericValue(kind, &random) ?? 0))
        case .price, .salary, .percentage:
            writeDecimal(numericValue(kind, &random) ?? 0, scale: 2, into: &out)
        case .latitude, .longitude:
            writeDecimal(numericValue(kind, &random) ?? 0, scale: 6, into: &out)
        case .birthDate:
            CivilDate.writeDate(days: epochSecond(kind, &random) / 86_400, into: &out)
        case .createdAt, .updatedAt, .deletedAt:
            CivilDate.writeTimestamp(seconds: epochSecond(kind, &random), into: &out)
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
}

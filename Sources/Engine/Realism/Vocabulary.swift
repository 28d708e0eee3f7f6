import SchemaModel

/// The word and name lists behind the realistic generators.
///
/// Every list is the project's own data, compiled in as one multi-line string
/// literal per list (one entry a line, `#` starts a comment line) and split
/// once, on first use, into an array. String literals keep compile times low
/// where large array literals would not. Lists with several fields use `|`.
///
/// The data lives in `Vocabulary+<Topic>.swift`; this file holds the parsed
/// views and the record types.
package enum Vocabulary {
    // MARK: People

    package static let firstNames: [String] = lines(firstNamesText)
    package static let lastNames: [String] = lines(lastNamesText)

    // MARK: Places

    /// Cities with their region, country and postal format, so one row can take
    /// every address part from the same consistent place.
    package static let places: [Place] = lines(placesText).map(Place.init(line:))
    package static let countries: [Country] = lines(countriesText).map(Country.init(line:))
    /// Countries by ISO alpha-2 code.
    package static let countryByCode: [String: Country] = {
        var map: [String: Country] = [:]
        for c in countries { map[c.code] = c }
        return map
    }()
    package static let streetStems: [String] = lines(streetStemsText)
    package static let streetSuffixes: [String] = lines(streetSuffixesText)
    /// Second address lines; `#` in an entry stands for a number.
    package static let secondaryUnits: [String] = lines(secondaryUnitsText)
    package static let germanStreetStems: [String] = lines(germanStreetStemsText)
    package static let frenchStreetNames: [String] = lines(frenchStreetNamesText)
    package static let spanishStreetNames: [String] = lines(spanishStreetNamesText)
    package static let italianStreetNames: [String] = lines(italianStreetNamesText)
    package static let portugueseStreetNames: [String] = lines(portugueseStreetNamesText)
    package static let dutchStreetStems: [String] = lines(dutchStreetStemsText)
    package static let timezones: [String] = lines(timezonesText)
    /// North American area codes used for phone numbers.
    package static let areaCodes: [String] = lines(areaCodesText)

    // MARK: Work and commerce

    package static let companyPrefixes: [String] = lines(companyPrefixesText)
    package static let companyIndustries: [String] = lines(companyIndustriesText)
    package static let companySuffixes: [String] = lines(companySuffixesText)
    package static let jobTitles: [String] = lines(jobTitlesText)
    package static let departments: [String] = lines(departmentsText)
    package static let productAdjectives: [String] = lines(productAdjectivesText)
    package static let productMaterials: [String] = lines(productMaterialsText)
    package static let productNouns: [String] = lines(productNounsText)
    package static let categories: [String] = lines(categoriesText)
    package static let genres: [String] = lines(genresText)
    package static let colors: [String] = lines(colorsText)
    package static let currencies: [Currency] = lines(currenciesText).map(Currency.init(line:))
    /// Status labels with relative weights.
    package static let statuses: [(label: String, weight: Int)] = lines(statusesText).map { line in
        let f = fields(line)
        return (f[0], Int(f[1]) ?? 1)
    }

    // MARK: Internet

    /// Mail domains: all under reserved names (`example.com/.net/.org`, and the
    /// `.example` and `.test` TLDs), so no generated address can reach anyone.
    package static let emailDomains: [String] = lines(emailDomainsText)
    /// Reserved top-level suffixes for generated web host names.
    package static let webSuffixes: [String] = lines(webSuffixesText)
    package static let userAgents: [String] = lines(userAgentsText)
    package static let languages: [Language] = lines(languagesText).map(Language.init(line:))
    package static let locales: [String] = lines(localesText)

    // MARK: Words

    package static let adjectives: [String] = lines(adjectivesText)
    package static let thingNouns: [String] = lines(thingNounsText)
    package static let personNouns: [String] = lines(personNounsText)
    package static let placeNouns: [String] = lines(placeNounsText)
    package static let verbs: [String] = lines(verbsText)
    package static let timePhrases: [String] = lines(timePhrasesText)
    package static let extraWords: [String] = lines(extraWordsText)
    package static let weekdays: [String] = lines(weekdaysText)
    /// Every ordinary word, without repeats: what the `word` kind draws from.
    package static let words: [String] = {
        var seen = Set<String>()
        var all: [String] = []
        for list in [adjectives, thingNouns, personNouns, placeNouns, verbs, extraWords] {
            for w in list where seen.insert(w).inserted { all.append(w) }
        }
        return all
    }()

    // MARK: Parsing

    /// The non-empty, non-comment lines of `text`, trimmed.
    static func lines(_ text: String) -> [String] {
        var out: [String] = []
        for raw in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let line = raw.trimmingSpaces()
            if line.isEmpty || line.hasPrefix("#") { continue }
            out.append(line)
        }
        return out
    }

    /// The `|`-separated fields of a line, trimmed.
    static func fields(_ line: String) -> [String] {
        line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingSpaces() }
    }
}

/// A real city with the region, country and postal format that go with it.
package struct Place: Sendable, Hashable {
    package let city: String
    /// State, province or region name.
    package let state: String
    /// Its short code (`CA`, `BY`, `IDF`); for places without a usual code, an
    /// abbreviation of the region.
    package let stateCode: String
    package let country: String
    /// ISO 3166-1 alpha-2.
    package let countryCode: String
    /// `#` is a digit, `?` an uppercase letter, anything else literal.
    package let postalPattern: String
    package let latitude: Double
    package let longitude: Double

    package init(city: String, state: String, stateCode: String, country: String, countryCode: String,
                 postalPattern: String, latitude: Double, longitude: Double) {
        self.city = city
        self.state = state
        self.stateCode = stateCode
        self.country = country
        self.countryCode = countryCode
        self.postalPattern = postalPattern
        self.latitude = latitude
        self.longitude = longitude
    }

    /// `City|State|ST|Country|CC|pattern|lat|lon`
    init(line: String) {
        let f = Vocabulary.fields(line)
        precondition(f.count == 8, "bad place line: \(line)")
        self.init(city: f[0], state: f[1], stateCode: f[2], country: f[3], countryCode: f[4],
                  postalPattern: f[5], latitude: Double(f[6])!, longitude: Double(f[7])!)
    }
}

/// A country with its codes, currency and international dialling prefix.
package struct Country: Sendable, Hashable {
    package let name: String
    /// ISO 3166-1 alpha-2.
    package let code: String
    /// ISO 3166-1 alpha-3.
    package let code3: String
    /// ISO 4217.
    package let currency: String
    /// Dialling prefix without `+`.
    package let dialCode: String

    /// `Name|CC|CCC|CUR|dial`
    init(line: String) {
        let f = Vocabulary.fields(line)
        precondition(f.count == 5, "bad country line: \(line)")
        name = f[0]; code = f[1]; code3 = f[2]; currency = f[3]; dialCode = f[4]
    }
}

/// An ISO 4217 currency.
package struct Currency: Sendable, Hashable {
    package let code: String
    package let name: String
    package let symbol: String

    /// `CODE|Name|symbol`
    init(line: String) {
        let f = Vocabulary.fields(line)
        precondition(f.count == 3, "bad currency line: \(line)")
        code = f[0]; name = f[1]; symbol = f[2]
    }
}

/// A language with its ISO 639-1 code.
package struct Language: Sendable, Hashable {
    package let code: String
    package let name: String

    /// `code|Name`
    init(line: String) {
        let f = Vocabulary.fields(line)
        precondition(f.count == 2, "bad language line: \(line)")
        code = f[0]; name = f[1]
    }
}

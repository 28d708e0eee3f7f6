/// A realistic kind of value: what a column holds in the real world, as
/// opposed to its storage type. The raw values are the generator names users
/// write in the YAML config (`email: { type: email }`), so they are part of
/// the user-facing contract: add cases freely, never rename one.
package enum SemanticKind: String, CaseIterable, Sendable, Codable {
    // MARK: People

    /// A given name such as `Maria` or `Kenji`, from several cultures.
    case firstName = "first_name"
    /// A family name such as `Gonzalez` or `Okafor`.
    case lastName = "last_name"
    /// A first and a last name separated by a space.
    case fullName = "full_name"
    /// A login handle derived from a name, such as `maria_g` or `kenji.sato`.
    case username
    /// An address on a reserved example domain, such as `maria.gonzalez@example.com`.
    case email
    /// A telephone number in a national or international format.
    case phone
    /// A gender label: `female`, `male`, `non-binary` or `unspecified`.
    case gender
    /// A courtesy title before a name: `Mr.`, `Ms.`, `Mrs.`, `Dr.`.
    case honorific
    /// An age in whole years, mostly adults.
    case age
    /// A date of birth (`YYYY-MM-DD`) of an adult.
    case birthDate = "birth_date"

    // MARK: Places

    /// A street line such as `1234 Maple Avenue`.
    case streetAddress = "street_address"
    /// A second address line such as `Apt. 12` or `Suite 300`.
    case secondaryAddress = "secondary_address"
    /// A city name.
    case city
    /// A state, province or region name.
    case state
    /// A short state or region code such as `CA` or `BY`.
    case stateCode = "state_code"
    /// A country name.
    case country
    /// An ISO 3166-1 alpha-2 country code such as `DE`.
    case countryCode = "country_code"
    /// A postal code in the format of a real country.
    case postalCode = "postal_code"
    /// A latitude in degrees near a real city, six decimals.
    case latitude
    /// A longitude in degrees near a real city, six decimals.
    case longitude
    /// An IANA time zone such as `Europe/Berlin`.
    case timezone

    // MARK: Work and commerce

    /// A company name such as `Hoffman Logistics LLC`.
    case company
    /// A job title such as `Senior Data Analyst`.
    case jobTitle = "job_title"
    /// A department such as `Finance` or `Customer Support`.
    case department
    /// A product name such as `Ergonomic Steel Chair`.
    case productName = "product_name"
    /// A product category such as `Home & Kitchen`.
    case category
    /// A film, music or book genre such as `Science Fiction`.
    case genre
    /// A stock-keeping unit code such as `KTC-40821`.
    case sku
    /// A price: two decimals, mostly small amounts, sometimes large ones.
    case price
    /// A yearly salary: two decimals, rounded to hundreds.
    case salary
    /// A small positive count of items.
    case quantity
    /// A percentage between 0 and 100, two decimals.
    case percentage
    /// A rating from 1 to 5, skewed towards the top.
    case rating
    /// An ISO 4217 currency code such as `EUR`.
    case currencyCode = "currency_code"
    /// An IBAN-style bank account number with a valid check.
    case iban
    /// An ISBN-13 with a valid check digit.
    case isbn
    /// A workflow status such as `active` or `pending`.
    case status

    // MARK: Text

    /// A title-cased title such as `The Silent Harbor`.
    case title
    /// One readable English sentence.
    case sentence
    /// One or two sentences describing something.
    case description
    /// Three to five sentences of readable prose.
    case paragraph
    /// A short remark such as `Called twice, no answer.`.
    case note
    /// One ordinary English word.
    case word
    /// A lowercase, hyphenated URL slug such as `quiet-harbor-lantern`.
    case slug
    /// A colour name such as `teal`.
    case color
    /// A language name such as `Portuguese`.
    case language
    /// An ISO 639-1 language code such as `pt`.
    case languageCode = "language_code"
    /// A BCP 47 locale such as `pt-BR`.
    case locale

    // MARK: Internet and machine values

    /// An https URL on a reserved example domain.
    case url
    /// A host name on a reserved example domain.
    case domain
    /// A dotted IPv4 address.
    case ipAddress = "ip_address"
    /// A browser or client user-agent string.
    case userAgent = "user_agent"
    /// A random version-4 UUID in canonical form.
    case uuid
    /// 64 lowercase hex digits (SHA-256 sized; shorter columns take a prefix).
    case hash
    /// A 40-character URL-safe random token.
    case token
    /// A bcrypt-format password hash (`$2b$12$` and 53 characters).
    case passwordHash = "password_hash"
    /// A small JSON object with realistic keys.
    case json

    // MARK: Time

    /// A creation or event timestamp between 2018 and 2024.
    case createdAt = "created_at"
    /// A modification timestamp between 2023 and mid-2025.
    case updatedAt = "updated_at"
    /// A deletion timestamp between mid-2023 and mid-2025.
    case deletedAt = "deleted_at"

    /// How a value of this kind is shaped, for the caller to pick a format.
    package enum ValueClass: Sendable {
        /// Free text (including codes, UUID strings, JSON text).
        case text
        /// A whole number.
        case integer
        /// A decimal number (`scale` digits after the point in the text form).
        case decimal(scale: Int)
        /// A calendar date.
        case date
        /// A date and time of day (no zone).
        case timestamp
    }

    /// The shape of this kind's values.
    package var valueClass: ValueClass {
        switch self {
        case .quantity, .rating, .age: return .integer
        case .price, .salary, .percentage: return .decimal(scale: 2)
        case .latitude, .longitude: return .decimal(scale: 6)
        case .birthDate: return .date
        case .createdAt, .updatedAt, .deletedAt: return .timestamp
        default: return .text
        }
    }

    /// True for the kinds whose text is a number.
    package var isNumeric: Bool {
        switch valueClass {
        case .integer, .decimal: return true
        default: return false
        }
    }

    /// True for the kinds whose text is a date or a timestamp.
    package var isTemporal: Bool {
        switch valueClass {
        case .date, .timestamp: return true
        default: return false
        }
    }

    /// One line for `dbsynth generators`.
    package var summary: String {
        switch self {
        case .firstName: return "given name from several cultures"
        case .lastName: return "family name"
        case .fullName: return "first and last name"
        case .username: return "login handle derived from a name"
        case .email: return "email address on a reserved example domain"
        case .phone: return "telephone number"
        case .gender: return "female, male, non-binary or unspecified"
        case .honorific: return "courtesy title: Mr., Ms., Mrs., Dr."
        case .age: return "age in years (18-90)"
        case .birthDate: return "date of birth of an adult"
        case .streetAddress: return "house number and street"
        case .secondaryAddress: return "apartment, suite or floor"
        case .city: return "city name"
        case .state: return "state, province or region"
        case .stateCode: return "short state or region code"
        case .country: return "country name"
        case .countryCode: return "ISO 3166-1 alpha-2 country code"
        case .postalCode: return "postal code in a real country's format"
        case .latitude: return "latitude near a real city"
        case .longitude: return "longitude near a real city"
        case .timezone: return "IANA time zone"
        case .company: return "company name"
        case .jobTitle: return "job title"
        case .department: return "department name"
        case .productName: return "product name"
        case .category: return "product category"
        case .genre: return "film, music or book genre"
        case .sku: return "stock-keeping unit code"
        case .price: return "price with two decimals"
        case .salary: return "yearly salary"
        case .quantity: return "small item count"
        case .percentage: return "percentage 0-100"
        case .rating: return "rating 1-5"
        case .currencyCode: return "ISO 4217 currency code"
        case .iban: return "IBAN-style account number"
        case .isbn: return "ISBN-13"
        case .status: return "workflow status"
        case .title: return "title-cased title"
        case .sentence: return "one English sentence"
        case .description: return "one or two descriptive sentences"
        case .paragraph: return "three to five sentences"
        case .note: return "short remark"
        case .word: return "one English word"
        case .slug: return "URL slug"
        case .color: return "colour name"
        case .language: return "language name"
        case .languageCode: return "ISO 639-1 language code"
        case .locale: return "BCP 47 locale"
        case .url: return "https URL"
        case .domain: return "host name"
        case .ipAddress: return "IPv4 address"
        case .userAgent: return "browser user agent"
        case .uuid: return "random UUID"
        case .hash: return "hex digest"
        case .token: return "random URL-safe token"
        case .passwordHash: return "bcrypt-format hash"
        case .json: return "small JSON object"
        case .createdAt: return "creation timestamp"
        case .updatedAt: return "modification timestamp"
        case .deletedAt: return "deletion timestamp"
        }
    }
}

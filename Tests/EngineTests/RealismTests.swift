import Testing
@testable import Engine
import SchemaModel

/// The realistic-value layer: kind inference from names and types, the
/// vocabulary, and the text each kind writes.
@Suite struct RealismTests {
    // MARK: - Helpers

    static let text = DataType.text(maxLength: nil)
    static let varchar45 = DataType.text(maxLength: 45)
    static let int4 = DataType.integer(bytes: 4)
    static let money = DataType.numeric(precision: 10, scale: 2)
    static let coordinate = DataType.numeric(precision: 9, scale: 6)
    static let timestamp = DataType.timestamp(withTimeZone: false)

    static func value(_ kind: SemanticKind, row: Int64, stream: UInt64 = 0x5eed) -> String {
        var random = RowRandom(stream: stream, row: row)
        var out = ByteWriter()
        RealisticText.write(kind, row: row, random: &random, into: &out)
        return String(decoding: out.bytes, as: UTF8.self)
    }

    static func email(_ first: String, _ last: String, unique: Int64?) -> String {
        var out = ByteWriter()
        RealisticText.writeEmail(first: first, last: last, unique: unique, into: &out)
        return String(decoding: out.bytes, as: UTF8.self)
    }

    static func username(_ first: String, _ last: String, unique: Int64?) -> String {
        var out = ByteWriter()
        RealisticText.writeUsername(first: first, last: last, unique: unique, into: &out)
        return String(decoding: out.bytes, as: UTF8.self)
    }

    /// A hand-written check of the address shapes generated here: one `@`, a
    /// non-empty local part of `[a-z0-9._-]` not starting or ending with a dot
    /// and without `..`, a domain of dot-separated `[a-z0-9-]` labels with at
    /// least one dot.
    static func isValidEmail(_ s: String) -> Bool {
        let parts = s.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return false }
        let local = parts[0], domain = parts[1]
        guard !local.isEmpty, !local.hasPrefix("."), !local.hasSuffix("."), !local.contains("..") else { return false }
        guard local.utf8.allSatisfy({ isLowerAlnum($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-") })
        else { return false }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2 else { return false }
        return labels.allSatisfy { label in
            !label.isEmpty && label.utf8.allSatisfy { isLowerAlnum($0) || $0 == UInt8(ascii: "-") }
        }
    }

    static func isLowerAlnum(_ b: UInt8) -> Bool {
        (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9"))
    }

    static func isReservedDomain(_ domain: Substring) -> Bool {
        ["example.com", "example.net", "example.org"].contains(where: { domain == $0 || domain.hasSuffix("." + $0) })
            || domain.hasSuffix(".example") || domain.hasSuffix(".test")
    }

    // MARK: - Inference

    struct Case: CustomTestStringConvertible, Sendable {
        let table: String
        let column: String
        let type: DataType
        let expected: SemanticKind?
        init(_ table: String, _ column: String, _ type: DataType, _ expected: SemanticKind?) {
            self.table = table; self.column = column; self.type = type; self.expected = expected
        }
        var testDescription: String { "\(table).\(column) \(type.summary) → \(expected?.rawValue ?? "nil")" }
    }

    static let cases: [Case] = [
        // First names in many spellings and languages
        Case("customer", "first_name", varchar45, .firstName),
        Case("Customer", "FirstName", text, .firstName),
        Case("customer", "firstname", text, .firstName),
        Case("customer", "FIRST_NAME", text, .firstName),
        Case("person", "fname", text, .firstName),
        Case("person", "given_name", text, .firstName),
        Case("clientes", "nombre", text, .firstName),
        Case("kunden", "Vorname", text, .firstName),
        Case("personnes", "prénom", text, .firstName),
        Case("personnes", "prenom", text, .firstName),
        // Last names
        Case("customer", "last_name", varchar45, .lastName),
        Case("person", "surname", text, .lastName),
        Case("person", "family_name", text, .lastName),
        Case("clientes", "apellido", text, .lastName),
        Case("kunden", "Nachname", text, .lastName),
        Case("person", "lname", text, .lastName),
        Case("Employee", "LastName", text, .lastName),
        // `name` by table
        Case("customer", "name", text, .fullName),
        Case("employees", "name", text, .fullName),
        Case("artist", "Name", text, .fullName),
        Case("staff", "name", text, .fullName),
        Case("cities", "name", text, .city),
        Case("city", "city", text, .city),
        Case("companies", "name", text, .company),
        Case("product", "name", text, .productName),
        Case("film", "name", text, .title),
        Case("track", "Name", text, .title),
        Case("albums", "name", text, .title),
        Case("category", "name", varchar45, .category),
        Case("genre", "Name", text, .genre),
        Case("country", "name", text, .country),
        Case("language", "name", .char(length: 20), .language),
        Case("region", "region_name", text, .state),
        Case("orders", "customer_name", text, .fullName),
        Case("suppliers", "CompanyName", text, .company),
        Case("products", "ProductName", text, .productName),
        Case("file", "file_name", text, nil),
        // Title
        Case("employee", "title", text, .jobTitle),
        Case("staff", "title", text, .jobTitle),
        Case("film", "title", text, .title),
        Case("book", "title", varchar45, .title),
        Case("Customers", "ContactTitle", text, .jobTitle),
        // Contact
        Case("customer", "email", varchar45, .email),
        Case("customer", "e_mail", text, .email),
        Case("customer", "EmailAddress", text, .email),
        Case("users", "mail", text, .email),
        Case("address", "phone", .text(maxLength: 20), .phone),
        Case("contacts", "mobile", text, .phone),
        Case("contacts", "tel", text, .phone),
        Case("Customers", "Fax", text, .phone),
        Case("users", "phone_number", text, .phone),
        Case("users", "phone", int4, nil),
        // Address
        Case("address", "address", text, .streetAddress),
        Case("address", "address2", text, .secondaryAddress),
        Case("address", "address_line_2", text, .secondaryAddress),
        Case("address", "address_id", int4, nil),
        Case("address", "district", .text(maxLength: 20), .state),
        Case("address", "postal_code", .text(maxLength: 10), .postalCode),
        Case("address", "zip", text, .postalCode),
        Case("address", "zipcode", text, .postalCode),
        Case("address", "postcode", text, .postalCode),
        Case("Orders", "ShipPostalCode", text, .postalCode),
        Case("Orders", "ShipCity", text, .city),
        Case("Orders", "ShipRegion", text, .state),
        Case("Invoice", "BillingState", text, .state),
        Case("customer", "state", .char(length: 2), .stateCode),
        Case("store", "state", text, .state),
        Case("orders", "state", text, .status),
        Case("address", "province", text, .state),
        Case("address", "county", text, .state),
        Case("customer", "country", text, .country),
        Case("customer", "country", .char(length: 2), .countryCode),
        Case("customer", "country_code", text, .countryCode),
        Case("users", "nationality", text, .country),
        Case("places", "town", text, .city),
        Case("places", "latitude", coordinate, .latitude),
        Case("places", "lat", .double, .latitude),
        Case("places", "lng", .double, .longitude),
        Case("places", "lon", .real, .longitude),
        Case("places", "lat", int4, nil),
        // Keys are someone else's job
        Case("customer", "id", int4, nil),
        Case("customer", "customer_id", int4, nil),
        Case("Customer", "CustomerID", .char(length: 5), nil),
        Case("orders", "customerid", int4, nil),
        Case("customer", "id", .uuid, nil),
        Case("customer", "external_ref", .uuid, .uuid),
        // Time
        Case("actor", "last_update", timestamp, .updatedAt),
        Case("customer", "created_at", timestamp, .createdAt),
        Case("customer", "create_date", .date, .createdAt),
        Case("posts", "updatedAt", timestamp, .updatedAt),
        Case("posts", "modified", timestamp, .updatedAt),
        Case("users", "deleted_at", .timestamp(withTimeZone: true), .deletedAt),
        Case("rental", "rental_date", timestamp, .createdAt),
        Case("payment", "payment_date", timestamp, .createdAt),
        Case("orders", "order_date", .date, .createdAt),
        Case("person", "birth_date", .date, .birthDate),
        Case("person", "dob", .date, .birthDate),
        Case("person", "birthday", .date, .birthDate),
        Case("person", "DateOfBirth", timestamp, .birthDate),
        Case("subscription", "expires_at", timestamp, nil),
        Case("salaries", "to_date", .date, nil),
        Case("users", "created_at", text, .createdAt),
        Case("users", "created_at", .text(maxLength: 10), nil),
        Case("users", "last_login", timestamp, .updatedAt),
        Case("users", "login", text, .username),
        // Text
        Case("film", "description", text, .description),
        Case("products", "desc", text, .description),
        Case("books", "summary", text, .description),
        Case("authors", "bio", text, .paragraph),
        Case("Employees", "Notes", text, .note),
        Case("orders", "comment", text, .note),
        Case("posts", "body", text, .paragraph),
        Case("posts", "tags", text, .word),
        Case("posts", "slug", text, .slug),
        Case("books", "isbn", text, .isbn),
        // Money and counts
        Case("payment", "amount", .numeric(precision: 5, scale: 2), .price),
        Case("products", "price", money, .price),
        Case("Products", "UnitPrice", .numeric(precision: 10, scale: 4), .price),
        Case("film", "rental_rate", .numeric(precision: 4, scale: 2), .price),
        Case("film", "replacement_cost", .numeric(precision: 5, scale: 2), .price),
        Case("Orders", "Freight", .real, .price),
        Case("invoice", "total", money, .price),
        Case("invoice", "total", text, nil),
        Case("ledger", "balance", .money, .price),
        Case("salaries", "amount", int4, .salary),
        Case("employees", "salary", int4, .salary),
        Case("order_items", "quantity", int4, .quantity),
        Case("order_items", "qty", .integer(bytes: 2), .quantity),
        Case("Products", "UnitsInStock", .integer(bytes: 2), .quantity),
        Case("products", "stock", int4, .quantity),
        Case("reviews", "rating", .integer(bytes: 2), .rating),
        Case("reviews", "stars", int4, .rating),
        Case("film", "rating", .enumeration(name: "mpaa_rating", labels: ["G", "PG"]), nil),
        Case("film", "rating", .text(maxLength: 10), nil),
        Case("taxes", "tax_rate", .numeric(precision: 5, scale: 2), .percentage),
        Case("vitals", "heart_rate", int4, nil),
        Case("users", "age", int4, .age),
        Case("users", "age", text, nil),
        Case("products", "discount_percent", .numeric(precision: 5, scale: 2), .percentage),
        // Everything else
        Case("orders", "status", .text(maxLength: 20), .status),
        Case("orders", "status", .enumeration(name: "order_status", labels: ["new"]), nil),
        Case("products", "color", text, .color),
        Case("products", "colour", text, .color),
        Case("users", "lang", .text(maxLength: 5), .languageCode),
        Case("users", "language_code", text, .languageCode),
        Case("users", "locale", text, .locale),
        Case("users", "timezone", text, .timezone),
        Case("users", "tz", text, .timezone),
        Case("users", "time_zone", text, .timezone),
        Case("companies", "website", text, .url),
        Case("Suppliers", "HomePage", text, .url),
        Case("sessions", "ip_address", .inet, .ipAddress),
        Case("sessions", "ip", .text(maxLength: 45), .ipAddress),
        Case("sessions", "user_agent", text, .userAgent),
        Case("devices", "mac_address", text, nil),
        Case("orders", "currency", .char(length: 3), .currencyCode),
        Case("products", "sku", text, .sku),
        Case("products", "barcode", text, .sku),
        Case("products", "code", text, .sku),
        Case("country", "code", .char(length: 2), .countryCode),
        Case("currency", "code", .char(length: 3), .currencyCode),
        Case("staff", "username", .text(maxLength: 16), .username),
        Case("users", "user_name", text, .username),
        Case("users", "handle", text, .username),
        Case("staff", "password", .text(maxLength: 40), .passwordHash),
        Case("users", "password_hash", text, .passwordHash),
        Case("clients", "api_key", text, .token),
        Case("clients", "secret", text, .token),
        Case("files", "checksum", text, .hash),
        Case("files", "md5", .char(length: 32), .hash),
        Case("files", "sha256", text, .hash),
        Case("employees", "gender", .char(length: 1), .gender),
        Case("patients", "sex", text, .gender),
        Case("employees", "title_of_courtesy", .text(maxLength: 25), .honorific),
        Case("contacts", "salutation", varchar45, .honorific),
        Case("customer", "company", text, .company),
        Case("customer", "organization", text, .company),
        Case("users", "employer", text, .company),
        Case("employees", "job_title", text, .jobTitle),
        Case("employees", "position", text, .jobTitle),
        Case("employees", "position", int4, nil),
        Case("employees", "occupation", text, .jobTitle),
        Case("employees", "department", text, .department),
        Case("employees", "dept", text, .department),
        Case("events", "payload", .jsonb, .json),
        Case("events", "data", .json, .json),
        Case("users", "settings", text, .json),
        Case("users", "email_verified", .boolean, nil),
        Case("misc", "widget_count_flag", .boolean, nil),
        Case("misc", "frobnicator", text, nil),
        Case("warehouse", "location", text, .city),
        Case("crew", "crew_name", text, .title),
        Case("hospital", "hospital_name", text, .company),
        Case("division", "division_name", text, .department),
        Case("flights", "aircraft_code", .char(length: 3), nil),
        Case("bookings", "passenger_name", text, .fullName),
        Case("person", "country_of_birth", text, .country),
        Case("person", "place_of_birth", text, .city),
        Case("departments", "dept_no", .char(length: 4), nil),
        Case("titles", "title", text, .jobTitle),
        Case("MediaType", "Name", text, .word),
        Case("playlist", "Name", text, .title),
        Case("Track", "Composer", text, .fullName),
        Case("Products", "QuantityPerUnit", text, nil),
        Case("Employees", "PhotoPath", text, .url),
        Case("Region", "RegionDescription", .char(length: 50), .description),
        Case("projects", "name", text, .title),
    ]

    @Test(arguments: cases)
    func infersKind(_ c: Case) {
        #expect(KindInference.infer(table: c.table, column: c.column, type: c.type) == c.expected)
    }

    @Test func inferredKindsAlwaysFitTheirType() {
        let types: [DataType] = [
            .boolean, .integer(bytes: 2), .integer(bytes: 8), .numeric(precision: 10, scale: 2),
            .numeric(precision: nil, scale: nil), .numeric(precision: 6, scale: 0), .real, .double, .money,
            .text(maxLength: nil), .text(maxLength: 2), .text(maxLength: 10), .text(maxLength: 255), .char(length: 1),
            .char(length: 3), .date, .timestamp(withTimeZone: true), .time(withTimeZone: false), .uuid, .json,
            .inet, .bytes, .array(element: .text(maxLength: nil), dimensions: 1), .unknown("geometry"),
        ]
        let tables = ["customer", "orders", "film", "country", "misc", "salaries", "emails"]
        for name in KindInference.rules.keys {
            for type in types {
                for table in tables {
                    guard let kind = KindInference.infer(table: table, column: name, type: type) else { continue }
                    #expect(KindInference.fits(kind, KindInference.Shape(type)), "\(table).\(name) \(type.summary) → \(kind)")
                }
            }
        }
    }

    @Test func splitsIdentifiersIntoWords() {
        #expect(NameWords.split("FirstName") == ["first", "name"])
        #expect(NameWords.split("first_name") == ["first", "name"])
        #expect(NameWords.split("first-name") == ["first", "name"])
        #expect(NameWords.split("First Name") == ["first", "name"])
        #expect(NameWords.split("CustomerID") == ["customer", "id"])
        #expect(NameWords.split("URLPath") == ["url", "path"])
        #expect(NameWords.split("address2") == ["address", "2"])
        #expect(NameWords.split("sha256") == ["sha", "256"])
        #expect(NameWords.split("prénom") == ["prenom"])
        #expect(NameWords.split("__x__") == ["x"])
        #expect(NameWords.split("") == [])
    }

    @Test func singularisesTableNames() {
        #expect(KindInference.singular("cities") == "city")
        #expect(KindInference.singular("addresses") == "address")
        #expect(KindInference.singular("statuses") == "status")
        #expect(KindInference.singular("people") == "person")
        #expect(KindInference.singular("movies") == "movie")
        #expect(KindInference.singular("employees") == "employee")
        #expect(KindInference.singular("status") == "status")
    }

    // MARK: - Vocabulary

    @Test func vocabularyIsLargeAndDistinct() {
        func check(_ list: [String], atLeast n: Int, distinct: Bool = true, _ name: String) {
            #expect(list.count >= n, "\(name): \(list.count) < \(n)")
            if distinct { #expect(Set(list).count == list.count, "\(name) has repeats") }
            #expect(!list.contains(where: { $0.isEmpty || $0.hasPrefix(" ") || $0.hasSuffix(" ") }), "\(name) has blank or padded entries")
        }
        check(Vocabulary.firstNames, atLeast: 300, "firstNames")
        check(Vocabulary.lastNames, atLeast: 300, "lastNames")
        check(Vocabulary.streetStems, atLeast: 100, "streetStems")
        check(Vocabulary.streetSuffixes, atLeast: 20, distinct: false, "streetSuffixes")
        check(Vocabulary.companyPrefixes + Vocabulary.companyIndustries, atLeast: 150, "company parts")
        check(Vocabulary.companySuffixes, atLeast: 10, distinct: false, "companySuffixes")
        check(Vocabulary.jobTitles, atLeast: 100, "jobTitles")
        check(Vocabulary.departments, atLeast: 30, "departments")
        check(Vocabulary.productAdjectives, atLeast: 100, "productAdjectives")
        check(Vocabulary.productMaterials, atLeast: 100, "productMaterials")
        check(Vocabulary.productNouns, atLeast: 100, "productNouns")
        check(Vocabulary.categories, atLeast: 50, "categories")
        check(Vocabulary.genres, atLeast: 40, "genres")
        check(Vocabulary.colors, atLeast: 40, "colors")
        check(Vocabulary.timezones, atLeast: 40, "timezones")
        check(Vocabulary.userAgents, atLeast: 20, "userAgents")
        check(Vocabulary.emailDomains, atLeast: 50, "emailDomains")
        check(Vocabulary.locales, atLeast: 30, "locales")
        check(Vocabulary.words, atLeast: 500, "words")
        #expect(Vocabulary.places.count >= 200)
        #expect(Set(Vocabulary.countries.map(\.code)).count >= 60)
        #expect(Set(Vocabulary.currencies.map(\.code)).count >= 30)
        #expect(Set(Vocabulary.languages.map(\.code)).count >= 30)
    }

    @Test func codesHaveTheirStandardShape() {
        func letters(_ s: String, _ n: Int, upper: Bool) -> Bool {
            s.utf8.count == n && s.utf8.allSatisfy { upper ? ($0 >= 65 && $0 <= 90) : ($0 >= 97 && $0 <= 122) }
        }
        for c in Vocabulary.countries {
            #expect(letters(c.code, 2, upper: true) && letters(c.code3, 3, upper: true) && letters(c.currency, 3, upper: true), "\(c)")
            #expect(!c.dialCode.isEmpty && c.dialCode.utf8.allSatisfy { $0 >= 48 && $0 <= 57 }, "\(c)")
        }
        for c in Vocabulary.currencies { #expect(letters(c.code, 3, upper: true), "\(c)") }
        for l in Vocabulary.languages { #expect(letters(l.code, 2, upper: false), "\(l)") }
        for tz in Vocabulary.timezones { #expect(tz == "UTC" || tz.contains("/"), "\(tz)") }
    }

    @Test func emailDomainsAreReserved() {
        for d in Vocabulary.emailDomains { #expect(Self.isReservedDomain(Substring(d)), "\(d)") }
        for s in Vocabulary.webSuffixes {
            #expect(["example.com", "example.net", "example.org", "example", "test"].contains(s), "\(s)")
        }
    }

    @Test func placesAreConsistent() {
        for p in Vocabulary.places {
            let country = Vocabulary.countryByCode[p.countryCode]
            #expect(country?.name == p.country, "\(p.city): \(p.countryCode) is \(country?.name ?? "unknown"), not \(p.country)")
            #expect(!p.city.isEmpty && !p.state.isEmpty && !p.stateCode.isEmpty, "\(p.city)")
            #expect((-90...90).contains(p.latitude) && (-180...180).contains(p.longitude), "\(p.city)")
            #expect(!p.postalPattern.isEmpty, "\(p.city)")
        }
        // One row's parts come from one place: postal codes follow the place's pattern.
        for row in Int64(0)..<500 {
            var random = RowRandom(stream: 7, row: row)
            let place = RealisticText.place(&random)
            var out = ByteWriter()
            RealisticText.writePostalCode(for: place, &random, into: &out)
            let code = Array(out.bytes), pattern = Array(place.postalPattern.utf8)
            #expect(code.count == pattern.count, "\(place.city): \(String(decoding: code, as: UTF8.self))")
            for (c, p) in zip(code, pattern) {
                switch p {
                case UInt8(ascii: "#"): #expect(c >= 48 && c <= 57)
                case UInt8(ascii: "?"): #expect(c >= 65 && c <= 90)
                default: #expect(c == p)
                }
            }
            let (lat, lon) = RealisticText.coordinate(near: place, &random)
            #expect(abs(lat - place.latitude) < 0.5 && abs(lon - place.longitude) < 0.5)
        }
    }

    // MARK: - Emails and usernames

    @Test func emailsAreValidAndUniquePerUniqueValue() {
        var seen = Set<String>()
        for i in Int64(0)..<10_000 {
            var random = RowRandom(stream: 42, row: i)
            let first = RealisticText.firstName(&random)
            let last = RealisticText.lastName(&random)
            let e = Self.email(first, last, unique: i)
            #expect(Self.isValidEmail(e), "\(e)")
            #expect(Self.isReservedDomain(e.split(separator: "@")[1]), "\(e)")
            #expect(seen.insert(e).inserted, "duplicate \(e)")
        }
        // Even with the same name every time.
        var same = Set<String>()
        for i in Int64(0)..<10_000 { same.insert(Self.email("María", "González", unique: i)) }
        #expect(same.count == 10_000)
        #expect(Self.email("Ann", "Lee", unique: -1).contains("18446744073709551615"))
    }

    @Test func emailsFoldNamesToASCII() {
        for (first, last) in [("María", "González"), ("Søren", "Müller"), ("Łukasz", "Wiśniewski"),
                              ("Ayşe", "Yılmaz"), ("Liam", "O'Brien"), ("Jan", "de Vries"), ("山田", "太郎")] {
            let e = Self.email(first, last, unique: nil)
            #expect(Self.isValidEmail(e), "\(e)")
        }
        var out = ByteWriter()
        TextFold.appendFolded("Zoë Ødegård-Straße", into: &out)
        #expect(String(decoding: out.bytes, as: UTF8.self) == "zoeodegardstrasse")
        #expect(Self.email("", "", unique: 7).hasPrefix("user7@"))
        // The name shows in the address.
        let e = Self.email("María", "González", unique: nil)
        #expect(e.contains("maria") || e.contains("gonzalez"), "\(e)")
    }

    @Test func usernamesAreValidAndUnique() {
        var seen = Set<String>()
        for i in Int64(0)..<10_000 {
            var random = RowRandom(stream: 9, row: i)
            let u = Self.username(RealisticText.firstName(&random), RealisticText.lastName(&random), unique: i)
            #expect(!u.isEmpty && u.utf8.allSatisfy { Self.isLowerAlnum($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "_") }, "\(u)")
            #expect(seen.insert(u).inserted, "duplicate \(u)")
        }
    }

    @Test func uniquePhonesAreDistinct() {
        var seen = Set<String>()
        var random = RowRandom(stream: 1, row: 0)
        for i in Int64(0)..<5_000 {
            var out = ByteWriter()
            RealisticText.writePhone(&random, unique: i * 7_919, into: &out)
            #expect(seen.insert(String(decoding: out.bytes, as: UTF8.self)).inserted)
        }
    }

    // MARK: - Values

    @Test(arguments: SemanticKind.allCases)
    func valuesAreDeterministicAndVaried(_ kind: SemanticKind) {
        var distinct = Set<String>()
        for row in Int64(0)..<200 {
            let a = Self.value(kind, row: row)
            #expect(a == Self.value(kind, row: row), "\(kind) row \(row) differs between runs")
            distinct.insert(a)
        }
        let minimum: Int
        switch kind {
        case .gender: minimum = 2
        case .honorific: minimum = 4
        case .rating, .status: minimum = 4
        default: minimum = 10
        }
        #expect(distinct.count >= minimum, "\(kind): only \(distinct.count) distinct values in 200 rows")
        // A different stream gives different values.
        let other = (0..<20).map { Self.value(kind, row: Int64($0), stream: 0xbeef) }
        let mine = (0..<20).map { Self.value(kind, row: Int64($0)) }
        #expect(other != mine, "\(kind) ignores its stream")
    }

    @Test(arguments: SemanticKind.allCases)
    func valuesAreNeverTheKindNameOrEmpty(_ kind: SemanticKind) {
        let spaced = kind.rawValue.split(separator: "_").joined(separator: " ")
        for row in Int64(0)..<300 {
            let v = Self.value(kind, row: row)
            #expect(!v.isEmpty, "\(kind) row \(row) is empty")
            #expect(v.lowercased() != kind.rawValue && v.lowercased() != spaced, "\(kind) row \(row) is its own name")
            #expect(!v.contains("{") && !v.contains("}") || kind == .json, "\(kind) left a template slot: \(v)")
            #expect(v.utf8.allSatisfy { $0 >= 0x20 }, "\(kind) has control bytes")
        }
    }

    @Test func numericKindsWriteNumbers() {
        for kind in SemanticKind.allCases where kind.isNumeric {
            for row in Int64(0)..<300 {
                let v = Self.value(kind, row: row)
                guard let d = Double(v) else { Issue.record("\(kind): \(v) is not a number"); continue }
                switch kind {
                case .rating: #expect((1...5).contains(d))
                case .age: #expect((18...90).contains(d))
                case .quantity: #expect(d >= 1 && d == d.rounded())
                case .percentage: #expect((0...100).contains(d))
                case .price: #expect(d > 0 && v.split(separator: ".").last?.count == 2)
                case .salary: #expect(d >= 18_000)
                case .latitude: #expect((-90...90).contains(d))
                case .longitude: #expect((-180...180).contains(d))
                default: break
                }
            }
        }
    }

    @Test func temporalKindsWriteDatesInTheirRange() {
        let epoch = CivilDate.civil(days: 0)
        #expect(epoch.year == 1970 && epoch.month == 1 && epoch.day == 1)
        #expect(CivilDate.days(year: 2000, month: 3, day: 1) == 11_017)
        let leap = CivilDate.civil(days: 11_016)
        #expect(leap.year == 2000 && leap.month == 2 && leap.day == 29)
        for kind in [SemanticKind.createdAt, .updatedAt, .deletedAt, .birthDate] {
            let range = RealisticText.epochSecondRange(kind)!
            for row in Int64(0)..<300 {
                var random = RowRandom(stream: 3, row: row)
                let s = RealisticText.epochSecond(kind, &random)
                #expect(range.contains(s))
                let v = Self.value(kind, row: row)
                let b = Array(v.utf8)
                #expect(b.count == (kind == .birthDate ? 10 : 19), "\(v)")
                #expect(b[4] == UInt8(ascii: "-") && b[7] == UInt8(ascii: "-"), "\(v)")
                let year = Int(String(v.prefix(4)))!, month = Int(String(v.dropFirst(5).prefix(2)))!
                #expect((1935...2025).contains(year) && (1...12).contains(month), "\(v)")
            }
        }
        var out = ByteWriter()
        CivilDate.writeTimestamp(seconds: 951_782_400 + 3_661, into: &out)
        #expect(String(decoding: out.bytes, as: UTF8.self) == "2000-02-29 01:01:01")
    }

    @Test func checkDigitsAreValid() {
        for row in Int64(0)..<300 {
            let isbn = Array(Self.value(.isbn, row: row).utf8).map { Int($0) - 48 }
            #expect(isbn.count == 13)
            let sum = isbn.enumerated().reduce(0) { $0 + ($1.offset % 2 == 0 ? $1.element : 3 * $1.element) }
            #expect(sum % 10 == 0, "ISBN check digit")

            let iban = Self.value(.iban, row: row)
            let rearranged = Array(iban.utf8.dropFirst(4)) + Array(iban.utf8.prefix(4))
            var rem = 0
            for c in rearranged {
                rem = c >= 65 ? (rem * 100 + Int(c) - 55) % 97 : (rem * 10 + Int(c) - 48) % 97
            }
            #expect(rem == 1, "IBAN \(iban) fails mod 97")

            let uuid = Self.value(.uuid, row: row)
            let u = Array(uuid.utf8)
            #expect(u.count == 36 && u[14] == UInt8(ascii: "4") && [UInt8(ascii: "8"), UInt8(ascii: "9"), UInt8(ascii: "a"), UInt8(ascii: "b")].contains(u[19]), "\(uuid)")
            #expect(Self.value(.hash, row: row).utf8.count == 64)
            #expect(Self.value(.passwordHash, row: row).utf8.count == 60)
        }
    }

    @Test func internetValuesLookRight() {
        for row in Int64(0)..<300 {
            let url = Self.value(.url, row: row)
            #expect(url.hasPrefix("https://") && !url.contains(" "), "\(url)")
            let host = url.dropFirst(8).split(separator: "/").first.map(String.init) ?? ""
            #expect(Self.isReservedDomain(Substring(host)), "\(url)")
            let domain = Self.value(.domain, row: row)
            #expect(Self.isReservedDomain(Substring(domain)) && !domain.contains(" "), "\(domain)")
            let ip = Self.value(.ipAddress, row: row).split(separator: ".").compactMap { Int($0) }
            #expect(ip.count == 4 && ip.allSatisfy { (0...255).contains($0) })
            let email = Self.value(.email, row: row)
            #expect(Self.isValidEmail(email), "\(email)")
            let json = Self.value(.json, row: row)
            #expect(json.hasPrefix("{") && json.hasSuffix("}") && json.utf8.count < 200, "\(json)")
        }
    }

    @Test func proseReadsLikeEnglish() {
        for kind in [SemanticKind.description, .paragraph, .sentence, .note] {
            for row in Int64(0)..<300 {
                let v = Self.value(kind, row: row)
                #expect(v.first?.isUppercase == true, "\(kind): \(v)")
                #expect(v.hasSuffix(".") || v.hasSuffix("!") || v.hasSuffix("?"), "\(kind): \(v)")
                #expect(!v.contains("  "), "\(kind): \(v)")
                let words = v.split(separator: " ")
                for (a, b) in zip(words, words.dropFirst()) where a == "a" || a == "A" || a == "an" || a == "An" {
                    let expectsAn = RealisticText.takesAn(String(b))
                    #expect(expectsAn == (a.count == 2), "\(kind): \"\(a) \(b)\" in \(v)")
                }
            }
        }
        #expect(RealisticText.takesAn("apple") && RealisticText.takesAn("hourglass") && RealisticText.takesAn("unusual"))
        #expect(!RealisticText.takesAn("university") && !RealisticText.takesAn("harbor") && !RealisticText.takesAn("useful"))
    }

    @Test func titlesAreTitleCased() {
        for row in Int64(0)..<300 {
            let t = Self.value(.title, row: row)
            // Small words stay lowercase, as do particles inside city names ("Rio de Janeiro").
            let small: Set<Substring> = ["of", "the", "and", "in", "at", "from", "to", "under", "de", "del", "do", "upon", "am", "im", "y"]
            for word in t.split(separator: " ") where !small.contains(word) {
                #expect(word.first?.isUppercase == true || word.first?.isLetter == false, "\(t)")
            }
        }
    }

    @Test func streetAddressesFollowTheCountry() {
        let berlin = Vocabulary.places.first { $0.city == "Berlin" }!
        let paris = Vocabulary.places.first { $0.city == "Paris" }!
        let chicago = Vocabulary.places.first { $0.city == "Chicago" }!
        for row in Int64(0)..<50 {
            var random = RowRandom(stream: 5, row: row)
            var out = ByteWriter()
            RealisticText.writeStreetAddress(for: berlin, &random, into: &out)
            let de = String(decoding: out.bytes, as: UTF8.self)
            #expect(de.last?.isNumber == true, "\(de)")
            out.removeAll()
            RealisticText.writeStreetAddress(for: paris, &random, into: &out)
            let fr = String(decoding: out.bytes, as: UTF8.self)
            #expect(fr.first?.isNumber == true, "\(fr)")
            out.removeAll()
            RealisticText.writeStreetAddress(for: chicago, &random, into: &out)
            let us = String(decoding: out.bytes, as: UTF8.self)
            #expect(us.first?.isNumber == true && us.split(separator: " ").count >= 3, "\(us)")
        }
    }
}

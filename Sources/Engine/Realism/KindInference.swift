import SchemaModel

/// Guesses the realistic kind of a column from its name, its table's name and
/// its type, so that `first_name` gets first names and `unit_price` prices
/// without any configuration.
///
/// The column name is split into lowercase ASCII words (`FirstName`,
/// `first_name`, `first-name` and `FIRST_NAME` all become `first name`), and
/// the longest trailing run of words that is a known name decides
/// (`billing_postal_code` → `postal code`, `customer_email` → `email`). A few
/// names need the table to decide: `name` is a person's name in `customer`,
/// a city in `cities`, a title in `film`; `title` is a job title in
/// `employee`; `state` is a status in `orders` and a region elsewhere; `code`
/// is a country code in `country`. The type then has the last word: text
/// kinds only for text columns long enough to hold them, numbers only for
/// numeric columns, timestamps for date/time columns (and text ones wide
/// enough for `YYYY-MM-DD HH:MM:SS`).
///
/// Keys (`id`, `*_id`) and anything unrecognised give nil, for the caller's
/// generic generators.
package enum KindInference {
    package static func infer(table: String, column: String, type: DataType) -> SemanticKind? {
        let words = NameWords.split(column)
        guard !words.isEmpty, !isKeyName(words) else { return nil }
        let shape = Shape(type)
        switch shape {
        case .unsupported: return nil
        case .uuid: return .uuid
        case .json: return .json
        case .inet: return .ipAddress
        default: break
        }
        let tableEntity = entity(ofTable: table)
        if let kind = nameKind(words, table: tableEntity, shape: shape), fits(kind, shape) {
            return kind
        }
        switch shape {
        case .date, .timestamp: return genericTemporal(words)
        case .money: return .price
        default: return nil
        }
    }

    // MARK: - Type shape

    enum Shape: Equatable {
        case text(maxLength: Int?)
        case integer
        case decimal(scale: Int?)
        case float
        case money
        case date
        case timestamp
        case uuid
        case json
        case inet
        case unsupported

        init(_ type: DataType) {
            switch type {
            case .integer: self = .integer
            case .numeric(_, let scale): self = scale == 0 ? .integer : .decimal(scale: scale)
            case .real, .double: self = .float
            case .money: self = .money
            case .text(let n): self = .text(maxLength: n)
            case .char(let n): self = .text(maxLength: n)
            case .date: self = .date
            case .timestamp: self = .timestamp
            case .uuid: self = .uuid
            case .json, .jsonb: self = .json
            case .inet, .cidr: self = .inet
            default: self = .unsupported
            }
        }

        var isNumeric: Bool {
            switch self {
            case .integer, .decimal, .float, .money: return true
            default: return false
            }
        }

        var isText: Bool {
            if case .text = self { return true }
            return false
        }

        /// The declared maximum of a text column (nil when unbounded or not text).
        var textMax: Int? {
            if case .text(let n) = self { return n }
            return nil
        }
    }

    /// Whether values of `kind` can be stored in a column of `type` (for
    /// kinds chosen from outside inference: `init --llm`'s advice).
    package static func fits(_ kind: SemanticKind, type: DataType) -> Bool { fits(kind, Shape(type)) }

    /// Whether values of `kind` can be stored in a column of `shape`.
    static func fits(_ kind: SemanticKind, _ shape: Shape) -> Bool {
        switch kind.valueClass {
        case .integer:
            switch shape {
            case .integer, .decimal, .float: return true
            default: return false
            }
        case .decimal:
            if kind == .latitude || kind == .longitude {
                switch shape {
                case .float: return true
                case .decimal(let scale): return scale == nil || scale! >= 1
                default: return false
                }
            }
            return shape.isNumeric
        case .date:
            if shape == .date || shape == .timestamp { return true }
            return shape.isText && (shape.textMax ?? .max) >= 10
        case .timestamp:
            if shape == .date || shape == .timestamp { return true }
            return shape.isText && (shape.textMax ?? .max) >= 19
        case .text:
            switch (kind, shape) {
            case (.uuid, .uuid), (.json, .json), (.ipAddress, .inet): return true
            default: break
            }
            guard shape.isText else { return false }
            guard let n = shape.textMax else { return true }
            if kind == .json { return n >= 200 }
            return n >= minimumLength(kind)
        }
    }

    /// The shortest declared length at which a kind's values still read as
    /// that kind once cut to fit.
    static func minimumLength(_ kind: SemanticKind) -> Int {
        switch kind {
        case .gender: return 1
        case .stateCode, .countryCode, .languageCode: return 2
        case .honorific: return 3
        case .currencyCode, .firstName, .lastName: return 3
        case .city, .state, .country, .postalCode, .department, .category, .genre, .color, .language, .word:
            return 4
        case .locale: return 5
        case .username, .secondaryAddress, .status, .sku, .jobTitle: return 6
        case .fullName, .company, .productName, .title, .timezone, .slug: return 8
        case .phone, .streetAddress, .note, .domain: return 10
        case .isbn: return 13
        case .ipAddress: return 15
        case .email, .token: return 16
        case .iban: return 18
        case .sentence, .description, .paragraph, .url, .passwordHash: return 20
        case .hash: return 32
        case .uuid: return 36
        case .userAgent: return 40
        default: return 1
        }
    }

    // MARK: - Names

    /// What a name decides, before the type has its say.
    enum Rule {
        case kind(SemanticKind)
        /// Explicitly nothing (`mac_address`, `heart_rate`).
        case never
        /// `name`, `<entity>_name`: by the entity.
        case name
        /// `title`: a job title for people, a title otherwise.
        case jobOrTitle
        /// `state`: a region, or a status in order-like tables.
        case regionOrStatus
        /// `code`: by the table (country, currency, language, product).
        case code
        /// `country`: a code when the column is 3 characters or fewer.
        case countryOrCode
        /// `language`: a code when the column is 5 characters or fewer.
        case languageOrCode
        /// `address`: an email in an `emails` table, a street otherwise.
        case address
        /// `nombre` (Spanish "name"): a first name for people, else like `name`.
        case nombre
        /// `rate`: a percentage on numeric columns.
        case rate
        /// `amount`, `total`...: a salary in salary tables, a price otherwise.
        case money
    }

    static func nameKind(_ words: [String], table: Entity?, shape: Shape) -> SemanticKind? {
        for start in words.indices {
            let key = words[start...].joined()
            guard let rule = rules[key] ?? (key.count > 3 && key.hasSuffix("s") ? rules[singular(key)] : nil) else {
                continue
            }
            let prefix = Array(words[..<start])
            return resolve(rule, prefix: prefix, table: table, shape: shape)
        }
        return nil
    }

    static func resolve(_ rule: Rule, prefix: [String], table: Entity?, shape: Shape) -> SemanticKind? {
        let maxLength = shape.textMax
        switch rule {
        case .kind(let kind):
            return kind
        case .never:
            return nil
        case .name:
            if !prefix.isEmpty {
                guard let e = entity(ofWords: prefix) else { return nil }
                return e.nameKind
            }
            return table?.nameKind ?? (table == nil ? .title : nil)
        case .nombre:
            if table == nil || table == .person { return .firstName }
            return table?.nameKind
        case .jobOrTitle:
            let e = prefix.isEmpty ? table : (entity(ofWords: prefix) ?? table)
            return e == .person || e == .job ? .jobTitle : .title
        case .regionOrStatus:
            if let last = prefix.last {
                if statusTables.contains(singular(last)) { return .status }
                if geographicPrefixes.contains(last) { return (maxLength ?? 99) <= 3 ? .stateCode : .state }
            }
            if table == .orderLike { return .status }
            return (maxLength ?? 99) <= 3 ? .stateCode : .state
        case .code:
            if !prefix.isEmpty { return entity(ofWords: prefix) == .product ? .sku : nil }
            switch table {
            case .country: return .countryCode
            case .currency: return .currencyCode
            case .language: return .languageCode
            case .state: return .stateCode
            default: return .sku
            }
        case .countryOrCode:
            return (maxLength ?? 99) <= 3 ? .countryCode : .country
        case .languageOrCode:
            return (maxLength ?? 99) <= 5 ? .languageCode : .language
        case .address:
            return table == .email ? .email : .streetAddress
        case .rate:
            return shape.isNumeric ? .percentage : nil
        case .money:
            return table == .salary ? .salary : .price
        }
    }

    /// Date and time columns no rule named: an event time, unless the name
    /// says it lies ahead (`expires_at`, `due_date`, `to_date`).
    static func genericTemporal(_ words: [String]) -> SemanticKind? {
        guard let last = words.last, temporalSuffixes.contains(last) || words.count == 1 && last == "when" else {
            return nil
        }
        if words.contains(where: { futureWords.contains($0) }) { return nil }
        return .createdAt
    }

    static let temporalSuffixes: Set<String> = ["at", "on", "date", "time", "timestamp", "datetime", "dt", "ts", "day"]
    static let futureWords: Set<String> = [
        "expires", "expire", "expiry", "expiration", "expiring", "due", "deadline", "until", "to", "till",
        "scheduled", "next", "planned", "renewal", "renews",
    ]
    static let geographicPrefixes: Set<String> = [
        "ship", "shipping", "billing", "bill", "home", "mailing", "mail", "birth", "residence", "work", "office",
        "address", "delivery", "origin", "destination", "legal", "primary", "secondary",
    ]

    /// Key and reference columns: `id`, `customer_id`, `CustomerID`, `userid`.
    static func isKeyName(_ words: [String]) -> Bool {
        guard let last = words.last else { return false }
        if ["id", "ids", "pk", "fk", "uid", "oid", "rowid"].contains(last) { return true }
        if words.count == 1, last.count > 4, last.hasSuffix("id") {
            let stem = String(last.dropLast(2))
            return entities[stem] != nil || statusTables.contains(stem)
        }
        return false
    }

    /// Name rules, by the joined lowercase words of a column-name suffix.
    static let rules: [String: Rule] = {
        var map: [String: Rule] = [:]
        func add(_ rule: Rule, _ keys: String) {
            for k in keys.split(whereSeparator: { $0 == " " || $0 == "\n" }) { map[String(k)] = rule }
        }
        func add(_ kind: SemanticKind, _ keys: String) { add(.kind(kind), keys) }

        // People
        add(.firstName, "firstname fname givenname forename middlename christianname vorname prenom")
        add(.lastName, """
            lastname lname surname familyname apellido apellidos nachname familienname maidenname nom
            nomdefamille
            """)
        add(.fullName, """
            fullname displayname realname legalname preferredname contactname customername personname clientname
            employeename authorname ownername recipientname sendername shipname billingname shippingname
            cardholdername cardholder accountholder holdername membername studentname patientname passengername
            author artist composer director actor owner recipient assignee reporter
            """)
        add(.username, "username user login loginname handle nickname nick screenname alias gamertag")
        add(.email, "email mail emailaddress emailaddr eaddress correo courriel")
        add(.phone, """
            phone phonenumber phoneno phonenum telephone telephonenumber tel telno mobile mobilephone mobilenumber
            mobileno cell cellphone cellular fax faxnumber faxno msisdn telefono telefon contactnumber
            """)
        add(.gender, "gender sex genero geschlecht")
        add(.honorific, "honorific titleofcourtesy courtesytitle courtesy salutation nameprefix anrede tratamiento")
        add(.age, "age ageyears")
        add(.nombre, "nombre")
        add(.name, "name")

        // Places
        add(.address, "address")
        add(.streetAddress, """
            streetaddress street streetname streetline addressline addressline1 address1 addr addr1 line1 street1
            direccion strasse adresse
            """)
        add(.secondaryAddress, """
            address2 addressline2 addr2 line2 street2 address3 addressline3 line3 apartment apt aptnumber aptno
            suite suitenumber
            """)
        add(.city, "city town cityname municipality locality location ciudad stadt ville birthplace placeofbirth")
        add(.state, """
            region province county district prefecture territory stateprovince stateorprovince stateregion
            provincia bundesland canton
            """)
        add(Rule.regionOrStatus, "state")
        add(.stateCode, "statecode stateabbr stateabbreviation provincecode regioncode")
        add(Rule.countryOrCode, "country")
        add(.country, "countryname nation nationality pais citizenship countryofbirth")
        add(.countryCode, "countrycode countryiso iso2 isocountry countryiso2")
        add(.postalCode, """
            postalcode postcode zip zipcode zippostalcode plz postleitzahl codigopostal codepostal pincode cep
            """)
        add(.latitude, "latitude lat")
        add(.longitude, "longitude lng lon long")
        add(.timezone, "timezone tz tzname timezonename zoneinfo")

        // Work and commerce
        add(.company, """
            company companyname organization organisation org orgname organizationname organisationname employer
            businessname firm vendor vendorname supplier suppliername manufacturer brand brandname publisher
            publishername carrier shipper shippername agency bankname merchant merchantname empresa firma
            """)
        add(.jobTitle, "jobtitle position occupation profession designation jobposition job jobrole contacttitle")
        add(.department, "department dept departmentname deptname division businessunit")
        add(.productName, "product productname item itemname")
        add(.category, "category categoryname subcategory segment")
        add(.genre, "genre genrename")
        add(.sku, """
            sku barcode ean upc gtin productcode itemcode partnumber partno modelnumber modelno serialnumber serialno
            serial articlenumber stockcode catalognumber promocode couponcode discountcode vouchercode
            """)
        add(.code, "code")
        add(.money, """
            price amount cost total subtotal unitprice listprice saleprice retailprice rentalrate replacementcost
            freight fee fees charge charges balance totalamount grandtotal tax taxamount shippingcost msrp budget
            revenue amountpaid payment deposit refund costprice wholesaleprice hourlyrate dailyrate nightlyrate
            baserate fare
            """)
        add(.salary, "salary income annualsalary basesalary compensation")
        add(.quantity, """
            quantity qty stock unitsinstock unitsonorder reorderlevel stocklevel stockquantity inventory onhand
            quantityonhand count itemcount pieces numitems numberofitems capacity seats instock
            """)
        add(.percentage, "percent percentage pct")
        add(.rate, "rate")
        add(.rating, "rating stars score starrating ratingvalue")
        add(.currencyCode, "currency currencycode curr ccy currencyiso")
        add(.iban, "iban accountnumber bankaccount bankaccountnumber accountno acctnumber acctno")
        add(.isbn, "isbn isbn10 isbn13")
        add(.status, "status")

        // Text
        add(Rule.jobOrTitle, "title")
        add(.title, "headline subject heading subtitle caption")
        add(.description, "description desc descr summary synopsis overview abstract blurb details excerpt")
        add(.paragraph, "body content text bio biography about aboutme story essay")
        add(.note, """
            note notes comment comments remark remarks memo feedback review reviewtext reason instructions
            specialinstructions message purpose
            """)
        add(.sentence, "tagline slogan motto question")
        add(.word, "word tag tags keyword keywords hobby interest skill topic")
        add(.slug, "slug permalink urlslug")
        add(.color, "color colour colorname colourname")
        add(Rule.languageOrCode, "language")
        add(.languageCode, "lang langcode languagecode languageiso")
        add(.locale, "locale localecode culture")

        // Internet and machine values
        add(.url, """
            url uri link website homepage webpage href weburl imageurl photourl avatarurl avatar picture photo image
            thumbnail logo icon photopath imagepath profileurl
            """)
        add(.domain, "domain domainname hostname host fqdn subdomain")
        add(.ipAddress, "ip ipaddress ipaddr ipv4 remoteaddr remoteaddress remoteip clientip sourceip lastloginip")
        add(.userAgent, "useragent")
        add(.uuid, "uuid guid")
        add(.hash, "hash checksum md5 sha1 sha224 sha256 sha384 sha512 sha digest fingerprint etag crc crc32 filehash contenthash")
        add(.token, """
            token apikey secret secretkey accesskey accesstoken refreshtoken authtoken sessiontoken sessionkey nonce
            salt licensekey activationkey resettoken clientsecret apitoken apisecret
            """)
        add(.passwordHash, """
            password passwd pwd pass passwordhash passworddigest encryptedpassword hashedpassword pwhash passhash
            cryptedpassword
            """)
        add(.json, "metadata meta attributes attrs properties props settings preferences prefs payload extradata json jsondata")

        // Time
        add(.createdAt, """
            createdat created createdon createdate creationdate datecreated createtime creationtime insertedat
            addedat dateadded registeredat registrationdate signupdate signedupat joinedat joindate datejoined
            orderdate rentaldate paymentdate purchasedate invoicedate transactiondate saledate hiredate startdate
            publishedat publishdate publicationdate postedat sentat submittedat issuedat issuedate recordedat
            loggedat timestamp
            """)
        add(.updatedAt, """
            updatedat updated updatedon modifiedat modified modifiedon lastupdate lastupdated lastmodified
            lastmodifiedat changedat lastchanged editedat updatetime modifytime modificationdate dateupdated
            datemodified lastlogin lastloginat lastseen lastseenat lastactive lastactivity lastaccess lastaccessed
            lastvisit
            """)
        add(.deletedAt, """
            deletedat deleted deletedon removedat archivedat datedeleted deletiondate cancelledat canceledat
            """)
        add(.birthDate, "birthdate dob birthday dateofbirth born bornon birth birthdt")

        // Look-alikes that are something else
        add(.never, """
            macaddress heartrate bitrate framerate samplerate exchangerate baudrate refreshrate respirationrate
            walletaddress filename filepath tablename hostid usertype
            """)
        return map
    }()

    // MARK: - Tables

    /// What a table holds, as far as naming its rows goes.
    enum Entity: Equatable {
        case person, company, product, work, city, state, country, category, genre, language, department
        case color, status, word, job, timezone, domain, email, currency, salary, orderLike

        /// The kind of a `name` column in a table of this entity.
        var nameKind: SemanticKind? {
            switch self {
            case .person: return .fullName
            case .company: return .company
            case .product: return .productName
            case .work, .orderLike: return .title
            case .city: return .city
            case .state: return .state
            case .country: return .country
            case .category: return .category
            case .genre: return .genre
            case .language: return .language
            case .department: return .department
            case .color: return .color
            case .status: return .status
            case .word: return .word
            case .job: return .jobTitle
            case .timezone: return .timezone
            case .domain: return .domain
            case .email, .currency, .salary: return nil
            }
        }
    }

    /// The entity of a table, from its last recognised word (`film_actor` →
    /// actor → person), singularised.
    static func entity(ofTable table: String) -> Entity? {
        let bare = table.split(separator: ".").last.map(String.init) ?? table
        return entity(ofWords: NameWords.split(bare))
    }

    static func entity(ofWords words: [String]) -> Entity? {
        if words.count > 1, let e = lookupEntity(words.joined()) { return e }
        for w in words.reversed() {
            if let e = lookupEntity(w) { return e }
        }
        return nil
    }

    private static func lookupEntity(_ word: String) -> Entity? {
        if let e = entities[word] { return e }
        let s = singular(word)
        if let e = entities[s] { return e }
        return statusTables.contains(s) ? .orderLike : nil
    }

    static let entities: [String: Entity] = {
        var map: [String: Entity] = [:]
        func add(_ e: Entity, _ keys: String) {
            for k in keys.split(whereSeparator: { $0 == " " || $0 == "\n" }) { map[String(k)] = e }
        }
        add(.person, """
            customer client person user member employee emp staff artist actor actress author writer contact
            student teacher instructor professor patient doctor physician nurse player driver owner manager agent
            guest subscriber passenger athlete coach reviewer speaker volunteer worker applicant candidate director
            musician composer singer performer lecturer pupil landlord buyer seller recipient sender attendee
            participant friend follower admin administrator representative rep salesperson technician engineer
            developer consultant beneficiary contributor editor photographer traveler traveller visitor resident
            citizen individual profile astronaut pilot scientist researcher officer people human
            cliente usuario persona empleado kunde mitarbeiter benutzer personne utilisateur
            """)
        add(.company, """
            company organization organisation org vendor supplier manufacturer publisher brand business firm
            merchant shipper carrier agency employer bank airline studio label sponsor distributor retailer store
            shop provider insurer lender partner tenant hospital clinic school university college institution
            restaurant hotel empresa proveedor
            """)
        add(.product, """
            product item part goods merchandise offering dish equipment device tool component material asset gift
            accessory produkt producto
            """)
        add(.work, """
            film movie track song album book episode show series season course article post podcast playlist game
            video painting artwork event project chapter lesson recipe story novel record release campaign document
            page blog news poem play exhibition workshop conference talk lecture program programme channel
            publication magazine journal paper report newsletter quiz survey milestone board collection gallery
            team club band group community forum room venue plan feature badge award achievement prize crew mission
            initiative experiment objective
            """)
        add(.city, "city town municipality village location place office branch warehouse ciudad stadt ville")
        add(.state, "state region province county district territory prefecture")
        add(.country, "country nation pais")
        add(.category, "category subcategory classification segment")
        add(.genre, "genre")
        add(.language, "language lang")
        add(.department, "department dept division businessunit")
        add(.color, "color colour")
        add(.status, "status")
        add(.word, "tag keyword topic skill hobby interest role permission ingredient mediatype type kind")
        add(.job, "job position occupation title profession")
        add(.timezone, "timezone")
        add(.domain, "domain website site host")
        add(.email, "email emailaddress")
        add(.currency, "currency")
        add(.salary, "salary payroll wage compensation")
        return map
    }()

    /// Tables whose rows go through states: `state` there is a status.
    static let statusTables: Set<String> = [
        "order", "purchase", "ticket", "payment", "task", "issue", "request", "workflow", "invoice", "shipment",
        "subscription", "transaction", "booking", "reservation", "application", "process", "run", "build",
        "deployment", "session", "approval", "claim", "incident", "step", "delivery", "refund", "rental", "loan",
        "case", "machine", "server", "instance", "node", "job",
    ]

    /// English singular of a lowercase word, for table and column names.
    static func singular(_ word: String) -> String {
        switch word {
        case "people": return "person"
        case "children": return "child"
        case "men": return "man"
        case "women": return "woman"
        case "movies": return "movie"
        case "cookies": return "cookie"
        case "series", "species", "news", "staff", "data", "media", "status", "address", "analysis": return word
        default: break
        }
        if word.count > 4, word.hasSuffix("ies") { return String(word.dropLast(3)) + "y" }
        for suffix in ["sses", "shes", "ches", "xes", "zes", "uses"] where word.hasSuffix(suffix) {
            return String(word.dropLast(2))
        }
        if word.hasSuffix("ss") || word.hasSuffix("us") || word.hasSuffix("is") { return word }
        if word.count > 2, word.hasSuffix("s") { return String(word.dropLast()) }
        return word
    }
}

/// Splits identifiers into lowercase ASCII words: at `_`, `-`, spaces and other
/// punctuation, at lower→upper case changes (`firstName`), before the last
/// capital of a run followed by lowercase (`URLPath` → `url path`), and
/// between letters and digits (`address2` → `address 2`). Latin letters with
/// diacritics are folded (`prénom` → `prenom`).
package enum NameWords {
    package static func split(_ identifier: String) -> [String] {
        enum Class { case lower, upper, digit, other }
        var scalars: [(byte: [UInt8], cls: Class)] = []
        for s in identifier.unicodeScalars {
            let v = s.value
            if v >= 0x61 && v <= 0x7A { scalars.append(([UInt8(v)], .lower)) }
            else if v >= 0x41 && v <= 0x5A { scalars.append(([UInt8(v + 32)], .upper)) }
            else if v >= 0x30 && v <= 0x39 { scalars.append(([UInt8(v)], .digit)) }
            else if let folded = TextFold.table[v] {
                let isUpper = s.properties.isUppercase
                scalars.append((Array(folded.utf8), isUpper ? .upper : .lower))
            } else {
                scalars.append(([], .other))
            }
        }
        var words: [String] = []
        var current: [UInt8] = []
        func flush() {
            if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)); current.removeAll() }
        }
        var previous = Class.other
        for (i, item) in scalars.enumerated() {
            let cls = item.cls
            if cls == .other { flush(); previous = .other; continue }
            var boundary = false
            switch (previous, cls) {
            case (.lower, .upper): boundary = true
            case (.upper, .upper):
                if i + 1 < scalars.count, scalars[i + 1].cls == .lower { boundary = true }
            case (.digit, .lower), (.digit, .upper), (.lower, .digit), (.upper, .digit): boundary = true
            default: break
            }
            if boundary { flush() }
            current.append(contentsOf: item.byte)
            previous = cls
        }
        flush()
        return words
    }
}

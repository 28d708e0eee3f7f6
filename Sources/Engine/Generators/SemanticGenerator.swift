import SchemaModel

/// Realistic values of one `SemanticKind`, consistent within a row: every
/// person column of a row (first, last, full name, email, username) comes from
/// one person drawn from the row's *person stream*, and every place column
/// (city, state, country, postal code, coordinates) from one place. So
/// `email` matches the row's name and `city` matches its country, while each
/// value still depends only on (seed, table, row, kind).
package struct SemanticGenerator: UniqueValueGenerator {
    package let kind: SemanticKind
    package let maxLength: Int?
    package let unique: Bool
    package let stream: UInt64
    package let personStream: UInt64
    package let placeStream: UInt64
    package let scale: Int
    /// Where a row's place comes from: its own place stream, or (for a table
    /// below a place table, like `address` under `city`) the parent row's place.
    package var placeSource: PlaceSource

    package init(kind: SemanticKind, column: Column, unique: Bool, stream: UInt64, seed: UInt64, table: String) {
        self.kind = kind
        maxLength = column.type.lengthLimit
        if case .numeric(_, let s) = column.type { scale = s ?? 6 } else { scale = 6 }
        self.unique = unique
        self.stream = stream
        personStream = RowRandom.streamKey(seed: seed, table: table, column: "\u{1}person")
        placeStream = RowRandom.streamKey(seed: seed, table: table, column: "\u{1}place")
        placeSource = PlaceSource(stream: placeStream)
    }

    /// The place stream of a table under a seed (what `PlaceSource` reads).
    package static func placeStream(seed: UInt64, table: String) -> UInt64 {
        RowRandom.streamKey(seed: seed, table: table, column: "\u{1}place")
    }

    /// Whether the kind is part of a row's place.
    package static func isPlaceKind(_ kind: SemanticKind) -> Bool {
        switch kind {
        case .city, .state, .stateCode, .country, .countryCode, .postalCode, .latitude, .longitude, .streetAddress, .phone: return true
        default: return false
        }
    }

    package func generate(row: Int64, into value: inout Value) {
        value.beginText()
        switch kind {
        case .firstName, .lastName, .fullName, .email, .username:
            var p = RowRandom(stream: personStream, row: row)
            let first = RealisticText.firstName(&p)
            let last = RealisticText.lastName(&p)
            switch kind {
            case .firstName: value.bytes.append(first)
            case .lastName: value.bytes.append(last)
            case .fullName: RealisticText.writeFullName(first: first, last: last, into: &value.bytes)
            // Emails and usernames identify people: distinct per row even
            // without a UNIQUE constraint (the row number is embedded).
            case .email: RealisticText.writeEmail(first: first, last: last, unique: row &+ 1, into: &value.bytes)
            default: RealisticText.writeUsername(first: first, last: last, unique: row &+ 1, into: &value.bytes)
            }
        case .city, .state, .stateCode, .country, .countryCode, .postalCode, .latitude, .longitude, .streetAddress, .phone:
            var (place, p) = placeSource.place(row: row)
            // Each part draws from its own continuation of the place stream,
            // so one part's draws never shift another's.
            var own = RowRandom(stream: stream, row: row)
            switch kind {
            case .city: value.bytes.append(place.city)
            case .state: value.bytes.append(place.state)
            case .stateCode: value.bytes.append(place.stateCode)
            case .country: value.bytes.append(place.country)
            case .countryCode: value.bytes.append(place.countryCode)
            case .postalCode: RealisticText.writePostalCode(for: place, &own, into: &value.bytes)
            case .streetAddress: RealisticText.writeStreetAddress(for: place, &own, into: &value.bytes)
            case .phone: RealisticText.writePhone(&own, countryCode: place.countryCode, unique: unique ? row : nil, into: &value.bytes)
            default:
                // Within ~5 km of the place, at the column's scale.
                let base = kind == .latitude ? place.latitude : place.longitude
                let jitter = (p.unit() - 0.5) * 0.09
                let units = Int64(((base + jitter) * Double(DecimalGenerator.power10(scale))).rounded())
                DecimalGenerator.write(units: units, scale: scale, into: &value.bytes)
            }
        default:
            var r = RowRandom(stream: stream, row: row)
            RealisticText.write(kind, row: row, random: &r, into: &value.bytes)
        }
        if let maxLength { value.truncateText(toCharacters: maxLength) }
    }

    /// Unbounded: distinct values come from the row number embedded in an
    /// email, username or (with `unique`) phone number.
    package var capacity: Int64? { nil }
    package var summary: String { unique ? "unique \(kind.rawValue)" : kind.rawValue }
}

/// The place a row's place columns describe. By default the row's own draw
/// from its table's place stream; for a table whose rows sit below a place
/// table through a foreign key (an `address` with `city_id`), the place of
/// the parent row that key points at, so `district` and `postal_code` agree
/// with the city the row references.
package struct PlaceSource: Sendable {
    package let stream: UInt64
    package let parent: ParentRowPicker?
    package let parentStream: UInt64
    package let childFirst: Int64
    package let parentFirst: Int64

    package init(stream: UInt64, parent: ParentRowPicker? = nil, parentStream: UInt64 = 0, childFirst: Int64 = 0, parentFirst: Int64 = 0) {
        self.stream = stream
        self.parent = parent
        self.parentStream = parentStream
        self.childFirst = childFirst
        self.parentFirst = parentFirst
    }

    /// The place for `row`, and the stream positioned after drawing it.
    @inline(__always)
    package func place(row: Int64) -> (Place, RowRandom) {
        if let parent, let p = parent.parentRow(for: row - childFirst) {
            var r = RowRandom(stream: parentStream, row: p + parentFirst)
            let place = RealisticText.place(&r)
            // Continue on the row's own stream, so rows of one parent still differ.
            return (place, RowRandom(stream: stream, row: row))
        }
        var r = RowRandom(stream: stream, row: row)
        return (RealisticText.place(&r), r)
    }
}

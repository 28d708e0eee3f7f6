extension RealisticText {
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

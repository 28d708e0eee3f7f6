extension Vocabulary {
    /// The whole list a kind draws from, for kinds whose values are one
    /// entry of a fixed list (nil for composed values such as names, or
    /// weighted ones such as statuses): what a lookup table's rows are.
    package static func list(for kind: SemanticKind) -> [String]? {
        switch kind {
        case .country: return countries.map(\.name)
        case .timezone: return timezones
        case .jobTitle: return jobTitles
        case .department: return departments
        case .category: return categories
        case .genre: return genres
        case .currencyCode: return currencies.map(\.code)
        case .color: return colors
        case .language: return languages.map(\.name)
        case .locale: return locales
        default: return nil
        }
    }
}

/// PostgreSQL's text form of an array (`{a,"b c",NULL,"d\"e"}`), as
/// `pg_stats` gives most common values and histogram bounds.
enum PostgresArray {
    /// The elements (nil for an unquoted NULL); nil when the text is not
    /// a one-dimensional array literal.
    static func elements(_ text: String) -> [String?]? {
        let chars = Array(text.unicodeScalars)
        guard chars.first == "{", chars.last == "}" else { return nil }
        var out: [String?] = []
        var i = 1
        let end = chars.count - 1
        if i == end { return [] }
        while i <= end {
            var item = String.UnicodeScalarView()
            var quoted = false
            if chars[i] == "\"" {
                quoted = true
                i += 1
                while i < end, chars[i] != "\"" {
                    if chars[i] == "\\", i + 1 < end { i += 1 }
                    item.append(chars[i])
                    i += 1
                }
                guard i < end else { return nil }
                i += 1
            } else {
                while i < end, chars[i] != "," {
                    if chars[i] == "{" { return nil }
                    item.append(chars[i])
                    i += 1
                }
            }
            let s = String(item)
            out.append(!quoted && s == "NULL" ? nil : s)
            guard i == end || chars[i] == "," else { return nil }
            i += 1
        }
        return out
    }
}

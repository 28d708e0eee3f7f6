import Engine
import SchemaModel

/// Makes the model's strings fit their column: trimmed, cut to the length
/// limit (at a word boundary when one is near), and dropped when a CHECK
/// rejects them or when they repeat an earlier value. Counts what it did,
/// so the fill can say so.
package struct ValueFitter: Sendable {
    package let maxLength: Int?
    package let domain: ColumnDomain
    package private(set) var truncated = 0
    package private(set) var rejected = 0
    package private(set) var repeated = 0
    package private(set) var firstRejected: String?
    private var seen: Set<String> = []

    package init(maxLength: Int?, domain: ColumnDomain) {
        self.maxLength = maxLength
        self.domain = domain
    }

    /// The value as it will be stored, or nil when it cannot be used. With
    /// `distinct`, a value equal to an earlier one (case and spacing
    /// aside) is nil too.
    package mutating func fit(_ raw: String, distinct: Bool = true) -> String? {
        var text = raw.trimmingSpaces()
        guard !text.isEmpty else { rejected += 1; return nil }
        if let maxLength, text.count > maxLength {
            text = Self.cut(text, to: maxLength)
            truncated += 1
        }
        guard domain.isUnconstrained || domain.contains(.text(text)) else {
            rejected += 1
            if firstRejected == nil { firstRejected = text }
            return nil
        }
        if distinct {
            guard seen.insert(Self.identity(text)).inserted else { repeated += 1; return nil }
        }
        return text
    }

    /// `text` cut to `limit` characters, at the last space in its final
    /// fifth when there is one, without trailing spaces or punctuation runs.
    package static func cut(_ text: String, to limit: Int) -> String {
        guard text.count > limit else { return text }
        var cut = text.prefix(limit)
        if let space = cut.lastIndex(of: " "), cut.distance(from: cut.startIndex, to: space) >= limit * 4 / 5 {
            cut = cut[..<space]
        }
        while let last = cut.last, last == " " || last == "," || last == ";" || last == ":" { cut.removeLast() }
        return String(cut)
    }

    /// Equal for values that differ only in case and spacing.
    static func identity(_ text: String) -> String {
        text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}

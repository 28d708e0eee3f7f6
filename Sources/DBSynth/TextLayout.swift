/// Column layout for the tables dbsynth prints (summaries, `inspect`,
/// `--dry-run`).
package enum TextLayout {
    /// Right-aligns `text` in `width` columns (left-aligns with `left`).
    package static func pad(_ text: String, _ width: Int, left: Bool = false) -> String {
        let n = text.count
        guard n < width else { return text }
        let spaces = String(repeating: " ", count: width - n)
        return left ? text + spaces : spaces + text
    }

    /// `1234567` → `1,234,567`.
    package static func grouped(_ value: Int64) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return value < 0 ? "-" + out : out
    }
}

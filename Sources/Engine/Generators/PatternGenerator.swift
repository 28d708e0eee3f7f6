/// Strings matching a CHECK's regular expression or LIKE pattern.
package struct PatternGenerator: ValueGenerator {
    package let pattern: SimplePattern
    package let minLength: Int
    package let maxLength: Int?
    package let letterCase: SimplePattern.LetterCase
    package let stream: UInt64

    package init(pattern: SimplePattern, minLength: Int, maxLength: Int?, letterCase: SimplePattern.LetterCase, stream: UInt64) {
        self.pattern = pattern
        self.minLength = minLength
        self.maxLength = maxLength
        self.letterCase = letterCase
        self.stream = stream
    }

    package func generate(row: Int64, into value: inout Value) {
        var r = RowRandom(stream: stream, row: row)
        if let text = pattern.generate(minLength: minLength, maxLength: maxLength, letterCase: letterCase, random: { r.below($0) }) {
            value.setText(text)
        } else {
            value.setNull()
        }
    }

    package var summary: String { "matching \(pattern)" }
}

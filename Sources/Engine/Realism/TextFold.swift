/// Folding of names into the lowercase ASCII letters an email or username
/// allows: Latin letters with diacritics lose them (`é`→`e`, `ß`→`ss`,
/// `Ł`→`l`, `Æ`→`ae`), everything else that is not a letter or digit is
/// dropped.
package enum TextFold {
    /// Appends the folded form of `text`, at most `limit` characters, and
    /// returns how many it appended.
    @discardableResult
    package static func appendFolded(_ text: String, limit: Int = .max, into out: inout ByteWriter) -> Int {
        var written = 0
        for scalar in text.unicodeScalars {
            if written >= limit { break }
            let v = scalar.value
            if v < 0x80 {
                let b = UInt8(truncatingIfNeeded: v)
                switch b {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                    out.append(b); written += 1
                case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                    out.append(b + 32); written += 1
                default:
                    continue
                }
            } else if let folded = table[v] {
                for b in folded.utf8 where written < limit {
                    out.append(b); written += 1
                }
            }
        }
        return written
    }

    /// Folded replacement of each non-ASCII Latin letter.
    static let table: [UInt32: String] = {
        let groups: [(String, String)] = [
            ("a", "ÀÁÂÃÄÅàáâãäåĀāĂăĄąǍǎ"),
            ("ae", "ÆæǼǽ"),
            ("c", "ÇçĆćĈĉĊċČč"),
            ("d", "ĎďĐđÐð"),
            ("e", "ÈÉÊËèéêëĒēĔĕĖėĘęĚěƏə"),
            ("g", "ĜĝĞğĠġĢģ"),
            ("h", "ĤĥĦħ"),
            ("i", "ÌÍÎÏìíîïĨĩĪīĬĭĮįİıǏǐ"),
            ("j", "Ĵĵ"),
            ("k", "Ķķ"),
            ("l", "ĹĺĻļĽľĿŀŁł"),
            ("n", "ÑñŃńŅņŇň"),
            ("o", "ÒÓÔÕÖØòóôõöøŌōŎŏŐőǑǒ"),
            ("oe", "Œœ"),
            ("r", "ŔŕŖŗŘř"),
            ("s", "ŚśŜŝŞşŠšȘș"),
            ("ss", "ß"),
            ("t", "ŢţŤťŦŧȚț"),
            ("th", "Þþ"),
            ("u", "ÙÚÛÜùúûüŨũŪūŬŭŮůŰűŲųǓǔ"),
            ("w", "Ŵŵ"),
            ("y", "ÝýÿŶŷŸ"),
            ("z", "ŹźŻżŽž"),
        ]
        var map: [UInt32: String] = [:]
        for (ascii, letters) in groups {
            for scalar in letters.unicodeScalars { map[scalar.value] = ascii }
        }
        return map
    }()
}

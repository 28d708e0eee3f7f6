/// Readable filler text: a few words from a list, within a length limit.
package struct TextGenerator: ValueGenerator {
    package let words: [String]
    package let wordCount: ClosedRange<Int64>
    package let maxLength: Int?
    package let capitalized: Bool
    package let stream: UInt64

    package init(words: [String], wordCount: ClosedRange<Int64> = 1...3, maxLength: Int?, capitalized: Bool = true, stream: UInt64) {
        self.words = words
        self.wordCount = wordCount
        self.maxLength = maxLength
        self.capitalized = capitalized
        self.stream = stream
    }

    package func generate(row: Int64, into value: inout Value) {
        var r = RowRandom(stream: stream, row: row)
        value.beginText()
        let n = r.int(wordCount)
        for i in 0..<n {
            if i > 0 { value.bytes.append(UInt8(ascii: " ")) }
            let start = value.bytes.count
            value.bytes.append(r.pick(words))
            if capitalized, i == 0, value.bytes.bytes[start] >= 97, value.bytes.bytes[start] <= 122 {
                value.bytes.bytes[start] -= 32
            }
            if let maxLength, value.bytes.count >= maxLength { break }
        }
        if let maxLength { value.truncateText(toCharacters: maxLength) }
    }

    package var summary: String { maxLength.map { "text ≤\($0)" } ?? "text" }
}

/// Distinct text for distinct rows: a word followed by the row's permuted
/// index in base 36 (`harbor-k3f9`), or the bare base-36 code when the
/// length limit leaves no room for a word. Capacity: 36^(code width).
package struct UniqueTextGenerator: UniqueValueGenerator {
    package let words: [String]
    package let maxLength: Int?
    /// Exact length for char(n) columns.
    package let fixedLength: Int?
    package let codeWidth: Int
    package let permutation: Permutation
    package let stream: UInt64

    static let alphabet: [UInt8] = Array("0123456789abcdefghijklmnopqrstuvwxyz".utf8)

    package init(words: [String], maxLength: Int?, fixedLength: Int? = nil, rows: Int64, key: UInt64) {
        self.words = words
        self.maxLength = maxLength
        self.fixedLength = fixedLength
        // Enough base-36 digits for the rows asked for, at least 4 so codes look alike.
        var width = 4
        var capacity: Int64 = 36 * 36 * 36 * 36
        while capacity < rows, width < 12 { width += 1; capacity *= 36 }
        let limit = fixedLength ?? maxLength ?? Int.max
        width = min(width, max(limit, 1))
        codeWidth = width
        var cap: UInt64 = 1
        for _ in 0..<width { cap = cap.multipliedReportingOverflow(by: 36).overflow ? UInt64(Int64.max) : cap * 36 }
        permutation = Permutation(count: min(cap, UInt64(Int64.max)), key: key)
        stream = key
    }

    package func generate(row: Int64, into value: inout Value) {
        value.beginText()
        let limit = fixedLength ?? maxLength ?? 64
        if limit >= codeWidth + 4 {
            var r = RowRandom(stream: stream, row: row)
            let word = r.pick(words)
            let room = limit - codeWidth - 1
            value.bytes.append(word)
            if value.bytes.count > room { value.bytes.bytes.removeSubrange(room...) }
            value.bytes.append(UInt8(ascii: "-"))
        }
        var code = permutation.apply(UInt64(row) % permutation.count)
        var digits = [UInt8](repeating: 48, count: codeWidth)
        for i in stride(from: codeWidth - 1, through: 0, by: -1) {
            digits[i] = Self.alphabet[Int(code % 36)]
            code /= 36
        }
        value.bytes.append(contentsOf: digits)
        if let fixedLength, value.bytes.count < fixedLength {
            // Pad inside the value (not with spaces, which char(n) comparison ignores).
            value.bytes.append(contentsOf: repeatElement(UInt8(ascii: "x"), count: fixedLength - value.bytes.count))
        }
    }

    package var capacity: Int64? { Int64(permutation.count) }
    package var summary: String { "unique text" }
}

/// Version-4-shaped UUIDs whose low 62 bits are a permutation of the row
/// index: unique by construction, random-looking.
package struct UUIDGenerator: UniqueValueGenerator {
    package let stream: UInt64
    package let permutation: Permutation

    package init(stream: UInt64) {
        self.stream = stream
        permutation = Permutation(count: 1 << 62, key: stream)
    }

    package func generate(row: Int64, into value: inout Value) {
        var r = RowRandom(stream: stream, row: row)
        let high = (r.next() & 0xffff_ffff_ffff_0fff) | 0x0000_0000_0000_4000
        let low = permutation.apply(UInt64(row) & ((1 << 62) - 1)) | 0x8000_0000_0000_0000
        value.beginText()
        Self.write(high: high, low: low, into: &value.bytes)
    }

    package static func write(high: UInt64, low: UInt64, into out: inout ByteWriter) {
        out.appendHex(high >> 32, digits: 8)
        out.append(UInt8(ascii: "-"))
        out.appendHex((high >> 16) & 0xffff, digits: 4)
        out.append(UInt8(ascii: "-"))
        out.appendHex(high & 0xffff, digits: 4)
        out.append(UInt8(ascii: "-"))
        out.appendHex(low >> 48, digits: 4)
        out.append(UInt8(ascii: "-"))
        out.appendHex(low & 0xffff_ffff_ffff, digits: 12)
    }

    package var capacity: Int64? { nil }
    package var summary: String { "uuid" }
}

/// Random bytes (bytea / BLOB).
package struct BytesGenerator: ValueGenerator {
    package let length: ClosedRange<Int64>
    package let stream: UInt64

    package init(length: ClosedRange<Int64> = 8...32, stream: UInt64) {
        self.length = length
        self.stream = stream
    }

    package func generate(row: Int64, into value: inout Value) {
        var r = RowRandom(stream: stream, row: row)
        value.beginBytes()
        let n = r.int(length)
        var word: UInt64 = 0
        for i in 0..<n {
            if i % 8 == 0 { word = r.next() }
            value.bytes.append(UInt8(truncatingIfNeeded: word >> (UInt64(i % 8) * 8)))
        }
    }

    package var summary: String { "bytes" }
}

/// A small JSON object with a stable shape.
package struct JSONGenerator: ValueGenerator {
    package let words: [String]
    package let stream: UInt64

    package init(words: [String], stream: UInt64) {
        self.words = words
        self.stream = stream
    }

    package func generate(row: Int64, into value: inout Value) {
        var r = RowRandom(stream: stream, row: row)
        value.beginText()
        value.bytes.append("{\"id\": ")
        value.bytes.appendInt(row + 1)
        value.bytes.append(", \"label\": \"")
        value.bytes.append(r.pick(words))
        value.bytes.append("\", \"score\": ")
        value.bytes.appendInt(r.int(0...100))
        value.bytes.append(", \"active\": ")
        value.bytes.append(r.chance(0.7) ? "true" : "false")
        value.bytes.append("}")
    }

    package var summary: String { "json object" }
}

/// IPv4 addresses in documentation-free private ranges, or networks for cidr.
package struct InetGenerator: ValueGenerator {
    package let network: Bool
    package let stream: UInt64

    package init(network: Bool, stream: UInt64) {
        self.network = network
        self.stream = stream
    }

    package func generate(row: Int64, into value: inout Value) {
        var r = RowRandom(stream: stream, row: row)
        value.beginText()
        value.bytes.appendInt(10)
        value.bytes.append(UInt8(ascii: "."))
        value.bytes.appendInt(r.int(0...255))
        value.bytes.append(UInt8(ascii: "."))
        value.bytes.appendInt(r.int(0...255))
        value.bytes.append(UInt8(ascii: "."))
        if network {
            value.bytes.append("0/24")
        } else {
            value.bytes.appendInt(r.int(1...254))
        }
    }

    package var summary: String { network ? "cidr" : "inet" }
}

/// MAC addresses with the locally-administered bit set.
package struct MacAddressGenerator: ValueGenerator {
    package let stream: UInt64
    package init(stream: UInt64) { self.stream = stream }

    package func generate(row: Int64, into value: inout Value) {
        var r = RowRandom(stream: stream, row: row)
        let bits = (r.next() & 0xfeff_ffff_ffff) | 0x0200_0000_0000
        value.beginText()
        for i in stride(from: 5, through: 0, by: -1) {
            value.bytes.appendHex((bits >> UInt64(i * 8)) & 0xff, digits: 2)
            if i > 0 { value.bytes.append(UInt8(ascii: ":")) }
        }
    }

    package var summary: String { "macaddr" }
}

/// Bit strings of a fixed or bounded length.
package struct BitStringGenerator: ValueGenerator {
    package let length: Int
    package let varying: Bool
    package let stream: UInt64

    package init(length: Int, varying: Bool, stream: UInt64) {
        self.length = max(1, length)
        self.varying = varying
        self.stream = stream
    }

    package func generate(row: Int64, into value: inout Value) {
        var r = RowRandom(stream: stream, row: row)
        let n = varying ? Int(r.int(1...Int64(length))) : length
        value.beginText()
        var word: UInt64 = 0
        for i in 0..<n {
            if i % 64 == 0 { word = r.next() }
            value.bytes.append((word >> UInt64(i % 64)) & 1 == 1 ? UInt8(ascii: "1") : UInt8(ascii: "0"))
        }
    }

    package var summary: String { varying ? "varbit" : "bit(\(length))" }
}

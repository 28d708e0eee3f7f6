/// A growable byte buffer that generators write text into directly: no
/// `String` per value, no formatter, no allocation once it has grown.
package struct ByteWriter {
    package var bytes: [UInt8] = []

    package init(capacity: Int = 256) { bytes.reserveCapacity(capacity) }

    package var count: Int { bytes.count }

    @inline(__always) package mutating func removeAll() { bytes.removeAll(keepingCapacity: true) }

    @inline(__always) package mutating func append(_ byte: UInt8) { bytes.append(byte) }

    @inline(__always) package mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    @inline(__always) package mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    package mutating func append<C: Collection>(contentsOf other: C) where C.Element == UInt8 {
        bytes.append(contentsOf: other)
    }

    // Concrete overloads: callers in other modules would otherwise reach the
    // generic one unspecialized, element by element.
    package mutating func append(contentsOf other: [UInt8]) { bytes.append(contentsOf: other) }
    package mutating func append(contentsOf other: ArraySlice<UInt8>) { bytes.append(contentsOf: other) }
    package mutating func append(contentsOf other: UnsafeBufferPointer<UInt8>) { bytes.append(contentsOf: other) }

    /// Decimal digits of `value`.
    package mutating func appendInt(_ value: Int64) {
        if value < 0 {
            append(UInt8(ascii: "-"))
            appendUInt(value == .min ? UInt64(Int64.max) + 1 : UInt64(-value))
        } else {
            appendUInt(UInt64(value))
        }
    }

    package mutating func appendUInt(_ value: UInt64) {
        if value < 10 { bytes.append(UInt8(truncatingIfNeeded: value) &+ 48); return }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var n = value
        var i = 0
        withUnsafeMutableBytes(of: &digits) { buf in
            while n > 0 {
                buf[19 - i] = UInt8(truncatingIfNeeded: n % 10) &+ 48
                n /= 10
                i += 1
            }
            bytes.append(contentsOf: buf[(20 - i)...])
        }
    }

    /// `value` zero-padded to `width` digits (dates, times, codes).
    package mutating func appendPadded(_ value: Int, width: Int) {
        // A year before 1 BC: a minus, then the magnitude padded (ISO 8601's expanded years).
        if value < 0 {
            bytes.append(UInt8(ascii: "-"))
            appendPadded(value == Int.min ? Int.max : -value, width: width)
            return
        }
        var divisor = 1
        for _ in 1..<max(width, 1) { divisor *= 10 }
        var v = value
        if v >= divisor * 10 { appendInt(Int64(v)); return }
        while divisor > 0 {
            bytes.append(UInt8(v / divisor) &+ 48)
            v %= divisor
            divisor /= 10
        }
    }

    /// Lowercase hex of `value`, `digits` wide.
    package mutating func appendHex(_ value: UInt64, digits: Int) {
        let hex: StaticString = "0123456789abcdef"
        hex.withUTF8Buffer { table in
            for shift in stride(from: (digits - 1) * 4, through: 0, by: -4) {
                bytes.append(table[Int((value >> UInt64(shift)) & 0xf)])
            }
        }
    }
}

/// Parquet's RLE / bit-packing hybrid (Encodings.md), used for definition
/// levels and dictionary indices: a run of 8 or more equal values becomes
/// an RLE run (`varint(count << 1)`, the value in ⌈width/8⌉ little-endian
/// bytes); everything else is bit-packed in groups of 8 values
/// (`varint(groups << 1 | 1)`, values packed LSB first).
///
/// Only the last bit-packed run may be padded (with zeros) to a whole
/// group: readers stop at the page's value count. A run that starts inside
/// a partial group first fills that group, so every run but the last
/// starts on a group boundary.
package enum RLEHybridEncoder {
    /// The bits a value up to `maximum` needs (0 for 0).
    package static func bitWidth(forMaximum maximum: UInt64) -> Int {
        maximum == 0 ? 0 : 64 - maximum.leadingZeroBitCount
    }

    /// Appends `values` (each below 2^`bitWidth`, `bitWidth` 1…32) to `out`.
    package static func encode<V: FixedWidthInteger & UnsignedInteger>(_ values: UnsafeBufferPointer<V>, bitWidth: Int, into out: inout [UInt8]) {
        precondition((1...32).contains(bitWidth), "RLE hybrid bit width \(bitWidth) outside 1…32")
        let n = values.count
        var literalStart = 0
        var i = 0
        while i < n {
            let v = values[i]
            var j = i + 1
            while j < n && values[j] == v { j += 1 }
            guard j - i >= 8 else { i = j; continue }
            let pending = i - literalStart
            if pending % 8 != 0 {
                // Complete the partial group with the run's first values.
                i += 8 - pending % 8
                if j - i < 8 { i = j; continue }
            }
            packLiterals(values, literalStart..<i, bitWidth: bitWidth, into: &out)
            ULEB128.append(UInt64(j - i) << 1, to: &out)
            var value = UInt64(v)
            for _ in 0..<(bitWidth + 7) / 8 {
                out.append(UInt8(truncatingIfNeeded: value))
                value >>= 8
            }
            i = j
            literalStart = j
        }
        packLiterals(values, literalStart..<n, bitWidth: bitWidth, into: &out)
    }

    /// One bit-packed run of `range`, zero-padded to whole groups of 8.
    static func packLiterals<V: FixedWidthInteger & UnsignedInteger>(_ values: UnsafeBufferPointer<V>, _ range: Range<Int>, bitWidth: Int, into out: inout [UInt8]) {
        guard !range.isEmpty else { return }
        let groups = (range.count + 7) / 8
        ULEB128.append(UInt64(groups) << 1 | 1, to: &out)
        var accumulator: UInt64 = 0
        var bits = 0
        for k in 0..<groups * 8 {
            let index = range.lowerBound + k
            let value = index < range.upperBound ? UInt64(values[index]) : 0
            accumulator |= value << bits
            bits += bitWidth
            while bits >= 8 {
                out.append(UInt8(truncatingIfNeeded: accumulator))
                accumulator >>= 8
                bits -= 8
            }
        }
    }
}

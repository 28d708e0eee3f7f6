import Testing
@testable import Parquet

/// The RLE / bit-packing hybrid against bytes worked out by hand from
/// parquet-format's Encodings.md.
@Suite struct RLEHybridEncoderTests {
    func encode(_ values: [UInt32], width: Int) -> [UInt8] {
        var out: [UInt8] = []
        values.withUnsafeBufferPointer { RLEHybridEncoder.encode($0, bitWidth: width, into: &out) }
        return out
    }

    @Test func theSpecsBitPackingExample() {
        // Encodings.md: 0…7 at width 3 pack to 10001000 11000110 11111010.
        #expect(encode([0, 1, 2, 3, 4, 5, 6, 7], width: 3) == [0x03, 0x88, 0xC6, 0xFA])
    }

    @Test func aLongRepeatIsOneRLERun() {
        // 100 ones at width 1: header varint(100 << 1) = 200 = 0xC8 0x01, value in one byte.
        #expect(encode(Array(repeating: 1, count: 100), width: 1) == [0xC8, 0x01, 0x01])
        // Width 9 takes two value bytes, little-endian: 300 = 0x2C 0x01.
        #expect(encode(Array(repeating: 300, count: 8), width: 9) == [0x10, 0x2C, 0x01])
    }

    @Test func shortRunsArePackedAndTheLastGroupPaddedWithZeros() {
        // Three values: one group, padded: 1,0,1 at width 1 = 0b101.
        #expect(encode([1, 0, 1], width: 1) == [0x03, 0x05])
        // Seven ones stay literal (a run needs 8): 0b0111_1111.
        #expect(encode(Array(repeating: 1, count: 7), width: 1) == [0x03, 0x7F])
    }

    @Test func aRunAfterAPartialGroupFillsTheGroupFirst() {
        // [0, 0, 0] then 13 ones: the group takes 5 ones (0b1111_1000), then an RLE run of 8 ones.
        let values: [UInt32] = [0, 0, 0] + Array(repeating: 1, count: 13)
        #expect(encode(values, width: 1) == [0x03, 0xF8, 0x10, 0x01])
        // If fewer than 8 remain after filling the group they stay literal:
        // [0, 0, 0] + 10 ones = 13 values, two groups (16 bits), the last 3 padded.
        let short: [UInt32] = [0, 0, 0] + Array(repeating: 1, count: 10)
        #expect(encode(short, width: 1) == [0x05, 0xF8, 0x1F])
    }

    @Test func literalsThenRunThenLiterals() {
        // 8 literals (one group at width 2), 10 × 3 (RLE), then 1 (padded group).
        let values: [UInt32] = [0, 1, 2, 3, 0, 1, 2, 3] + Array(repeating: 3, count: 10) + [1]
        // The literal [0,1,2,3,0,1,2,3] then the run of 3s: the first group
        // is exactly 8, so the run starts on a boundary.
        #expect(encode(values, width: 2) == [0x03, 0xE4, 0xE4, 0x14, 0x03, 0x03, 0x01, 0x00])
    }

    @Test func bitWidths() {
        #expect(RLEHybridEncoder.bitWidth(forMaximum: 0) == 0)
        #expect(RLEHybridEncoder.bitWidth(forMaximum: 1) == 1)
        #expect(RLEHybridEncoder.bitWidth(forMaximum: 255) == 8)
        #expect(RLEHybridEncoder.bitWidth(forMaximum: 256) == 9)
    }
}

import Testing
@testable import Parquet

/// The compact protocol against bytes worked out by hand from the Thrift
/// spec (thrift/doc/specs/thrift-compact-protocol.md).
@Suite struct ThriftCompactWriterTests {
    @Test func shortAndLongFieldHeadersZigzagVarintsAndBooleans() {
        var w = ThriftCompactWriter()
        w.field(1, i32: 1)          // delta 1, type 5; zigzag(1) = 2
        w.field(2, string: "ab")    // delta 1, type 8; length 2
        w.field(20, i64: -1)        // delta 18 > 15: type byte, zigzag(20) = 40, zigzag(-1) = 1
        w.field(21, bool: true)     // delta 1, type 1 (true), no payload
        w.field(22, bool: false)    // type 2
        w.field(23, i32: 150)       // zigzag(150) = 300 = 0xAC 0x02
        w.endMessage()
        #expect(w.bytes == [0x15, 0x02, 0x18, 0x02, 0x61, 0x62, 0x06, 0x28, 0x01, 0x11, 0x12, 0x15, 0xAC, 0x02, 0x00])
    }

    @Test func negativeNumbersAndSmallTypes() {
        var w = ThriftCompactWriter()
        w.field(1, i32: -2)         // zigzag(-2) = 3
        w.field(2, i16: 7)          // type 4, zigzag 14
        w.field(3, byte: -1)        // type 3, raw byte
        w.field(4, i64: Int64.min)  // zigzag: 2^64 − 1 = ten bytes ff…01
        w.endMessage()
        #expect(w.bytes == [0x15, 0x03, 0x14, 0x0E, 0x13, 0xFF, 0x16, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01, 0x00])
    }

    @Test func nestedStructsKeepTheirOwnFieldIDs() {
        var w = ThriftCompactWriter()
        w.field(1, i32: 0)
        w.beginStruct(5)            // delta 4, type 12
        w.field(1, i32: 1)          // delta from 0 inside the struct
        w.emptyStruct(3)            // delta 2, type 12, STOP
        w.endStruct()
        w.field(6, i32: 2)          // delta 1 from field 5, not from the inner field 3
        w.endMessage()
        #expect(w.bytes == [0x15, 0x00, 0x4C, 0x15, 0x02, 0x2C, 0x00, 0x00, 0x15, 0x04, 0x00])
    }

    @Test func listsShortAndLongWithStructElements() {
        var w = ThriftCompactWriter()
        w.beginList(1, of: .i32, count: 2)      // 0x19, then size 2 in the high nibble, type 5
        w.element(i32: 0)
        w.element(i32: 8)
        w.beginList(2, of: .structure, count: 1)
        w.beginListStruct()
        w.field(4, string: "x")                 // ids restart at 0 in each element
        w.endStruct()
        w.beginList(3, of: .binary, count: 15)  // 15 or more: 0xF8 then varint 15
        for _ in 0..<15 { w.element(string: "") }
        w.endMessage()
        #expect(w.bytes == [0x19, 0x25, 0x00, 0x10, 0x19, 0x1C, 0x48, 0x01, 0x78, 0x00, 0x19, 0xF8, 0x0F] + Array(repeating: 0, count: 15) + [0x00])
    }
}

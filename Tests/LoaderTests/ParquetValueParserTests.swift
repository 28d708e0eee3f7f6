import Testing
@testable import Loader

/// The text forms generators write, read into the values Parquet stores.
@Suite struct ParquetValueParserTests {
    func bytes<T>(_ text: String, _ body: (UnsafeRawBufferPointer) -> T) -> T {
        Array(text.utf8).withUnsafeBytes(body)
    }

    @Test func decimalsAtTheColumnsScaleRoundedHalfAwayFromZero() {
        func units(_ text: String, _ precision: Int = 10, _ scale: Int = 2) -> Int128? {
            bytes(text) { ParquetValueParser.decimalUnits($0, precision: precision, scale: scale) }
        }
        #expect(units("12.34") == 1234)
        #expect(units("12.3") == 1230, "fewer digits are padded")
        #expect(units("12") == 1200)
        #expect(units("-0.50") == -50)
        #expect(units("+7.01") == 701)
        #expect(units("12.345") == 1235 && units("12.344") == 1234 && units("-12.345") == -1235)
        #expect(units("0.0049999") == 0, "only the first dropped digit rounds")
        #expect(units("99999999.99") == 9_999_999_999)
        #expect(units("100000000.00") == nil, "11 digits do not fit numeric(10,2)")
        #expect(units("1e5") == nil && units("") == nil && units("-") == nil && units("1.2.3") == nil && units("12,5") == nil)
        let big = "12345678901234567890123456789012.345678"
        #expect(units(big, 38, 6) == Int128("12345678901234567890123456789012345678"))
        #expect(units("9" + big, 38, 6) == nil, "39 digits are more than any decimal holds")
    }

    @Test func timestampsWithFractionsAndOffsets() {
        func micros(_ text: String) -> Int64? { bytes(text) { ParquetValueParser.micros($0) } }
        let base: Int64 = 1_704_164_645 // 2024-01-02 03:04:05 UTC
        #expect(micros("2024-01-02 03:04:05") == base * 1_000_000)
        #expect(micros("2024-01-02T03:04:05") == base * 1_000_000)
        #expect(micros("2024-01-02 03:04:05+00") == base * 1_000_000)
        #expect(micros("2024-01-02 03:04:05.5") == base * 1_000_000 + 500_000)
        #expect(micros("2024-01-02 03:04:05.123456") == base * 1_000_000 + 123_456)
        #expect(micros("2024-01-02 05:04:05+02:00") == base * 1_000_000, "an offset is applied: the value is UTC")
        #expect(micros("2024-01-02") == (base - 3 * 3600 - 4 * 60 - 5) * 1_000_000)
        #expect(micros("yesterday") == nil && micros("2023-02-29 00:00:00") == nil)
    }

    @Test func datesAndUUIDs() {
        #expect(bytes("1970-01-01") { ParquetValueParser.days($0) } == 0)
        #expect(bytes("2024-03-01") { ParquetValueParser.days($0) } == 19_783)
        #expect(bytes("2024-13-01") { ParquetValueParser.days($0) } == nil)
        var halves: (UInt64, UInt64) = (0, 0)
        #expect(bytes("d849e149-9e82-4da4-9bb4-632614138750") { ParquetValueParser.uuid($0, into: &halves) })
        #expect(halves.0 == 0xd849e1499e824da4 && halves.1 == 0x9bb4632614138750)
        #expect(bytes("D849E149-9E82-4DA4-9BB4-63261413875") { ParquetValueParser.uuid($0, into: &halves) } == false, "31 digits")
        #expect(bytes("g849e149-9e82-4da4-9bb4-632614138750") { ParquetValueParser.uuid($0, into: &halves) } == false)
    }
}

import Testing
@testable import Engine

@Suite struct RowRandomTests {
    @Test func sameCellSameValueDifferentCellsDiffer() {
        let key = RowRandom.streamKey(seed: 42, table: "t", column: "c")
        var a = RowRandom(stream: key, row: 7)
        var b = RowRandom(stream: key, row: 7)
        #expect(a.next() == b.next())
        var c = RowRandom(stream: key, row: 8)
        var d = RowRandom(stream: RowRandom.streamKey(seed: 43, table: "t", column: "c"), row: 7)
        var e = RowRandom(stream: key, row: 7)
        let v = e.next()
        #expect(c.next() != v)
        #expect(d.next() != v)
    }

    @Test func streamKeysAreStableAcrossRuns() {
        // FNV-1a of fixed strings: a change here would reshuffle every user's data.
        #expect(StableHash.of("") == 0xcbf2_9ce4_8422_2325)
        #expect(StableHash.of("a") == 0xaf63_dc4c_8601_ec8c)
    }

    @Test func boundedDrawsStayInRangeAndCoverIt() {
        var seen = Set<Int64>()
        for row in 0..<5000 {
            var r = RowRandom(stream: 99, row: Int64(row))
            let v = r.int(-3...3)
            #expect((-3...3).contains(v))
            seen.insert(v)
        }
        #expect(seen.count == 7)
    }

    @Test func unitIsUniformEnough() {
        var sum = 0.0
        let n = 20_000
        for row in 0..<n {
            var r = RowRandom(stream: 5, row: Int64(row))
            sum += r.unit()
        }
        #expect(abs(sum / Double(n) - 0.5) < 0.01)
    }
}

@Suite struct PermutationTests {
    @Test(arguments: [1, 2, 3, 10, 255, 256, 257, 1000, 4097])
    func isABijection(count: Int) {
        let p = Permutation(count: UInt64(count), key: 12345)
        var seen = Set<UInt64>()
        for i in 0..<UInt64(count) {
            let v = p.apply(i)
            #expect(v < UInt64(count))
            seen.insert(v)
        }
        #expect(seen.count == count)
    }

    @Test func differentKeysShuffleDifferently() {
        let a = Permutation(count: 1000, key: 1), b = Permutation(count: 1000, key: 2)
        let same = (0..<1000).filter { a.apply(UInt64($0)) == b.apply(UInt64($0)) }.count
        #expect(same < 20)
    }

    @Test func handlesHugeDomains() {
        let p = Permutation(count: 1 << 62, key: 9)
        #expect(p.apply(0) != p.apply(1))
        #expect(p.apply(123) < 1 << 62)
    }
}

@Suite struct CivilDateTests {
    @Test func roundTripsDays() {
        for days in stride(from: Int64(-800_000), through: 800_000, by: 997) {
            let (y, m, d) = CivilDate.civil(days: days)
            #expect(CivilDate.days(year: y, month: m, day: d) == days)
        }
        #expect(CivilDate.days(year: 1970, month: 1, day: 1) == 0)
        #expect(CivilDate.days(year: 2000, month: 3, day: 1) == 11_017)
    }

    @Test func writesISOText() {
        var w = ByteWriter()
        CivilDate.writeTimestamp(seconds: CivilDate.days(year: 2024, month: 2, day: 29) * 86_400 + 3_723, into: &w)
        #expect(String(decoding: w.bytes, as: UTF8.self) == "2024-02-29 01:02:03")
        #expect(CivilDate.parseSeconds("2024-02-29 01:02:03") == CivilDate.days(year: 2024, month: 2, day: 29) * 86_400 + 3_723)
    }
}

@Suite struct ByteWriterTests {
    @Test func writesIntegersAndPadding() {
        var w = ByteWriter()
        w.appendInt(0); w.append(","); w.appendInt(-42); w.append(","); w.appendInt(Int64.min); w.append(",")
        w.appendPadded(7, width: 3); w.append(","); w.appendHex(0xbeef, digits: 6); w.append(",")
        w.appendPadded(-44, width: 4); w.append(","); w.appendPadded(12345, width: 4)
        #expect(String(decoding: w.bytes, as: UTF8.self) == "0,-42,-9223372036854775808,007,00beef,-0044,12345")
    }

    @Test func decimalsKeepTheirScale() {
        var w = ByteWriter()
        DecimalGenerator.write(units: 12345, scale: 2, into: &w); w.append(" ")
        DecimalGenerator.write(units: -5, scale: 3, into: &w); w.append(" ")
        DecimalGenerator.write(units: 7, scale: 0, into: &w)
        #expect(String(decoding: w.bytes, as: UTF8.self) == "123.45 -0.005 7")
    }
}

/// The byte-level readers of generated dates agree with the general parsers.
@Suite struct WrittenDateTests {
    @Test func writtenDaysAndSecondsMatchTheParsers() {
        var r = RowRandom(stream: 7, row: 0)
        for i in 0..<5_000 {
            r = RowRandom(stream: 7, row: Int64(i))
            let seconds = r.int(-86_400 * 400...86_400 * 40_000)
            for (separator, zone) in [(UInt8(ascii: " "), ""), (UInt8(ascii: "T"), ""), (UInt8(ascii: " "), "+00")] {
                var w = ByteWriter()
                CivilDate.writeTimestamp(seconds: seconds, separator: separator, into: &w)
                w.append(zone)
                let text = String(decoding: w.bytes, as: UTF8.self)
                #expect(CivilDate.writtenSeconds(w.bytes) == CivilDate.parseSeconds(text), "\(text)")
                #expect(CivilDate.writtenSeconds(w.bytes) == seconds, "\(text)")
                #expect(CivilDate.writtenDays(Array(w.bytes.prefix(10))) == CivilDate.parseDays(String(text.prefix(10))))
            }
        }
        // Other shapes are left to the general parser.
        #expect(CivilDate.writtenSeconds(Array("2024-05-01 13:45:00.5".utf8)) == nil)
        #expect(CivilDate.writtenSeconds(Array("2024-05-01 13:45:00+02".utf8)) == nil)
        #expect(CivilDate.writtenDays(Array("2024-5-1".utf8)) == nil)
        // Days a month does not have are no dates.
        for text in ["2023-02-29", "2024-04-31", "2100-02-29", "2024-13-01", "2024-00-10"] {
            #expect(CivilDate.parseDays(text) == nil, "\(text)")
            #expect(CivilDate.writtenDays(Array(text.utf8)) == nil, "\(text)")
        }
        #expect(CivilDate.parseDays("2024-02-29") == CivilDate.days(year: 2024, month: 2, day: 29))
        #expect(CivilDate.parseDays("2000-02-29") != nil)
    }
}

/// Columns that follow another in time read its instant as a number when
/// the base can give it, with exactly the values the text path gives.
@Suite struct EpochSecondsTests {
    /// Hides the base's `epochSeconds`, forcing the text path.
    struct TextOnly: ValueGenerator {
        let inner: any ValueGenerator
        func generate(row: Int64, into value: inout Value) { inner.generate(row: row, into: &value) }
        var summary: String { inner.summary }
    }

    func texts(_ g: any ValueGenerator, rows: Int64 = 2_000) -> [String] {
        var v = Value()
        return (0..<rows).map { row in
            g.generate(row: row, into: &v)
            return String(decoding: v.bytes.bytes, as: UTF8.self)
        }
    }

    @Test func orderedAfterGivesTheSameValuesEitherWay() {
        let bases: [(any ValueGenerator, OrderedAfterGenerator.Unit, Bool)] = [
            (DateGenerator(stream: 3), .days, false),
            (TimestampGenerator(withTimeZone: true, stream: 4), .seconds, true),
            (TimestampGenerator(withTimeZone: false, stream: 5), .seconds, false),
        ]
        for (base, unit, tz) in bases {
            let fast = OrderedAfterGenerator(base: base, unit: unit, gap: 0...400, timeZoneSuffix: tz, stream: 9, cap: DefaultWindow.endDays * (unit == .days ? 1 : 86_400))
            let slow = OrderedAfterGenerator(base: TextOnly(inner: base), unit: unit, gap: 0...400, timeZoneSuffix: tz, stream: 9, cap: DefaultWindow.endDays * (unit == .days ? 1 : 86_400))
            #expect(texts(fast) == texts(slow), "\(base.summary)")
            #expect(base.epochSeconds(row: 17) != nil)
        }
    }
}

/// Skewed parent picks: in range, as lopsided as a log-normal of σ 0.8.
@Suite struct SkewedParentsTests {
    func cv(_ counts: [Int]) -> Double {
        let mean = Double(counts.reduce(0, +)) / Double(counts.count)
        let variance = counts.map { (Double($0) - mean) * (Double($0) - mean) }.reduce(0, +) / Double(counts.count)
        return variance.squareRoot() / mean
    }

    @Test func popularityIsLogNormalAndPicksStayInRange() {
        for parents in [2_000, 100_000] as [Int64] {
            let skew = SkewedParents(parentRows: parents, stream: 42)
            var counts = [Int](repeating: 0, count: Int(parents))
            for row in 0..<400_000 as Range<Int64> {
                let p = skew.parentRow(for: row)
                #expect(p >= 0 && p < parents)
                counts[Int(p)] += 1
            }
            // Per parent (2,000) or per block of parents (100,000 over 16,384 blocks).
            let buckets = Int(min(parents, SkewedParents.maxBuckets))
            var perBucket = [Int](repeating: 0, count: buckets)
            for (i, c) in counts.enumerated() { perBucket[i * buckets / Int(parents)] += c }
            // sqrt(e^(σ²) − 1) = 0.95 for σ = 0.8, plus sampling noise.
            let spread = cv(perBucket)
            #expect(spread > 0.75 && spread < 1.3, "\(parents) parents: \(spread)")
            // The same stream gives the same picks.
            #expect(SkewedParents(parentRows: parents, stream: 42).parentRow(for: 12_345) == skew.parentRow(for: 12_345))
        }
    }
}

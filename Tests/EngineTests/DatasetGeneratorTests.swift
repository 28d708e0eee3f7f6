import Testing
@testable import Engine

/// The generators the built-in datasets stand on: holidays, the calendar
/// of a date dimension, seasonal days, type-2 version layouts.
@Suite struct DatasetGeneratorTests {
    func day(_ text: String) -> Int64 { CivilDate.parseDays(text)! }

    func int(_ g: any ValueGenerator, _ row: Int64) -> Int64 {
        var v = Value()
        g.generate(row: row, into: &v)
        return v.int
    }

    @Test func holidaysFollowTheirRules() {
        #expect(HolidayCalendar.name(days: day("2024-11-28")) == "Thanksgiving")
        #expect(HolidayCalendar.name(days: day("2024-11-29")) == "Black Friday")
        #expect(HolidayCalendar.name(days: day("2023-11-23")) == "Thanksgiving")
        #expect(HolidayCalendar.name(days: day("2024-05-27")) == "Memorial Day")
        #expect(HolidayCalendar.name(days: day("2024-09-02")) == "Labor Day")
        #expect(HolidayCalendar.name(days: day("2024-12-25")) == "Christmas Day")
        #expect(HolidayCalendar.name(days: day("2024-11-27")) == nil)
        #expect(HolidayCalendar.weekday(days: day("2024-07-01")) == 1)
        #expect(HolidayCalendar.weekday(days: day("1969-12-28")) == 7)
    }

    @Test func calendarRowsAreConsecutiveDaysWithTheirAttributes() {
        let start = day("2023-01-01")
        let key = CalendarGenerator(start: start, field: .key)
        #expect(int(key, 0) == 20230101)
        #expect(int(key, 730) == 20241231)
        let row = day("2024-07-01") - start
        #expect(int(CalendarGenerator(start: start, field: .fiscalQuarter, fiscalStartMonth: 7), row) == 1)
        #expect(int(CalendarGenerator(start: start, field: .fiscalYear, fiscalStartMonth: 7), row) == 2025)
        #expect(int(CalendarGenerator(start: start, field: .fiscalPeriod, fiscalStartMonth: 7), row - 1) == 12)
        #expect(int(CalendarGenerator(start: start, field: .quarter), row) == 3)
        // ISO weeks: 2023-01-01 (a Sunday) is in week 52 of 2022; 2024-12-30 in week 1 of 2025.
        #expect(int(CalendarGenerator(start: start, field: .weekOfYear), 0) == 52)
        #expect(int(CalendarGenerator(start: start, field: .weekOfYear), day("2024-12-30") - start) == 1)
    }

    @Test func seasonalDaysPeakOnHolidaysWeekendsAndDecember() {
        let start = day("2023-01-01"), end = day("2025-01-01")
        let g = SeasonalDateGenerator(days: start..<end, shape: .retail, format: .date, stream: 7)
        var perDay: [Int64: Int] = [:]
        for row in 0..<200_000 as Range<Int64> {
            let d = g.epochSeconds(row: row)! / 86_400
            #expect((start..<end).contains(d))
            perDay[d, default: 0] += 1
        }
        let mean = 200_000.0 / Double(end - start)
        #expect(Double(perDay[day("2024-11-29")]!) > 2 * mean, "Black Friday peaks")
        func average(_ days: [Int64]) -> Double { Double(days.map { perDay[$0] ?? 0 }.reduce(0, +)) / Double(days.count) }
        let all = Array(start..<end)
        let saturdays = all.filter { HolidayCalendar.weekday(days: $0) == 6 && !HolidayCalendar.isHoliday(days: $0) }
        let tuesdays = all.filter { HolidayCalendar.weekday(days: $0) == 2 && !HolidayCalendar.isHoliday(days: $0) }
        #expect(average(saturdays) > 1.3 * average(tuesdays))
        let december = all.filter { CivilDate.civil(days: $0).month == 12 && !HolidayCalendar.isHoliday(days: $0) }
        let february = all.filter { CivilDate.civil(days: $0).month == 2 && !HolidayCalendar.isHoliday(days: $0) }
        #expect(average(december) > 1.8 * average(february))
        let again = SeasonalDateGenerator(days: start..<end, shape: .retail, format: .date, stream: 7)
        #expect((0..<100).allSatisfy { again.epochSeconds(row: $0) == g.epochSeconds(row: $0) })
    }

    @Test func growthMakesTheSecondYearBusier() {
        let start = day("2023-01-01"), middle = day("2024-01-01"), end = day("2025-01-01")
        var shape = SeasonalDateGenerator.Shape.retail
        shape.growth = 0.3
        let g = SeasonalDateGenerator(days: start..<end, shape: shape, format: .key, stream: 1)
        let second = (0..<50_000 as Range<Int64>).filter { int(g, $0) >= CalendarGenerator.key(days: middle) }.count
        #expect(Double(second) / 50_000 > 0.54)
    }

    @Test func versionsAreConsecutiveWithOneCurrentAndTouchingWindows() {
        let days = day("2021-01-01")..<day("2025-01-01")
        let rows: Int64 = 1_003
        let layout = VersionLayout(versionWeights: [0.6, 0.25, 0.1, 0.05], days: days, rows: rows, stream: 11)
        var previous: VersionLayout.Slot?
        var multi = 0
        var currents: [Int64: Int] = [:]
        for row in 0..<rows {
            let s = layout.slot(row: row)
            if s.isCurrent { currents[s.key, default: 0] += 1 }
            if s.version > 1 {
                #expect(previous?.key == s.key && previous?.version == s.version - 1, "row \(row): versions of a key are consecutive")
                let from = layout.change(key: s.key, version: s.version, of: s.versions)
                #expect(from > layout.change(key: s.key, version: s.version - 1, of: s.versions), "row \(row): later versions start later")
                #expect(from < days.upperBound)
                multi += 1
            } else {
                #expect(previous.map { $0.isCurrent && $0.key == s.key - 1 } ?? (s.key == 0), "row \(row): a new key follows a closed one")
            }
            previous = s
        }
        #expect(previous?.isCurrent == true, "the last row closes its key")
        #expect(currents.values.allSatisfy { $0 == 1 })
        #expect(Int64(currents.count) == previous!.key + 1)
        #expect(multi > 200)
    }
}

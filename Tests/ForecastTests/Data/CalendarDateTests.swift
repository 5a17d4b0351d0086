// Tests for CalendarDate and DateSpan: civil ↔ day-count conversions, validation, weekdays, arithmetic.

import Forecast
import Testing

@Suite("CalendarDate") struct CalendarDateTests {
    @Test func epochAndKnownDays() throws {
        #expect(CalendarDate(year: 1970, month: 1, day: 1)?.daysSinceEpoch == 0)
        #expect(CalendarDate(year: 1969, month: 12, day: 31)?.daysSinceEpoch == -1)
        // Day counts from POSIX: `date -u -d 2000-03-01 +%s` / 86400 = 11017; 2022-02-24 → 19047.
        #expect(CalendarDate(year: 2000, month: 3, day: 1)?.daysSinceEpoch == 11017)
        #expect(CalendarDate(year: 2022, month: 2, day: 24)?.daysSinceEpoch == 19047)
        let d = CalendarDate(daysSinceEpoch: 19047)
        #expect(d.year == 2022 && d.month == 2 && d.day == 24)
        #expect(d.description == "2022-02-24")
    }

    @Test func validation() {
        #expect(CalendarDate(year: 2024, month: 2, day: 29) != nil)  // leap year
        #expect(CalendarDate(year: 2023, month: 2, day: 29) == nil)
        #expect(CalendarDate(year: 1900, month: 2, day: 29) == nil)  // century, not a leap year
        #expect(CalendarDate(year: 2000, month: 2, day: 29) != nil)  // divisible by 400
        #expect(CalendarDate(year: 2024, month: 4, day: 31) == nil)
        #expect(CalendarDate(year: 2024, month: 13, day: 1) == nil)
        #expect(CalendarDate(year: 2024, month: 0, day: 1) == nil)
        #expect(CalendarDate(year: 2024, month: 1, day: 0) == nil)
    }

    @Test func weekdays() {
        // ISO weekdays (Monday = 1): 1970-01-01 Thursday, 2024-08-06 (Kursk incursion) Tuesday, 2022-02-24 Thursday,
        // 2025-06-01 Sunday.
        #expect(day("1970-01-01").weekday == 4)
        #expect(day("2024-08-06").weekday == 2)
        #expect(day("2022-02-24").weekday == 4)
        #expect(day("2025-06-01").weekday == 7)
        #expect(day("1969-12-29").weekday == 1)  // before the epoch
    }

    @Test func arithmeticAndOrder() {
        let a = day("2024-02-27")
        #expect(a.adding(days: 3).description == "2024-03-01")
        #expect(a.adding(days: -58).description == "2023-12-31")
        #expect(day("2026-08-08") - day("2022-02-25") == 1625)  // personnel_daily.csv has 1626 rows
        #expect(a < a.adding(days: 1))
        #expect([day("2024-01-02"), day("2023-12-31")].sorted().map(\.description) == ["2023-12-31", "2024-01-02"])
        #expect(Set([day("2024-01-01"), CalendarDate(year: 2024, month: 1, day: 1)!]).count == 1)
    }

    @Test("Every day from 1600 to 2400 round-trips and advances the civil calendar by one day")
    func roundTripAgainstNaiveCounter() {
        var (y, m, d) = (1600, 1, 1)
        var expected = CalendarDate(year: 1600, month: 1, day: 1)!.daysSinceEpoch
        while y < 2400 {
            let date = CalendarDate(daysSinceEpoch: expected)
            let c = date.components
            if c.year != y || c.month != m || c.day != d {
                Issue.record("\(expected): got \(c), expected \((y, m, d))")
                return
            }
            #expect(CalendarDate(year: y, month: m, day: d)?.daysSinceEpoch == expected)
            d += 1
            if d > CalendarDate.daysIn(month: m, year: y) { d = 1; m += 1 }
            if m > 12 { m = 1; y += 1 }
            expected += 1
        }
    }

    @Test func descriptionPadsAndSigns() {
        #expect(CalendarDate(year: 5, month: 3, day: 9)!.description == "0005-03-09")
        #expect(CalendarDate(year: -44, month: 3, day: 15)!.description == "-0044-03-15")
        #expect(CalendarDate(year: 12345, month: 1, day: 1)!.description == "12345-01-01")
    }

    @Test func spans() {
        let span = DateSpan(first: day("2024-01-30"), last: day("2024-02-02"))
        #expect(span.dayCount == 4)
        #expect(span.contains(day("2024-02-01")) && !span.contains(day("2024-02-03")))
        #expect(span.description == "2024-01-30 .. 2024-02-02")
        #expect(DateSpan(first: day("2024-01-30"), last: day("2024-01-30")).description == "2024-01-30")
    }
}

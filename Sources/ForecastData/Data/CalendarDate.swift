// CalendarDate — a day of the proleptic Gregorian calendar, as an integer day count.
//
// Policy:
//  1. A date is a calendar day, nothing more: no time of day, no time zone, no Foundation `Date`/`Calendar`.
//     Feeds are read "as written" (a Kyiv-time `2024-08-06 08:00` is the day 2024-08-06).
//  2. Storage is one `Int`, days since 1970-01-01 (= 0), so arithmetic, hashing and comparison are integer ops.
//  3. Conversions use Howard Hinnant's `days_from_civil` / `civil_from_days` algorithms
//     (http://howardhinnant.github.io/date_algorithms.html): exact for every Int-representable day, O(1).

/// A day of the proleptic Gregorian calendar, stored as the number of days since 1970-01-01.
///
/// A value type: two dates are equal when they name the same day; `<` is chronological; `b - a` is the
/// number of days from `a` to `b`. `description` is ISO 8601, `YYYY-MM-DD` (years outside 0...9999 are
/// printed with as many digits as needed and a sign for negative years).
import ForecastCore
public struct CalendarDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Days since 1970-01-01 (which is 0); negative before it.
    public let daysSinceEpoch: Int

    /// The date `daysSinceEpoch` days after 1970-01-01 (before it when negative).
    @inlinable public init(daysSinceEpoch: Int) { self.daysSinceEpoch = daysSinceEpoch }

    /// The date with the given civil components, or nil when they do not name a real day
    /// (`month` outside 1...12, `day` outside 1...days in that month; 29 February only in leap years).
    public init?(year: Int, month: Int, day: Int) {
        guard month >= 1 && month <= 12 && day >= 1 && day <= CalendarDate.daysIn(month: month, year: year) else {
            return nil
        }
        daysSinceEpoch = CalendarDate.days(year: year, month: month, day: day)
    }

    /// The number of days in `month` (1...12) of `year` (Gregorian leap rule).
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Whether `year` is a Gregorian leap year (divisible by 4, except centuries not divisible by 400).
    public static func isLeap(_ year: Int) -> Bool { year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) }

    /// The date `days` days later (earlier when negative).
    @inlinable public func adding(days: Int) -> CalendarDate { CalendarDate(daysSinceEpoch: daysSinceEpoch + days) }

    /// The number of days from `rhs` to `lhs` (positive when `lhs` is later).
    @inlinable public static func - (lhs: CalendarDate, rhs: CalendarDate) -> Int {
        lhs.daysSinceEpoch - rhs.daysSinceEpoch
    }

    @inlinable public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        lhs.daysSinceEpoch < rhs.daysSinceEpoch
    }

    /// ISO weekday: Monday = 1 ... Sunday = 7 (1970-01-01 was a Thursday, 4).
    public var weekday: Int {
        let r = (daysSinceEpoch + 3) % 7
        return (r < 0 ? r + 7 : r) + 1
    }

    /// The year, month (1...12) and day of month (1...31).
    public var components: (year: Int, month: Int, day: Int) {
        let z = daysSinceEpoch + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097                                      // day of era, 0...146096
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365  // year of era, 0...399
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)                // day of year from 1 March, 0...365
        let mp = (5 * doy + 2) / 153                                     // month from March, 0...11
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// The year (e.g. 2024).
    public var year: Int { components.year }
    /// The month, 1 (January) ... 12.
    public var month: Int { components.month }
    /// The day of the month, 1 ... 31.
    public var day: Int { components.day }

    /// `YYYY-MM-DD`.
    public var description: String {
        let (y, m, d) = components
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
        }
        let yearText = y < 0 ? "-" + pad(-y, 4) : pad(y, 4)
        return "\(yearText)-\(pad(m, 2))-\(pad(d, 2))"
    }

    /// Days since 1970-01-01 of a valid civil date (no validation; Hinnant's `days_from_civil`).
    static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400                                             // 0...399
        let doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1  // 0...365
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy                     // 0...146096
        return era * 146_097 + doe - 719_468
    }
}

/// An inclusive run of calendar days, `first ... last` (at least one day).
public struct DateSpan: Sendable, Hashable, CustomStringConvertible {
    /// The first day of the run.
    public let first: CalendarDate
    /// The last day of the run (not before `first`).
    public let last: CalendarDate

    /// The span `first ... last`. Precondition: `first <= last`.
    public init(first: CalendarDate, last: CalendarDate) {
        precondition(first <= last, "DateSpan: \(first) is after \(last)")
        self.first = first
        self.last = last
    }

    /// The number of days in the span (1 when `first == last`).
    public var dayCount: Int { last - first + 1 }

    /// Whether `date` lies in the span.
    public func contains(_ date: CalendarDate) -> Bool { first <= date && date <= last }

    /// `YYYY-MM-DD` for one day, else `YYYY-MM-DD .. YYYY-MM-DD`.
    public var description: String { first == last ? "\(first)" : "\(first) .. \(last)" }
}

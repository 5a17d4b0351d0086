// PeriodSeries — a daily series summed by ISO week or calendar month (`ingest`/`describe --by week|month`).
//
// Policy:
//  1. Periods are calendar periods: ISO weeks (Monday..Sunday, labelled by their Monday) or calendar months
//     (labelled by their first day). The first and last period may extend beyond the series; their days outside
//     it count as days without a value.
//  2. Per period and column: `sum` of the days with a value, `daysPresent` = days with a value, and
//     `mean` = sum / daysPresent (NaN when no day has a value). `calendarDays` is the period's length (7, 28..31).
//  3. A period is `complete` when every column has a value on every one of its calendar days. An incomplete
//     period's sum is a sum over fewer days — compare means, or leave the period out; the flag says which ones.

/// How days are grouped into periods.
import ForecastCore
public enum AggregationPeriod: String, Sendable, CaseIterable, CustomStringConvertible {
    /// ISO weeks, Monday to Sunday.
    case week
    /// Calendar months.
    case month

    public var description: String { rawValue }

    /// The first day of the period containing `date`.
    public func start(of date: CalendarDate) -> CalendarDate {
        switch self {
        case .week: return date.adding(days: 1 - date.weekday)
        case .month: return CalendarDate(year: date.year, month: date.month, day: 1) ?? date
        }
    }

    /// The first day of the period after the one starting on `start`.
    func next(after start: CalendarDate) -> CalendarDate {
        switch self {
        case .week: return start.adding(days: 7)
        case .month: return start.adding(days: CalendarDate.daysIn(month: start.month, year: start.year))
        }
    }
}

/// A daily series aggregated by week or month (policy at the top of PeriodSeries.swift).
public struct PeriodSeries: Sendable, Equatable {
    /// One column's summary in one period.
    public struct Cell: Sendable, Equatable {
        /// Sum over the days with a value.
        public let sum: Double
        /// Days of the period with a value.
        public let daysPresent: Int
        /// sum / daysPresent; NaN when no day has a value.
        public var mean: Double { daysPresent == 0 ? .nan : sum / Double(daysPresent) }
    }

    /// One period.
    public struct Period: Sendable, Equatable {
        /// First day of the period (a Monday, or the 1st of a month).
        public let start: CalendarDate
        /// Calendar days in the period (7 for a week, 28…31 for a month).
        public let calendarDays: Int
        /// One cell per column, in the series' column order.
        public let cells: [Cell]
        /// Whether every column has a value on every calendar day of the period.
        public var isComplete: Bool { cells.allSatisfy { $0.daysPresent == calendarDays } }
    }

    public let period: AggregationPeriod
    /// Column names, as in the daily series.
    public let names: [String]
    /// The periods in date order, from the one holding the series' first day to the one holding its last.
    public let periods: [Period]
}

extension DailySeries {
    /// The series summed by `period` (policy at the top of PeriodSeries.swift). O(days × columns).
    public func aggregated(by period: AggregationPeriod) -> PeriodSeries {
        var periods: [PeriodSeries.Period] = []
        var first = period.start(of: start)
        while first <= end {
            let following = period.next(after: first)
            let cells = values.map { column in
                var sum = CompensatedSum()
                var present = 0
                var day = Swift.max(first, start)
                while day < following && day <= end {
                    let v = column[day - start]
                    if !v.isNaN {
                        sum.add(v)
                        present += 1
                    }
                    day = day.adding(days: 1)
                }
                return PeriodSeries.Cell(sum: sum.value, daysPresent: present)
            }
            periods.append(PeriodSeries.Period(start: first, calendarDays: following - first, cells: cells))
            first = following
        }
        return PeriodSeries(period: period, names: names, periods: periods)
    }
}

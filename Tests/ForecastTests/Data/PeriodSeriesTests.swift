// DailySeries.aggregated(by:): sums, days present and the completeness flag by ISO week and calendar month,
// checked against sums worked out by hand in each test.
import Testing
@testable import ForecastCore
@testable import ForecastData
@testable import ForecastModels
@testable import ForecastAnalysis
@testable import ForecastReporting
import Forecast

@Suite("Weekly and monthly aggregation")
struct PeriodSeriesTests {
    /// 2024-01-29 (a Monday) .. 2024-02-06, values 1..9 with 2024-02-01 missing.
    static func series() throws -> DailySeries {
        try ingestCSV("date,n\n2024-01-29,1\n2024-01-30,2\n2024-01-31,3\n2024-02-01,\n2024-02-02,5\n2024-02-03,6\n"
                      + "2024-02-04,7\n2024-02-05,8\n2024-02-06,9\n")
    }

    @Test("Months: January holds 3 of its 31 days, February 5 of 29 (2024 is a leap year); both incomplete")
    func months() throws {
        let periods = try Self.series().aggregated(by: .month)
        #expect(periods.periods.map(\.start.description) == ["2024-01-01", "2024-02-01"])
        #expect(periods.periods.map(\.calendarDays) == [31, 29])
        #expect(periods.periods.map { $0.cells[0] } == [.init(sum: 6, daysPresent: 3), .init(sum: 35, daysPresent: 5)])
        #expect(periods.periods[1].cells[0].mean == 7)
        #expect(periods.periods.allSatisfy { !$0.isComplete })
    }

    @Test("ISO weeks start on Monday: 29 Jan – 4 Feb has 6 values (1 missing), 5–11 Feb has 2")
    func weeks() throws {
        let periods = try Self.series().aggregated(by: .week)
        #expect(periods.periods.map(\.start.description) == ["2024-01-29", "2024-02-05"])
        #expect(periods.periods.map { $0.cells[0] } == [.init(sum: 24, daysPresent: 6), .init(sum: 17, daysPresent: 2)])
        let full = try ingestCSV("date,n\n2024-01-29,1\n2024-01-30,1\n2024-01-31,1\n2024-02-01,1\n2024-02-02,1\n2024-02-03,1\n2024-02-04,1\n")
        #expect(full.aggregated(by: .week).periods.map(\.isComplete) == [true])
        // Sunday 2024-02-04 belongs to the week of Monday 2024-01-29.
        #expect(AggregationPeriod.week.start(of: CalendarDate(iso: "2024-02-04")!).description == "2024-01-29")
    }

    @Test("CSV: date, calendar days, complete flag, then sum, days and mean per column")
    func csv() throws {
        #expect(try Self.series().aggregated(by: .month).csv() == """
            date,calendar_days,complete,n,n_days,n_mean
            2024-01-01,31,0,6,3,2
            2024-02-01,29,0,35,5,7

            """)
    }
}

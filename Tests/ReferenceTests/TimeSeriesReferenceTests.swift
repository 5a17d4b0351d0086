// `forecast fit`'s modelling core reproduces the reference cases from dates and term flags (not from their design
// columns): Tests/Fixtures/reference/ols-personnel (statsmodels OLS) from series/personnel_daily.csv and
// Tests/Fixtures/reference/nb2-strikes (statsmodels NegativeBinomial nb2) from series/strikes_daily.csv.
import Foundation
import Testing
@testable import ForecastCore
@testable import ForecastData
@testable import ForecastModels
@testable import ForecastAnalysis
@testable import ForecastReporting
import Forecast

func isoDate(_ text: String) -> CalendarDate {
    let parts = text.split(separator: "-").map { Int($0)! }
    return CalendarDate(year: parts[0], month: parts[1], day: parts[2])!
}

/// A reference daily series: first date and one column (empty cells → NaN).
func referenceSeries(_ file: String, column: String) throws -> (start: CalendarDate, values: [Double]) {
    let table = try CSVReader.read(contentsOf: Fixtures.url("reference/series/\(file)").path)
    let dates = (0..<table.rowCount).map { isoDate(table.cell(row: $0, column: 0)) }
    for (i, d) in dates.enumerated() where i > 0 { precondition(d - dates[i - 1] == 1, "reference series must be daily") }
    return (dates[0], try table.numbers(inColumn: table.columnIndex(named: column), missing: .asNaN))
}

@Suite("Reference: time-series fits from dates")
struct TimeSeriesReferenceTests {
    @Test("OLS on daily personnel with default terms + three 0..13 events = ols-personnel; 28-day forecast = its predictions")
    func olsPersonnel() throws {
        let reference = try ReferenceCase("ols-personnel")
        let series = try referenceSeries("personnel_daily.csv", column: "daily")
        let events = [EventWindow(id: "avdiivka", date: isoDate("2024-02-17")),
                      EventWindow(id: "kursk", date: isoDate("2024-08-06")),
                      EventWindow(id: "atacms", date: isoDate("2024-11-17"))]
        let model = TimeSeriesModel(design: DesignSpecification(events: events), kind: .ols,
                                    from: isoDate("2024-01-01"), to: isoDate("2024-11-24"))
        let fit = try model.fit(DatedSeries(name: "daily", start: series.start, values: series.values))
        #expect(fit.schema.columnNames == reference.columns)
        let linear = try #require(fit.linear)
        reference.check(linear.estimates, reference.byColumn("params"), "params", labels: reference.columns)
        reference.check(linear.standardErrors, reference.byColumn("bse"), "bse", labels: reference.columns)
        reference.check(linear.logLikelihood, reference.scalar("llf"), "llf")
        reference.checkExact(linear.observationCount, "nobs")
        let forecast = try fit.forecast(horizon: 28, levels: [95])
        #expect(forecast.days.first?.date == isoDate("2024-11-25") && forecast.method == .analytic)
        reference.check(forecast.days.map(\.mean), reference.list("predicted_mean").map { $0 }, "predicted_mean")
        reference.check(forecast.days.map { $0.intervals[0].lower }, reference.list("obs_ci_lower").map { $0 }, "obs_ci_lower")
        reference.check(forecast.days.map { $0.intervals[0].upper }, reference.list("obs_ci_upper").map { $0 }, "obs_ci_upper")
        // The ATACMS window runs 8 days into the forecast horizon... of which the first 6 are past the training end.
        let row = fit.schema.row(for: isoDate("2024-11-30"), lags: [], regressors: [])
        #expect(row.last == 1 && fit.schema.row(for: isoDate("2024-12-01"), lags: [], regressors: []).last == 0)
    }

    @Test("NB2 on daily launches with default terms + three 0..6 events = nb2-strikes (β, SEs, α, llf, means)")
    func nb2Strikes() throws {
        let reference = try ReferenceCase("nb2-strikes")
        let series = try referenceSeries("strikes_daily.csv", column: "launched")
        let events = [EventWindow(id: "kursk", date: isoDate("2024-08-06"), first: 0, last: 6),
                      EventWindow(id: "atacms", date: isoDate("2024-11-17"), first: 0, last: 6),
                      EventWindow(id: "spiderweb", date: isoDate("2025-06-01"), first: 0, last: 6)]
        let model = TimeSeriesModel(design: DesignSpecification(events: events), from: isoDate("2024-01-01"),
                                    to: isoDate("2025-06-30"))
        let fit = try model.fit(DatedSeries(name: "launched", start: series.start, values: series.values))
        #expect(fit.kind == .nb2)   // the default for counts
        #expect(fit.schema.columnNames == reference.columns)
        let count = try #require(fit.count)
        reference.check(count.estimates, reference.byColumn("params"), "params", labels: reference.columns)
        reference.check(count.standardErrors, reference.byColumn("bse"), "bse", labels: reference.columns)
        reference.check(count.alpha!, reference.scalar("alpha"), "alpha")
        reference.check(count.logLikelihood, reference.scalar("llf"), "llf")
        let forecast = try fit.forecast(horizon: 28, levels: [80, 95], paths: 500, seed: 7)
        reference.check(forecast.days.map(\.mean), reference.list("predicted_mean").map { $0 }, "predicted_mean")
        // Simulated intervals are integers and nest.
        for day in forecast.days {
            #expect(day.median == day.median.rounded() && day.intervals.allSatisfy { $0.lower == $0.lower.rounded() })
            #expect(day.intervals[1].lower <= day.intervals[0].lower && day.intervals[0].upper <= day.intervals[1].upper)
        }
        // Deterministic for a seed.
        let again = try fit.forecast(horizon: 28, levels: [80, 95], paths: 500, seed: 7)
        #expect(again.days == forecast.days)
    }
}

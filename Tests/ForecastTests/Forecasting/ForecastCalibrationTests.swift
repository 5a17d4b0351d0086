import Foundation
import Testing
@testable import ForecastCore
@testable import ForecastData
@testable import ForecastModels
@testable import ForecastAnalysis
@testable import ForecastReporting
import Forecast

/// Simulated count intervals must cover held-out truth at their nominal rate: seeded NB2 series with known
/// parameters (trend + day of week, α = 0.5), fitted on 300 days, 28-day forecasts with 400 paths.
@Suite("Forecast calibration on simulated NB2 series")
struct ForecastCalibrationTests {
    static func simulate(days: Int, seed: UInt64) -> (start: CalendarDate, values: [Double]) {
        var random = SeededRandom(seed: seed)
        let start = CalendarDate(year: 2024, month: 1, day: 1)!
        let values = (0..<days).map { t -> Double in
            let date = start.adding(days: t)
            let eta = 3.0 + 0.4 * Double(t) / 365.25 + (date.weekday == 6 ? -0.3 : 0) + (date.weekday == 2 ? 0.2 : 0)
            return random.negativeBinomial(mean: exp(eta), alpha: 0.5)
        }
        return (start, values)
    }

    @Test("80 % and 95 % intervals cover within ±6 and ±4 points of nominal (40 series × 28 days)")
    func coverage() throws {
        var covered80 = 0, covered95 = 0, trials = 0
        for replicate in 0..<40 {
            let series = Self.simulate(days: 328, seed: UInt64(500 + replicate))
            let model = TimeSeriesModel(kind: .nb2, to: series.start.adding(days: 299))
            let fit = try model.fit(DatedSeries(start: series.start, values: series.values))
            let forecast = try fit.forecast(horizon: 28, levels: [80, 95], paths: 400, seed: UInt64(replicate))
            for day in forecast.days {
                let y = try #require(day.actual)
                if day.intervals[0].lower <= y && y <= day.intervals[0].upper { covered80 += 1 }
                if day.intervals[1].lower <= y && y <= day.intervals[1].upper { covered95 += 1 }
                trials += 1
            }
        }
        let rate80 = Double(covered80) / Double(trials), rate95 = Double(covered95) / Double(trials)
        print("simulated NB2 forecast coverage: 80% → \(rate80), 95% → \(rate95) over \(trials) days")
        #expect(abs(rate80 - 0.80) <= 0.06, "80% coverage \(rate80)")
        #expect(abs(rate95 - 0.95) <= 0.04, "95% coverage \(rate95)")
    }

    @Test("AR terms: paths feed simulated values back; forecasts stay integer and deterministic")
    func autoregressive() throws {
        let series = Self.simulate(days: 200, seed: 9)
        let model = TimeSeriesModel(design: DesignSpecification(autoregressiveLags: [1, 7]), kind: .nb2)
        let fit = try model.fit(DatedSeries(start: series.start, values: series.values))
        #expect(fit.schema.columnNames.contains("lag1") && fit.schema.columnNames.contains("lag7"))
        #expect(fit.trainingDates.count == 193)   // the first 7 days lack lag7
        let forecast = try fit.forecast(horizon: 14, levels: [90], paths: 300, seed: 3)
        #expect(forecast.days.allSatisfy { $0.median >= 0 && $0.median == $0.median.rounded() && $0.actual == nil })
        let again = try fit.forecast(horizon: 14, levels: [90], paths: 300, seed: 3)
        #expect(again.days == forecast.days)
    }

    @Test("Errors: event without training days; regressor missing in the horizon")
    func errors() throws {
        let series = Self.simulate(days: 100, seed: 4)
        let late = EventWindow(id: "late", date: series.start.adding(days: 150))
        #expect(throws: ModelError.eventWithoutTrainingDays(id: "late", window: "2024-05-30 .. 2024-06-12",
                                                          training: "2024-01-01 .. 2024-04-09")) {
            try TimeSeriesModel(design: DesignSpecification(events: [late])).fit(DatedSeries(start: series.start, values: series.values))
        }
        let regressor = (0..<100).map { Double($0 % 3) }
        let fit = try TimeSeriesModel(design: DesignSpecification(regressors: ["x"]), kind: .poisson)
            .fit(DatedSeries(start: series.start, values: series.values, regressors: ["x": regressor]))
        #expect(throws: ModelError.regressorUnavailable(name: "x", date: "2024-04-10")) {
            try fit.forecast(horizon: 3)
        }
    }
}

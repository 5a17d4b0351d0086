import Foundation
import Testing
@testable import ForecastCore
@testable import ForecastData
@testable import ForecastModels
@testable import ForecastAnalysis
@testable import ForecastReporting
import Forecast

@Suite("Forecaster seam: dated series and the regression forecaster")
struct RegressionForecasterTests {
    static let start = CalendarDate(year: 2024, month: 1, day: 1)!

    static func series(days: Int, seed: UInt64) -> DatedSeries {
        var random = SeededRandom(seed: seed)
        let y = (0..<days).map { t in random.negativeBinomial(mean: exp(3 + 0.2 * Double(t) / 365.25), alpha: 0.1) }
        return DatedSeries(name: "launched", start: start, values: y)
    }

    @Test("No look-ahead: changing any value after the origin leaves the forecast bit-identical")
    func noLookAhead() throws {
        let full = Self.series(days: 400, seed: 3)
        let origin = Self.start.adding(days: 299)
        var changed = full.values
        for t in 300..<400 { changed[t] = changed[t] * 3 + 7 }
        let altered = full.replacingValues(changed)
        let forecaster = RegressionForecaster(model: TimeSeriesModel(kind: .nb2))
        let settings = ForecastSettings(horizon: 14, paths: 200, seed: 9)
        let a = try forecaster.forecast(full.through(origin), settings: settings)
        let b = try forecaster.forecast(altered.through(origin), settings: settings)
        #expect(a.paths.storage == b.paths.storage)
        #expect(a.mean == b.mean)
        #expect(a.firstDay == origin.adding(days: 1))
    }

    @Test("The regression forecaster gives the paths and means of TimeSeriesFit.forecast on the same days")
    func matchesTheFitsForecast() throws {
        let history = Self.series(days: 300, seed: 4)
        let model = TimeSeriesModel(kind: .poisson)
        let settings = ForecastSettings(horizon: 10, paths: 300, seed: 2)
        let distribution = try RegressionForecaster(model: model).forecast(history, settings: settings)
        // Direct computation through the fit's own API (independent of the adapter's plumbing).
        let table = try model.fit(DatedSeries(start: history.start, values: history.values))
            .forecast(horizon: 10, levels: [80], paths: 300, seed: 2)
        #expect(distribution.mean == table.days.map(\.mean))
        #expect(distribution.paths.storage == table.paths!.storage)
        // Paths of a count model are non-negative integers; the 80 % interval is the 0.1/0.9 type-1 quantile pair.
        #expect(distribution.paths.storage.allSatisfy { $0 >= 0 && $0 == $0.rounded() })
        let q = distribution.quantiles([0.1, 0.9])
        for t in 0..<10 {
            #expect(q[t][0] == table.days[t].intervals[0].lower && q[t][1] == table.days[t].intervals[0].upper)
        }
    }

    @Test("Type-1 quantile: x[⌈qN⌉ − 1] (R quantile type 1)")
    func typeOneQuantile() {
        // R: quantile(1:10, c(0.05, 0.1, 0.15, 0.5, 0.95, 1), type = 1) = 1 1 2 5 10 10
        let sorted = (1...10).map(Double.init)
        #expect([0.05, 0.1, 0.15, 0.5, 0.95, 1].map { PredictiveDistribution.quantile(sorted: sorted, $0) } == [1, 1, 2, 5, 10, 10])
    }
}

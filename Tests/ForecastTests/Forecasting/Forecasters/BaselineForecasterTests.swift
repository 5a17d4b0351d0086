import Foundation
import Testing
@testable import ForecastCore
@testable import ForecastData
@testable import ForecastModels
@testable import ForecastAnalysis
@testable import ForecastReporting
import Forecast

@Suite("Baseline forecasters: naive, seasonal naive, mean of the last 28 days")
struct BaselineForecasterTests {
    static let start = CalendarDate(year: 2024, month: 3, day: 4)!

    @Test("mean28: the mean of the last 28 values; every day's paths are draws from exactly those 28 values")
    func meanOfLast28() throws {
        let y = (0..<40).map { Double(($0 * 7) % 23) }
        let f = try BaselineForecaster(.mean28).forecast(DatedSeries(start: Self.start, values: y),
                                                         settings: ForecastSettings(horizon: 5, paths: 2000, seed: 4))
        let recent = Array(y.suffix(28))
        let mean = recent.reduce(0, +) / 28
        #expect(f.mean.allSatisfy { abs($0 - mean) < 1e-12 })
        #expect(f.paths.storage.allSatisfy { recent.contains($0) })
        // Empirical quantiles: with 2000 draws the type-1 median is the median of the 28 values within one rank.
        let sorted = recent.sorted()
        for t in 0..<5 {
            let median = f.quantiles([0.5])[t][0]
            #expect(median >= sorted[12] && median <= sorted[15])
        }
    }

    @Test("naive and snaive: the classical points; day h's paths are the point plus in-sample h-step errors")
    func naiveAndSeasonal() throws {
        let y: [Double] = [5, 8, 6, 9, 7, 10, 12, 6, 9, 7, 11, 8, 13, 15]
        let history = DatedSeries(start: Self.start, values: y)
        let settings = ForecastSettings(horizon: 8, paths: 500, seed: 2)
        let naive = try BaselineForecaster(.naive).forecast(history, settings: settings)
        #expect(naive.mean == [Double](repeating: 15, count: 8))
        // h = 1 errors: y_t − y_{t−1}; every day-1 path is 15 + one of them.
        let errors1 = (1..<y.count).map { y[$0] - y[$0 - 1] }
        #expect((0..<500).allSatisfy { errors1.contains(naive.paths[0, $0] - 15) })
        let seasonal = try BaselineForecaster(.snaive).forecast(history, settings: settings)
        // y_{n + h − 7⌈h/7⌉} (Hyndman & Athanasopoulos 5.2): days 1…7 and day 8 repeat the last week.
        #expect(seasonal.mean == Array(y[7..<14]) + [y[7]])
    }

    @Test("Too short or empty histories are errors, not traps")
    func tooShort() {
        let history = DatedSeries(start: Self.start, values: [3, 4, 2])
        #expect(throws: ModelError.self) {
            try BaselineForecaster(.snaive).forecast(history, settings: ForecastSettings(horizon: 3))
        }
        #expect(throws: ModelError.self) {
            try BaselineForecaster(.mean28).forecast(DatedSeries(start: Self.start, values: [.nan, .nan]),
                                                     settings: ForecastSettings(horizon: 3))
        }
    }

    @Test("A missing last value is named as the cause (with its day), not a history too short")
    func missingLastDays() {
        // 10 days from 2024-03-04; the last two (2024-03-12, 2024-03-13) missing.
        let history = DatedSeries(start: Self.start, values: [3, 4, 2, 5, 6, 1, 3, 4, .nan, .nan])
        let settings = ForecastSettings(horizon: 3)
        #expect(throws: ModelError.noTrainingData("the naive forecast repeats the last day of the history, and its value is missing on 2024-03-13")) {
            try BaselineForecaster(.naive).forecast(history, settings: settings)
        }
        #expect(throws: ModelError.noTrainingData("the snaive forecast repeats the last 7 days of the history, and the value is missing on 2 of them (2024-03-12, 2024-03-13)")) {
            try BaselineForecaster(.snaive).forecast(history, settings: settings)
        }
        #expect(throws: ModelError.noTrainingData("the history (3 days) is too short for the snaive forecast, which needs 7 days")) {
            try BaselineForecaster(.snaive).forecast(DatedSeries(start: Self.start, values: [3, 4, 2]), settings: settings)
        }
    }
}

import Foundation
import Testing
@testable import ForecastCore
@testable import ForecastData
@testable import ForecastModels
@testable import ForecastAnalysis
@testable import ForecastReporting
import Forecast

/// Least-squares backtests update one QR factor instead of refitting; their forecasts must equal a from-scratch
/// `TimeSeriesModel` fit at the same origin (means and interval bounds, 1e-8 relative).
@Suite("Backtest: least-squares updating equals refitting")
struct BacktestUpdatingTests {
    static let start = CalendarDate(year: 2024, month: 1, day: 1)!

    /// 300 days: level + trend + weekly pattern + a regressor + noise, a few missing days.
    static func series() -> (response: [Double], regressors: [String: [Double]]) {
        var random = SeededRandom(seed: 2024)
        let x = (0..<340).map { _ in random.uniform() * 10 }
        let weekly: [Double] = [0, 3, 5, 2, -4, -8, 1]
        var y: [Double] = []
        for t in 0..<300 {
            let level: Double = 50 + 0.2 * Double(t) + weekly[t % 7]
            y.append(level + 1.5 * x[t] + 4 * random.normal())
        }
        for missing in [17, 111, 203, 204, 250] { y[missing] = .nan }
        return (y, ["x": x])
    }

    func relativeDifference(_ a: Double, _ b: Double) -> Double { abs(a - b) / max(abs(b), 1e-300) }

    func check(window: BacktestSpecification.TrainingWindow, design: DesignSpecification) throws {
        let (y, regressors) = Self.series()
        let model = TimeSeriesModel(design: design, kind: .ols)
        let first = Self.start.adding(days: 120)
        let spec = BacktestSpecification(model: model, horizon: 14, firstOrigin: first, step: 9, window: window,
                                         paths: 50, concurrency: 1)
        let result = try spec.run(DatedSeries(start: Self.start, values: y, regressors: regressors))
        #expect(result.failedOrigins.isEmpty)
        let updated = result.methods.indices.filter { result.methods[$0] == .updated }
        #expect(updated.count >= 10, "origins updated: \(result.methods)")
        var worst = 0.0
        for (i, window) in result.windows.enumerated() {
            var scratch = model
            scratch.from = window.first
            scratch.to = window.last
            let fit = try scratch.fit(DatedSeries(start: Self.start, values: y, regressors: regressors))
            let table = try fit.forecast(horizon: 14, levels: [80, 95])
            for h in 0..<14 {
                let row = result.model.rows[i * 14 + h]
                let day = table.days[h]
                #expect(row.date == day.date)
                // Levels 0.025, 0.1, 0.5, 0.9, 0.975 ↔ 95 % lower, 80 % lower, mean, 80 % upper, 95 % upper.
                let expected = [day.intervals[1].lower, day.intervals[0].lower, day.mean, day.intervals[0].upper,
                                day.intervals[1].upper]
                worst = max(worst, relativeDifference(row.mean, day.mean))
                for j in 0..<5 { worst = max(worst, relativeDifference(row.quantiles[j], expected[j])) }
            }
        }
        #expect(worst < 1e-8, "largest relative difference \(worst)")
    }

    @Test("Expanding window: every updated origin equals a refit")
    func expanding() throws {
        try check(window: .expanding, design: DesignSpecification(regressors: ["x"]))
    }

    @Test("Sliding window (rows added and removed, trend origin moves): equals a refit")
    func sliding() throws {
        try check(window: .sliding(days: 90), design: DesignSpecification(regressors: ["x"]))
        try check(window: .sliding(days: 60), design: DesignSpecification(trend: .quadratic, fourier: [FourierTerm(period: 30, order: 1)]))
    }

    @Test("Parallel runs: the same forecasts as serial, bit for bit")
    func parallelEqualsSerial() throws {
        let (y, regressors) = Self.series()
        var spec = BacktestSpecification(model: TimeSeriesModel(design: DesignSpecification(regressors: ["x"]), kind: .ols),
                                         horizon: 7, firstOrigin: Self.start.adding(days: 60), step: 1, paths: 20,
                                         seed: 9, keepSamples: true, concurrency: 1)
        let serial = try spec.run(DatedSeries(start: Self.start, values: y, regressors: regressors))
        spec.concurrency = 4
        let parallel = try spec.run(DatedSeries(start: Self.start, values: y, regressors: regressors))
        #expect(serial.windows.count == 233)
        // (Rows with a missing actual hold NaN, which is never == itself: compare the forecasts.)
        let same = zip(serial.model.rows, parallel.model.rows).allSatisfy { $0.mean == $1.mean && $0.quantiles == $1.quantiles }
        #expect(same && serial.model.rows.count == parallel.model.rows.count)
        #expect(serial.detailsCSV() == parallel.detailsCSV())
        #expect(serial.samples == parallel.samples)
        #expect(serial.json() == parallel.json())
    }
}

import Foundation
import Testing
@testable import ForecastCore
@testable import ForecastData
@testable import ForecastModels
@testable import ForecastAnalysis
@testable import ForecastReporting
import Forecast

@Suite("Horizon totals and threshold crossing")
struct ThresholdTests {
    @Test("Crossing probabilities equal a brute-force count over hand-made paths")
    func bruteForce() throws {
        // 3 days × 4 paths; base 100, threshold 110.
        let paths = Matrix(rows: [[5, 0, 12, 3], [5, 4, 0, 3], [1, 7, 0, 3]])
        let start = CalendarDate(year: 2025, month: 1, day: 1)!
        let days = (0..<3).map { ForecastDay(date: start.adding(days: $0), mean: 0, median: 0, intervals: [], actual: nil) }
        let table = ForecastTable(days: days, levels: [50], method: .simulation(paths: 4, seed: 1), paths: paths)
        let crossing = try #require(table.threshold(110, base: 100))
        // Cumulative per path: p0 5,10,11 (reaches 110 on day 2); p1 0,4,11 (day 3); p2 12,… (day 1); p3 3,6,9 (never).
        #expect(crossing.probabilityByDate.map(\.probability) == [0.25, 0.5, 0.75])
        #expect(crossing.medianCrossingDate == start.adding(days: 1))
        #expect(!crossing.alreadyReached)
        // A threshold at or below the last observed total is reported as reached already, not as a forecast.
        #expect(try #require(table.threshold(100, base: 100)).alreadyReached)
        #expect(try #require(table.threshold(-5, base: 100)).alreadyReached)
        let total = try #require(table.total())
        #expect(total.mean == (11 + 11 + 12 + 9) / 4.0 && total.median == 11)
    }

    @Test("Poisson with a precisely known rate: P(cumulative ≥ N by day t) matches the Poisson(tμ) tail")
    func closedForm() throws {
        // 4,000 days of Poisson(20): parameter uncertainty is tiny (SE of log μ ≈ 0.0035).
        var random = SeededRandom(seed: 99)
        let y = (0..<4000).map { _ in random.poisson(20) }
        let model = TimeSeriesModel(design: DesignSpecification(trend: .none, dayOfWeek: false), kind: .poisson)
        let fit = try model.fit(DatedSeries(start: CalendarDate(year: 2020, month: 1, day: 1)!, values: y))
        let mu = fit.count!.fittedValues[0]
        let table = try fit.forecast(horizon: 10, levels: [90], paths: 4000, seed: 5)
        let crossing = try #require(table.threshold(1000 + 150, base: 1000))
        for (t, day) in crossing.probabilityByDate.enumerated() {
            // P(Poisson((t+1)μ) ≥ 150) by direct summation of the pmf.
            let lambda = Double(t + 1) * mu
            var p = exp(-lambda), cdf = p
            for k in 1..<150 { p *= lambda / Double(k); cdf += p }
            #expect(abs(day.probability - (1 - cdf)) < 0.03, "day \(t + 1): \(day.probability) vs \(1 - cdf)")
        }
    }
}

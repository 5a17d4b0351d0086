import Foundation
import Testing
@testable import ForecastCore
@testable import ForecastData
@testable import ForecastModels
@testable import ForecastAnalysis
@testable import ForecastReporting
import Forecast

@Suite("Backtest: training-window MASE scales from prefix sums")
struct TrainingScalesTests {
    @Test("Every window's Q_1 and Q_7 equal ScaledErrors on the window's values (gaps, short and constant windows)")
    func equalsDirect() {
        var random = SeededRandom(seed: 31)
        var y = (0..<400).map { t in 100 + 0.5 * Double(t) + 20 * random.normal() }
        for t in [3, 4, 50, 51, 52, 53, 54, 55, 56, 57, 300] { y[t] = .nan }
        for t in 200..<215 { y[t] = 7 }  // a constant stretch: Q_1 = 0 → unavailable
        let scales = TrainingScales(response: y, periods: [1, 7])
        for (first, last) in [(0, 399), (0, 0), (0, 6), (0, 7), (10, 399), (49, 58), (200, 214), (201, 214), (120, 260)] {
            for m in [1, 7] {
                let direct = ScaledErrors.absoluteScale(training: Array(y[first...last]), period: m).value
                let fast = scales.absoluteScale(period: m, first: first, last: last)
                #expect((direct == nil) == (fast == nil), "m = \(m), \(first)…\(last): \(String(describing: direct)) vs \(String(describing: fast))")
                if let direct, let fast { #expect(abs(fast - direct) <= 2 * direct.ulp, "m = \(m), \(first)…\(last)") }
            }
        }
        // An infinite value: scored from the window directly, as ScaledErrors does (the mean is ∞).
        y[100] = .infinity
        let infinite = TrainingScales(response: y, periods: [1])
        #expect(infinite.absoluteScale(period: 1, first: 90, last: 110) == .infinity)
        #expect(infinite.absoluteScale(period: 1, first: 0, last: 80) == ScaledErrors.absoluteScale(training: Array(y[0...80]), period: 1).value)
    }
}

import Testing
@testable import ForecastCore
@testable import ForecastData
@testable import ForecastModels
@testable import ForecastAnalysis
@testable import ForecastReporting
import Forecast

@Suite("Scaled errors: MASE, RMSSE and their training scales")
struct ScaledErrorsTests {
    @Test("Scales by hand: Q_1, Q_2, S_1")
    func scales() throws {
        let x = [1.0, 3, 2, 6]  // lag-1 differences 2, −1, 4; lag-2 differences 1, 3
        #expect(ScaledErrors.absoluteScale(training: x, period: 1).value == 7.0 / 3)
        #expect(ScaledErrors.absoluteScale(training: x, period: 2).value == 2)
        #expect(ScaledErrors.squaredScale(training: x, period: 1).value == 7)  // (4 + 1 + 16)/3
        let q1 = ScaledErrors.absoluteScale(training: x, period: 1)
        // errors 1 and 4/3: MAE = 7/6 → MASE = (7/6)/(7/3) = 0.5
        let mase = try #require(ScaledErrors.meanAbsoluteScaledError(actual: [5, 6], forecast: [4, 6 + 4.0 / 3], scale: q1))
        #expect(abs(mase - 0.5) <= 1e-15)
        let s1 = ScaledErrors.squaredScale(training: x, period: 1)
        #expect(ScaledErrors.rootMeanSquaredScaledError(actual: [0, 0], forecast: [7, 7], scale: s1) == 7.squareRoot())
    }

    @Test("A zero scale (constant or m-periodic training series) gives nil, never ∞, with the reason")
    func zeroScale() {
        let constant = [5.0, 5, 5, 5]
        let q1 = ScaledErrors.absoluteScale(training: constant, period: 1)
        #expect(q1.value == nil && q1.unavailable == .zero && q1.differenceCount == 3)
        #expect(ScaledErrors.meanAbsoluteScaledError(actual: [1, 2], forecast: [2, 2], scale: q1) == nil)
        #expect(ScaledErrors.rootMeanSquaredScaledError(actual: [1], forecast: [2],
                                                        scale: ScaledErrors.squaredScale(training: constant, period: 1)) == nil)
        let weekly = (0..<21).map { Double($0 % 7) }  // repeats every 7 days: Q_7 = 0, Q_1 > 0
        #expect(ScaledErrors.absoluteScale(training: weekly, period: 7).unavailable == .zero)
        #expect(ScaledErrors.absoluteScale(training: weekly, period: 1).value != nil)
        #expect(q1.unavailable!.description.contains("scale 0"))
    }

    @Test("Too few training rows for the period gives nil with the row counts")
    func tooFewRows() {
        let q7 = ScaledErrors.absoluteScale(training: [1, 2, 3, 4, 5, 6, 7], period: 7)
        #expect(q7.value == nil && q7.unavailable == .tooFewRows(rows: 7, needed: 8))
        #expect(ScaledErrors.absoluteScale(training: [], period: 1).unavailable == .tooFewRows(rows: 0, needed: 2))
        #expect(q7.unavailable!.description == "the training series has 7 rows, at least 8 are needed")
    }

    @Test("Differences involving a missing value are skipped (R na.rm = TRUE)")
    func missing() {
        let q1 = ScaledErrors.absoluteScale(training: [1, .nan, 4, 6], period: 1)  // only 6 − 4 survives
        #expect(q1.value == 2 && q1.differenceCount == 1)
        #expect(ScaledErrors.absoluteScale(training: [1, .nan], period: 1).unavailable == .noFiniteDifferences)
    }
}

import Testing
@testable import ForecastCore
@testable import ForecastData
@testable import ForecastModels
@testable import ForecastAnalysis
@testable import ForecastReporting
import Forecast

@Suite("Quantile scores: pinball loss and crossing")
struct QuantileScoresTests {
    @Test("ρ_τ(u) = max(τu, (τ−1)u), no factor 2")
    func pinball() {
        #expect(QuantileScores.pinball(10, level: 0.9) == 9)     // actual above the quantile: τ·u
        #expect(abs(QuantileScores.pinball(-10, level: 0.9) - 1) < 1e-15)  // below: (1 − τ)·|u|
        #expect(QuantileScores.pinball(0, level: 0.3) == 0)
        // y = [10, 0], q_0.25 = [4, 2]: ρ = 0.25·6 = 1.5 and 0.75·2 = 1.5 → mean 1.5
        #expect(QuantileScores.meanPinballLoss(actual: [10, 0], quantile: [4, 2], level: 0.25) == 1.5)
        // The median's loss is half the MAE.
        #expect(QuantileScores.meanPinballLoss(actual: [1, 5, 2], quantile: [2, 2, 2], level: 0.5) == 2.0 / 3)
        #expect(QuantileScores.meanPinballLossOverLevels(actual: [10, 0], quantiles: [[4, 2], [4, 2]], levels: [0.25, 0.5])
                == (1.5 + 2) / 2)  // ρ_0.5: (3 + 1)/2 = 2
    }

    @Test("Equal quantiles are fine; a strictly smaller value at a higher level is a crossing, located")
    func crossing() {
        let ties = [[1.0, 2, 2], [1.0, 2, 3], [1.0, 4, 3]]  // levels in increasing order, 3 days
        #expect(QuantileScores.firstCrossing(quantiles: ties) == nil)
        let crossed = [[1.0, 2, 5], [1.0, 3, 4], [2.0, 3, 6]]  // day 2: level 1 (4) < level 0 (5)
        #expect(QuantileScores.firstCrossing(quantiles: crossed) == QuantileCrossing(day: 2, lower: 0, upper: 1))
        // Compared with the largest lower level, NaN ignored.
        #expect(QuantileScores.firstCrossing(quantiles: [[5.0], [.nan], [4.0]]) == QuantileCrossing(day: 0, lower: 0, upper: 2))
        #expect(QuantileScores.firstCrossing(quantiles: []) == nil)
    }
}

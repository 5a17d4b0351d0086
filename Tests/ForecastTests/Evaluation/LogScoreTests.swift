import Foundation
import Testing
@testable import ForecastCore
@testable import ForecastData
@testable import ForecastModels
@testable import ForecastAnalysis
@testable import ForecastReporting
import Forecast

@Suite("Log score: Gaussian, NB2, Poisson")
struct LogScoreTests {
    @Test("Gaussian: ½ln(2π) + ln σ at the mean; no underflow for a far outlier; σ ≤ 0 is NaN")
    func gaussian() {
        let halfLogTwoPi = 0.5 * log(2 * Double.pi)
        #expect(abs(LogScore.gaussian(actual: 1, mean: 1, standardDeviation: 2) - (halfLogTwoPi + log(2))) <= 1e-15)
        // z = 40: the density underflows to 0 in double, the score does not: 800 + ½ln(2π).
        #expect(abs(LogScore.gaussian(actual: 40, mean: 0, standardDeviation: 1) - (800 + halfLogTwoPi)) <= 1e-12)
        #expect(LogScore.gaussian(actual: 1, mean: 1, standardDeviation: 0).isNaN)
    }

    @Test("NB2 and Poisson at y = 0 by hand: −ln p(0)")
    func zeroActual() {
        // α = 1, μ = 1: p(0) = (θ/(θ+μ))^θ = 1/2.
        #expect(abs(LogScore.count(actual: 0, distribution: .negativeBinomial(mean: 1, alpha: 1)) - log(2)) <= 1e-15)
        // θ = 2 (α = 0.5), μ = 6: p(0) = (2/8)² = 1/16.
        #expect(abs(LogScore.negativeBinomial(actual: [0], mean: [6], alpha: [0.5])[0] - log(16)) <= 1e-14)
        // Poisson: p(0) = e^−μ.
        #expect(LogScore.poisson(actual: [0], mean: [3.25]) == [3.25])
        // y = 2 under the geometric: p(2) = 1/8.
        #expect(abs(LogScore.count(actual: 2, distribution: .negativeBinomial(mean: 1, alpha: 1)) - log(8)) <= 1e-14)
    }

    @Test("Impossible counts score +∞, non-counts NaN")
    func edges() {
        #expect(LogScore.count(actual: 1, distribution: .poisson(mean: 0)) == .infinity)
        #expect(LogScore.count(actual: 1.5, distribution: .poisson(mean: 2)).isNaN)
        #expect(LogScore.count(actual: -1, distribution: .poisson(mean: 2)).isNaN)
    }

    @Test("Far tail stays accurate: Poisson μ = 2 at y = 500 against lgamma")
    func farTail() {
        let expected = -(500 * log(2.0) - 2 - lgamma(501))
        #expect(abs(LogScore.count(actual: 500, distribution: .poisson(mean: 2)) - expected) <= 1e-12 * expected)
    }
}

import Foundation
import Testing
@testable import ForecastCore
@testable import ForecastData
@testable import ForecastModels
@testable import ForecastAnalysis
@testable import ForecastReporting
import Forecast

/// The per-count memos of the NB2 likelihood return exactly what one evaluation per observation returns.
@Suite("NB2 likelihood memos")
struct LogGammaRatioMemoTests {
    @Test("Kernel and ln y! sums over many repeated counts equal the per-observation sums bit for bit")
    func memoEqualsDirect() {
        var random = SeededRandom(seed: 8)
        let n = 500
        let y: [Double] = (0..<n).map { i in i == 7 ? 2.5 : Double(Int(random.uniform() * 60)) }   // one non-integer
        let mu = (0..<n).map { _ in 5 + 40 * random.uniform() }
        let weights = (0..<n).map { _ in 0.5 + random.uniform() }
        for alpha in [1e-5, 0.3, 4.0] {
            for w in [nil, weights] {
                var kernel = 0.0, factorials = 0.0
                for i in 0..<n {
                    let scale = w?[i] ?? 1
                    kernel += w.map { $0[i] * NegativeBinomial.logProbabilityKernel(y[i], mu: mu[i], alpha: alpha) }
                        ?? NegativeBinomial.logProbabilityKernel(y[i], mu: mu[i], alpha: alpha)
                    factorials += scale * SpecialFunctions.logGamma(y[i] + 1)
                }
                #expect(CountEstimation.logLikelihoodKernel(y: y, mu: mu, alpha: alpha, weights: w) == kernel, "α \(alpha)")
                #expect(CountEstimation.logFactorialSum(y: y, weights: w) == factorials, "α \(alpha)")
            }
        }
    }

    @Test("The fit's log-likelihood sum equals Σ wᵢ ℓ(yᵢ, μᵢ) bit for bit (Poisson and NB2)")
    func familySum() {
        var random = SeededRandom(seed: 12)
        let n = 400
        let y: [Double] = (0..<n).map { _ in Double(Int(random.uniform() * 45)) }
        let mu = (0..<n).map { _ in 3 + 30 * random.uniform() }
        let weights = (0..<n).map { _ in 0.5 + random.uniform() }
        for family in [ResponseFamily.poisson, .negativeBinomial(alpha: 0.25)] {
            for w in [nil, weights] {
                var direct = 0.0
                for i in 0..<n { direct += (w?[i] ?? 1) * family.logLikelihood(y[i], mu[i]) }
                #expect(family.logLikelihoodSum(y: y, mu: mu, weights: w) == direct, "\(family)")
            }
        }
    }
}

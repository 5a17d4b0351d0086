import Foundation
import Testing
@testable import ForecastCore
@testable import ForecastData
@testable import ForecastModels
@testable import ForecastAnalysis
@testable import ForecastReporting
import Forecast

@Suite("Count distributions: quantiles and draws")
struct CountDistributionQuantileTests {
    static let levels = [0.025, 0.1, 0.5, 0.9, 0.975]

    // References: scipy 1.17.1 — nbinom.ppf(p, n = 1/α, p = 1/(1 + αμ)) and poisson.ppf(p, μ).
    static let cases: [(CountDistribution, [Double])] = [
        (.negativeBinomial(mean: 3.5, alpha: 0.4), [0, 0, 3, 7, 11]),
        (.negativeBinomial(mean: 120, alpha: 0.05), [70, 85, 118, 158, 183]),
        (.negativeBinomial(mean: 0.3, alpha: 2), [0, 0, 0, 1, 2]),
        (.poisson(mean: 800), [745, 764, 800, 836, 856]),  // p(0) underflows: the table starts at the mode
    ]

    @Test("Quantiles equal scipy's ppf", arguments: 0..<4)
    func quantilesMatchScipy(_ index: Int) {
        let (distribution, expected) = Self.cases[index]
        #expect(distribution.quantiles(Self.levels) == expected, "\(distribution)")
        #expect(distribution.quantile(0.5) == expected[2])
    }

    @Test("Levels outside (0, 1] and invalid parameters give NaN")
    func invalid() {
        #expect(CountDistribution.poisson(mean: 3).quantile(0).isNaN)
        #expect(CountDistribution.poisson(mean: 3).quantile(1.5).isNaN)
        #expect(CountDistribution.poisson(mean: -1).quantile(0.5).isNaN)
    }

    @Test("Draws have mean μ and variance μ + αμ² (NB2 μ = 6, α = 0.5: variance 24)")
    func draws() {
        var random = RandomSource(seed: 11)
        let distribution = CountDistribution.negativeBinomial(mean: 6, alpha: 0.5)
        let n = 200_000
        let x = (0..<n).map { _ in distribution.sample(using: &random) }
        let mean = x.reduce(0, +) / Double(n)
        let variance = x.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(n - 1)
        // Standard errors: √(24/n) ≈ 0.011 for the mean; the variance's is about 0.2 (heavy NB2 fourth moment).
        #expect(abs(mean - 6) < 0.05)
        #expect(abs(variance - 24) < 1)
        #expect(x.allSatisfy { $0 >= 0 && $0 == $0.rounded() })
    }
}

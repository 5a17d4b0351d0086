import Foundation
import Testing
@testable import Forecast

@Suite("CRPS: Gaussian closed form, ensembles, exact Poisson/NB2 sums")
struct CRPSTests {
    @Test("Gaussian: (√2 − 1)/√π at the mean of N(0, 1); σ = 0 is the absolute error; equals a numerical integral")
    func gaussian() {
        let centre = CRPS.gaussian(actual: 0, mean: 0, standardDeviation: 1)
        #expect(abs(centre - (2.0.squareRoot() - 1) / Double.pi.squareRoot()) <= 1e-15)
        #expect(CRPS.gaussian(actual: 3, mean: 1, standardDeviation: 0) == 2)
        #expect(CRPS.gaussian(actual: 3, mean: 1, standardDeviation: -1).isNaN)
        // ∫ (Φ((x − μ)/σ) − 1{x ≥ y})² dx by Simpson's rule on [μ − 12σ, μ + 12σ], split at y.
        let (y, mu, sigma) = (4.0, 1.5, 2.0)
        func integrand(_ x: Double) -> Double {
            let f = Normal(mean: mu, standardDeviation: sigma).cdf(x) - (x >= y ? 1 : 0)
            return f * f
        }
        func simpson(_ a: Double, _ b: Double, _ n: Int = 20_000) -> Double {
            let h = (b - a) / Double(n)
            var sum = integrand(a) + integrand(b)
            for i in 1..<n { sum += integrand(a + Double(i) * h) * (i % 2 == 1 ? 4 : 2) }
            return sum * h / 3
        }
        let integral = simpson(mu - 12 * sigma, y - 1e-12) + simpson(y, mu + 12 * sigma)
        #expect(abs(CRPS.gaussian(actual: y, mean: mu, standardDeviation: sigma) - integral) <= 1e-9)
    }

    @Test("Ensemble by hand: members 1, 2, 3 at y = 2 → 2/3 − 8/18 = 2/9; fair form → 0; NaN members dropped")
    func ensemble() {
        #expect(abs(CRPS.ensemble(actual: 2, members: [3, 1, 2]) - 2.0 / 9) <= 1e-15)
        #expect(abs(CRPS.ensemble(actual: 2, members: [1, 2, 3], fair: true)) <= 1e-15)
        #expect(CRPS.ensemble(actual: 7, members: [4]) == 3)  // one member: the absolute error
        #expect(CRPS.ensemble(actual: 2, members: [1, .nan, 3]) == 0.5)  // 1 − 4/(2·4)
        #expect(CRPS.ensemble(actual: 2, members: [.nan]).isNaN)
        #expect(CRPS.ensemble(actual: [1, 2], members: [[1], [2, 2]]) == [0, 0])
    }

    @Test("NB2 at y = 0 and y = 2 by hand (α = 1, μ = 1: geometric, S(k) = 2^−(k+1))")
    func negativeBinomialByHand() {
        let geometric = CountDistribution.negativeBinomial(mean: 1, alpha: 1)
        // y = 0: Σ_{k≥0} S(k)² = Σ 4^−(k+1) = 1/3.
        #expect(abs(CRPS.count(actual: 0, distribution: geometric) - 1.0 / 3) <= 1e-15)
        // y = 2: F(0)² + F(1)² + Σ_{k≥2} S(k)² = 1/4 + 9/16 + 1/48 = 5/6.
        #expect(abs(CRPS.count(actual: 2, distribution: geometric) - 5.0 / 6) <= 1e-15)
        #expect(CRPS.negativeBinomial(actual: [0, 2], mean: [1, 1], alpha: [1, 1]).map { ($0 * 48).rounded() } == [16, 40])
    }

    @Test("Point mass at 0 (μ = 0): CRPS = y; invalid actuals are NaN")
    func degenerate() {
        #expect(CRPS.count(actual: 0, distribution: .poisson(mean: 0)) == 0)
        #expect(CRPS.count(actual: 3, distribution: .negativeBinomial(mean: 0, alpha: 0.4)) == 3)
        #expect(CRPS.count(actual: 2.5, distribution: .poisson(mean: 2)).isNaN)
        #expect(CRPS.count(actual: -1, distribution: .poisson(mean: 2)).isNaN)
        #expect(CRPS.poisson(actual: [.nan], mean: [2])[0].isNaN)
    }

    @Test("Exact sums equal the kernel form E|X − y| − ½E|X − X′| with closed-form pmfs (incl. far outliers, mode start)",
          arguments: [
              (CountDistribution.poisson(mean: 3.5), [0.0, 2, 7, 20]), (.poisson(mean: 2), [500]),
              (.poisson(mean: 1000), [0, 950, 1000, 1100]),
              (.negativeBinomial(mean: 20, alpha: 0.5), [0, 20, 90]), (.negativeBinomial(mean: 5, alpha: 3), [0, 40]),
          ])
    func kernelForm(_ d: CountDistribution, actuals: [Double]) {
        let p = CountReference.pmf(d, through: Int(max(d.mean * 1.6, d.mean + 40 * d.mean.squareRoot(), 600)))
        for y in actuals {
            let expected = CountReference.kernelCRPS(p, actual: y)
            #expect(abs(CRPS.count(actual: y, distribution: d) - expected) <= 1e-10 * expected, "\(d) y = \(y)")
        }
    }
}

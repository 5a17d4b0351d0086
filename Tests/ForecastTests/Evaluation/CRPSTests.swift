import Foundation
import Testing
@testable import ForecastCore
@testable import ForecastData
@testable import ForecastModels
@testable import ForecastAnalysis
@testable import ForecastReporting
import Forecast

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

    /// ∫ (F(x) − 1{x ≥ y})² dx for the t(ν, μ, σ) cdf F: the definition of the CRPS, independent of the closed
    /// form. Simpson's rule after x = μ + σ·tan θ (the real line becomes (−π/2, π/2); the integrand, F(x)² below y
    /// and (1 − F(x))² above it, times dx/dθ = σ/cos²θ, vanishes at both ends for ν > 1), split at the actual,
    /// where the indicator jumps. 1 − F is the survival function (no cancellation in the upper tail).
    static func studentTIntegral(actual y: Double, location mu: Double, scale sigma: Double, nu: Double,
                                 intervals n: Int = 20_000) -> Double {
        let t = StudentT(degreesOfFreedom: nu)
        func simpson(from a: Double, to b: Double, above: Bool) -> Double {
            func g(_ theta: Double) -> Double {
                let c = cos(theta)
                guard c > 0 else { return 0 }
                let f = above ? t.survival(tan(theta)) : t.cdf(tan(theta))
                return f * f * sigma / (c * c)
            }
            let h = (b - a) / Double(n)
            var sum = g(a) + g(b)
            for i in 1..<n { sum += g(a + Double(i) * h) * (i % 2 == 1 ? 4 : 2) }
            return sum * h / 3
        }
        let split = atan((y - mu) / sigma)
        return simpson(from: -Double.pi / 2, to: split, above: false) + simpson(from: split, to: Double.pi / 2, above: true)
    }

    @Test("Student t: equals the integral of (F − 1{x ≥ y})² for ν = 2, 3, 30 in the centre and both tails",
          arguments: [(2.0, 1.5, 2.0, 4.0), (2.0, 0.0, 1.0, -25.0), (3.0, 0.5, 1.2, -3.0), (3.0, -2.0, 2.0, 40.0),
                      (30.0, 1.0, 3.0, 10.0), (30.0, 1.0, 3.0, 1.0), (5.0, 100.0, 20.0, 30.0)])
    func studentTIntegral(nu: Double, mu: Double, sigma: Double, y: Double) {
        let closed = CRPS.studentT(actual: y, location: mu, scale: sigma, degreesOfFreedom: nu)
        let integral = Self.studentTIntegral(actual: y, location: mu, scale: sigma, nu: nu)
        #expect(abs(closed - integral) <= 1e-9 * integral, "ν = \(nu), μ = \(mu), σ = \(sigma), y = \(y): \(closed) vs \(integral)")
    }

    @Test("Student t: scoringRules crps_t values")
    func studentTScoringRules() {
        // Python scoringrules 0.10.0 `crps_t(y, df, location, scale)` (scipy backend), printed with repr.
        let cases: [(y: Double, nu: Double, mu: Double, sigma: Double, expected: Double)] = [
            (4, 2, 1.5, 2, 1.5534757485561914), (-3, 3, 0.5, 1.2, 2.636761109129686),
            (10, 30, 1, 3, 7.262286905942182), (0, 5, 0, 1, 0.25702536290064715),
        ]
        for c in cases {
            let value = CRPS.studentT(actual: c.y, location: c.mu, scale: c.sigma, degreesOfFreedom: c.nu)
            #expect(abs(value - c.expected) <= 1e-12 * c.expected, "\(c): \(value)")
        }
    }

    @Test("Student t → Gaussian as ν → ∞ (metrics-basic day 1), error O(1/ν); ν = ∞ is the Gaussian form")
    func studentTGaussianLimit() {
        // Tests/Fixtures/reference/metrics-basic, data.csv row 2025-07-01: y = 56, norm_mean, norm_sd; expected.json
        // crps_gaussian_per_day[0] (properscoring crps_gaussian).
        let (y, mu, sd, gaussian) = (56.0, 189.6502667274582, 172.2060881016998, 79.66628384085126)
        #expect(abs(CRPS.gaussian(actual: y, mean: mu, standardDeviation: sd) - gaussian) <= 1e-12 * gaussian)
        var previous = Double.infinity
        for nu in [1e2, 1e4, 1e6, 1e8] {
            let difference = abs(CRPS.studentT(actual: y, location: mu, scale: sd, degreesOfFreedom: nu) - gaussian) / gaussian
            #expect(difference <= 1 / nu, "ν = \(nu): relative difference \(difference)")
            #expect(difference < previous)
            previous = difference
        }
        #expect(CRPS.studentT(actual: y, location: mu, scale: sd, degreesOfFreedom: .infinity)
                == CRPS.gaussian(actual: y, mean: mu, standardDeviation: sd))
    }

    @Test("Student t edge cases: σ = 0 is |y − μ|; ν ≤ 1, σ < 0, NaN give NaN; far tails stay finite and ≈ |y − μ|")
    func studentTEdges() {
        #expect(CRPS.studentT(actual: 3, location: 1, scale: 0, degreesOfFreedom: 4) == 2)
        #expect(CRPS.studentT(actual: 3, location: 1, scale: 1, degreesOfFreedom: 1).isNaN)
        #expect(CRPS.studentT(actual: 3, location: 1, scale: 1, degreesOfFreedom: 0.5).isNaN)
        #expect(CRPS.studentT(actual: 3, location: 1, scale: -1, degreesOfFreedom: 4).isNaN)
        #expect(CRPS.studentT(actual: .nan, location: 1, scale: 1, degreesOfFreedom: 4).isNaN)
        #expect(CRPS.studentT(actual: 3, location: 1, scale: 1, degreesOfFreedom: .nan).isNaN)
        for y in [1e120, -1e200] {
            let value = CRPS.studentT(actual: y, location: 0, scale: 1, degreesOfFreedom: 2.5)
            #expect(value.isFinite && abs(value - abs(y)) <= 1e-15 * abs(y), "y = \(y): \(value)")
        }
        #expect(CRPS.studentT(actual: .infinity, location: 0, scale: 1, degreesOfFreedom: 3) == .infinity)
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

import Foundation
import Testing
@testable import ForecastCore
@testable import ForecastData
@testable import ForecastModels
@testable import ForecastAnalysis
@testable import ForecastReporting
import Forecast

@Suite("Count distributions: exact CDF by summation, closed-form log pmf")
struct CountDistributionTests {
    static let cases: [CountDistribution] = [
        .poisson(mean: 3.5), .poisson(mean: 1000),  // μ = 1000: p(0) = e^(−1000) underflows → start at the mode
        .negativeBinomial(mean: 20, alpha: 0.5), .negativeBinomial(mean: 5, alpha: 3),  // θ = 2 and θ = 1/3 < 1
        .negativeBinomial(mean: 800, alpha: 0.0005),  // θ ln(1 + αμ) = 2000·ln 1.4 = 673: start at 0, just above the cut
    ]

    @Test("CDF equals the cumulative closed-form pmf (glibc lgamma) to 1e-11", arguments: cases)
    func cdfMatchesClosedForm(_ d: CountDistribution) {
        let n = Int(d.mean * 3 + 200)
        let p = CountReference.pmf(d, through: n)
        for k in stride(from: 0, through: n, by: max(1, n / 60)) {
            // 1e-11: the reference's own terms carry lgamma's error (lnΓ(2000) ≈ 13,200), not normalised away.
            #expect(abs(d.cdf(Double(k)) - CountReference.cdf(p, k)) <= 1e-11, "\(d) k = \(k)")
        }
        #expect(d.cdf(-1) == 0 && d.cdf(-0.5) == 0)
        #expect(d.cdf(2.7) == d.cdf(2))
        #expect(d.cdf(1e12) == 1)
    }

    @Test("log pmf equals the lgamma closed form", arguments: cases)
    func logProbability(_ d: CountDistribution) {
        let n = Int(d.mean * 2 + 50)
        let p = CountReference.pmf(d, through: n)
        for k in stride(from: 0, through: n, by: max(1, n / 30)) where p[k] > 1e-250 {
            let tolerance = 1e-11 * max(1, abs(log(p[k])))  // the reference cancels lgammas of ~1e4
            #expect(abs(d.logProbability(of: Double(k)) - log(p[k])) <= tolerance, "\(d) k = \(k)")
        }
    }

    @Test("The table holds all but a negligible mass and F(last) = 1; the underflow case starts at the mode")
    func table() throws {
        let wide = try #require(CountTable(.poisson(mean: 1000)))
        // Tails below 1e-20 × the peak (≈ 0.0126) are cut: about ±9.7σ = ±307 around μ.
        #expect(wide.first > 650 && wide.first < 720 && wide.last > 1280 && wide.last < 1350)
        #expect(wide.cdf(wide.last) == 1 && wide.survival(wide.last) == 0)
        let small = try #require(CountTable(.negativeBinomial(mean: 1, alpha: 1)))
        #expect(small.first == 0)
        // Geometric(½): S(k) = 2^−(k+1); the upper sums keep their relative accuracy down to the documented
        // truncation (tail < 1e-20 × the largest probability, here ½).
        for k in [0, 5, 20, 40, 60] {
            let exact = pow(2, -Double(k + 1))
            #expect(abs(small.survival(k) - exact) <= 1e-14 * exact + 1e-20, "k = \(k)")
        }
    }

    @Test("Degenerate and invalid parameters")
    func edges() {
        let pointMass = CountDistribution.poisson(mean: 0)
        #expect(pointMass.cdf(0) == 1 && pointMass.logProbability(of: 0) == 0)
        #expect(pointMass.logProbability(of: 1) == -.infinity)
        #expect(CountDistribution.negativeBinomial(mean: 0, alpha: 0.5).cdf(0) == 1)
        // α = 0 is the Poisson limit.
        #expect(CountDistribution.negativeBinomial(mean: 4, alpha: 0).logProbability(of: 3)
                == CountDistribution.poisson(mean: 4).logProbability(of: 3))
        #expect(!CountDistribution.poisson(mean: -1).isValid && CountDistribution.poisson(mean: -1).cdf(2).isNaN)
        #expect(CountDistribution.negativeBinomial(mean: 3, alpha: .nan).logProbability(of: 1).isNaN)
        #expect(CountDistribution.poisson(mean: 3).logProbability(of: 1.5).isNaN)
        #expect(CountDistribution.poisson(mean: 3).logProbability(of: -2) == -.infinity)
        // A support wider than 2^23 entries (αμ = 10^9: a tail of ~46·10^9 terms) is refused up front: NaN, at once.
        #expect(CountTable(.negativeBinomial(mean: 1e9, alpha: 1)) == nil)
        #expect(CRPS.count(actual: 5, distribution: .negativeBinomial(mean: 1e9, alpha: 1)).isNaN)
        #expect(LogScore.count(actual: 5, distribution: .negativeBinomial(mean: 1e9, alpha: 1)).isFinite)
    }
}

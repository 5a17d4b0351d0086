import Foundation
@testable import ForecastCore
@testable import ForecastData
@testable import ForecastModels
@testable import ForecastAnalysis
@testable import ForecastReporting
import Forecast

/// Independent brute-force values for count distributions: each pmf term from lgamma in closed form (no recursion,
/// no normalisation) and the CRPS from its kernel form E|X − y| − ½E|X − X′| by a double sum.
enum CountReference {
    /// p(0…n) from the closed form with glibc lgamma.
    static func pmf(_ distribution: CountDistribution, through n: Int) -> [Double] {
        (0...n).map { k in
            let k = Double(k)
            switch distribution {
            case .poisson(let mu):
                return exp(k * log(mu) - mu - lgamma(k + 1))
            case let .negativeBinomial(mu, alpha):
                let theta = 1 / alpha
                return exp(lgamma(k + theta) - lgamma(theta) - lgamma(k + 1)
                           + theta * log(theta / (theta + mu)) + k * log(mu / (theta + mu)))
            }
        }
    }

    /// F(k) = Σ_{j ≤ k} p(j).
    static func cdf(_ p: [Double], _ k: Int) -> Double { k < 0 ? 0 : p[0...min(k, p.count - 1)].reduce(0, +) }

    /// E|X − y| − ½ Σ_i Σ_j p_i p_j |i − j| (Gneiting & Raftery 2007, eq. 21), O(n²).
    static func kernelCRPS(_ p: [Double], actual y: Double) -> Double {
        var expectedDistance = 0.0, spread = 0.0
        for i in p.indices {
            expectedDistance += p[i] * abs(Double(i) - y)
            for j in p.indices where j > i { spread += p[i] * p[j] * Double(j - i) }
        }
        return expectedDistance - spread  // ½ · 2 Σ_{i<j}
    }
}

// LogScore — the logarithmic (ignorance) score −ln p(y) of a predictive distribution at the actual; lower is
// better, in nats. Strictly proper and local: it only looks at the predicted density/probability of what happened.
//
// Policy:
//  1. Gaussian: −ln φ((y − μ)/σ)/σ = ½z² + ln σ + ½ln(2π), evaluated in that form (no underflow of the density
//     for a far outlier); = −scipy.stats.norm.logpdf(y, μ, σ), R −dnorm(y, μ, σ, log = TRUE). σ ≤ 0 gives NaN.
//  2. NB2 / Poisson: −ln pmf(y) from the closed-form log pmf of ``CountDistribution`` (scipy `nbinom.logpmf` with
//     n = 1/α, p = 1/(1+αμ); R `dnbinom(y, size = 1/α, mu = μ, log = TRUE)`; `dpois(log = TRUE)`); accurate in the
//     far tail. +∞ for an impossible count (y > 0 under μ = 0); NaN when y is not a non-negative integer.
//  3. Per-day functions return NaN for a day with a NaN input; average them with ``DailyAverage/mean(_:)``.

import ForecastCore
import ForecastData
import ForecastModels
import Foundation

/// Logarithmic scores −ln p(y) for Gaussian, NB2 and Poisson predictive distributions.
public enum LogScore {
    /// −ln of the N(μ, σ²) density at y: ½z² + ln σ + ½ln(2π), z = (y − μ)/σ. NaN when σ ≤ 0 or an input is NaN.
    public static func gaussian(actual y: Double, mean mu: Double, standardDeviation sigma: Double) -> Double {
        if y.isNaN || mu.isNaN || sigma.isNaN || !(sigma > 0) { return .nan }
        let z = (y - mu) / sigma
        return 0.5 * z * z + log(sigma) + SpecialFunctions.halfLogTwoPi
    }

    /// Gaussian log score per day (the reference's `logscore_gaussian_per_day`). Precondition: equal lengths.
    public static func gaussian(actual: [Double], mean: [Double], standardDeviation: [Double]) -> [Double] {
        DailyAverage.requireAligned("LogScore.gaussian", actual.count, mean.count, standardDeviation.count)
        return actual.indices.map { gaussian(actual: actual[$0], mean: mean[$0], standardDeviation: standardDeviation[$0]) }
    }

    /// −ln P(X = y) for a Poisson or NB2 predictive distribution: +∞ for an impossible count, NaN when y is not a
    /// non-negative integer or the parameters are invalid.
    public static func count(actual y: Double, distribution: CountDistribution) -> Double {
        guard CountDistribution.isCount(y) else { return .nan }
        return -distribution.logProbability(of: y)
    }

    /// NB2 log score per day, mean `mean[t]`, dispersion `alpha[t]` (the reference's `logscore_nb_per_day`).
    /// Precondition: equal lengths.
    public static func negativeBinomial(actual: [Double], mean: [Double], alpha: [Double]) -> [Double] {
        DailyAverage.requireAligned("LogScore.negativeBinomial", actual.count, mean.count, alpha.count)
        return actual.indices.map {
            count(actual: actual[$0], distribution: .negativeBinomial(mean: mean[$0], alpha: alpha[$0]))
        }
    }

    /// Poisson log score per day with mean `mean[t]`. Precondition: equal lengths.
    public static func poisson(actual: [Double], mean: [Double]) -> [Double] {
        DailyAverage.requireAligned("LogScore.poisson", actual.count, mean.count)
        return actual.indices.map { count(actual: actual[$0], distribution: .poisson(mean: mean[$0])) }
    }
}

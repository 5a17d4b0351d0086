// CountDistribution — the predictive distributions of a count forecast (Poisson, NB2) as the scores see them.
//
// Policy:
//  1. NB2 with mean μ and dispersion α: Var = μ + αμ², θ = 1/α (R's `size`);
//     pmf(k) = Γ(k+θ)/(Γ(θ) k!) · (θ/(θ+μ))^θ · (μ/(θ+μ))^k (scipy `nbinom(n = 1/α, p = 1/(1+αμ))`,
//     R `dnbinom(size = 1/α, mu = μ)`). α = 0 is the Poisson limit and is computed as Poisson.
//  2. log pmf in closed form: NB2 through `NegativeBinomial.logProbability` (lnΓ(k+θ) − lnΓ(θ) without
//     cancelling large log-gammas); Poisson in Loader's saddle-point form −δ(k) − D(k, μ) − ½ln(2πk), so neither
//     loses digits in the far tail (the log score of a very surprising day is accurate).
//  3. The CDF is the exact sum of the pmf over the support (see CountDistribution+Table.swift).
//  4. Valid parameters: μ ≥ 0 finite (μ = 0 is the point mass at 0), α ≥ 0 finite. Anything else, and an actual
//     that is not a non-negative integer, makes every score NaN (the CLI rejects such rows first, with their line).

import Foundation

/// A predictive distribution on the counts 0, 1, 2, …: Poisson or negative binomial (NB2).
public enum CountDistribution: Sendable, Equatable {
    /// Poisson with mean μ ≥ 0.
    case poisson(mean: Double)
    /// Negative binomial NB2 with mean μ ≥ 0 and dispersion α ≥ 0: Var = μ + αμ² (α = 0 is Poisson).
    case negativeBinomial(mean: Double, alpha: Double)

    /// The mean μ.
    public var mean: Double {
        switch self {
        case .poisson(let mu), .negativeBinomial(let mu, _): return mu
        }
    }

    /// Whether μ and α are finite and non-negative (scores of an invalid distribution are NaN).
    public var isValid: Bool {
        switch self {
        case .poisson(let mu): return mu >= 0 && mu.isFinite
        case let .negativeBinomial(mu, alpha): return mu >= 0 && mu.isFinite && alpha >= 0 && alpha.isFinite
        }
    }

    /// ln P(X = k): −∞ for an integer k that is impossible (k < 0, or k > 0 under μ = 0); NaN when the distribution
    /// is invalid or k is not an integer. Accurate in the far tails (closed form, policy 2).
    public func logProbability(of k: Double) -> Double {
        guard isValid, k == k.rounded(), k.isFinite else { return .nan }
        if k < 0 { return -.infinity }
        switch self {
        case .poisson(let mu):
            return Self.poissonLogProbability(k, mu)
        case let .negativeBinomial(mu, alpha):
            if alpha == 0 { return Self.poissonLogProbability(k, mu) }
            if mu == 0 { return k == 0 ? 0 : -.infinity }
            return NegativeBinomial.logProbability(k, mu: mu, alpha: alpha)
        }
    }

    /// Whether `y` is a value the scores accept as an outcome: a finite, non-negative integer.
    package static func isCount(_ y: Double) -> Bool { y >= 0 && y.isFinite && y == y.rounded() }

    /// ln pmf of Poisson(μ) at the integer k ≥ 0 (Loader 2000: −δ(k) − D(k, μ) − ½ ln 2πk for k > 0).
    private static func poissonLogProbability(_ k: Double, _ mu: Double) -> Double {
        if k == 0 { return -mu }
        if mu == 0 { return -.infinity }
        return -SpecialFunctions.stirlingError(k) - SpecialFunctions.deviance(k, mu, difference: k - mu)
            - 0.5 * log(2 * Double.pi * k)
    }

    /// p(k+1)/p(k): Poisson μ/(k+1); NB2 (k+θ)/(k+1) · q with q = μ/(θ+μ) = αμ/(1+αμ).
    @inline(__always)
    func ratio(after k: Double) -> Double {
        switch self {
        case .poisson(let mu): return mu / (k + 1)
        case let .negativeBinomial(mu, alpha):
            if alpha == 0 { return mu / (k + 1) }
            let q = alpha * mu / (1 + alpha * mu)
            return (k + 1 / alpha) / (k + 1) * q
        }
    }

    /// The limit of `ratio(after:)` as k → ∞ (0 for Poisson, q for NB2): with the current ratio it bounds every
    /// later ratio, because the NB2 ratio moves monotonically towards q and the Poisson ratio decreases.
    var limitingRatio: Double {
        switch self {
        case .poisson: return 0
        case let .negativeBinomial(mu, alpha): return alpha == 0 ? 0 : alpha * mu / (1 + alpha * mu)
        }
    }

    /// ln p(0) = −μ (Poisson) or −θ·ln(1 + αμ) = θ ln(θ/(θ+μ)) (NB2), the log-space start of the recursion.
    var logProbabilityOfZero: Double {
        switch self {
        case .poisson(let mu): return -mu
        case let .negativeBinomial(mu, alpha): return alpha == 0 ? -mu : -log1p(alpha * mu) / alpha
        }
    }

    /// A mode: ⌊μ⌋ (Poisson), ⌊μ(1 − α)⌋ for α < 1 and 0 otherwise (NB2).
    var mode: Double {
        switch self {
        case .poisson(let mu): return mu.rounded(.down)
        case let .negativeBinomial(mu, alpha): return alpha < 1 ? (mu * (1 - alpha)).rounded(.down) : 0
        }
    }
}

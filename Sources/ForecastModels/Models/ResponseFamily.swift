import ForecastCore
import ForecastData
import Foundation

/// The response distribution of a regression model: variance function, deviance, log-likelihood and the
/// IRLS working weights for its link. Composed with the shared QR linear predictor (no class tree).
///
/// - `gaussian`: identity link, Var = σ².
/// - `poisson`: log link, Var = μ.
/// - `negativeBinomial(alpha:)`: NB2, log link, Var = μ + α μ² (α > 0; θ = 1/α is R's `theta`/`size`).
///
/// Definitions follow `Tests/Fixtures/reference/README.md` (statsmodels GLM families, R `glm`/`MASS::glm.nb`).
public enum ResponseFamily: Sendable, Equatable, Hashable {
    case gaussian
    case poisson
    case negativeBinomial(alpha: Double)

    /// Short name as used in reports (`ols`, `poisson`, `nb2`).
    public var name: String {
        switch self {
        case .gaussian: return "ols"
        case .poisson: return "poisson"
        case .negativeBinomial: return "nb2"
        }
    }

    /// Whether the link is log (count families) rather than identity.
    public var usesLogLink: Bool { self != .gaussian }

    /// Variance function V(μ) (Gaussian: 1, the scale is separate).
    @inlinable
    public func variance(_ mu: Double) -> Double {
        switch self {
        case .gaussian: return 1
        case .poisson: return mu
        case .negativeBinomial(let alpha): return mu + alpha * mu * mu
        }
    }

    /// IRLS working weight for one observation: 1/(V(μ) g′(μ)²) — μ for Poisson, μ/(1 + αμ) for NB2, 1 Gaussian.
    @inlinable
    public func workingWeight(_ mu: Double) -> Double {
        switch self {
        case .gaussian: return 1
        case .poisson: return mu
        case .negativeBinomial(let alpha): return mu / (1 + alpha * mu)
        }
    }

    /// Unit deviance d(y, μ) (summed, times prior weights, to the deviance). y log(y/μ) = 0 at y = 0.
    @inlinable
    public func unitDeviance(_ y: Double, _ mu: Double) -> Double {
        switch self {
        case .gaussian:
            return (y - mu) * (y - mu)
        case .poisson:
            return 2 * (Self.xLogXOverY(y, mu) - (y - mu))
        case .negativeBinomial(let alpha):
            return 2 * (Self.xLogXOverY(y, mu) - (y + 1 / alpha) * log((1 + alpha * y) / (1 + alpha * mu)))
        }
    }

    /// The unit deviance of a log-link family split as d(y, μ) = 2[c(y) − y ln μ + m(y, μ)]: this is c(y)
    /// (y ln y − y for Poisson, y ln y − (y+θ) ln(1+αy) for NB2); m is `devianceMeanPart`.
    func devianceCountPart(_ y: Double) -> Double {
        switch self {
        case .gaussian:
            preconditionFailure("the deviance parts are defined for the log-link count families")
        case .poisson:
            return (y == 0 ? 0 : y * log(y)) - y
        case .negativeBinomial(let alpha):
            return (y == 0 ? 0 : y * log(y)) - (y + 1 / alpha) * log1p(alpha * y)
        }
    }

    /// m(y, μ) of the split in `devianceCountPart`: μ for Poisson, (y+θ) ln(1+αμ) for NB2.
    func devianceMeanPart(_ y: Double, mu: Double) -> Double {
        switch self {
        case .gaussian:
            preconditionFailure("the deviance parts are defined for the log-link count families")
        case .poisson:
            return mu
        case .negativeBinomial(let alpha):
            return (y + 1 / alpha) * log1p(alpha * mu)
        }
    }

    /// Log-likelihood of one count observation (Poisson, NB2), including the log y! and log-gamma terms.
    /// Gaussian returns NaN (its likelihood needs the scale; see `LinearRegressionFit`).
    public func logLikelihood(_ y: Double, _ mu: Double) -> Double {
        switch self {
        case .gaussian:
            return .nan
        case .poisson:
            return (y == 0 ? 0 : y * log(mu)) - mu - SpecialFunctions.logGamma(y + 1)
        case .negativeBinomial(let alpha):
            return NegativeBinomial.logProbability(y, mu: mu, alpha: alpha)
        }
    }

    /// Σ wᵢ ℓ(yᵢ, μᵢ) (w = 1 without weights) with the log-gamma terms computed once per distinct count:
    /// bit-identical to summing `logLikelihood(yᵢ, μᵢ)` in order.
    func logLikelihoodSum(y: [Double], mu: [Double], weights: [Double]?) -> Double {
        var factorials = LogFactorialMemo(counts: y)
        var sum = 0.0
        switch self {
        case .gaussian:
            return .nan
        case .poisson:
            for i in y.indices {
                let term = (y[i] == 0 ? 0 : y[i] * log(mu[i])) - mu[i] - factorials.value(y[i])
                sum += (weights?[i] ?? 1) * term
            }
        case .negativeBinomial(let alpha):
            var ratios = LogGammaRatioMemo(theta: 1 / alpha, counts: y)
            for i in y.indices {
                let term = NegativeBinomial.logProbabilityKernel(y[i], mu: mu[i], alpha: alpha,
                                                                          logGammaRatio: ratios.value(y[i]))
                    - factorials.value(y[i])
                sum += (weights?[i] ?? 1) * term
            }
        }
        return sum
    }

    /// y log(y/μ), with 0 at y = 0.
    @inlinable
    static func xLogXOverY(_ y: Double, _ mu: Double) -> Double {
        y == 0 ? 0 : y * log(y / mu)
    }
}

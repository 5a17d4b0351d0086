import ForecastCore
import Foundation

// FittedRegression+Response — what a caller needs to know about a fit's response model, owned here so that callers
// (excess computations, reports) ask the fit instead of branching on its kind: the slope of the mean function, the
// observation distribution around a mean, and the model's name in words.

extension FittedRegression {
    /// dμ/dη at the linear predictor η: 1 for least squares (identity link), μ = exp(η) (capped as
    /// ``mean(linearPredictor:)``) for count models (log link). The delta method's gradient of μ in β is this × x.
    public func meanSlope(linearPredictor eta: Double) -> Double {
        switch self {
        case .linear: return 1
        case .count: return mean(linearPredictor: eta)
        }
    }

    /// The distribution of one observation with mean `mean` under the fit: nil for least squares (its noise is not
    /// a count distribution), Poisson(μ) for a Poisson fit (also NB2 at its Poisson limit, whose α̂ is nil), NB2(μ, α)
    /// otherwise, with `alpha` (a drawn α*) or else α̂.
    public func observationDistribution(mean: Double, alpha: Double? = nil) -> CountDistribution? {
        guard let count else { return nil }
        guard let alphaHat = count.alpha else { return .poisson(mean: mean) }
        return .negativeBinomial(mean: mean, alpha: alpha ?? alphaHat)
    }

    /// The model in words, for summaries: "linear regression (least squares)", "Poisson regression (counts)",
    /// "negative binomial regression (overdispersed counts)", or NB2 at its Poisson limit.
    public var summaryName: String {
        switch self {
        case .linear: return "linear regression (least squares)"
        case let .count(fit):
            if fit.isPoissonLimit { return "negative binomial regression at its Poisson limit (α̂ = 0: no overdispersion)" }
            return fit.alpha == nil ? "Poisson regression (counts)" : "negative binomial regression (overdispersed counts)"
        }
    }
}

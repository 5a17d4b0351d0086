// NB2 log-likelihood pieces in (β, α), α on its natural scale (statsmodels' parameterisation).
//
// Policy:
// 1. ℓᵢ = ln P(Y = yᵢ) of NB2 with θ = 1/α: `NegativeBinomial.logProbability` (Numerics/Distributions).
// 2. ψ(y+θ) − ψ(θ) and ψ′(y+θ) − ψ′(θ): `NegativeBinomial.polygammaDifferences` (or a `PolygammaTable`).
//    These per-observation forms serve the sandwich scores and the alternation fallback; Newton's method sums the
//    same derivatives over the data set in `NegativeBinomialObjective`.
// 3. Derivatives (per observation, prior weight w):
//    ∂ℓ/∂β = x (y−μ)/(1+αμ);  ∂²ℓ/∂β∂βᵀ = −x xᵀ μ(1+αy)/(1+αμ)²;  ∂²ℓ/∂β∂α = −x (y−μ)μ/(1+αμ)²;
//    ∂ℓ/∂α = α⁻²[ψ(θ) − ψ(y+θ) + ln(1+αμ)] + (y−μ)/(α(1+αμ));
//    ∂²ℓ/∂α² = −2α⁻³[ψ(θ) − ψ(y+θ) + ln(1+αμ)] + α⁻²{α⁻²[ψ′(y+θ) − ψ′(θ)] + μ/(1+αμ)} − (y−μ)(1+2αμ)/(α(1+αμ))².
import ForecastCore
import ForecastData
import Foundation

enum NegativeBinomialLikelihood {
    /// ∂ℓ/∂α and ∂²ℓ/∂α² of one observation.
    static func alphaDerivatives(_ y: Double, mu: Double, alpha: Double) -> (score: Double, second: Double) {
        alphaDerivatives(y, mu: mu, alpha: alpha, polygamma: NegativeBinomial.polygammaDifferences(y, 1 / alpha))
    }

    /// The same with the polygamma differences read from a table built for this α (the same values).
    @inline(__always)
    static func alphaDerivatives(_ y: Double, mu: Double, alpha: Double, table: PolygammaTable) -> (score: Double, second: Double) {
        alphaDerivatives(y, mu: mu, alpha: alpha, polygamma: table.differences(y))
    }

    @inline(__always)
    private static func alphaDerivatives(_ y: Double, mu: Double, alpha: Double,
                                         polygamma: (digamma: Double, trigamma: Double)) -> (score: Double, second: Double) {
        let (dpsi, dtrigamma) = polygamma
        let onePlus = 1 + alpha * mu
        let a = -dpsi + log1p(alpha * mu)          // ψ(θ) − ψ(y+θ) + ln(1+αμ)
        let a2 = alpha * alpha
        let score = a / a2 + (y - mu) / (alpha * onePlus)
        let second = -2 * a / (a2 * alpha) + (dtrigamma / a2 + mu / onePlus) / a2
            - (y - mu) * (1 + 2 * alpha * mu) / (a2 * onePlus * onePlus)
        return (score, second)
    }
}

// NegativeBinomial — the NB2 distribution's log pmf and the log-gamma / polygamma differences its likelihood needs.
//
// Policy:
// 1. NB2 with mean μ and dispersion α, θ = 1/α: ln P(Y = y) = lnΓ(y+θ) − lnΓ(θ) − ln y! − θ ln(1+αμ)
//    + y ln(αμ/(1+αμ)). lnΓ(y+θ) − lnΓ(θ) is computed without cancelling two large log-gammas (Stirling-error
//    form), so the value stays accurate as α → 0 (θ → ∞, the Poisson limit).
// 2. ψ(y+θ) − ψ(θ) and ψ′(y+θ) − ψ′(θ) are finite sums Σ_{j<y} 1/(θ+j) (and squares) for y ≤ 4096 — exact to
//    rounding — and asymptotic expansions beyond.
// 3. Used by the NB2 likelihood (Models), the count scores (`CountDistribution`) and the memo tables of
//    NegativeBinomial+Memos.swift; draws are `RandomSource.negativeBinomial`.
import Foundation

/// Scalar functions of the NB2 distribution (mean μ, Var = μ + αμ²).
package enum NegativeBinomial {
    /// lnΓ(y + θ) − lnΓ(θ) for y ≥ 0, θ > 0.
    static func logGammaRatio(_ y: Double, _ theta: Double) -> Double {
        if y == 0 { return 0 }
        if y < 16 && y == y.rounded() {
            var sum = 0.0
            var j = 0.0
            while j < y { sum += log(theta + j); j += 1 }
            return sum
        }
        // lnΓ(z) = δ(z) + (z − ½) ln z − z + ½ ln 2π  ⇒  difference without large terms:
        return SpecialFunctions.stirlingError(y + theta) - SpecialFunctions.stirlingError(theta)
            + (theta - 0.5) * log1p(y / theta) + y * log(y + theta) - y
    }

    /// (ψ(y+θ) − ψ(θ), ψ′(y+θ) − ψ′(θ)) for y ≥ 0, θ > 0.
    package static func polygammaDifferences(_ y: Double, _ theta: Double) -> (digamma: Double, trigamma: Double) {
        if y == 0 { return (0, 0) }
        if y <= 4096 && y == y.rounded() {
            var d = 0.0, t = 0.0, j = 0.0
            while j < y {
                let inverse = 1 / (theta + j)
                d += inverse
                t -= inverse * inverse
                j += 1
            }
            return (d, t)
        }
        return (digamma(y + theta) - digamma(theta), trigamma(y + theta) - trigamma(theta))
    }

    /// ψ(z), z > 0: recurrence up to z ≥ 10, then the asymptotic series (error < 1e-15).
    static func digamma(_ z: Double) -> Double {
        var x = z, shift = 0.0
        while x < 10 { shift -= 1 / x; x += 1 }
        let r = 1 / (x * x)
        let series = r * (1.0 / 12 - r * (1.0 / 120 - r * (1.0 / 252 - r * (1.0 / 240 - r * (1.0 / 132)))))
        return shift + log(x) - 0.5 / x - series
    }

    /// ψ′(z), z > 0: recurrence up to z ≥ 10, then the asymptotic series.
    static func trigamma(_ z: Double) -> Double {
        var x = z, shift = 0.0
        while x < 10 { shift += 1 / (x * x); x += 1 }
        let r = 1 / (x * x)
        let series = (1 / x) * (1 + 1 / (2 * x) + r * (1.0 / 6 - r * (1.0 / 30 - r * (1.0 / 42 - r * (1.0 / 30)))))
        return shift + series
    }

    /// ln P(Y = y) of NB2(μ, α) at a count y ≥ 0 (μ > 0, α > 0): the log-likelihood of one observation.
    package static func logProbability(_ y: Double, mu: Double, alpha: Double) -> Double {
        logProbabilityKernel(y, mu: mu, alpha: alpha) - SpecialFunctions.logGamma(y + 1)
    }

    /// ℓᵢ + ln yᵢ! (the part that depends on the parameters; iterative fits add Σ ln y! once).
    @inline(__always)
    static func logProbabilityKernel(_ y: Double, mu: Double, alpha: Double) -> Double {
        logProbabilityKernel(y, mu: mu, alpha: alpha, logGammaRatio: logGammaRatio(y, 1 / alpha))
    }

    /// The same with lnΓ(y+θ) − lnΓ(θ) supplied (from a `LogGammaRatioMemo`).
    @inline(__always)
    package static func logProbabilityKernel(_ y: Double, mu: Double, alpha: Double, logGammaRatio ratio: Double) -> Double {
        let theta = 1 / alpha
        let l1p = log1p(alpha * mu)
        return ratio - theta * l1p + (y == 0 ? 0 : y * (log(alpha * mu) - l1p))
    }
}

// FDistribution.swift — Fisher–Snedecor F distribution.
//
// Policy:
// 1. Accuracy: cdf, survival and quantile have relative error ≤ 1e-12 (typically ~1e-14) in both
//    tails down to the underflow threshold, for the degrees of freedom met in regression (d₁ up to a
//    few dozen, d₂ up to ~10⁴); for very large d₁ and d₂ the tails are as well conditioned as the
//    input allows (relative error grows like ε·√(d₁+d₂)·|z|).
// 2. With u = d₁x/(d₁x+d₂) and v = d₂/(d₁x+d₂) formed separately: cdf = I_u(d₁/2, d₂/2) and
//    survival = I_v(d₂/2, d₁/2), both from one call of the regularized incomplete beta
//    (SpecialFunctions, A&S 26.5.8 continued fraction, complement never formed by cancellation).
// 3. density: u^(d₁/2)·v^(d₂/2)/(B(d₁/2, d₂/2)·x) through Loader's saddle-point power term.
// 4. quantile: the better of Fisher's z approximation (A&S 26.5.22 on the equivalent beta variable)
//    and the small-u / small-v power laws as a start, refined by Newton steps in ln x on the log of
//    the smaller tail.

import Foundation

/// The F distribution with d₁ (numerator) and d₂ (denominator) degrees of freedom.
public struct FDistribution: Sendable, Equatable {
    /// Numerator degrees of freedom d₁ (finite, > 0).
    public let numeratorDegreesOfFreedom: Double
    /// Denominator degrees of freedom d₂ (finite, > 0).
    public let denominatorDegreesOfFreedom: Double

    /// Creates F(d₁, d₂). Precondition: both degrees of freedom finite and > 0.
    public init(numeratorDegreesOfFreedom: Double, denominatorDegreesOfFreedom: Double) {
        precondition(numeratorDegreesOfFreedom > 0 && numeratorDegreesOfFreedom.isFinite,
                     "FDistribution: numeratorDegreesOfFreedom must be finite and > 0, "
                        + "got \(numeratorDegreesOfFreedom)")
        precondition(denominatorDegreesOfFreedom > 0 && denominatorDegreesOfFreedom.isFinite,
                     "FDistribution: denominatorDegreesOfFreedom must be finite and > 0, "
                        + "got \(denominatorDegreesOfFreedom)")
        self.numeratorDegreesOfFreedom = numeratorDegreesOfFreedom
        self.denominatorDegreesOfFreedom = denominatorDegreesOfFreedom
    }

    /// Probability density at `x` (0 for x < 0 and x = +∞; at x = 0: +∞ for d₁ < 2, 1 for d₁ = 2,
    /// 0 for d₁ > 2; NaN for NaN).
    public func density(_ x: Double) -> Double {
        if x.isNaN { return .nan }
        if x < 0 || x == .infinity { return 0 }
        let a = 0.5 * numeratorDegreesOfFreedom, b = 0.5 * denominatorDegreesOfFreedom
        if x == 0 { return a < 1 ? .infinity : (a == 1 ? 1 : 0) }
        let (u, v) = betaVariables(x)
        return SpecialFunctions.betaPowerTerm(a, b, u, v) / x
    }

    /// P(X ≤ x) for any real `x` (0 for x ≤ 0, 1 at +∞, NaN for NaN).
    public func cdf(_ x: Double) -> Double {
        if x.isNaN { return .nan }
        return tails(x).lower
    }

    /// P(X > x) = 1 − cdf(x), computed directly from the upper tail (no cancellation).
    public func survival(_ x: Double) -> Double {
        if x.isNaN { return .nan }
        return tails(x).upper
    }

    /// The x with cdf(x) = p, for p ∈ [0, 1]: quantile(0) = 0, quantile(1) = +∞, NaN for NaN.
    /// Precondition: p ∈ [0, 1].
    public func quantile(_ p: Double) -> Double {
        if p.isNaN { return .nan }
        precondition(p >= 0 && p <= 1, "FDistribution.quantile: p must be in [0, 1], got \(p)")
        if p == 0 { return 0 }
        if p == 1 { return .infinity }
        let lowerTail = p <= 0.5
        let target = lowerTail ? p : 1 - p  // 1 − p is exact for p ≥ ½
        let start = initialQuantile(target, lowerTail: lowerTail)
        if start == 0 || start == .infinity { return start }  // beyond the representable range
        return SpecialFunctions.solveQuantile(
            target: target, tail: lowerTail ? .lower : .upper, initial: start, lowerBound: 0, logScale: true,
            probability: { tail($0, lower: lowerTail) }, density: { density($0) })
    }

    /// (u, v) = (d₁x/(d₁x+d₂), d₂/(d₁x+d₂)) for x > 0, each without cancellation or overflow.
    private func betaVariables(_ x: Double) -> (u: Double, v: Double) {
        let d1 = numeratorDegreesOfFreedom, d2 = denominatorDegreesOfFreedom
        let scaled = d1 * x, sum = scaled + d2
        if sum.isFinite { return (scaled / sum, d2 / sum) }
        let ratio = d2 / d1 / x
        return (1 / (1 + ratio), ratio / (1 + ratio))
    }

    private func tail(_ x: Double, lower: Bool) -> Double {
        let (lowerTail, upperTail) = tails(x)
        return lower ? lowerTail : upperTail
    }

    private func tails(_ x: Double) -> (lower: Double, upper: Double) {
        if x <= 0 { return (0, 1) }
        if x == .infinity { return (1, 0) }
        let d1 = numeratorDegreesOfFreedom, d2 = denominatorDegreesOfFreedom, a = 0.5 * d1, b = 0.5 * d2
        let (u, v) = betaVariables(x)
        // u or v may underflow while u^a or v^b does not: I_u(a,b) = u^a/(a·B(a,b))·(1 + O(u)).
        if v < 1e-200 {
            let upper = pow(d2 / d1, b) * pow(x, -b) * exp(SpecialFunctions.logInverseBeta(a, b)) / b
            return (1 - upper, upper)
        }
        if u < 1e-200 {
            let lower = pow(d1 / d2, a) * pow(x, a) * exp(SpecialFunctions.logInverseBeta(a, b)) / a
            return (lower, 1 - lower)
        }
        return SpecialFunctions.regularizedBeta(a, b, x: u, y: v)
    }

    /// Starting point for the quantile whose lower (or upper) tail probability is `target` ≤ ½:
    /// whichever of the candidates has a tail probability closer to the target in log terms.
    private func initialQuantile(_ target: Double, lowerTail: Bool) -> Double {
        let d1 = numeratorDegreesOfFreedom, d2 = denominatorDegreesOfFreedom
        let a = 0.5 * d1, b = 0.5 * d2, logInverseBeta = SpecialFunctions.logInverseBeta(a, b)
        // Power laws: I_u(a,b) ≈ u^a/(a·B(a,b)) for small u, I_v(b,a) ≈ v^b/(b·B(a,b)) for small v.
        let power: Double
        if lowerTail {
            let u = exp((log(target) + log(a) - logInverseBeta) / a)
            power = b / a * u / (1 - u)
        } else {
            let v = exp((log(target) + log(b) - logInverseBeta) / b)
            power = b / a * (1 - v) / v
        }
        guard d1 > 1, d2 > 1 else { return power }
        // Fisher's z: ½·ln F approximately normal (A&S 26.5.22 written for F = (b/a)·u/(1−u)).
        let zUpper = -Normal.approximateLowerQuantile(target)
        let y = lowerTail ? zUpper : -zUpper
        let lambda = (y * y - 3) / 6
        let h = 2 / (1 / (d1 - 1) + 1 / (d2 - 1))
        let w = y * (h + lambda).squareRoot() / h - (1 / (d2 - 1) - 1 / (d1 - 1)) * (lambda + 5.0 / 6 - 2 / (3 * h))
        let fisher = exp(-2 * w)
        guard power > 0, power < .infinity else { return fisher }
        let fisherMisfit = abs(log(tail(fisher, lower: lowerTail) / target))
        let powerMisfit = abs(log(tail(power, lower: lowerTail) / target))
        return fisherMisfit <= powerMisfit ? fisher : power
    }
}

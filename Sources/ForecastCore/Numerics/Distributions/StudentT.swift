// StudentT.swift — Student's t distribution.
//
// Policy:
// 1. Accuracy: cdf, survival, twoSidedPValue and quantile have relative error ≤ 1e-12 (typically
//    ~1e-14) for any degrees of freedom ν > 0, in both tails down to the underflow threshold. The
//    only error that grows is the rounding of t²/(ν+t²), which a far tail amplifies by up to ~t²/2
//    for large ν (≤ ~1e-13 before the result underflows).
// 2. P(|T| > |t|) = I_x(ν/2, ½) with x = ν/(ν+t²) and y = t²/(ν+t²) formed separately; the regularized
//    incomplete beta (SpecialFunctions, A&S 26.5.8 continued fraction with I_x(a,b) = 1 − I_y(b,a))
//    returns both the two-sided p-value and its complement, so neither tail is found by 1 − cdf.
// 3. density: Γ((ν+1)/2)/(√(νπ)Γ(ν/2)) · (1 + t²/ν)^(−(ν+1)/2), the constant from Stirling errors.
// 4. quantile: exact closed forms for ν = 1, 2 as starts; otherwise the Cornish–Fisher expansion
//    (A&S 26.7.5) about the exact normal quantile — for the ν of a regression (hundreds) already correct to
//    rounding, so one evaluation confirms it — or the power-law tail t ≈ (C/q)^(1/ν), refined by Newton steps
//    on the log tail.
// 5. ν = +∞ is accepted and is the standard normal.

import Foundation

/// Student's t distribution with ν degrees of freedom.
public struct StudentT: Sendable, Equatable {
    /// Degrees of freedom ν (> 0; +∞ gives the standard normal).
    public let degreesOfFreedom: Double
    /// ln(Γ((ν+1)/2)/(√(νπ)·Γ(ν/2))), the log of the density at 0.
    private let logDensityAtZero: Double

    /// Creates a t distribution. Precondition: `degreesOfFreedom` > 0 (+∞ allowed, meaning normal).
    public init(degreesOfFreedom: Double) {
        precondition(degreesOfFreedom > 0, "StudentT: degreesOfFreedom must be > 0, got \(degreesOfFreedom)")
        self.degreesOfFreedom = degreesOfFreedom
        logDensityAtZero = degreesOfFreedom.isInfinite
            ? -SpecialFunctions.halfLogTwoPi
            : SpecialFunctions.logInverseBeta(degreesOfFreedom / 2, 0.5) - 0.5 * log(degreesOfFreedom)
    }

    /// Probability density at `t` (any real; 0 at ±∞, NaN for NaN).
    public func density(_ t: Double) -> Double {
        let nu = degreesOfFreedom
        if nu.isInfinite { return Normal.standardDensity(t) }
        if t.isNaN { return .nan }
        let a = abs(t)
        // ln(1 + t²/ν), without overflowing t² for huge |t|.
        let logBase = a > 1e150 ? 2 * log(a) - log(nu) + log1p(nu / a / a) : log1p(a * a / nu)
        return exp(logDensityAtZero - 0.5 * (nu + 1) * logBase)
    }

    /// P(T ≤ t) for any real `t` (0 at −∞, 1 at +∞, NaN for NaN).
    public func cdf(_ t: Double) -> Double {
        if t.isNaN { return .nan }
        let (outside, inside) = tails(t)
        return t < 0 ? 0.5 * outside : 0.5 + 0.5 * inside
    }

    /// P(T > t) = 1 − cdf(t), computed directly (no cancellation in the upper tail).
    public func survival(_ t: Double) -> Double {
        if t.isNaN { return .nan }
        let (outside, inside) = tails(t)
        return t > 0 ? 0.5 * outside : 0.5 + 0.5 * inside
    }

    /// The two-sided p-value 2·P(T > |t|) = I_{ν/(ν+t²)}(ν/2, ½), computed directly from the
    /// incomplete beta function (never as 1 − cdf). Any real `t`; 1 at t = 0, NaN for NaN.
    public func twoSidedPValue(_ t: Double) -> Double {
        if t.isNaN { return .nan }
        return tails(t).outside
    }

    /// The t with cdf(t) = p, for p ∈ [0, 1]: quantile(0) = −∞, quantile(1) = +∞, NaN for NaN.
    /// Precondition: p ∈ [0, 1].
    public func quantile(_ p: Double) -> Double {
        if p.isNaN { return .nan }
        precondition(p >= 0 && p <= 1, "StudentT.quantile: p must be in [0, 1], got \(p)")
        if degreesOfFreedom.isInfinite { return Normal.standardQuantile(p) }
        if p == 0 { return -.infinity }
        if p == 1 { return .infinity }
        if p == 0.5 { return 0 }
        let q = min(p, 1 - p)  // upper-tail probability of |quantile|; 1 − p is exact for p ≥ ½
        let start = initialUpperQuantile(q)
        if start == .infinity { return p < 0.5 ? -.infinity : .infinity }
        // Near the centre solve P(0 < T < t) = ½ − q (exact), which fixes t to relative precision.
        let central = q > 0.25
        let t = SpecialFunctions.solveQuantile(
            target: central ? 0.5 - q : q, tail: central ? .lower : .upper, initial: start, lowerBound: 0,
            logScale: central || start > 1,
            probability: { central ? 0.5 * tails($0).inside : 0.5 * tails($0).outside }, density: { density($0) })
        return p < 0.5 ? -t : t
    }

    /// (P(|T| > |t|), P(|T| < |t|)).
    private func tails(_ t: Double) -> (outside: Double, inside: Double) {
        let nu = degreesOfFreedom
        if nu.isInfinite {
            let upper = Normal.standardCDF(-abs(t))
            return (2 * upper, 1 - 2 * upper)
        }
        let a = abs(t)
        if a == 0 { return (1, 0) }
        if a == .infinity { return (0, 1) }
        let half = 0.5 * nu
        if a > 1e100 {
            let x = nu / a / a
            guard x < 1e-200 else {
                let (lower, upper) = SpecialFunctions.regularizedBeta(half, 0.5, x: x, y: 1 - x)
                return (lower, upper)
            }
            // x may underflow while x^(ν/2) does not: I_x(ν/2, ½) = x^(ν/2)/((ν/2)·B(ν/2, ½))·(1 + O(x)).
            let power = pow(nu / a, half) / pow(a, half)  // x^(ν/2) without forming x
            let outside = power * exp(SpecialFunctions.logInverseBeta(half, 0.5)) / half
            return (outside, 1 - outside)
        }
        let square = a * a, sum = nu + square
        let (lower, upper) = SpecialFunctions.regularizedBeta(half, 0.5, x: nu / sum, y: square / sum)
        return (lower, upper)
    }

    /// Starting point for the t > 0 with P(T > t) = q, 0 < q < ½.
    private func initialUpperQuantile(_ q: Double) -> Double {
        let nu = degreesOfFreedom
        if nu == 1 { return 1 / tan(Double.pi * q) }
        if nu == 2 { return (1 - 2 * q) / (2 * q * (1 - q)).squareRoot() }
        let z = -Normal.standardQuantile(q)   // exact: for large ν the expansion below then is too (one step)
        let z2 = z * z
        var cornishFisher = z + z * (z2 + 1) / (4 * nu)
        cornishFisher += z * ((5 * z2 + 16) * z2 + 3) / (96 * nu * nu)
        cornishFisher += z * (((3 * z2 + 19) * z2 + 17) * z2 - 15) / (384 * nu * nu * nu)
        cornishFisher += z * ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945) / (92160 * nu * nu * nu * nu)
        // Power-law tail: P(T > t) ≈ C·ν^((ν−1)/2)·t^(−ν), an upper bound on t.
        let powerTail = exp((logDensityAtZero + 0.5 * (nu - 1) * log(nu) - log(q)) / nu)
        return powerTail * powerTail > 10 * nu ? powerTail : cornishFisher
    }
}

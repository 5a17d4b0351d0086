// ChiSquared.swift — the chi-square distribution.
//
// Policy:
// 1. Accuracy: cdf, survival and quantile have relative error ≤ 1e-12 (typically ~1e-14) for
//    degrees of freedom k ≥ 1 in both tails down to the underflow threshold; for k < 1 the upper tail
//    below x ≈ 2 is formed as 1 − P and may lose up to ~log10(1/k) further digits.
// 2. cdf = P(k/2, x/2), survival = Q(k/2, x/2): regularized incomplete gamma (SpecialFunctions:
//    series A&S 6.5.29 / Legendre continued fraction A&S 6.5.31, prefactor in Loader's saddle-point
//    form); both are returned together and the smaller one is computed directly.
// 3. density: ½·(x/2)^(k/2−1)·e^(−x/2)/Γ(k/2) through the same saddle-point prefactor.
// 4. quantile: Wilson–Hilferty cube-root approximation, the small-x power law (p·Γ(k/2+1))^(2/k) or
//    the exponential tail as a start, refined by Newton steps in ln x on the log of the smaller tail.

import Foundation

/// The chi-square distribution with k degrees of freedom.
public struct ChiSquared: Sendable, Equatable {
    /// Degrees of freedom k (finite, > 0).
    public let degreesOfFreedom: Double

    /// Creates χ²(k). Precondition: `degreesOfFreedom` finite and > 0.
    public init(degreesOfFreedom: Double) {
        precondition(degreesOfFreedom > 0 && degreesOfFreedom.isFinite,
                     "ChiSquared: degreesOfFreedom must be finite and > 0, got \(degreesOfFreedom)")
        self.degreesOfFreedom = degreesOfFreedom
    }

    /// Probability density at `x` (0 for x < 0 and x = +∞; at x = 0: +∞ for k < 2, ½ for k = 2,
    /// 0 for k > 2; NaN for NaN).
    public func density(_ x: Double) -> Double {
        if x.isNaN { return .nan }
        if x < 0 || x == .infinity { return 0 }
        let a = 0.5 * degreesOfFreedom
        if x == 0 { return a < 1 ? .infinity : (a == 1 ? 0.5 : 0) }
        let half = 0.5 * x
        // (x/2)^(a−1)·e^(−x/2)/Γ(a) = (x/2)^a·e^(−x/2)/Γ(a+1) · a/(x/2)
        return 0.5 * (SpecialFunctions.poissonTerm(a, half) * a) / half
    }

    /// P(X ≤ x) for any real `x` (0 for x ≤ 0, 1 at +∞, NaN for NaN).
    public func cdf(_ x: Double) -> Double {
        if x.isNaN { return .nan }
        return SpecialFunctions.regularizedGamma(0.5 * degreesOfFreedom, 0.5 * x).lower
    }

    /// P(X > x) = 1 − cdf(x), computed directly from the upper tail (no cancellation).
    public func survival(_ x: Double) -> Double {
        if x.isNaN { return .nan }
        return SpecialFunctions.regularizedGamma(0.5 * degreesOfFreedom, 0.5 * x).upper
    }

    /// The x with cdf(x) = p, for p ∈ [0, 1]: quantile(0) = 0, quantile(1) = +∞, NaN for NaN.
    /// Precondition: p ∈ [0, 1].
    public func quantile(_ p: Double) -> Double {
        if p.isNaN { return .nan }
        precondition(p >= 0 && p <= 1, "ChiSquared.quantile: p must be in [0, 1], got \(p)")
        if p == 0 { return 0 }
        if p == 1 { return .infinity }
        let lowerTail = p <= 0.5
        let target = lowerTail ? p : 1 - p  // 1 − p is exact for p ≥ ½
        let start = initialQuantile(target, lowerTail: lowerTail)
        if start == 0 { return 0 }  // below the smallest positive double
        let a = 0.5 * degreesOfFreedom
        return SpecialFunctions.solveQuantile(
            target: target, tail: lowerTail ? .lower : .upper, initial: start, lowerBound: 0, logScale: true,
            probability: { x in
                let (lower, upper) = SpecialFunctions.regularizedGamma(a, 0.5 * x)
                return lowerTail ? lower : upper
            },
            density: { density($0) })
    }

    /// Starting point for the quantile whose lower (or upper) tail probability is `target` ≤ ½.
    private func initialQuantile(_ target: Double, lowerTail: Bool) -> Double {
        let k = degreesOfFreedom, a = 0.5 * k
        let zUpper = -Normal.approximateLowerQuantile(target)  // > 0
        let z = lowerTail ? -zUpper : zUpper
        let c = 2 / (9 * k)
        let cube = 1 - c + z * c.squareRoot()
        let wilsonHilferty = cube > 0 ? k * cube * cube * cube : 0
        if lowerTail {
            // P(a, x/2) < (x/2)^a/Γ(a+1): solving with equality gives a lower bound.
            let power = 2 * exp((log(target) + SpecialFunctions.logGamma(a + 1)) / a)
            return max(power, wilsonHilferty)
        }
        if target > 1e-3 || a > 30 { return wilsonHilferty }
        // Exponential tail Q(a, y) ≈ y^(a−1)·e^(−y)/Γ(a): iterate y = −ln q − lnΓ(a) + (a−1)·ln y.
        let base = -log(target) - SpecialFunctions.logGamma(a)
        var y = max(1, -log(target))
        for _ in 0..<4 { y = max(1, base + (a - 1) * log(y)) }
        return 2 * y
    }
}

// Normal.swift — the normal (Gaussian) distribution.
//
// Policy:
// 1. Accuracy: cdf, survival and quantile of the standard normal have relative error ≤ 1e-12 (measured
//    ~1e-15) wherever the result is a normal double (|z| ≲ 37.5 for the tails); smaller, subnormal tail
//    values are as accurate as their spacing allows. A non-standard mean/standard deviation adds the
//    rounding of (x − mean)/sd, which the tail amplifies by ~z².
// 2. cdf/survival: Φ(z) = ½·erfc(−z/√2) with Foundation's (glibc) erfc; the rounding of z/√2 is
//    recovered with a fused multiply-add and corrected to first order, so the ~z²·ε error of the
//    argument does not reach the tail. survival(x) evaluates the opposite tail directly.
// 3. density: e^(−z²/2) with z² split exactly into a double plus its fma residual.
// 4. quantile: Acklam's rational approximation (relative error ~1e-9) as a start, refined by Newton
//    steps on the logarithm of the smaller tail, so quantile(1e-300) is as accurate as quantile(0.3).

import Foundation

/// The normal distribution N(mean, standardDeviation²).
public struct Normal: Sendable, Equatable {
    /// The mean μ (any finite value).
    public let mean: Double
    /// The standard deviation σ (finite, > 0).
    public let standardDeviation: Double

    /// Creates N(μ, σ²). Preconditions: `mean` finite, `standardDeviation` finite and > 0.
    public init(mean: Double = 0, standardDeviation: Double = 1) {
        precondition(mean.isFinite, "Normal: mean must be finite, got \(mean)")
        precondition(standardDeviation > 0 && standardDeviation.isFinite,
                     "Normal: standardDeviation must be finite and > 0, got \(standardDeviation)")
        self.mean = mean
        self.standardDeviation = standardDeviation
    }

    /// Probability density at `x` (any real; 0 at ±∞, NaN for NaN).
    public func density(_ x: Double) -> Double {
        Normal.standardDensity((x - mean) / standardDeviation) / standardDeviation
    }

    /// P(X ≤ x) for any real `x` (0 at −∞, 1 at +∞, NaN for NaN).
    public func cdf(_ x: Double) -> Double {
        Normal.standardCDF((x - mean) / standardDeviation)
    }

    /// P(X > x) = 1 − cdf(x), computed directly from the upper tail (no cancellation).
    public func survival(_ x: Double) -> Double {
        Normal.standardCDF((mean - x) / standardDeviation)
    }

    /// The x with cdf(x) = p, for p ∈ [0, 1]: quantile(0) = −∞, quantile(1) = +∞, NaN for NaN.
    /// Precondition: p ∈ [0, 1].
    public func quantile(_ p: Double) -> Double {
        if p.isNaN { return .nan }
        precondition(p >= 0 && p <= 1, "Normal.quantile: p must be in [0, 1], got \(p)")
        return mean + standardDeviation * Normal.standardQuantile(p)
    }

    // MARK: Standard normal kernels (shared with StudentT for infinite degrees of freedom)

    private static let inverseSqrtTwoHigh = 0.7071067811865476
    private static let inverseSqrtTwoLow = -4.833646656726457e-17
    private static let inverseSqrtTwoPi = 0.3989422804014327
    private static let twoOverSqrtPi = 1.1283791670955126

    /// φ(z) = e^(−z²/2)/√(2π).
    package static func standardDensity(_ z: Double) -> Double {
        let square = z * z
        if square > 1600 { return 0 }  // below the smallest subnormal; also keeps ±∞ from giving NaN
        let residual = (-square).addingProduct(z, z)  // z² − fl(z²), exact
        return exp(-0.5 * square) * (1 - 0.5 * residual) * inverseSqrtTwoPi
    }

    /// Φ(z) = P(Z ≤ z) for the standard normal.
    package static func standardCDF(_ z: Double) -> Double {
        if z.isNaN { return .nan }
        // Φ(z) = ½·erfc(u) with u = −z/√2 = w + δ, w = fl(−z·h), δ its rounding error (h + l = 1/√2).
        let w = -z * inverseSqrtTwoHigh
        guard abs(w) < 30 else { return w > 0 ? 0 : 1 }
        let delta = (-w).addingProduct(-z, inverseSqrtTwoHigh) - z * inverseSqrtTwoLow
        let tail = erfc(w)
        if tail == 0 { return 0 }
        // erfc(w + δ) ≈ erfc(w)·(1 − δ·R(w)) with R = −erfc′/erfc = (2/√π)·e^(−w²)/erfc(w),
        // which is ≈ 2w + 1/w for w ≥ 3 (only a first-order correction, so 1% accuracy suffices).
        let ratio = w < 3 ? twoOverSqrtPi * exp(-w * w) / tail : 2 * w + 1 / w
        return 0.5 * tail * (1 - delta * ratio)
    }

    /// Φ⁻¹(p) for p ∈ [0, 1].
    static func standardQuantile(_ p: Double) -> Double {
        if p.isNaN { return .nan }
        if p == 0 { return -.infinity }
        if p == 1 { return .infinity }
        if p == 0.5 { return 0 }
        let q = min(p, 1 - p)  // 1 − p is exact for p ≥ ½
        let start = -approximateLowerQuantile(q)
        let z: Double
        if q > 0.25 {
            // Near the centre solve P(0 < Z < z) = ½ − q (exact): the tail q itself only fixes z to
            // an absolute, not relative, precision of ε/φ(0).
            z = SpecialFunctions.solveQuantile(
                target: 0.5 - q, tail: .lower, initial: start, lowerBound: 0, logScale: true,
                probability: { 0.5 * erf($0 * inverseSqrtTwoHigh) }, density: { standardDensity($0) })
        } else {
            z = SpecialFunctions.solveQuantile(
                target: q, tail: .upper, initial: start, lowerBound: 0, logScale: false,
                probability: { standardCDF(-$0) }, density: { standardDensity($0) })
        }
        return p < 0.5 ? -z : z
    }

    /// Acklam's approximation to Φ⁻¹(p) for 0 < p ≤ ½ (relative error < 1.2e-9), used as a start.
    static func approximateLowerQuantile(_ p: Double) -> Double {
        if p < 0.02425 {
            let r = (-2 * log(p)).squareRoot()
            let numerator = ((((-7.784894002430293e-03 * r - 3.223964580411365e-01) * r - 2.400758277161838e+00)
                * r - 2.549732539343734e+00) * r + 4.374664141464968e+00) * r + 2.938163982698783e+00
            let denominator = (((7.784695709041462e-03 * r + 3.224671290700398e-01) * r + 2.445134137142996e+00)
                * r + 3.754408661907416e+00) * r + 1
            return numerator / denominator
        }
        let q = p - 0.5, r = q * q
        let numerator = (((((-3.969683028665376e+01 * r + 2.209460984245205e+02) * r - 2.759285104469687e+02)
            * r + 1.383577518672690e+02) * r - 3.066479806614716e+01) * r + 2.506628277459239e+00) * q
        let denominator = ((((-5.447609879822406e+01 * r + 1.615858368580409e+02) * r - 1.556989798598866e+02)
            * r + 6.680131188771972e+01) * r - 1.328068155288572e+01) * r + 1
        return numerator / denominator
    }
}

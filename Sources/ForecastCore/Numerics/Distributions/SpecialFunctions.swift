// SpecialFunctions.swift — numerical kernels behind Normal, StudentT, FDistribution and ChiSquared.
//
// Policy:
// 1. Accuracy: each kernel aims at a relative error ≤ 1e-12 (typically a few 1e-15) for positive
//    parameters, including far tails down to the underflow threshold. Results below ~2.2e-308
//    (subnormal) carry absolute, not relative, accuracy.
// 2. Power terms x^a·e^(−x)/Γ(a+1) and x^a·y^b/B(a,b) use Loader's saddle-point form (C. Loader,
//    "Fast and accurate computation of binomial probabilities", 2000): the Stirling error δ(z) and the
//    deviance k·ln(k/λ) + λ − k are computed separately, so no large logarithms cancel.
// 3. Regularized incomplete beta I_x(a,b): continued fraction A&S 26.5.8 in its odd contraction, with
//    partial denominators written in λ = a − (a+b)x to avoid cancellation (the idea of DiDonato &
//    Morris, ACM TOMS 708, 1992), modified Lentz evaluation (Thompson & Barnett 1986), on the side
//    of the mean where it converges; the other side comes from
//    I_x(a,b) = 1 − I_{1−x}(b,a). Value and complement are both returned; the smaller one is always
//    computed directly, never as 1 − (something close to 1). Callers pass x and y = 1 − x separately.
// 4. Regularized incomplete gamma P(a,x), Q(a,x): series A&S 6.5.29 for x < a+1, Legendre continued
//    fraction A&S 6.5.31 otherwise; both returned, the smaller one computed directly.
// 5. Quantiles: safeguarded Newton iteration on log(tail probability), with a shrinking bracket and
//    bisection fallback, iterated until the step is below 1e-12 relative (quadratic convergence then
//    leaves an error at the level of the probability's own rounding).
// 6. Pure functions of Doubles: no global mutable state, no allocation.

import Foundation

/// Namespace for the special functions shared by the distribution types.
package enum SpecialFunctions {
    /// ½·ln(2π).
    package static let halfLogTwoPi = 0.9189385332046728
    /// Lentz's guard against a zero partial denominator.
    private static let lentzTiny = 1e-300
    /// A continued fraction has converged when a step changes it by at most this factor.
    private static let lentzTolerance = 2 * Double.ulpOfOne

    // MARK: Gamma function pieces

    /// δ(n/2) for n = 1…29, correctly rounded (mpmath, 50 digits): the half-integers below 15, where the shift
    /// below would take up to 29 steps — and ν/2 or ½ is what the t, F and χ² functions pass most often.
    private static let stirlingErrorAtHalves: [Double] = [
        0.15342640972002736, 0.08106146679532726, 0.05481412105191765, 0.0413406959554093,
        0.03316287351993629, 0.02767792568499834, 0.023746163656297496, 0.020790672103765093,
        0.018488450532673187, 0.016644691189821193, 0.015134973221917378, 0.013876128823070748,
        0.012810465242920227, 0.01189670994589177, 0.011104559758206917, 0.010411265261972096,
        0.009799416126158804, 0.009255462182712733, 0.008768700134139386, 0.00833056343336287,
        0.00793411456431402, 0.007573675487951841, 0.007244554301320383, 0.00694284010720953,
        0.006665247032707682, 0.006408994188004207, 0.006171712263039458, 0.0059513701127588475,
        0.0057462165130101155,
    ]

    /// Stirling error δ(z) = lnΓ(z+1) − (z+½)·ln z + z − ½·ln(2π), for z > 0.
    ///
    /// Asymptotic series (Bernoulli numbers up to B₁₄) for z ≥ 15; a table at the half-integers below (as Loader
    /// 2000 and R's `stirlerr`); elsewhere below 15 the exact shift δ(w) = δ(w+1) + (w+½)·ln(1+1/w) − 1 moves the
    /// argument up. Absolute error ~1e-16.
    static func stirlingError(_ z: Double) -> Double {
        if z < 15 {
            let twice = z + z
            if twice >= 1 && twice == twice.rounded(.towardZero) { return stirlingErrorAtHalves[Int(twice) - 1] }
        }
        var w = z, shifted = 0.0
        while w < 15 {
            shifted += stirlingShift(w)
            w += 1
        }
        let r = 1 / w, r2 = r * r
        let series = r * (1.0 / 12 - r2 * (1.0 / 360 - r2 * (1.0 / 1260 - r2 * (1.0 / 1680
            - r2 * (1.0 / 1188 - r2 * (691.0 / 360_360 - r2 / 156))))))
        return shifted + series
    }

    /// (w+½)·ln(1+1/w) − 1 = u²/3 + u⁴/5 + u⁶/7 + … with u = 1/(2w+1); the series avoids the
    /// cancellation of the closed form for w ≥ ½.
    private static func stirlingShift(_ w: Double) -> Double {
        if w < 0.5 { return (w + 0.5) * log1p(1 / w) - 1 }
        let u = 1 / (2 * w + 1), u2 = u * u
        var power = u2, sum = u2 / 3, k = 3.0
        while true {
            power *= u2
            k += 2
            let next = sum + power / k
            if next == sum { return sum }
            sum = next
        }
    }

    /// lnΓ(z) for z > 0 (absolute error ~1e-15·max(1, |lnΓ(z)|)).
    package static func logGamma(_ z: Double) -> Double {
        stirlingError(z) + (z - 0.5) * log(z) - z + halfLogTwoPi
    }

    /// −ln B(a,b) = lnΓ(a+b) − lnΓ(a) − lnΓ(b) for a, b > 0, without cancelling large log-gammas.
    package static func logInverseBeta(_ a: Double, _ b: Double) -> Double {
        let n = a + b
        return stirlingError(n) - stirlingError(a) - stirlingError(b)
            + a * log1p(b / a) + b * log1p(a / b) + 0.5 * log(a / n * b) - halfLogTwoPi
    }

    /// Deviance D = k·ln(k/λ) + λ − k ≥ 0 for k > 0, λ ≥ 0. `difference` must be k − λ, computed by
    /// the caller as accurately as it can (it carries the information when λ ≈ k).
    static func deviance(_ k: Double, _ lambda: Double, difference d: Double) -> Double {
        guard lambda > 0, lambda.isFinite else { return .infinity }
        let v = d / (k + lambda)
        if abs(v) < 0.5 {
            // D = v·d + 2k·(v³/3 + v⁵/5 + …), with v = (k−λ)/(k+λ).
            let v2 = v * v
            var odd = 2 * k * v, sum = v * d, j = 3.0
            while true {
                odd *= v2
                let next = sum + odd / j
                if next == sum { return sum }
                sum = next
                j += 2
            }
        }
        if lambda < k { return -k * log(lambda / k) - d }
        let u = -d / k  // λ/k − 1 > 2
        return k * (u - log1p(u))
    }

    /// x^a·e^(−x)/Γ(a+1) for a > 0, x ≥ 0.
    static func poissonTerm(_ a: Double, _ x: Double) -> Double {
        exp(-stirlingError(a) - deviance(a, x, difference: a - x)) / (2 * Double.pi * a).squareRoot()
    }

    /// x^a·y^b/B(a,b) for a, b > 0 and x, y ∈ [0,1] with x + y = 1; both are passed so that neither
    /// has to be formed as 1 − (the other).
    static func betaPowerTerm(_ a: Double, _ b: Double, _ x: Double, _ y: Double) -> Double {
        let n = a + b
        let d = x <= y ? a - n * x : n * y - b  // a − n·x, from the smaller of x and y
        let deviances = deviance(a, n * x, difference: d) + deviance(b, n * y, difference: -d)
        let stirling = stirlingError(n) - stirlingError(a) - stirlingError(b)
        return exp(stirling - deviances) * (a / n * b / (2 * Double.pi)).squareRoot()
    }

    // MARK: Incomplete beta and gamma

    /// (I_x(a,b), 1 − I_x(a,b)) for a, b > 0, x ∈ [0,1] and y = 1 − x (passed separately).
    static func regularizedBeta(_ a: Double, _ b: Double, x: Double, y: Double)
        -> (lower: Double, upper: Double) {
        if x.isNaN || y.isNaN { return (.nan, .nan) }
        if x <= 0 { return (0, 1) }
        if y <= 0 { return (1, 0) }
        let n = a + b
        // The fraction converges fast for x < (a+1)/(a+b+2); test with the smaller of x and y.
        let direct = x <= y ? x * (n + 2) < a + 1 : y * (n + 2) > b + 1
        if direct {
            let value = min(1, betaPowerTerm(a, b, x, y) / a / betaFraction(a, b, x, y))
            return (value, 1 - value)
        }
        let value = min(1, betaPowerTerm(b, a, y, x) / b / betaFraction(b, a, y, x))
        return (1 - value, value)
    }

    /// Odd contraction F of the continued fraction of A&S 26.5.8, I_x(a,b) = x^a·y^b/(a·B(a,b)) / F:
    /// F = (1+λ)/(a+1) − d₁d₂/(β₁ − d₃d₄/(β₂ − …)), β_m = 1 + d_{2m} + d_{2m+1}, with every β_m
    /// rewritten as a polynomial in λ = a − (a+b)·x so that no partial denominator is formed by
    /// cancellation (the plain form loses ~(a+b)·ε when x is close to 1).
    private static func betaFraction(_ a: Double, _ b: Double, _ x: Double, _ y: Double) -> Double {
        let n = a + b
        let lambda = x <= y ? a - n * x : n * y - b  // a − n·x from the smaller of x and y
        var fraction = guardZero((1 + lambda) / (a + 1))
        var c = fraction, d = 0.0
        let limit = 1000 + 20 * max(a, b).squareRoot()
        var m = 1.0
        while m < limit {
            let twoM = 2 * m
            // −d_{2m−1}·d_{2m}
            let numerator = (a + m - 1) * (n + m - 1) * m * (b - m) * x * x
                / ((a + twoM - 2) * (a + twoM - 1) * (a + twoM - 1) * (a + twoM))
            // 1 + d_{2m} + d_{2m+1} = [polynomial in a, b, m, λ] / ((a+b)(a+2m−1)(a+2m+1))
            let polynomial = a * (a * (twoM + 1) + b * (2 * twoM + 1) + twoM * m - 1) + b * (twoM * twoM - 1)
                + lambda * (a * (n + twoM - 1) - b + twoM * m)
            let denominator = polynomial / (n * (a + twoM - 1) * (a + twoM + 1))
            d = 1 / guardZero(denominator + numerator * d)
            c = guardZero(denominator + numerator / c)
            let step = c * d
            fraction *= step
            if abs(step - 1) <= lentzTolerance { break }
            m += 1
        }
        return fraction
    }

    /// (P(a,x), Q(a,x)), the regularized lower and upper incomplete gamma functions, a > 0, x ≥ 0.
    static func regularizedGamma(_ a: Double, _ x: Double) -> (lower: Double, upper: Double) {
        if x.isNaN { return (.nan, .nan) }
        if x <= 0 { return (0, 1) }
        if x == .infinity { return (1, 0) }
        let term = poissonTerm(a, x)
        if x < a + 1 {
            // P = x^a·e^(−x)/Γ(a+1) · Σ xⁿ/((a+1)…(a+n)); all terms positive.
            var sum = 1.0, power = 1.0, k = a
            while true {
                k += 1
                power *= x / k
                let next = sum + power
                if next == sum { break }
                sum = next
            }
            let p = min(1, term * sum)
            return (p, 1 - p)
        }
        // Q = x^a·e^(−x)/Γ(a) · 1/(x+1−a − 1·(1−a)/(x+3−a − 2·(2−a)/(x+5−a − …))).
        var denominator = (x - a) + 1
        var c = 1 / lentzTiny, d = 1 / denominator, fraction = d
        let limit = 1000 + 20 * a.squareRoot()
        var i = 1.0
        while i < limit {
            let numerator = -i * (i - a)
            denominator += 2
            d = 1 / guardZero(numerator * d + denominator)
            c = guardZero(denominator + numerator / c)
            let step = d * c
            fraction *= step
            if abs(step - 1) <= lentzTolerance { break }
            i += 1
        }
        let q = min(1, a * term * fraction)
        return (1 - q, q)
    }

    private static func guardZero(_ v: Double) -> Double {
        abs(v) < lentzTiny ? lentzTiny : v
    }

    // MARK: Quantile search

    /// Which tail probability a quantile search matches.
    enum Tail { case lower, upper }

    /// Finds x in (lowerBound, upperBound) with probability(x) = target, where `probability` is the
    /// lower (increasing) or upper (decreasing) tail of a continuous distribution with `density`.
    ///
    /// Newton steps on h(x) = ln(probability(x)/target), taken in ln x when `logScale` (x > 0). Where
    /// the density underflows a secant step through the previous point replaces Newton; a step that
    /// leaves the bracket or is not finite is replaced by bisection.
    static func solveQuantile(
        target: Double, tail: Tail, initial: Double, lowerBound: Double, upperBound: Double = .infinity,
        logScale: Bool, probability: (Double) -> Double, density: (Double) -> Double
    ) -> Double {
        var lo = lowerBound, hi = upperBound
        var x = initial
        if !(x > lo && x < hi) { x = midpoint(lo, hi, logScale: logScale) }
        var previousS = Double.nan, previousH = Double.nan  // last point, in the iteration's scale
        for _ in 0..<400 {
            let t = probability(x)
            if t == target { return x }
            if (t < target) == (tail == .lower) { lo = x } else { hi = x }
            let h = log1p((t - target) / target)
            let s = logScale ? log(x) : x
            // dh/ds: ±f/t, times x on the log scale.
            let slope = (tail == .lower ? density(x) : -density(x)) / t * (logScale ? x : 1)
            var step = -h / slope
            if !step.isFinite || slope == 0 { step = -h * (s - previousS) / (h - previousH) }
            var next = logScale ? x * exp(step) : x + step
            // A step this small leaves an error of order step², i.e. below the rounding level.
            if abs(next - x) <= 1e-12 * abs(next) { return next }
            if !(next >= lo && next <= hi) { next = midpoint(lo, hi, logScale: logScale) }
            if next == x { return x }
            if h.isFinite { (previousS, previousH) = (s, h) }
            x = next
        }
        return x
    }

    private static func midpoint(_ lo: Double, _ hi: Double, logScale: Bool) -> Double {
        if hi == .infinity { return lo > 0 ? 4 * lo : 1 }
        if logScale { return lo > 0 ? lo.squareRoot() * hi.squareRoot() : hi / 16 }
        return lo / 2 + hi / 2
    }
}

// CRPS — the continuous ranked probability score CRPS(F, y) = ∫ (F(x) − 1{y ≤ x})² dx, lower is better, in the
// units of y. It equals the MAE for a point forecast and is the probabilistic forecaster's default score.
//
// Policy:
//  1. Gaussian N(μ, σ²): the closed form σ[z(2Φ(z) − 1) + 2φ(z) − 1/√π], z = (y − μ)/σ (Gneiting et al. 2005),
//     = properscoring `crps_gaussian(y, mu, sig)`; σ = 0 gives |y − μ| (properscoring's limit), σ < 0 NaN.
//  1b. Student t with ν > 1 degrees of freedom, location μ, scale σ (F_ν, f_ν the standard t cdf and density):
//     σ[z(2F_ν(z) − 1) + 2f_ν(z)(ν + z²)/(ν − 1) − 2√ν·B(½, ν − ½)/((ν − 1)·B(½, ν/2)²)], z = (y − μ)/σ
//     (Jordan, Krüger & Lerch 2019, "Evaluating probabilistic forecasts with scoringRules", J. Stat. Softw. 90(12);
//     = scoringRules `crps_t(y, df, location, scale)`). The beta ratio is formed from log-betas (no overflow of
//     Γ for large ν); F_ν and f_ν are `StudentT`'s (relative error ≤ 1e-12). ν = +∞ is the Gaussian form, σ = 0
//     gives |y − μ|; ν ≤ 1 (no finite mean, so no finite CRPS), σ < 0 or a NaN input give NaN.
//  2. Ensemble x_1…x_M: (1/M) Σ|x_i − y| − (1/(2M²)) Σ_i Σ_j |x_i − x_j|, the empirical CDF's CRPS
//     (properscoring `crps_ensemble`); the double sum in O(M log M) from the sorted members,
//     Σ_i Σ_j |x_i − x_j| = 2 Σ_k (2k − M + 1) x_(k) (0-based order statistics). `fair: true` divides the second
//     term by 2M(M − 1) instead (Ferro 2014), unbiased for the CRPS of the distribution the members came from.
//     NaN members are dropped; a day without members is NaN.
//  3. Poisson / NB2: the exact sum over the support Σ_{k=0..K} (F(k) − 1{y ≤ k})² (terms F(k)² for k < y,
//     S(k)² = (1 − F(k))² for k ≥ y), K = the first k ≥ y with S(k) < 1e-12 (the reference README's rule; the
//     neglected tail is below 1e-12·E[X]). F and S come from `CountTable` (exact summation, S accurate in the
//     upper tail). Stretches where F is 0 or 1 to within 1e-20 are added in closed form, so an actual far from
//     the mass costs nothing extra. The actual must be a non-negative integer (else NaN).
//  4. Per-day functions return NaN for a day with a NaN input; average them with ``DailyAverage/mean(_:)``.

import ForecastCore
import ForecastData
import ForecastModels
import Foundation

/// Continuous ranked probability scores: Gaussian and Student t (closed forms), ensembles (samples), Poisson and
/// NB2 (exact sums).
public enum CRPS {
    /// CRPS of N(μ, σ²) at y: σ[z(2Φ(z) − 1) + 2φ(z) − 1/√π], z = (y − μ)/σ (properscoring `crps_gaussian`).
    /// |y − μ| when σ = 0; NaN when σ < 0 or any input is NaN.
    public static func gaussian(actual y: Double, mean mu: Double, standardDeviation sigma: Double) -> Double {
        if y.isNaN || mu.isNaN || sigma.isNaN || sigma < 0 { return .nan }
        if sigma == 0 { return abs(y - mu) }
        let z = (y - mu) / sigma
        let cdf = Normal.standardCDF(z), density = Normal.standardDensity(z)
        return sigma * (z * (2 * cdf - 1) + 2 * density - 1 / Double.pi.squareRoot())
    }

    /// Gaussian CRPS per day (the reference's `crps_gaussian_per_day`). Precondition: equal lengths.
    public static func gaussian(actual: [Double], mean: [Double], standardDeviation: [Double]) -> [Double] {
        DailyAverage.requireAligned("CRPS.gaussian", actual.count, mean.count, standardDeviation.count)
        return actual.indices.map { gaussian(actual: actual[$0], mean: mean[$0], standardDeviation: standardDeviation[$0]) }
    }

    /// CRPS of the location–scale Student t (ν degrees of freedom, location μ, scale σ) at y, in the units of y
    /// (policy 1b): σ[z(2F_ν(z) − 1) + 2f_ν(z)(ν + z²)/(ν − 1) − 2√ν·B(½, ν − ½)/((ν − 1)·B(½, ν/2)²)],
    /// z = (y − μ)/σ (scoringRules `crps_t(y, df = ν, location = μ, scale = σ)`). The predictive variance is
    /// σ²ν/(ν − 2) for ν > 2; σ is the scale, not the standard deviation.
    /// |y − μ| when σ = 0; the Gaussian closed form when ν = +∞; NaN when ν ≤ 1, σ < 0 or an input is NaN.
    /// Cost: one t cdf and density and three log-beta evaluations (about a microsecond).
    public static func studentT(actual y: Double, location mu: Double, scale sigma: Double,
                                degreesOfFreedom nu: Double) -> Double {
        guard !nu.isNaN, nu > 1 else { return .nan }
        if nu.isInfinite { return gaussian(actual: y, mean: mu, standardDeviation: sigma) }
        return studentT(actual: y, location: mu, scale: sigma, distribution: StudentT(degreesOfFreedom: nu),
                        constant: studentTConstant(degreesOfFreedom: nu))
    }

    /// 2√ν·B(½, ν − ½)/((ν − 1)·B(½, ν/2)²), the z-free term of the Student-t CRPS for ν > 1 (→ 1/√π as ν → ∞);
    /// NaN for ν ≤ 1 or NaN, 1/√π for ν = +∞.
    static func studentTConstant(degreesOfFreedom nu: Double) -> Double {
        guard !nu.isNaN, nu > 1 else { return .nan }
        if nu.isInfinite { return 1 / Double.pi.squareRoot() }
        // ln B(½, ν − ½) − 2 ln B(½, ν/2), from −ln B = logInverseBeta.
        let logRatio = 2 * SpecialFunctions.logInverseBeta(0.5, nu / 2) - SpecialFunctions.logInverseBeta(0.5, nu - 0.5)
        return 2 * nu.squareRoot() / (nu - 1) * exp(logRatio)
    }

    /// The Student-t CRPS with the distribution and constant precomputed, for scoring many values with one ν
    /// (`constant` = ``studentTConstant(degreesOfFreedom:)`` of `distribution.degreesOfFreedom`); same value and
    /// NaN rules as ``studentT(actual:location:scale:degreesOfFreedom:)``.
    static func studentT(actual y: Double, location mu: Double, scale sigma: Double, distribution t: StudentT,
                                constant: Double) -> Double {
        let nu = t.degreesOfFreedom
        if y.isNaN || mu.isNaN || sigma.isNaN || sigma < 0 || !(nu > 1) { return .nan }
        if sigma == 0 { return abs(y - mu) }
        if nu.isInfinite { return gaussian(actual: y, mean: mu, standardDeviation: sigma) }
        let z = (y - mu) / sigma
        // Past |z| = 1e100 the density term (of order |z|^(1−ν)) and the constant are below an ulp of z(2F − 1)
        // ≈ |z|; dropping the density term there also keeps z² from overflowing (and ±∞ from giving 0·∞).
        let density = abs(z) > 1e100 ? 0 : 2 * t.density(z) * (nu + z * z) / (nu - 1)
        return sigma * (z * (2 * t.cdf(z) - 1) + density - constant)
    }

    /// CRPS of the empirical distribution of `members` at y:
    /// (1/M) Σ|x_i − y| − (1/(2M²)) Σ_i Σ_j |x_i − x_j| (properscoring `crps_ensemble`, the "biased" form);
    /// with `fair: true` the second term is divided by 2M(M − 1) instead (Ferro 2014; needs M ≥ 2).
    /// NaN members are dropped; NaN when y is NaN or no member is left. O(M log M).
    public static func ensemble(actual y: Double, members: [Double], fair: Bool = false) -> Double {
        if y.isNaN { return .nan }
        return ensemble(actual: y, sortedMembers: members.filter { !$0.isNaN }.sorted(), fair: fair)
    }

    /// The same for members already in ascending order without NaN (no copy, no sort; the same value).
    static func ensemble(actual y: Double, sortedMembers sorted: [Double], fair: Bool = false) -> Double {
        if y.isNaN { return .nan }
        let m = sorted.count
        if m == 0 || (fair && m < 2) { return .nan }
        var spread = CompensatedSum(), distance = CompensatedSum()
        for (k, x) in sorted.enumerated() {
            distance.add(abs(x - y))
            spread.addProduct(Double(2 * k - m + 1), x)  // ½ Σ_i Σ_j |x_i − x_j|
        }
        let count = Double(m)
        let pairs = fair ? count * (count - 1) : count * count
        return distance.value / count - spread.value / pairs
    }

    /// Ensemble CRPS per day; `members[t]` are day t's members (the reference's `crps_ensemble_per_day`).
    /// Precondition: one member list per day.
    public static func ensemble(actual: [Double], members: [[Double]], fair: Bool = false) -> [Double] {
        DailyAverage.requireAligned("CRPS.ensemble", actual.count, members.count)
        return actual.indices.map { ensemble(actual: actual[$0], members: members[$0], fair: fair) }
    }

    /// Exact CRPS of a Poisson or NB2 predictive distribution at the count y (policy 3):
    /// Σ_{k<y} F(k)² + Σ_{k=y..K} (1 − F(k))², K = the first k ≥ y with 1 − F(k) < 1e-12.
    /// NaN when y is not a non-negative integer or the parameters are invalid.
    public static func count(actual y: Double, distribution: CountDistribution) -> Double {
        guard CountDistribution.isCount(y), y < 0x1p52, let table = CountTable(distribution) else { return .nan }
        let n = Int(y)
        var sum = CompensatedSum()
        // k < y: F(k)², with F = 0 below the table and F = 1 past its end.
        let lowEnd = min(n, table.last + 1)
        if table.first < lowEnd {
            for k in table.first..<lowEnd {
                let f = table.cdf(k)
                sum.add(f * f)
            }
        }
        if n > table.last + 1 { sum.add(Double(n - table.last - 1)) }
        // k ≥ y: S(k)², with S = 1 below the table, until S(k) < 1e-12 (that term included).
        var k = n
        if k < table.first {
            sum.add(Double(table.first - k))
            k = table.first
        }
        while true {
            let s = table.survival(k)
            sum.add(s * s)
            if s < 1e-12 { break }
            k += 1
        }
        return sum.value
    }

    /// NB2 CRPS per day with mean `mean[t]` and dispersion `alpha[t]` (Var = μ + αμ²; α = 0 is Poisson).
    /// The reference's `crps_nb_per_day`. Precondition: equal lengths.
    public static func negativeBinomial(actual: [Double], mean: [Double], alpha: [Double]) -> [Double] {
        DailyAverage.requireAligned("CRPS.negativeBinomial", actual.count, mean.count, alpha.count)
        return actual.indices.map {
            count(actual: actual[$0], distribution: .negativeBinomial(mean: mean[$0], alpha: alpha[$0]))
        }
    }

    /// Poisson CRPS per day with mean `mean[t]`. Precondition: equal lengths.
    public static func poisson(actual: [Double], mean: [Double]) -> [Double] {
        DailyAverage.requireAligned("CRPS.poisson", actual.count, mean.count)
        return actual.indices.map { count(actual: actual[$0], distribution: .poisson(mean: mean[$0])) }
    }
}

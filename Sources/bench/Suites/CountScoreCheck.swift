import BenchHarness
import Foundation

/// The known answers a Poisson or NB2 fit on `CountProblem` data is checked against, computed here from the
/// inputs and the estimates alone (nothing but β̂, α̂ and the standard errors is taken from the fit):
///
/// 1. Score at the optimum, the stronger check: with μᵢ = exp(xᵢ′β̂) recomputed from X,
///    g_j = Σᵢ x_ij (yᵢ − μᵢ)/(1 + α̂μᵢ) (α̂ = 0 for Poisson) must be 0 relative to its scale
///    Σᵢ |x_ij (yᵢ − μᵢ)/(1 + α̂μᵢ)|; for NB2 also ∂ℓ/∂α = Σᵢ −θ²[Σ_{k<yᵢ} 1/(θ+k) − ln(1 + α̂μᵢ) +
///    (μᵢ − yᵢ)/(θ + μᵢ)] with θ = 1/α̂ (the digamma difference summed exactly), relative to Σᵢ |·|.
/// 2. Truth within `standardErrors` SEs: |β̂_j − β_j| ≤ 5 SE_j, and |α̂ − 0.5| ≤ 5 SE(α̂). Poisson's model SEs
///    ignore the overdispersion of NB2 data, so they are scaled by √φ, φ = Pearson χ²/(n − p) (quasi-Poisson).
enum CountScoreCheck {
    /// Relative size allowed for the score components (measured: 1e-16 to 6e-14 at every size, so an optimizer
    /// stopping orders of magnitude early fails).
    static let scoreTolerance = 1e-9
    /// How many standard errors the estimates may be from the truth.
    static let standardErrors = 5.0

    /// The largest relative score component found (for reporting), after all checks passed.
    @discardableResult
    static func verify(estimates: [Double], standardErrors se: [Double], alpha: Double?, alphaStandardError: Double?,
                       problem: CountProblem) throws(SelfCheckFailure) -> Double {
        let n = problem.rows, p = problem.columns, x = problem.x, y = problem.y
        try SelfCheckFailure.require(estimates.count == p && se.count == p, "number of estimates",
                                     expected: "\(p)", found: "\(estimates.count) estimates, \(se.count) SEs")
        try SelfCheckFailure.require(estimates.allSatisfy(\.isFinite) && se.allSatisfy { $0.isFinite && $0 > 0 },
                                     "estimates and SEs", expected: "finite, SEs > 0", found: "\(estimates), \(se)")
        var mu = [Double](repeating: 0, count: n)
        for i in 0..<n {
            var eta = 0.0
            for j in 0..<p { eta += x[j * n + i] * estimates[j] }
            mu[i] = exp(eta)
        }
        let a = alpha ?? 0
        var worst = 0.0
        for j in 0..<p {
            var score = 0.0, scale = 0.0
            for i in 0..<n {
                let term = x[j * n + i] * (y[i] - mu[i]) / (1 + a * mu[i])
                score += term
                scale += abs(term)
            }
            let relative = abs(score) / scale
            worst = max(worst, relative)
            try SelfCheckFailure.require(relative <= scoreTolerance, "score of column \(j) at the optimum",
                                         expected: "|g| ≤ \(scoreTolerance) × \(scale)", found: "g = \(score)")
        }
        if let alpha {
            let theta = 1 / alpha
            var score = 0.0, scale = 0.0
            for i in 0..<n {
                var digammaDifference = 0.0
                for k in 0..<Int(y[i]) { digammaDifference += 1 / (theta + Double(k)) }
                let term = -theta * theta * (digammaDifference - log1p(alpha * mu[i]) + (mu[i] - y[i]) / (theta + mu[i]))
                score += term
                scale += abs(term)
            }
            let relative = abs(score) / scale
            worst = max(worst, relative)
            try SelfCheckFailure.require(relative <= scoreTolerance, "α score at the optimum",
                                         expected: "|∂ℓ/∂α| ≤ \(scoreTolerance) × \(scale)", found: "\(score)")
        }
        // Truth within a few SEs.
        var dispersion = 1.0
        if alpha == nil {
            var pearson = 0.0
            for i in 0..<n { pearson += (y[i] - mu[i]) * (y[i] - mu[i]) / mu[i] }
            dispersion = pearson / Double(n - p)
        }
        let truth = problem.trueCoefficients
        for j in 0..<p {
            let allowed = standardErrors * se[j] * dispersion.squareRoot()
            try SelfCheckFailure.require(abs(estimates[j] - truth[j]) <= allowed, "β̂\(j) against the true β\(j)",
                                         expected: "\(truth[j]) ± \(allowed)", found: "\(estimates[j])")
        }
        if let alpha {
            let allowed = standardErrors * (alphaStandardError ?? .nan)
            try SelfCheckFailure.require(abs(alpha - CountProblem.alpha) <= allowed, "α̂ against the true α",
                                         expected: "\(CountProblem.alpha) ± \(allowed)", found: "\(alpha)")
        }
        return worst
    }
}

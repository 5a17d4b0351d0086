import ForecastCore
import ForecastModels
import Foundation

/// Screening statistics for the trend hinges max(0, t − c) one forward changepoint step may add: one number per
/// candidate knot c, on the scale of a likelihood-ratio statistic, computed from the current fit without refitting
/// any candidate.
///
/// Policy:
/// 1. The current fit is held where it is (β̂ over the kept columns, NB2's α fixed): per row the score contribution
///    s = (y − μ)/(1 + αμ) and the Fisher weight w = μ/(1 + αμ) (Poisson: α = 0; least squares: s = y − μ, w = 1).
///    For a hinge z: U = Σ s z, the efficient information D = z′Wz − ‖R⁻ᵀ X′Wz‖² (R: the QR factor of √W X),
///    the Newton step γ = U/D on z and −γ a on β̂, a = (X′WX)⁻¹ X′Wz.
/// 2. Least squares: the statistic is U²/D, exactly the fall in the residual sum of squares when z is added.
/// 3. Count models: the score statistic U²/D ranks large effects poorly (on the shipped equipment `drone` series
///    the hinge with the best refitted BIC was 58th of 215 by score), so the statistic is twice the log-likelihood
///    gain maximised along the Newton direction d = z − X a, by safeguarded Newton steps on that line from t = γ
///    until the Newton decrement is below 1e-8 (`HingeScreen+LineSearch.swift`). It is a lower bound of
///    the likelihood-ratio statistic of the refit (a point on a line through the space the refit searches).
/// 4. Cost: one QR of √W X (O(n k²)); one sweep over the rows in descending t with running sums (O(n k)); per knot
///    a k×k triangular solve, and for count models O(n k) for X a and O(n) per line-search pass.
/// 5. The sweep keeps Σ w(t − c)ᵖ and Σ w x (t − c) relative to the current knot and moves them to the next knot
///    by (t − c′) = (t − c) + (c − c′), so no sum subtracts two large, nearly equal numbers. A hinge whose
///    efficient information is at the rounding level (D ≤ 64 ε z′Wz: z lies in the span of X to rounding) gets 0.
struct HingeScreen {
    /// The kept columns of the current design, n×k.
    let x: Matrix
    let response: [Double]
    /// Ascending: the sweep relies on it.
    let trend: [Double]
    let kind: RegressionKind
    /// NB2's fixed α (nil: Poisson or least squares).
    let alpha: Double?
    /// Current linear predictor, score contributions and Fisher weights per row.
    let eta: [Double]
    let score: [Double]
    let weight: [Double]

    /// The screen at a fit with estimates `beta` (over the design's columns) of which `kept` were estimated.
    init(design: Matrix, kept: [Int], beta: [Double], response y: [Double], trend: [Double], kind: RegressionKind,
         alpha: Double?) {
        x = design.selectingColumns(kept)
        response = y
        self.trend = trend
        self.kind = kind
        self.alpha = kind == .nb2 ? alpha : nil
        eta = x.multiplied(by: kept.map { beta[$0] })
        var s = [Double](repeating: 0, count: y.count), w = [Double](repeating: 1, count: y.count)
        for i in y.indices {
            if kind == .ols {
                s[i] = y[i] - eta[i]
            } else {
                let mu = exp(min(eta[i], 700)), scale = 1 + (self.alpha ?? 0) * mu
                s[i] = (y[i] - mu) / scale
                w[i] = mu / scale
            }
        }
        score = s
        weight = w
    }

    /// One statistic per knot (years on the trend's scale, ascending); higher = a larger likelihood gain.
    func statistics(knots: [Double], workspace: inout LeastSquaresWorkspace) -> [Double] {
        let steps = newtonSteps(knots: knots, workspace: &workspace)
        if kind == .ols { return steps.map { $0?.scoreStatistic ?? 0 } }
        let base = logLikelihood(along: [Double](repeating: 0, count: response.count), at: 0)
        return knots.indices.map { m in steps[m].map { 2 * lineSearchGain(knot: knots[m], step: $0, base: base) } ?? 0 }
    }

    /// The Newton step from the current fit towards adding the hinge at a knot (policy 1).
    struct NewtonStep {
        /// (X′WX)⁻¹ X′Wz over the kept columns.
        let projection: [Double]
        /// U/D.
        let gamma: Double
        /// U²/D.
        let scoreStatistic: Double
    }

    /// The sweep (policy 5): nil for a knot whose hinge is in the span of X.
    func newtonSteps(knots: [Double], workspace: inout LeastSquaresWorkspace) -> [NewtonStep?] {
        let n = response.count
        let layout = workspace.factor(x, rowScale: weight.map { $0.squareRoot() },
                                      tolerance: LeastSquaresWorkspace.defaultAliasingTolerance)
        let r = workspace.triangularFactor(layout: layout)
        let columns = layout.kept
        let k = columns.count
        var steps = [NewtonStep?](repeating: nil, count: knots.count)
        var s0 = 0.0, s1 = 0.0, s2 = 0.0, u0 = 0.0, u1 = 0.0
        var p = [Double](repeating: 0, count: k), q = [Double](repeating: 0, count: k)
        var row = n - 1
        var current = knots.last ?? 0
        for m in knots.indices.reversed() {
            let c = knots[m], delta = current - c
            s2 += 2 * delta * s1 + delta * delta * s0
            s1 += delta * s0
            u1 += delta * u0
            for j in 0..<k { p[j] += delta * q[j] }
            current = c
            while row >= 0 && trend[row] > c {
                let d = trend[row] - c, wi = weight[row], si = score[row]
                s0 += wi; s1 += wi * d; s2 += wi * d * d
                u0 += si; u1 += si * d
                for j in 0..<k {
                    let wx = wi * x[row, columns[j]]
                    q[j] += wx
                    p[j] += wx * d
                }
                row -= 1
            }
            // v = R⁻ᵀ X′Wz (forward substitution), D = z′Wz − ‖v‖², a = R⁻¹ v (back substitution).
            var v = p
            var projected = 0.0
            for j in 0..<k {
                for i in 0..<j { v[j] -= r[i, j] * v[i] }
                v[j] /= r[j, j]
                projected += v[j] * v[j]
            }
            let information = s2 - projected
            guard information > 64 * Double.ulpOfOne * s2 else { continue }
            var a = [Double](repeating: 0, count: x.columns)
            var solved = v
            for j in stride(from: k - 1, through: 0, by: -1) {
                for i in (j + 1)..<k { solved[j] -= r[j, i] * solved[i] }
                solved[j] /= r[j, j]
                a[columns[j]] = solved[j]
            }
            steps[m] = NewtonStep(projection: a, gamma: u1 / information, scoreStatistic: u1 * u1 / information)
        }
        return steps
    }
}

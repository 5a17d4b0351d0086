// Point estimation for count models: Poisson by IRLS; NB2 with α fixed by IRLS; NB2 with α estimated by
// maximum likelihood.
//
// NB2 policy (convergence rule documented in Guides/NegativeBinomial.md):
// 1. Start: two Poisson IRLS steps from R's start (or the caller's β; the first step's QR fixes the aliasing
//    layout), α₀ from the moments Σ[(y−μ)² − μ] / Σ μ², clamped to [1e-4, 1e2]. A caller's (β, α) warm start (a
//    refit on a little more data) replaces both: one QR of the working-weighted design at that start gives the
//    layout, and the joint Newton starts there; if it fails, the cold route runs.
// 2. Joint Newton on (β, α) with the analytic observed information (`NegativeBinomialObjective`: one exp and one
//    log1p per observation per trial point, the count-only terms summed once per data set), step-halving on
//    likelihood decrease, until every step component is below 1e-10·(1 + |θ|). The optimum carries its observed
//    information, ℓ and deviance, so the fit computes none of them again.
// 3. Fallback when Newton fails (information not positive definite, α heading to 0, no convergence): the converged
//    Poisson fit, then alternate IRLS for β at fixed α (warm-started) with Newton on t = ln α at fixed μ
//    (step-halving on likelihood decrease), until the log-likelihood changes by < 1e-13·(1 + |ℓ|) and α by < 1e-10
//    relative (cap: `maxIterations` outer steps → `ModelError.noConvergence`); then up to four joint Newton steps,
//    accepted only when the likelihood does not decrease.
// 4. α below 1e-8 (ln α heading to −∞ with a negative score) is the Poisson limit: the Poisson fit is returned
//    with `isPoissonLimit`.
import ForecastCore
import ForecastData
import Foundation

struct CountEstimation {
    var layout: QRLayout
    var coefficients: [Double]
    var mu: [Double]
    var eta: [Double]
    var deviance: Double
    var family: ResponseFamily
    var alphaEstimated: Bool
    var isPoissonLimit: Bool
    var iterations: Int
    /// NB2 with α estimated: minus the Hessian of ℓ in (β, α) at the estimate, α last ((k+1)²).
    var observedInformation: Matrix? = nil
    /// NB2 with α estimated: ℓ at the estimate (computed by the other routes from μ̂ and the family).
    var logLikelihood: Double? = nil

    static let poissonLimit = 1e-8
    /// Poisson IRLS steps that start the joint NB2 Newton (the layout is the first step's). Chosen by callgrind on
    /// the bench's nb2 1500x15 and 100000x20 inputs: 1 step leaves 7 Newton iterations, 2 leave 5, 3 and the
    /// converged Poisson fit (5 steps) still 5; 2 costs the fewest instructions.
    static let startIterations = 2

    static func run(x: Matrix, names: [String], y: [Double], offset: [Double]?, weights: [Double]?, start: [Double]?,
                    startAlpha: Double? = nil, options: CountRegression,
                    workspace: inout LeastSquaresWorkspace) throws(ModelError) -> CountEstimation {
        func irls(_ family: ResponseFamily, _ start: [Double]?, stopAfter: Int? = nil) throws(ModelError) -> IRLSResult {
            try IterativelyReweightedLeastSquares(family: family, tolerance: options.tolerance,
                                                  maxIterations: options.maxIterations, stopAfter: stopAfter)
                .fit(x: x, y: y, offset: offset, priorWeights: weights, start: start, workspace: &workspace)
        }
        func result(_ r: IRLSResult, _ family: ResponseFamily, estimated: Bool, limit: Bool, iterations: Int) throws(ModelError) -> CountEstimation {
            try checkSeparation(x: x, names: names, mu: r.mu, layout: r.layout)
            return CountEstimation(layout: r.layout, coefficients: r.coefficients, mu: r.mu, eta: r.eta, deviance: r.deviance,
                            family: family, alphaEstimated: estimated, isPoissonLimit: limit, iterations: iterations)
        }
        switch options.distribution {
        case .poisson:
            let r = try irls(.poisson, start)
            return try result(r, .poisson, estimated: false, limit: false, iterations: r.iterations)
        case .negativeBinomial(.fixed(let alpha)):
            let r = try irls(.negativeBinomial(alpha: alpha), start)
            return try result(r, .negativeBinomial(alpha: alpha), estimated: false, limit: false, iterations: r.iterations)
        case .negativeBinomial(.estimated):
            break
        }

        // NB2, α by maximum likelihood.
        if let start, let startAlpha,
           let warm = warmJoint(x: x, y: y, offset: offset, weights: weights, beta: start, alpha: startAlpha,
                                workspace: &workspace) {
            try checkSeparation(x: x, names: names, mu: warm.mu, layout: warm.layout)
            return warm
        }
        // Start: the first Poisson IRLS steps from R's start (the first fixes the aliasing layout), α from moments.
        let poissonStart = try irls(.poisson, start, stopAfter: startIterations)
        let layout = poissonStart.layout
        let keptX = layout.aliased.isEmpty ? x : x.selectingColumns(layout.kept)
        // Fast path: joint Newton on (β, α) (statsmodels' route); the alternation below is the robust fallback when
        // the information is not positive definite, α heads to 0, or Newton stalls.
        if let joint = jointNewton(x: keptX, y: y, offset: offset, weights: weights, beta: poissonStart.coefficients,
                                   alpha: momentAlpha(y: y, mu: poissonStart.mu, weights: weights)) {
            try checkSeparation(x: x, names: names, mu: joint.point.mu, layout: layout)
            return estimatedAlpha(layout: layout, optimum: joint, iterations: poissonStart.iterations + joint.iterations)
        }
        let first = try irls(.poisson, start)
        var total = first.iterations
        func full(_ kept: [Double]) -> [Double] {
            var b = [Double](repeating: 0, count: x.columns)
            for (position, j) in layout.kept.enumerated() { b[j] = kept[position] }
            return b
        }
        var alpha = momentAlpha(y: y, mu: first.mu, weights: weights)
        var current = first
        var llf = -Double.infinity
        var converged = false
        var lastChange = Double.infinity
        for _ in 0..<options.maxIterations {
            current = try irls(.negativeBinomial(alpha: alpha), full(current.coefficients))
            total += current.iterations
            let newAlpha = maximizeAlpha(y: y, mu: current.mu, weights: weights, from: alpha)
            if newAlpha < poissonLimit {
                return try result(first, .poisson, estimated: true, limit: true, iterations: total)
            }
            let newLLF = logLikelihood(y: y, mu: current.mu, alpha: newAlpha, weights: weights)
            lastChange = abs(newLLF - llf) / (1 + abs(newLLF))
            let alphaChange = abs(newAlpha - alpha) / alpha
            alpha = newAlpha
            llf = newLLF
            if lastChange < 1e-13 && alphaChange < 1e-10 { converged = true; break }
        }
        guard converged else {
            throw .noConvergence(method: "NB2 maximum likelihood (alternating β and α)",
                                 iterations: options.maxIterations, lastChange: lastChange)
        }
        // Joint Newton polish on (β, α).
        var objective = NegativeBinomialObjective(x: keptX, y: y, offset: offset, weights: weights)
        var point = NegativeBinomialObjective.Point(rows: x.rows)
        var trial = point
        objective.evaluate(beta: current.coefficients, alpha: alpha, into: &point)
        for _ in 0..<4 {
            let (gradient, information) = objective.derivatives(at: point)
            guard let inverse = try? information.inverseOfPositiveDefinite() else { break }
            let step = inverse.multiplied(by: gradient)
            let accepted = objective.halvingStep(from: &point, trial: &trial, step: step, tries: 10) { trial, kernel in
                trial >= kernel - 1e-12 * abs(kernel)
            }
            let size = step.map(abs).max() ?? 0
            if accepted == nil || size < 1e-12 { break }
        }
        try checkSeparation(x: x, names: names, mu: point.mu, layout: layout)
        return estimatedAlpha(layout: layout, optimum: objective.optimum(at: point, iterations: total), iterations: total)
    }

    /// The NB2 estimate with α by maximum likelihood at an optimum (with its information, ℓ and deviance).
    static func estimatedAlpha(layout: QRLayout, optimum: NegativeBinomialObjective.Optimum,
                               iterations: Int) -> CountEstimation {
        let point = optimum.point
        return CountEstimation(layout: layout, coefficients: point.beta, mu: point.mu, eta: point.eta,
                               deviance: optimum.deviance, family: .negativeBinomial(alpha: point.alpha),
                               alphaEstimated: true, isPoissonLimit: false, iterations: iterations,
                               observedInformation: optimum.information, logLikelihood: optimum.logLikelihood)
    }

    /// Fitted means below this are "numerically zero" (R's glm.fit warns at 10ε; converged IRLS on separated data
    /// stops around η ≈ −30, so a looser bound is used).
    static let collapsedMean = 1e-10

    /// Separation-like data: some fitted means collapsed to ~0 because a coefficient is heading to −∞. Names the
    /// columns that are non-zero only on such rows.
    static func checkSeparation(x: Matrix, names: [String], mu: [Double], layout: QRLayout) throws(ModelError) {
        let collapsed = mu.indices.filter { mu[$0] < collapsedMean }
        guard !collapsed.isEmpty else { return }
        let collapsedSet = Set(collapsed)
        let culprits = layout.kept.filter { j in
            var any = false
            for i in 0..<x.rows where x[i, j] != 0 {
                if !collapsedSet.contains(i) { return false }
                any = true
            }
            return any
        }
        throw .separation(columns: culprits.map { names[$0] }, rows: collapsed.count)
    }

    /// The warm route of policy 1: layout from one QR of √w·X at the start (w = NB2 working weight × prior weight),
    /// then `jointNewton` from (β, α) over the kept columns. nil when the start is unusable or Newton fails.
    static func warmJoint(x: Matrix, y: [Double], offset: [Double]?, weights: [Double]?, beta start: [Double],
                          alpha: Double, workspace: inout LeastSquaresWorkspace) -> CountEstimation? {
        guard start.allSatisfy(\.isFinite), alpha.isFinite, alpha > 0 else { return nil }
        var eta = x.multiplied(by: start)
        let family = ResponseFamily.negativeBinomial(alpha: alpha)
        var rowScale = [Double](repeating: 0, count: x.rows)
        for i in eta.indices {
            eta[i] += offset?[i] ?? 0
            let w = family.workingWeight(exp(eta[i])) * (weights?[i] ?? 1)
            guard w.isFinite else { return nil }
            rowScale[i] = w.squareRoot()
        }
        let layout = workspace.factor(x, rowScale: rowScale, tolerance: LeastSquaresWorkspace.defaultAliasingTolerance)
        guard layout.nonFiniteColumn == nil, layout.rank > 0 else { return nil }
        let keptX = layout.aliased.isEmpty ? x : x.selectingColumns(layout.kept)
        guard let joint = jointNewton(x: keptX, y: y, offset: offset, weights: weights,
                                      beta: layout.kept.map { start[$0] }, alpha: alpha) else { return nil }
        return estimatedAlpha(layout: layout, optimum: joint, iterations: joint.iterations)
    }

    /// Newton's method on the joint (β, α) likelihood with the analytic observed information and step-halving
    /// (a step is accepted when ℓ does not fall by more than rounding, 1e-10·(1+|ℓ|), and keeps α > 0). Converged
    /// when every component of the step is below 1e-10·(1+|θ|). Returns nil — the caller falls back to the
    /// alternation — when the information is not positive definite, α falls below 1e-6, or 100 steps do not converge.
    static func jointNewton(x: Matrix, y: [Double], offset: [Double]?, weights: [Double]?, beta start: [Double],
                            alpha startAlpha: Double) -> NegativeBinomialObjective.Optimum? {
        var objective = NegativeBinomialObjective(x: x, y: y, offset: offset, weights: weights)
        var current = NegativeBinomialObjective.Point(rows: x.rows)
        var trial = current
        objective.evaluate(beta: start, alpha: startAlpha, into: &current)
        guard current.kernel.isFinite else { return nil }
        for iteration in 1...100 {
            let (gradient, information) = objective.derivatives(at: current)
            guard let inverse = try? information.inverseOfPositiveDefinite() else { return nil }
            let step = inverse.multiplied(by: gradient)
            let accepted = objective.halvingStep(from: &current, trial: &trial, step: step, tries: 30) { trial, llf in
                trial.isFinite && trial >= llf - 1e-10 * (1 + abs(llf))
            }
            guard let scale = accepted, current.alpha >= 1e-6 else { return nil }
            let theta = current.beta + [current.alpha]
            if zip(step, theta).allSatisfy({ abs(scale * $0.0) <= 1e-10 * (1 + abs($0.1)) }) {
                return objective.optimum(at: current, iterations: iteration)
            }
        }
        return nil
    }

    static func momentAlpha(y: [Double], mu: [Double], weights: [Double]?) -> Double {
        var numerator = 0.0, denominator = 0.0
        for i in y.indices {
            let w = weights?[i] ?? 1
            let r = y[i] - mu[i]
            numerator += w * (r * r - mu[i])
            denominator += w * mu[i] * mu[i]
        }
        return min(100, max(1e-4, numerator / denominator))
    }

    static func logLikelihood(y: [Double], mu: [Double], alpha: Double, weights: [Double]?) -> Double {
        logLikelihoodKernel(y: y, mu: mu, alpha: alpha, weights: weights) - logFactorialSum(y: y, weights: weights)
    }

    /// Σ wᵢ (ℓᵢ + ln yᵢ!): the likelihood up to a constant, for comparisons inside one fit.
    static func logLikelihoodKernel(y: [Double], mu: [Double], alpha: Double, weights: [Double]?) -> Double {
        var sum = 0.0
        var memo = LogGammaRatioMemo(theta: 1 / alpha, counts: y)
        for i in y.indices {
            let term = NegativeBinomial.logProbabilityKernel(y[i], mu: mu[i], alpha: alpha,
                                                                      logGammaRatio: memo.value(y[i]))
            sum += weights.map { $0[i] * term } ?? term
        }
        return sum
    }

    static func logFactorialSum(y: [Double], weights: [Double]?) -> Double {
        var memo = LogFactorialMemo(counts: y)
        var sum = 0.0
        for i in y.indices { sum += (weights?[i] ?? 1) * memo.value(y[i]) }
        return sum
    }

    /// Maximizes the NB2 likelihood over α at fixed μ: Newton on t = ln α with step-halving; returns a value
    /// below `poissonLimit` when the maximum is at the boundary α → 0.
    static func maximizeAlpha(y: [Double], mu: [Double], weights: [Double]?, from start: Double) -> Double {
        var t = log(start)
        var value = logLikelihood(y: y, mu: mu, alpha: start, weights: weights)
        for _ in 0..<200 {
            let alpha = exp(t)
            var score = 0.0, second = 0.0
            let table = PolygammaTable(theta: 1 / alpha, counts: y)
            for i in y.indices {
                let w = weights?[i] ?? 1
                let d = NegativeBinomialLikelihood.alphaDerivatives(y[i], mu: mu[i], alpha: alpha, table: table)
                score += w * d.score
                second += w * d.second
            }
            let dt = alpha * score                       // dℓ/dt
            let d2t = alpha * alpha * second + alpha * score
            var step = d2t < 0 ? -dt / d2t : (dt > 0 ? 1 : -1)
            step = max(-5, min(5, step))
            var accepted = false
            for _ in 0..<40 {
                let candidate = t + step
                let candidateValue = logLikelihood(y: y, mu: mu, alpha: exp(candidate), weights: weights)
                if candidateValue >= value - 1e-12 * (1 + abs(value)) {
                    t = candidate
                    value = candidateValue
                    accepted = true
                    break
                }
                step *= 0.5
            }
            if exp(t) < poissonLimit && dt < 0 { return exp(t) }
            if !accepted || abs(step) < 1e-12 { break }
        }
        return exp(t)
    }
}

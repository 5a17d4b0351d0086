// Iteratively reweighted least squares for log-link (and identity-link) GLMs on the shared QR solver.
//
// Policy:
// 1. Each iteration solves the weighted least-squares problem √W X β = √W z with the same Householder QR
//    and aliasing rule as OLS (`LeastSquaresWorkspace`): W = prior weight × working weight, z = η − offset +
//    (y − μ) g′(μ). Aliasing is decided on the first iteration; later iterations use the kept columns.
// 2. Start: a given β (warm start), else R's `mustart` (μ = y + 0.1 for counts; y for Gaussian).
// 3. Step-halving: when the deviance increases or becomes non-finite, the step is halved (up to 30 times).
// 4. Convergence: |D − D_prev| / (|D| + 0.1) < `tolerance` (R's `glm.control` rule; default 1e-12, tighter
//    than R's 1e-8, so estimates match the references to ~1e-10), or a change within 64·ε·Σ w(y + μ), the
//    deviance's rounding level (a fit that reproduces the data, e.g. constant counts). Not converged after `maxIterations`
//    (default 100) is an error carrying the iterations and the last change — never a silent warning.
// 5. Divergence: a fitted mean below 1e-300 or above 1e300 (η outside ±690) is reported as separation-like
//    divergence, naming the count of such rows.
import ForecastCore
import ForecastData
import Foundation

struct IRLSResult {
    var layout: QRLayout
    /// Coefficients of the kept columns.
    var coefficients: [Double]
    var mu: [Double]
    var eta: [Double]
    var deviance: Double
    var iterations: Int
}

struct IterativelyReweightedLeastSquares {
    var family: ResponseFamily
    var tolerance: Double = 1e-12
    var maxIterations: Int = 100
    /// When set, `fit` returns after this many iterations, converged or not: a start for another method.
    var stopAfter: Int? = nil
    var aliasingTolerance: Double = LeastSquaresWorkspace.defaultAliasingTolerance

    /// Fits; `start` is a full-length β over the design's columns (aliased entries ignored) or nil.
    func fit(x: Matrix, y: [Double], offset: [Double]?, priorWeights: [Double]?, start: [Double]?,
             workspace: inout LeastSquaresWorkspace) throws(ModelError) -> IRLSResult {
        precondition(family.usesLogLink, "IRLS fits the log-link count families")
        let n = x.rows
        let path = KernelPath.current
        var eta: [Double]
        var mu: [Double]
        if let start {
            eta = x.multiplied(by: start.map { $0.isFinite ? $0 : 0 })
            if let offset { for i in 0..<n { eta[i] += offset[i] } }
            mu = Self.exponential(eta, path: path)
        } else {
            mu = y.map { $0 + 0.1 }
            eta = mu
            eta.withUnsafeMutableBufferPointer { ElementwiseFunctions.apply(.logarithm, to: $0, path: path) }
        }
        let countPart = countDeviance(WeightedCounts(counts: y, weights: priorWeights))
        var deviance = totalDeviance(countPart: countPart, y: y, eta: eta, mu: mu, weights: priorWeights)
        var layout: QRLayout? = nil
        var design = x
        var beta: [Double] = []
        var lastChange = Double.infinity
        var rowScale = [Double](repeating: 0, count: n)
        var z = [Double](repeating: 0, count: n)
        for iteration in 1...maxIterations {
            for i in 0..<n {
                let w = family.workingWeight(mu[i]) * (priorWeights?[i] ?? 1)
                rowScale[i] = w.squareRoot()
                z[i] = eta[i] - (offset?[i] ?? 0) + (y[i] - mu[i]) * (1 / mu[i])
            }
            let current = workspace.factor(design, rowScale: rowScale, tolerance: aliasingTolerance, response: z)
            if layout == nil {
                layout = current
                if !current.aliased.isEmpty {
                    // Fix the kept set from here on: later iterations factor only the kept columns.
                    design = x.selectingColumns(current.kept)
                    _ = workspace.factor(design, rowScale: rowScale, tolerance: aliasingTolerance, response: z)
                    if let start { beta = current.kept.map { start[$0] } }
                } else if let start {
                    beta = start
                }
            }
            let local = workspace.layout!
            var proposal: [Double]
            do { proposal = try workspace.solve(layout: local) } catch { throw .numerical(error) }
            if local.rank < design.columns {
                // A column became aliased under the new weights: keep it at 0 (a rare, data-driven case).
                var expanded = [Double](repeating: 0, count: design.columns)
                for (position, j) in local.kept.enumerated() { expanded[j] = proposal[position] }
                proposal = expanded
            }
            // Step-halving on deviance increase or non-finite deviance.
            var step = 0
            var newEta = design.multiplied(by: proposal)
            var newMu: [Double]
            var newDeviance = Double.nan
            while true {
                if let offset { for i in 0..<n { newEta[i] += offset[i] } }
                newMu = Self.exponential(newEta, path: path)
                newDeviance = totalDeviance(countPart: countPart, y: y, eta: newEta, mu: newMu, weights: priorWeights)
                let worse = !newDeviance.isFinite || (iteration > 1 && newDeviance > deviance * (1 + 1e-12) + 1e-12)
                if !worse || beta.isEmpty || step >= 30 { break }
                step += 1
                for j in proposal.indices { proposal[j] = 0.5 * (proposal[j] + beta[j]) }
                newEta = design.multiplied(by: proposal)
            }
            guard newDeviance.isFinite else {
                throw .divergence("the deviance is not finite (fitted means overflowed or underflowed)")
            }
            lastChange = abs(newDeviance - deviance) / (abs(newDeviance) + 0.1)
            // A fit that reproduces the data (constant counts: D ≈ 0) meets the relative rule only down to the
            // deviance's rounding level, about ε·Σ w(y + μ): a change within 64 times that is convergence too.
            var magnitude = 0.0
            for i in 0..<n { magnitude += (priorWeights?[i] ?? 1) * (abs(y[i]) + newMu[i]) }
            let atRoundingLevel = abs(newDeviance - deviance) <= 64 * Double.ulpOfOne * magnitude
            beta = proposal
            eta = newEta
            mu = newMu
            deviance = newDeviance
            let collapsed = mu.reduce(0) { $0 + ($1 < 1e-300 || $1 > 1e300 ? 1 : 0) }
            if collapsed > 0 {
                throw .divergence("\(collapsed) fitted mean(s) collapsed to 0 or overflowed; a column may be non-zero only where the response is 0 (separation)")
            }
            if iteration > 1 && (lastChange < tolerance || atRoundingLevel) || iteration == stopAfter {
                return IRLSResult(layout: layout!, coefficients: beta, mu: mu, eta: eta, deviance: deviance,
                                  iterations: iteration)
            }
        }
        throw .noConvergence(method: "IRLS (\(family.name))", iterations: maxIterations, lastChange: lastChange)
    }

    /// e^η of every entry (the log link's inverse).
    static func exponential(_ eta: [Double], path: KernelPath) -> [Double] {
        var mu = eta
        mu.withUnsafeMutableBufferPointer { ElementwiseFunctions.apply(.exponential, to: $0, path: path) }
        return mu
    }

    /// Σ wᵢ c(yᵢ), the count-only part of the deviance (`ResponseFamily.devianceCountPart`), summed once per distinct
    /// count: the same at every iteration of one fit.
    func countDeviance(_ counts: WeightedCounts) -> Double {
        counts.sum { family.devianceCountPart($0) }
    }

    /// Σ wᵢ d(yᵢ, μᵢ) with ηᵢ = ln μᵢ (log-link families): the deviance written as
    /// 2 Σ w[c(y) − yη + m(y, μ)] (`ResponseFamily.devianceMeanPart`), given Σ w c(y) (`countDeviance`), so no
    /// logarithm of y/μ per observation; compensated sums, as the two parts cancel to the deviance. Equal to
    /// Σ wᵢ `unitDeviance(yᵢ, μᵢ)` to rounding.
    func totalDeviance(countPart: Double, y: [Double], eta: [Double], mu: [Double], weights: [Double]?) -> Double {
        var sum = CompensatedSum()
        for i in y.indices {
            sum.add((weights?[i] ?? 1) * (family.devianceMeanPart(y[i], mu: mu[i]) - y[i] * eta[i]))
        }
        return 2 * (countPart + sum.value)
    }
}

import Foundation
import Testing
@testable import ForecastCore
@testable import ForecastData
@testable import ForecastModels
import Forecast

/// `NegativeBinomialObjective` (data-set sums, one exp and one log1p per observation) against the per-observation
/// NB2 formulas of NegativeBinomial.swift and NegativeBinomialLikelihood.swift, and the η-form IRLS deviance against
/// Σ w·unitDeviance.
@Suite("NB2 objective: data-set sums equal per-observation sums")
struct NegativeBinomialObjectiveTests {
    struct Problem {
        var x: Matrix
        var y: [Double]
        var offset: [Double]
        var weights: [Double]
        var beta: [Double]
    }

    func problem(seed: UInt64) -> Problem {
        var random = SeededRandom(seed: seed)
        let n = 303, k = 5
        var x = Matrix(rows: n, columns: k, repeating: 1)
        for j in 1..<k { for i in 0..<n { x[i, j] = 0.4 * random.normal() } }
        let beta = [2.5, 0.3, -0.4, 0.2, 0.1]
        let offset = (0..<n).map { _ in 0.2 * random.normal() }
        let eta = x.multiplied(by: beta)
        let y = (0..<n).map { i in random.negativeBinomial(mean: exp(eta[i] + offset[i]), alpha: 0.7) }
        let weights = (0..<n).map { _ in 0.5 + random.uniform() }
        return Problem(x: x, y: y, offset: offset, weights: weights, beta: beta)
    }

    func relative(_ a: Double, _ b: Double, scale: Double) -> Double { abs(a - b) / scale }

    @Test("Kernel, gradient, observed information, ℓ and deviance at a point (with offset; with and without weights)",
          arguments: [false, true])
    func matchesPerObservation(weighted: Bool) {
        let p = problem(seed: 91)
        let weights = weighted ? p.weights : nil
        let n = p.x.rows, k = p.x.columns
        for alpha in [0.05, 0.7, 3.0] {
            let beta = p.beta.map { $0 + 0.01 }
            var objective = NegativeBinomialObjective(x: p.x, y: p.y, offset: p.offset, weights: weights)
            var point = NegativeBinomialObjective.Point(rows: n)
            objective.evaluate(beta: beta, alpha: alpha, into: &point)
            let linear = p.x.multiplied(by: beta)
            let eta = linear.indices.map { linear[$0] + p.offset[$0] }
            let mu = eta.map { exp($0) }
            // Kernel and ℓ.
            let kernel = CountEstimation.logLikelihoodKernel(y: p.y, mu: mu, alpha: alpha, weights: weights)
            #expect(relative(point.kernel, kernel, scale: abs(kernel)) < 1e-13, "kernel α \(alpha)")
            let optimum = objective.optimum(at: point, iterations: 0)
            let family = ResponseFamily.negativeBinomial(alpha: alpha)
            let llf = family.logLikelihoodSum(y: p.y, mu: mu, weights: weights)
            #expect(relative(optimum.logLikelihood, llf, scale: abs(llf)) < 1e-13, "ℓ α \(alpha)")
            var deviance = 0.0, devianceScale = 0.0
            for i in 0..<n {
                let term = (weights?[i] ?? 1) * family.unitDeviance(p.y[i], mu[i])
                deviance += term
                devianceScale += abs(term)
            }
            #expect(relative(optimum.deviance, deviance, scale: devianceScale) < 1e-12, "deviance α \(alpha)")
            // Gradient and information from the per-observation formulas.
            var gradient = [Double](repeating: 0, count: k + 1)
            var information = Matrix(rows: k + 1, columns: k + 1)
            var scale = [Double](repeating: 0, count: k + 1)
            for i in 0..<n {
                let w = weights?[i] ?? 1, m = mu[i], onePlus = 1 + alpha * m
                let d = NegativeBinomialLikelihood.alphaDerivatives(p.y[i], mu: m, alpha: alpha)
                gradient[k] += w * d.score
                scale[k] += abs(w * d.score)
                information[k, k] -= w * d.second
                for j in 0..<k {
                    let term = w * p.x[i, j] * (p.y[i] - m) / onePlus
                    gradient[j] += term
                    scale[j] += abs(term)
                    let cross = w * p.x[i, j] * (p.y[i] - m) * m / (onePlus * onePlus)
                    information[j, k] += cross
                    information[k, j] += cross
                    for l in 0..<k {
                        information[j, l] += w * p.x[i, j] * p.x[i, l] * m * (1 + alpha * p.y[i]) / (onePlus * onePlus)
                    }
                }
            }
            let (g, h) = objective.derivatives(at: point)
            for j in 0...k { #expect(relative(g[j], gradient[j], scale: scale[j]) < 1e-13, "gradient \(j), α \(alpha)") }
            let size = information.storage.map(abs).max()!
            for index in h.storage.indices {
                #expect(relative(h.storage[index], information.storage[index], scale: size) < 1e-12,
                        "information \(index), α \(alpha)")
            }
        }
    }

    @Test("IRLS deviance from η (count-only part per distinct count) = Σ w·unitDeviance (Poisson, NB2 fixed α)")
    func irlsDeviance() {
        let p = problem(seed: 7)
        let eta = p.x.multiplied(by: p.beta)
        let mu = eta.map { exp($0) }
        for family in [ResponseFamily.poisson, .negativeBinomial(alpha: 0.4)] {
            for weights in [nil, p.weights] {
                let irls = IterativelyReweightedLeastSquares(family: family)
                let countPart = irls.countDeviance(WeightedCounts(counts: p.y, weights: weights))
                let fromEta = irls.totalDeviance(countPart: countPart, y: p.y, eta: eta, mu: mu, weights: weights)
                var direct = 0.0, magnitude = 0.0
                for i in p.y.indices {
                    direct += (weights?[i] ?? 1) * family.unitDeviance(p.y[i], mu[i])
                    magnitude += (weights?[i] ?? 1) * (p.y[i] * abs(log(max(p.y[i], 1))) + p.y[i] + mu[i])
                }
                #expect(abs(fromEta - direct) <= 1e-13 * magnitude, "\(family)")
            }
        }
    }
}

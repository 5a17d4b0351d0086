import Foundation
import Testing
@testable import ForecastCore
@testable import ForecastData
@testable import ForecastModels
@testable import ForecastAnalysis
@testable import ForecastReporting
import Forecast

/// Failure modes and edge cases of Poisson/NB2 regression, each with one defined outcome, and seeded
/// simulations showing that Wald intervals cover the true parameters at their nominal rate.
@Suite("Count regression: failure modes and calibration")
struct CountRegressionTests {
    func design(_ n: Int, seed: UInt64) -> DesignMatrix {
        var random = SeededRandom(seed: seed)
        return DesignMatrix(columns: [("const", [Double](repeating: 1, count: n)),
                                      ("x1", (0..<n).map { _ in random.normal() * 0.5 }),
                                      ("x2", (0..<n).map { Double($0 % 7 == 0 ? 1 : 0) })])
    }

    @Test("Negative or non-integer responses are refused, naming the first offending row")
    func notCounts() {
        let d = design(5, seed: 1)
        #expect(throws: ModelError.notCounts(row: 2, value: -1)) {
            try CountRegression.poisson().fit(d, response: [1, 2, -1, 3, 4])
        }
        #expect(throws: ModelError.notCounts(row: 1, value: 2.5)) {
            try CountRegression.negativeBinomial().fit(d, response: [1, 2.5, 1, 3, 4])
        }
    }

    @Test("An all-zero response has no finite estimate: a specific error")
    func allZero() {
        #expect(throws: ModelError.allZeroResponse) {
            try CountRegression.poisson().fit(design(10, seed: 2), response: [Double](repeating: 0, count: 10))
        }
    }

    @Test("A term that is non-zero only where y = 0 (separation) is named in the error")
    func separation() {
        let n = 70
        let d = design(n, seed: 3)
        var random = SeededRandom(seed: 4)
        let y = (0..<n).map { i in d.values[i, 2] == 1 ? 0 : random.poisson(5) }
        #expect(throws: ModelError.separation(columns: ["x2"], rows: 10)) {
            try CountRegression.poisson().fit(d, response: y)
        }
        #expect(throws: ModelError.separation(columns: ["x2"], rows: 10)) {
            try CountRegression.negativeBinomial().fit(d, response: y)
        }
    }

    @Test("Too few IRLS iterations is an error carrying the iterations and the last change")
    func nonConvergence() throws {
        let d = design(50, seed: 5)
        var random = SeededRandom(seed: 6)
        let y = (0..<50).map { _ in random.poisson(20) }
        do {
            _ = try CountRegression(distribution: .poisson, maxIterations: 2).fit(d, response: y)
            Issue.record("expected noConvergence")
        } catch {
            guard case let .noConvergence(method, iterations, lastChange) = error else {
                Issue.record("unexpected error \(error)")
                return
            }
            #expect(method.contains("IRLS") && iterations == 2 && lastChange > 0)
        }
    }

    @Test("Underdispersed counts: NB2's α̂ is at the boundary and the fit says it is the Poisson limit")
    func poissonLimit() throws {
        let n = 60
        let d = DesignMatrix(columns: [("const", [Double](repeating: 1, count: n))])
        let y = (0..<n).map { Double(4 + $0 % 3) }      // variance 2/3 < mean 5
        let nb = try CountRegression.negativeBinomial().fit(d, response: y)
        let poisson = try CountRegression.poisson().fit(d, response: y)
        #expect(nb.isPoissonLimit && nb.alpha == 0 && nb.alphaStandardError == nil)
        #expect(abs(nb.estimates[0] - log(5)) < 1e-12 && abs(poisson.estimates[0] - log(5)) < 1e-12)
        #expect(abs(nb.logLikelihood - poisson.logLikelihood) < 1e-9)
    }

    @Test("A constant response is a perfect fit: μ = y, deviance 0")
    func perfectFit() throws {
        let d = DesignMatrix(columns: [("const", [Double](repeating: 1, count: 20))])
        let fit = try CountRegression.poisson().fit(d, response: [Double](repeating: 3, count: 20))
        // IRLS stops at its third step (deviance change at rounding level), whose Newton error from μ₀ = y + 0.1 is
        // δ₃ = 9.991e-15 (δₖ₊₁ = δₖ + e^(−δₖ) − 1, δ₀ = log(3.1/3), in 50-digit arithmetic); plus a few ulps of log 3.
        #expect(abs(fit.estimates[0] - log(3)) < 9.991e-15 + 8 * log(3).ulp)
        #expect(abs(fit.deviance) < 1e-12)
    }

    @Test("Warm start from the solution converges immediately to the same estimates")
    func warmStart() throws {
        let d = design(300, seed: 9)
        var random = SeededRandom(seed: 10)
        let y = (0..<300).map { i in random.negativeBinomial(mean: exp(2 + 0.5 * d.values[i, 1]), alpha: 0.5) }
        let cold = try CountRegression.poisson().fit(d, response: y)
        let warm = try CountRegression.poisson().fit(d, response: y, start: cold.estimates)
        #expect(warm.iterations <= 2)
        for j in 0..<3 { #expect(abs(warm.estimates[j] - cold.estimates[j]) < 1e-10) }
    }

    @Test("NB2 warm start from (β̂, α̂) of a fit on fewer rows: same estimates as a cold fit, fewer iterations")
    func warmStartNB2() throws {
        let d = design(400, seed: 11)
        var random = SeededRandom(seed: 12)
        let y = (0..<400).map { i in random.negativeBinomial(mean: exp(2 + 0.5 * d.values[i, 1]), alpha: 0.5) }
        let earlier = DesignMatrix(names: d.names, values: d.values.selectingRows(Array(0..<390)))
        let previous = try CountRegression.negativeBinomial().fit(earlier, response: Array(y.prefix(390)))
        let cold = try CountRegression.negativeBinomial().fit(d, response: y)
        let warm = try CountRegression.negativeBinomial().fit(d, response: y, start: previous.estimates,
                                                              startAlpha: previous.alpha)
        for j in 0..<3 { #expect(abs(warm.estimates[j] - cold.estimates[j]) < 1e-8, "β\(j)") }
        #expect(abs(warm.alpha! - cold.alpha!) < 1e-8 * cold.alpha!)
        #expect(abs(warm.logLikelihood - cold.logLikelihood) < 1e-9 * abs(cold.logLikelihood))
        #expect(warm.iterations < cold.iterations, "warm \(warm.iterations) vs cold \(cold.iterations) iterations")
    }

    @Test("PolygammaTable gives exactly polygammaDifferences (integer counts, non-integers, counts above 4096)")
    func polygammaTable() {
        for theta in [0.05, 1.7, 250.0] {
            let counts: [Double] = [0, 1, 2, 15, 16, 300, 4096, 5000, 2.5]
            let table = PolygammaTable(theta: theta, counts: counts)
            for y in counts + [3, 17, 299] {
                let direct = NegativeBinomial.polygammaDifferences(y, theta)
                let tabled = table.differences(y)
                #expect(tabled.digamma == direct.digamma && tabled.trigamma == direct.trigamma, "θ \(theta), y \(y)")
            }
        }
    }

    /// 200 simulated data sets each; 95 % Wald intervals of β (3 coefficients) and α must cover the truth in
    /// 90–99 % of cases (binomial sd at 600 trials ≈ 0.9 %).
    @Test("Poisson and NB2 Wald intervals cover the truth at about 95 %")
    func coverage() throws {
        let truth = [2.0, 0.4, -0.3]
        let alpha = 0.6
        var poissonCovered = 0, nbCovered = 0, alphaCovered = 0, trials = 0
        var random = SeededRandom(seed: 2026)
        for replicate in 0..<200 {
            let d = design(250, seed: UInt64(1000 + replicate))
            let mu = (0..<250).map { i in exp(truth[0] + truth[1] * d.values[i, 1] + truth[2] * d.values[i, 2]) }
            let yPoisson = mu.map { random.poisson($0) }
            let yNB = mu.map { random.negativeBinomial(mean: $0, alpha: alpha) }
            let p = try CountRegression.poisson().fit(d, response: yPoisson)
            let nb = try CountRegression.negativeBinomial().fit(d, response: yNB)
            for j in 0..<3 {
                if p.coefficients[j].lower <= truth[j] && truth[j] <= p.coefficients[j].upper { poissonCovered += 1 }
                if nb.coefficients[j].lower <= truth[j] && truth[j] <= nb.coefficients[j].upper { nbCovered += 1 }
            }
            let a = nb.alpha!, se = nb.alphaStandardError!
            if abs(a - alpha) <= 1.959963984540054 * se { alphaCovered += 1 }
            trials += 3
        }
        let poissonRate = Double(poissonCovered) / Double(trials), nbRate = Double(nbCovered) / Double(trials)
        let alphaRate = Double(alphaCovered) / 200
        #expect((0.90...0.99).contains(poissonRate), "Poisson coverage \(poissonRate)")
        #expect((0.90...0.99).contains(nbRate), "NB2 coverage \(nbRate)")
        #expect((0.90...0.99).contains(alphaRate), "α coverage \(alphaRate)")
        print("coverage of 95% Wald intervals: Poisson β \(poissonRate), NB2 β \(nbRate), NB2 α \(alphaRate)")
    }
}

@Suite("Count regression: many series in parallel")
struct CountRegressionBatchTests {
    @Test("fitMany returns, in input order, exactly what one-by-one fits return; a bad series fails alone")
    func batchMatchesSerial() throws {
        let n = 120
        var random = SeededRandom(seed: 77)
        let design = DesignMatrix(columns: [("const", [Double](repeating: 1, count: n)),
                                            ("x", (0..<n).map { _ in random.normal() })])
        var responses = (0..<9).map { s in (0..<n).map { i in random.negativeBinomial(mean: exp(1.5 + 0.1 * Double(s) * design.values[i, 1]), alpha: 0.4) } }
        responses[4][7] = -3
        let batch = CountRegression.negativeBinomial().fitMany(design, responses: responses, concurrency: 3)
        #expect(batch.count == 9)
        for (s, result) in batch.enumerated() {
            if s == 4 {
                guard case .failure(.notCounts(row: 7, value: -3)) = result else { Issue.record("series 4: \(result)"); continue }
                continue
            }
            let serial = try CountRegression.negativeBinomial().fit(design, response: responses[s])
            let parallel = try result.get()
            #expect(parallel.estimates == serial.estimates && parallel.alpha == serial.alpha, "series \(s)")
        }
    }
}

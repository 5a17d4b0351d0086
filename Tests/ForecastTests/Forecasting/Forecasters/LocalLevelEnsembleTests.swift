import Foundation
import Testing
@testable import ForecastCore
@testable import ForecastData
@testable import ForecastModels
@testable import ForecastAnalysis
@testable import ForecastReporting
import Forecast

@Suite("Local-level count ensemble: members, combination, inner validation, data rules")
struct LocalLevelEnsembleTests {
    static let start = CalendarDate(year: 2024, month: 1, day: 1)!

    static func poissonSeries(days: Int, mean: (Int) -> Double, seed: UInt64) -> DatedSeries {
        var random = SeededRandom(seed: seed)
        return DatedSeries(name: "y", start: start, values: (0..<days).map { random.poisson(mean($0)) })
    }

    @Test("NB2 member: μ̂ is the 0.5^(age/hl)-weighted mean of the last ⌈7·hl⌉ days; α̂ maximises the weighted NB2 likelihood")
    func negativeBinomialMember() {
        let y: [Double] = [30, 2, 9, 14, 3, 22, 8, 1, 17, 5, 11, 26, 4, 13, 7, 19]
        let member = LocalLevelMember.negativeBinomial(LevelObservations(y), halfLife: 2)
        guard case let .negativeBinomial(mu, alpha, logSD) = member.kind else { Issue.record("not an NB2 member"); return }
        // Direct computation: window ⌈7·2⌉ = 14 days (the first two values fall out), age 0 on the last day.
        let window = Array(y.suffix(14))
        let w = window.indices.map { pow(0.5, Double(13 - $0) / 2) }
        let sw = w.reduce(0, +), directMu = zip(w, window).map { $0 * $1 }.reduce(0, +) / sw
        #expect(abs(mu - directMu) <= 1e-12 * directMu)
        // α̂ against a fine grid of the weighted log-likelihood written out independently (lgamma from libm).
        func ll(_ a: Double) -> Double {
            let theta = 1 / a
            return zip(w, window).map { wi, yi in
                wi * (Foundation.lgamma(yi + theta) - Foundation.lgamma(theta) + theta * log(theta / (theta + directMu))
                      + yi * log(directMu / (theta + directMu)))
            }.reduce(0, +)
        }
        let grid = stride(from: log(1e-4), through: log(10.0), by: 1e-4).map { exp($0) }
        let best = grid.max { ll($0) < ll($1) }!
        // The search stops when the bracket on log α is narrower than 0.01.
        #expect(abs(log(alpha) - log(best)) < 1e-2, "α̂ = \(alpha), grid maximum \(best)")
        let effective = sw * sw / w.map { $0 * $0 }.reduce(0, +)
        #expect(abs(logSD - ((1 / directMu + best) / effective).squareRoot()) < 1e-2 * logSD)
    }

    @Test("Ratio member: exponentially smoothed log(1 + y), ratios (1 + y_{t+h}) / exp(L_t) with t + h ≤ origin")
    func ratioMember() {
        let y: [Double] = [4, 9, 0, 6, 12, 3, 7]
        let member = LocalLevelMember.ratios(LevelObservations(y), weight: 0.5, horizon: 2, window: 3)
        guard case let .ratios(level, byHorizon) = member.kind else { Issue.record("not a ratio member"); return }
        // Direct computation: L_0 = log 5, L_t = L_{t−1} + ½(log(1 + y_t) − L_{t−1}); every day is a level
        // observation (the zero comes before seven observations, so the zero rule does not apply).
        var l = [log(5.0)]
        for t in 1..<y.count { l.append(l[t - 1] + 0.5 * (log(1 + y[t]) - l[t - 1])) }
        #expect(abs(level - exp(l[6])) <= 1e-12 * level)
        // h = 1: t = 5, 4, 3 (window 3, most recent first); h = 2: t = 4, 3, 2.
        let h1 = [5, 4, 3].map { (1 + y[$0 + 1]) / exp(l[$0]) }
        let h2 = [4, 3, 2].map { (1 + y[$0 + 2]) / exp(l[$0]) }
        #expect(byHorizon.count == 2)
        #expect(zip(byHorizon[0], h1).allSatisfy { abs($0 - $1) <= 1e-12 * $1 })
        #expect(zip(byHorizon[1], h2).allSatisfy { abs($0 - $1) <= 1e-12 * $1 })
    }

    @Test("Data rules: negative days and zeros under a clearly positive level are not level observations")
    func dataRules() {
        let y: [Double] = [20, 22, 18, 25, 21, 19, 23, 0, 24, -40, .nan, 0]
        let data = LevelObservations(y)
        #expect(data.level[7].isNaN && data.level[9].isNaN && data.level[10].isNaN && data.level[11].isNaN)
        #expect(data.level[8] == 24 && data.level[0] == 20)
        // A zero among small counts is a level observation.
        #expect(LevelObservations([1, 0, 2, 1, 0, 1, 0, 0, 1]).level[8] == 1)
        #expect(LevelObservations([1, 0, 2, 1, 0, 1, 2, 1, 0]).level[8] == 0)
    }

    @Test("Quantile averaging of two known distributions: rank-by-rank mean, paths in the reference member's order")
    func quantileAveraging() {
        // Member A takes 1, 2, 3, 4 (in path order 3, 1, 4, 2), member B 10, 20, 30, 40 (any order). The averaged
        // quantile function is (1 + 10)/2, (2 + 20)/2, … = 5.5, 11, 16.5, 22.
        let a = Matrix(rows: 1, columns: 4, columnMajor: [3, 1, 4, 2])
        let b = Matrix(rows: 1, columns: 4, columnMajor: [40, 10, 30, 20])
        let combined = QuantileAveraging.combine([a, b], reference: 0, roundToCounts: false)
        #expect(combined.storage == [16.5, 5.5, 22, 11])
        let rounded = QuantileAveraging.combine([a, b], reference: 0, roundToCounts: true)
        #expect(rounded.storage == [17, 6, 22, 11])
    }

    @Test("Inner validation picks long memory for a steady series and short memory for a level that keeps shifting")
    func innerValidationChoice() {
        let steady = Self.poissonSeries(days: 400, mean: { _ in 40 }, seed: 5)
        let ensemble = LocalLevelEnsemble()
        let settings = ForecastSettings(horizon: 14, paths: 200, seed: 1)
        let calm = ensemble.fitAndForecast(steady, settings: settings).selection
        #expect(calm.tuning.memoryScale == 2, "\(calm.reason)")
        #expect(calm.innerOrigins == 26)
        #expect(calm.scores.count == 6 && calm.scores[calm.tuning] == calm.scores.values.min())
        // A level that wanders (a random walk in log μ, sd 0.1 a day): recent days say most about the next ones.
        var walk = SeededRandom(seed: 11)
        var logMean = log(40.0)
        let levels = (0..<400).map { _ in logMean += 0.1 * walk.normal(); return exp(min(max(logMean, 0), 7)) }
        let shifting = Self.poissonSeries(days: 400, mean: { levels[$0] }, seed: 6)
        let busy = ensemble.fitAndForecast(shifting, settings: settings).selection
        #expect(busy.tuning.memoryScale == 0.5, "\(busy.reason)")
    }

    @Test("No look-ahead: local, auto and the baselines give bit-identical forecasts when later days change")
    func noLookAhead() throws {
        let full = Self.poissonSeries(days: 260, mean: { 30 + 10 * sin(Double($0) / 40) }, seed: 7)
        let origin = Self.start.adding(days: 199)
        var changed = full.values
        for t in 200..<260 { changed[t] = changed[t] * 5 + 3 }
        let altered = full.replacingValues(changed)
        let settings = ForecastSettings(horizon: 7, paths: 100, seed: 3)
        let forecasters: [any Forecaster] = [LocalLevelEnsemble(), AutoForecaster(), BaselineForecaster(.naive),
                                             BaselineForecaster(.snaive), BaselineForecaster(.mean28)]
        for forecaster in forecasters {
            let a = try forecaster.forecast(full.through(origin), settings: settings)
            let b = try forecaster.forecast(altered.through(origin), settings: settings)
            #expect(a.paths.storage == b.paths.storage && a.mean == b.mean, "\(forecaster.name)")
            #expect(a.firstDay == origin.adding(days: 1))
        }
    }

    @Test("All-zero and constant series forecast sensibly: finite, non-negative integers, no crash")
    func degenerateSeries() throws {
        let settings = ForecastSettings(horizon: 7, paths: 200, seed: 1)
        let zeros = DatedSeries(start: Self.start, values: [Double](repeating: 0, count: 200))
        let z = try LocalLevelEnsemble().forecast(zeros, settings: settings)
        #expect(z.paths.storage.allSatisfy { $0 == 0 } && z.mean.allSatisfy { $0 == 0 })
        let constant = DatedSeries(start: Self.start, values: [Double](repeating: 7, count: 200))
        let c = try LocalLevelEnsemble().forecast(constant, settings: settings)
        #expect(c.paths.storage.allSatisfy { $0.isFinite && $0 >= 0 && $0 == $0.rounded() })
        #expect(c.mean.allSatisfy { abs($0 - 7) < 1 })
        let median = c.quantiles([0.5]).map { $0[0] }
        #expect(median.allSatisfy { $0 >= 6 && $0 <= 8 })
        for kind in ForecasterKind.allCases where kind.regressionKind == nil {
            let f = try kind.forecaster(regression: TimeSeriesModel()).forecast(constant, settings: settings)
            #expect(f.paths.storage.allSatisfy(\.isFinite) && f.mean.allSatisfy(\.isFinite), "\(kind)")
        }
    }

    @Test("A history too short for inner validation uses the documented default and says so")
    func shortHistory() {
        let short = Self.poissonSeries(days: 60, mean: { _ in 12 }, seed: 2)
        let (distribution, selection) = LocalLevelEnsemble().fitAndForecast(short, settings: ForecastSettings(horizon: 28, paths: 100))
        #expect(selection.tuning == LocalLevelEnsemble.Tuning() && selection.innerOrigins == 0)
        #expect(selection.reason.contains("too short for inner validation") && selection.reason.contains("default"))
        #expect(distribution.paths.storage.allSatisfy { $0.isFinite && $0 >= 0 })
    }
}

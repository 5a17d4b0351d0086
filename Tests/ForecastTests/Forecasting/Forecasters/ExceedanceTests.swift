import Foundation
import Testing
@testable import ForecastCore
@testable import ForecastData
@testable import ForecastModels
@testable import ForecastAnalysis
@testable import ForecastReporting
import Forecast

@Suite("Exceedance probabilities and their Brier score")
struct ExceedanceTests {
    static let day = CalendarDate(year: 2025, month: 5, day: 1)!

    @Test("Daily and any-within probabilities are path frequencies")
    func pathFrequencies() {
        // 3 days × 4 paths (column = path): path 0 = 1,9,1; path 1 = 5,2,2; path 2 = 0,0,7; path 3 = 2,3,4.
        let paths = Matrix(rows: 3, columns: 4, columnMajor: [1, 9, 1, 5, 2, 2, 0, 0, 7, 2, 3, 4])
        let e = PredictiveDistribution(firstDay: Self.day, paths: paths).exceedance(5, within: [1, 2, 3])
        // Counted by hand: day 1 ≥ 5: path 1 → 1/4; day 2: path 0 → 1/4; day 3: path 2 → 1/4.
        #expect(e.daily == [0.25, 0.25, 0.25])
        // Any within 1 day: path 1; within 2: paths 0, 1; within 3: paths 0, 1, 2.
        #expect(e.anyWithin.map(\.days) == [1, 2, 3])
        #expect(e.anyWithin.map(\.probability) == [0.25, 0.5, 0.75])
    }

    @Test("Independent Poisson(4) days: P(y ≥ 7) and P(any of 7 days ≥ 7) match the closed form")
    func poissonClosedForm() {
        var random = RandomSource(seed: 12)
        let n = 40_000, h = 7
        var paths = Matrix(rows: h, columns: n)
        for p in 0..<n { for t in 0..<h { paths[t, p] = random.poisson(4) } }
        let e = PredictiveDistribution(firstDay: Self.day, paths: paths).exceedance(7)
        // P(Y ≥ 7) = 1 − Σ_{k<7} e⁻⁴ 4^k / k! (written out independently of the library's CDF).
        var cdf = 0.0, term = exp(-4.0)
        for k in 0..<7 { cdf += term; term *= 4 / Double(k + 1) }
        let p = 1 - cdf  // 0.11067…
        let any = 1 - pow(cdf, Double(h))
        // Binomial standard errors with 40,000 paths: ≈ 0.0016 and 0.0025; allow 4 of them.
        #expect(e.daily.allSatisfy { abs($0 - p) < 4 * (p * (1 - p) / Double(n)).squareRoot() })
        #expect(e.anyWithin.last?.days == 7)
        #expect(abs(e.anyWithin.last!.probability - any) < 4 * (any * (1 - any) / Double(n)).squareRoot())
    }

    @Test("Brier score and reliability bins against a hand computation")
    func brier() {
        let probabilities = [0.9, 0.1, 0.75, 0.05, 0.5, 0.95]
        let actuals: [Double] = [12, 3, 8, 11, .nan, 10]
        let score = ExceedanceScore(threshold: 10, probabilities: probabilities, actuals: actuals)
        // Outcomes (≥ 10): 1, 0, 0, 1, skipped, 1 → (0.1² + 0.1² + 0.75² + 0.95² + 0.05²) / 5 = 1.4875 / 5.
        #expect(abs(score.brier - 0.2975) < 1e-12)
        #expect(score.forecasts == 5 && score.events == 3)
        let nonEmpty = score.reliability.filter { $0.forecasts > 0 }
        // Bins: [0, 0.1) → 0.05 (event); [0.1, 0.2) → 0.1 (no); [0.7, 0.8) → 0.75 (no); [0.9, 1] → 0.9, 0.95 (both).
        #expect(nonEmpty.map(\.lower) == [0, 0.1, 0.7, 0.9])
        #expect(nonEmpty.map(\.observedFrequency) == [1, 0, 0, 1])
        #expect(abs(nonEmpty[3].meanProbability - 0.925) < 1e-12)
    }
}

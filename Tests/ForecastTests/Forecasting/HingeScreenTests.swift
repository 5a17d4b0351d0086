import Foundation
import Testing
@testable import ForecastCore
@testable import ForecastData
@testable import ForecastModels
@testable import ForecastAnalysis
import Forecast

/// The changepoint screen against refits: every number it is checked against comes from fitting the design with the
/// hinge added (`RegressionFactory`), never from the screen itself.
@Suite("Changepoint screening")
struct HingeScreenTests {
    static let start = CalendarDate(year: 2023, month: 1, day: 1)!

    /// log μ (or μ for least squares) = 3 + 0.4 t − 1.6 (t − 0.8)₊ + 0.9 (t − 1.6)₊, t in years, n days.
    static func series(days: Int, seed: UInt64, counts: Bool) -> (trend: [Double], y: [Double]) {
        var random = SeededRandom(seed: seed)
        let trend = (0..<days).map { Double($0) / 365.25 }
        let y = trend.map { t -> Double in
            let eta = 3 + 0.4 * t - 1.6 * max(0, t - 0.8) + 0.9 * max(0, t - 1.6)
            return counts ? random.negativeBinomial(mean: exp(eta), alpha: 0.1) : eta + 0.3 * random.normal()
        }
        return (trend, y)
    }

    static func design(_ trend: [Double], hinges knots: [Double] = []) -> DesignMatrix {
        DesignMatrix(columns: [("const", trend.map { _ in 1 }), ("trend", trend)]
                     + knots.enumerated().map { m, k in ("cp\(m)", trend.map { max(0, $0 - k) }) })
    }

    static let knots = stride(from: 70, to: 800, by: 21).map { Double($0) / 365.25 }

    @Test("Least squares: each statistic is the fall in the residual sum of squares of the refit with that hinge")
    func leastSquaresIsExact() throws {
        let (trend, y) = Self.series(days: 900, seed: 3, counts: false)
        let factory = RegressionFactory(kind: .ols)
        let current = try factory.fit(Self.design(trend, hinges: [1.6]), response: y).regression
        let screen = HingeScreen(design: Self.design(trend, hinges: [1.6]).values, kept: current.keptColumns,
                                 beta: current.estimates, response: y, trend: trend, kind: .ols, alpha: nil)
        var workspace = LeastSquaresWorkspace()
        let statistics = screen.statistics(knots: Self.knots, workspace: &workspace)
        let rss0 = current.residuals.reduce(0) { $0 + $1 * $1 }
        for (m, knot) in Self.knots.enumerated() {
            let refit = try factory.fit(Self.design(trend, hinges: [1.6, knot]), response: y).regression
            let drop = rss0 - refit.residuals.reduce(0) { $0 + $1 * $1 }
            #expect(abs(statistics[m] - drop) <= 1e-8 * rss0, "knot \(knot): screen \(statistics[m]), refit \(drop)")
        }
    }

    @Test("Count models: each statistic is at most the refit's likelihood-ratio statistic, and the best refit is among the leaders",
          arguments: [RegressionKind.nb2, .poisson])
    func countLowerBound(kind: RegressionKind) throws {
        let (trend, y) = Self.series(days: 900, seed: 11, counts: true)
        let alpha = kind == .nb2 ? 0.1 : nil
        let factory = RegressionFactory(kind: kind, fixedAlpha: alpha)
        let current = try factory.fit(Self.design(trend), response: y).regression
        let screen = HingeScreen(design: Self.design(trend).values, kept: current.keptColumns, beta: current.estimates,
                                 response: y, trend: trend, kind: kind, alpha: alpha)
        var workspace = LeastSquaresWorkspace()
        let statistics = screen.statistics(knots: Self.knots, workspace: &workspace)
        var exact: [Double] = []
        for (m, knot) in Self.knots.enumerated() {
            let refit = try factory.fit(Self.design(trend, hinges: [knot]), response: y).regression
            let lr = 2 * (refit.logLikelihood - current.logLikelihood)
            exact.append(lr)
            #expect(statistics[m] >= 0 && statistics[m] <= lr + 1e-7 * abs(current.logLikelihood),
                    "knot \(knot): screen \(statistics[m]), refit LR \(lr)")
        }
        let best = exact.indices.max { exact[$0] < exact[$1] }!
        let leaders = statistics.indices.sorted { statistics[$0] > statistics[$1] }.prefix(ChangepointSelection.refitsPerStep)
        #expect(leaders.contains(best), "best refit at knot \(Self.knots[best]) is not among the screen's leaders")
    }

    @Test("Forward selection with screening chooses what refitting every candidate chooses", arguments: [UInt64(21), 22])
    func selectionMatchesExhaustiveSearch(seed: UInt64) throws {
        let (trend, y) = Self.series(days: 700, seed: seed, counts: true)
        let dates = trend.indices.map { Self.start.adding(days: $0) }
        let chosen = try ChangepointSelection.select(design: Self.design(trend), trend: trend, dates: dates, response: y,
                                                     kind: .nb2, trendOrigin: Self.start)
        // Policy 1–3 of ChangepointSelection, refitting every eligible candidate at every step.
        let alpha = try CountRegression.negativeBinomial().fit(Self.design(trend), response: y).alpha
        let factory = RegressionFactory(kind: .nb2, fixedAlpha: alpha)
        let candidates = stride(from: 60, through: 700 - 1 - 60, by: 7).map { Self.start.adding(days: $0) }
        var exhaustive: [CalendarDate] = []
        var bic = try factory.fit(Self.design(trend), response: y).regression.bic
        while exhaustive.count < ChangepointSelection.maximumCount {
            var best: (date: CalendarDate, bic: Double)? = nil
            for date in candidates where exhaustive.allSatisfy({ abs($0 - date) >= ChangepointSelection.minimumSpacing }) {
                let knots = (exhaustive + [date]).map { Double($0 - Self.start) / 365.25 }
                let candidateBIC = try factory.fit(Self.design(trend, hinges: knots), response: y).regression.bic
                if candidateBIC < (best?.bic ?? bic) { best = (date, candidateBIC) }
            }
            guard let winner = best else { break }
            exhaustive.append(winner.date)
            bic = winner.bic
        }
        #expect(!chosen.isEmpty)
        #expect(chosen == exhaustive.sorted(), "screened \(chosen), exhaustive \(exhaustive.sorted())")
    }
}

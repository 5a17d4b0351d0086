import Foundation
import Testing
@testable import ForecastCore
@testable import ForecastData
@testable import ForecastModels
@testable import ForecastAnalysis
@testable import ForecastReporting
import Forecast

/// The baselines' incremental errors (`ErrorMultiset`, `BaselineWindow`) against the direct computation: every
/// member sorted and scored by `CRPS.ensemble` (itself checked against properscoring in CRPSTests).
@Suite("Backtest: baselines from moving error windows equal the direct sort")
struct BaselineWindowTests {
    static let start = CalendarDate(year: 2024, month: 1, day: 1)!

    /// A daily series of `days` values: `level` + a random walk (integers when `integer`), with missing days.
    static func series(days: Int, level: Double, integer: Bool, seed: UInt64) -> [Double] {
        var random = SeededRandom(seed: seed)
        var walk = 0.0
        return (0..<days).map { t in
            walk += integer ? Double(Int(random.uniform() * 7) - 3) : 3 * random.normal()
            if random.uniform() < 0.05 || (t >= 40 && t < 52) { return .nan }  // scattered and a 12-day gap
            return level + walk + (integer ? Double(t % 7) : 2 * sin(Double(t)))
        }
    }

    /// Equal element by element, NaN equal to NaN.
    static func same(_ a: [Double], _ b: [Double]) -> Bool {
        a.elementsEqual(b) { $0 == $1 || ($0.isNaN && $1.isNaN) }
    }

    /// |fast − direct| allowed for one CRPS: 1e-12 relative, plus the direct form's own rounding of each member
    /// f + e (half an ulp of the largest member per term).
    static func tolerance(direct: Double, members scale: Double) -> Double {
        1e-12 * abs(direct) + 4 * Double.ulpOfOne * scale
    }

    @Test("Order statistics and CRPS of a multiset under random inserts and removes equal a sort (ties, offsets)")
    func multisetEqualsSort() {
        var random = SeededRandom(seed: 18)
        for offset in [0.0, 1e6, -3e9] {
            // Values on a coarse grid, so ties are frequent, around a large common offset.
            let x = (0..<400).map { _ in offset + Double(Int(random.uniform() * 60)) * 0.25 }
            let universe = RankedErrors(series: x, lag: 1)
            var set = ErrorMultiset(universe: universe, ranks: [])
            var present = Set<Int>()
            for step in 0..<1500 {
                let r = Int(random.uniform() * Double(universe.sorted.count))
                if present.contains(r) {
                    set.remove(rank: r)
                    present.remove(r)
                } else {
                    set.insert(rank: r)
                    present.insert(r)
                }
                guard step % 50 == 0 || step > 1480 else { continue }
                let members = present.map { universe.sorted[$0] }.sorted()
                guard !members.isEmpty else { continue }
                #expect(set.count == members.count)
                for k in members.indices { #expect(set.orderStatistic(k) == members[k], "offset \(offset) k \(k)") }
                let (low, high) = (members.first!, members.last!)
                for c in [low, low - 3 * (high - low) - 1, members[members.count / 2] + 0.1, high + 7, high] {
                    let direct = CRPS.ensemble(actual: c, sortedMembers: members)
                    // The differences e − c are exact here (a 0.25 grid), so only the sums' rounding remains.
                    #expect(abs(set.crps(at: c) - direct) <= 1e-12 * abs(direct), "offset \(offset) c \(c)")
                }
            }
        }
    }

    @Test("A multiset built at once equals one built by inserts; no member: NaN CRPS")
    func builtAtOnce() {
        let x: [Double] = [5, 1, 4, 4, .nan, 9, 2, 6, 5, 3]
        let universe = RankedErrors(series: x, lag: 2)
        // Errors at lag 2, the pairs with a missing day (t = 4 and t = 6) skipped: ties (3, 3; 1, 1) included.
        let ranks = (0..<x.count).compactMap { universe.rank[$0] >= 0 ? Int(universe.rank[$0]) : nil }
        let built = ErrorMultiset(universe: universe, ranks: ranks)
        var inserted = ErrorMultiset(universe: universe, ranks: [])
        #expect(inserted.crps(at: 0).isNaN)
        for r in ranks.reversed() { inserted.insert(rank: r) }
        #expect(built.count == inserted.count && built.count == universe.sorted.count)
        for k in 0..<built.count { #expect(built.orderStatistic(k) == inserted.orderStatistic(k)) }
        for c in [-10.0, 0, 1.5, 3, 100] { #expect(abs(built.crps(at: c) - inserted.crps(at: c)) <= 1e-14) }
        #expect(built.crps(at: .nan).isNaN)
    }

    /// Every origin's naive and seasonal-naive forecast from a moving window against the direct computation.
    static func compareWindows(_ x: [Double], windows: [(Int, Int)], horizon: Int, exactCRPS: Bool) throws {
        let levels = [0.025, 0.1, 0.5, 0.9, 0.975]
        let methods: [BaselineForecasts.Method] = [.naive, .seasonalNaive(period: 7)]
        let lags = methods.reduce(into: Set<Int>()) { $0.formUnion($1.lags(horizon: horizon)) }
        let errors = try #require(BaselineErrors(values: x, lags: lags, workers: 2))
        var window = BaselineWindow(errors: errors, first: windows[0].0, last: windows[0].1)
        for (a, b) in windows {
            window.move(first: a, last: b)
            let actual = (1...horizon).map { b + $0 < x.count ? x[b + $0] : .nan }
            for method in methods {
                let direct = BaselineForecasts.forecast(method, training: Array(x[a...b]), horizon: horizon,
                                                        levels: levels, actual: actual)
                let fast = BaselineForecasts.forecast(method, window: window, horizon: horizon, levels: levels,
                                                      actual: actual)
                #expect((direct == nil) == (fast == nil), "\(method) \(a)…\(b)")
                guard let direct, let fast else { continue }
                #expect(Self.same(fast.mean, direct.mean))
                for d in 0..<horizon {
                    // Quantiles: the same order statistic plus f, so identical (NaN where the direct one is NaN).
                    #expect(Self.same(fast.quantiles[d], direct.quantiles[d]),
                            "\(method) \(a)…\(b) h \(d + 1): \(fast.quantiles[d]) vs \(direct.quantiles[d])")
                    let (f, g) = (fast.crps[d], direct.crps[d])
                    if g.isNaN { #expect(f.isNaN, "\(method) \(a)…\(b) h \(d + 1)"); continue }
                    let scale = (x[a...b].filter { !$0.isNaN }.map(abs).max() ?? 0) * 2 + abs(actual[d])
                    let allowed = exactCRPS ? 1e-12 * abs(g) : tolerance(direct: g, members: scale)
                    #expect(abs(f - g) <= allowed, "\(method) \(a)…\(b) h \(d + 1): \(f) vs \(g)")
                }
            }
        }
    }

    @Test("Expanding windows: every quantile identical, CRPS to 1e-12 (integer counts, 1e12-scale integers)")
    func expanding() throws {
        for level in [20.0, 1e12] {
            // Integer values: the direct members f + e are exact, so its CRPS is accurate and 1e-12 applies.
            let x = Self.series(days: 300, level: level, integer: true, seed: 7)
            let windows = stride(from: 0, to: 270, by: 5).map { (0, $0) }
            try Self.compareWindows(x, windows: windows, horizon: 28, exactCRPS: true)
        }
    }

    @Test("Sliding and jumping windows, real values at several scales (NaN gaps, the window shorter than a lag)")
    func sliding() throws {
        for (level, seed) in [(0.0, UInt64(3)), (1e6, 4), (-2.5e9, 5)] {
            let x = Self.series(days: 260, level: level, integer: false, seed: seed)
            // Sliding 30 days every 3 days, then jumps past the whole window (no overlap).
            var windows = stride(from: 0, to: 200, by: 3).map { (max(0, $0 - 29), $0) }
            windows += [(205, 206), (206, 215), (240, 240)]
            try Self.compareWindows(x, windows: windows, horizon: 10, exactCRPS: false)
        }
    }

    @Test("Values out of range (infinite, |x| ≥ 2⁹⁰⁰) leave the errors unranked: the backtest computes directly")
    func outOfRange() {
        #expect(BaselineErrors(values: [1, .infinity, 2], lags: [1], workers: 1) == nil)
        #expect(BaselineErrors(values: [1, 0x1p900, 2], lags: [1], workers: 1) == nil)
        #expect(BaselineErrors(values: [1, .nan, 0x1p899], lags: [1], workers: 1) != nil)
    }

    /// The direct baseline of every origin of a finished backtest.
    static func checkBacktest(_ result: BacktestResult, values x: [Double], start: CalendarDate) throws {
        let spec = result.specification
        for (i, window) in result.windows.enumerated() {
            let (a, b) = (window.first - start, window.last - start)
            let actual = (1...spec.horizon).map { x[b + $0] }
            for (method, evaluation) in [(BaselineForecasts.Method.naive, try #require(result.naive)),
                                         (.seasonalNaive(period: spec.seasonalPeriod), try #require(result.seasonalNaive))] {
                let direct = try #require(BaselineForecasts.forecast(method, training: Array(x[a...b]), horizon: spec.horizon,
                                                                     levels: spec.quantileLevels, actual: actual))
                for d in 0..<spec.horizon {
                    let row = evaluation.rows[i * spec.horizon + d]
                    #expect(Self.same(row.quantiles, direct.quantiles[d]) && Self.same([row.mean], [direct.mean[d]]),
                            "\(method) origin \(i)")
                    let (crps, expected) = (evaluation.crps[i * spec.horizon + d], direct.crps[d])
                    #expect(crps.isNaN ? expected.isNaN : abs(crps - expected) <= 1e-12 * abs(expected), "\(method) origin \(i)")
                }
            }
        }
    }

    @Test("Whole backtests (regression runs, forecaster runs, expanding and sliding, 1 and 2 workers) equal the direct baselines")
    func wholeBacktests() throws {
        let x = Self.series(days: 400, level: 50, integer: true, seed: 11).map { $0.isNaN ? $0 : max(0, $0) }
        let series = DatedSeries(start: Self.start, values: x)
        for window in [BacktestSpecification.TrainingWindow.expanding, .sliding(days: 60)] {
            for workers in [1, 2] {
                var spec = BacktestSpecification(model: TimeSeriesModel(kind: .ols), horizon: 14,
                                                 firstOrigin: Self.start.adding(days: 100), step: 3, window: window,
                                                 paths: 50, concurrency: workers)
                try Self.checkBacktest(try spec.run(series), values: x, start: Self.start)
                spec.origins = 40
                let forecaster = ForecasterKind.mean28.forecaster(regression: spec.model)
                try Self.checkBacktest(try spec.run(forecaster: forecaster, series: series), values: x, start: Self.start)
            }
        }
    }
}

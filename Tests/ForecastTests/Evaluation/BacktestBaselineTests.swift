import Foundation
import Testing
@testable import ForecastCore
@testable import ForecastData
@testable import ForecastModels
@testable import ForecastAnalysis
@testable import ForecastReporting
import Forecast

/// Baselines and skill on a series small enough to check by hand.
@Suite("Backtest: baselines and skill by hand")
struct BacktestBaselineTests {
    static let start = CalendarDate(year: 2025, month: 1, day: 6)!  // a Monday

    @Test("Naive baseline: point, empirical-error quantiles, CRPS, MASE with the origin's own scale")
    func naive() throws {
        // Training x = 1,3,2,5 (origin = day 3); actuals 4, 6.
        let x: [Double] = [1, 3, 2, 5]
        let forecast = try #require(BaselineForecasts.forecast(.naive, training: x, horizon: 2, levels: [0.25, 0.5, 0.75], actual: [4, 6]))
        // h = 1: errors x_t − x_{t−1} = 2, −1, 3 → members 7, 4, 8; type-1 quantiles of (4, 7, 8): 0.25 → 4,
        // 0.5 → 7, 0.75 → 8. h = 2: errors x_t − x_{t−2} = 1, 2 → members 6, 7 → quantiles 6, 6, 7.
        #expect(forecast.mean == [5, 5])
        #expect(forecast.quantiles == [[4, 7, 8], [6, 6, 7]])
        // CRPS(h=1, y=4) = mean|x−4| − ½·mean|xi−xj| = (0+3+4)/3 − (2·(3+4+1))/(2·9) = 7/3 − 8/9 = 13/9.
        #expect(abs(forecast.crps[0] - 13.0 / 9) < 1e-12)
        // CRPS(h=2, y=6) = (0+1)/2 − (2·1)/(2·4) = 0.5 − 0.25.
        #expect(abs(forecast.crps[1] - 0.25) < 1e-12)
    }

    @Test("Seasonal naive: lag m⌈h/m⌉ errors")
    func seasonal() throws {
        // m = 2, training 1, 2, 3, 4, 5 → point f = 4, 5, 4; errors at lag 2 (h = 1, 2): 2, 2, 2; lag 4 (h = 3): 4.
        let f = try #require(BaselineForecasts.forecast(.seasonalNaive(period: 2), training: [1, 2, 3, 4, 5],
                                                                   horizon: 3, levels: [0.5], actual: [6, 7, 8]))
        #expect(f.mean == [4, 5, 4])
        #expect(f.quantiles == [[6], [7], [8]])
        #expect(f.crps == [0, 0, 0])
    }

    @Test("A whole backtest: metrics, baselines and skill = 1 − S/S_baseline on a tiny series")
    func tinyBacktest() throws {
        // y = 0, 1, 2, …, 13 (a straight line): OLS with const + trend is exact, naive is off by h.
        let y = (0..<14).map(Double.init)
        let model = TimeSeriesModel(design: DesignSpecification(trend: .linear, dayOfWeek: false), kind: .ols)
        let spec = BacktestSpecification(model: model, horizon: 2, firstOrigin: Self.start.adding(days: 9), step: 2,
                                         quantileLevels: [0.1, 0.5, 0.9], paths: 20, concurrency: 1, seasonalPeriod: 7)
        let result = try spec.run(DatedSeries(start: Self.start, values: y))
        // Origins: days 9 and 11 (day 11 + 2 = 13 is the last day).
        #expect(result.origins.map { $0 - Self.start } == [9, 11])
        // Naive: forecasts 9, 9 (actual 10, 11) and 11, 11 (actual 12, 13): errors 1, 2, 1, 2 → MAE 1.5, RMSE √2.5.
        let naive = try #require(result.naive).metrics
        #expect(naive.meanAbsoluteError == 1.5)
        #expect(abs(naive.rootMeanSquaredError - 2.5.squareRoot()) < 1e-12)
        // Every in-sample naive error of a unit-slope line is h, so the naive distribution is the point mass
        // f + h = the actual: zero pinball and CRPS, full coverage.
        #expect(naive.pinballMean == 0 && naive.crps == 0 && naive.intervals.map(\.coverage) == [1])
        // Own-scale MASE: Q_1 = 1 for both origins → MASE(1) = MAE = 1.5.
        #expect(naive.mase1 == 1.5)
        // Seasonal naive (m = 7): f_h = x_{n−7+h} = actual − 7 → MAE 7; its h-step errors are all 7 → exact quantiles.
        let seasonal = try #require(result.seasonalNaive).metrics
        #expect(seasonal.meanAbsoluteError == 7)
        #expect(seasonal.maseSeasonal == 1)
        // The model is exact (residual 0) → MAE ≈ 0 and skill ≈ 1 against both baselines.
        #expect(result.model.metrics.meanAbsoluteError < 1e-9)
        #expect(abs(try #require(result.skillVersusSeasonalNaive?.mae) - 1) < 1e-9)
        #expect(try #require(result.skillVersusNaive).crps == nil)  // the naive CRPS is 0: skill undefined, not −∞
        // By horizon: h = 1 errors 1, 1; h = 2 errors 2, 2.
        #expect(try #require(result.naive).byHorizon.map(\.meanAbsoluteError) == [1, 2])
        #expect(result.model.rows.map(\.h) == [1, 2, 1, 2])
    }

    @Test("Skill and pinball of a model against a baseline, checked from the rows")
    func skillFromRows() throws {
        var random = RandomSource(seed: 5)
        let y = (0..<120).map { t in 20 + 0.1 * Double(t) + 3 * random.normal() }
        let spec = BacktestSpecification(model: TimeSeriesModel(kind: .ols), horizon: 7,
                                         firstOrigin: Self.start.adding(days: 60), step: 7, paths: 100, concurrency: 1)
        let result = try spec.run(DatedSeries(start: Self.start, values: y))
        let rows = result.model.rows, base = try #require(result.seasonalNaive).rows
        let mae = rows.map { abs($0.actual - $0.mean) }.reduce(0, +) / Double(rows.count)
        let baseMAE = base.map { abs($0.actual - $0.mean) }.reduce(0, +) / Double(base.count)
        #expect(abs(result.model.metrics.meanAbsoluteError - mae) < 1e-12)
        #expect(abs(try #require(result.skillVersusSeasonalNaive?.mae) - (1 - mae / baseMAE)) < 1e-12)
        let tau = 0.9
        let pinball = rows.map { QuantileScores.pinball($0.actual - $0.quantiles[3], level: tau) }.reduce(0, +) / Double(rows.count)
        #expect(abs(result.model.metrics.pinball[3] - pinball) < 1e-12)
        let coverage = Double(rows.filter { $0.quantiles[1] <= $0.actual && $0.actual <= $0.quantiles[3] }.count) / Double(rows.count)
        #expect(result.model.metrics.intervals.first { $0.percent == 80 }?.coverage == coverage)
    }

    @Test("baselines: false skips them: nil baselines and skills, null in JSON, no rows in the table; model unchanged")
    func withoutBaselines() throws {
        var random = RandomSource(seed: 5)
        let y = (0..<120).map { t in 20 + 0.1 * Double(t) + 3 * random.normal() }
        var spec = BacktestSpecification(model: TimeSeriesModel(kind: .ols), horizon: 7,
                                         firstOrigin: Self.start.adding(days: 60), step: 7, paths: 100, concurrency: 1)
        let with = try spec.run(DatedSeries(start: Self.start, values: y))
        spec.baselines = false
        let without = try spec.run(DatedSeries(start: Self.start, values: y))
        #expect(without.naive == nil && without.seasonalNaive == nil)
        #expect(without.skillVersusNaive == nil && without.skillVersusSeasonalNaive == nil)
        #expect(with.naive != nil && with.skillVersusSeasonalNaive != nil)
        // The model's rows, per-row CRPS and scores (MASE included) do not depend on the baselines.
        #expect(without.model.rows == with.model.rows)
        #expect(without.model.crps == with.model.crps)
        #expect(without.model.metrics == with.model.metrics)
        #expect(without.model.byHorizon == with.model.byHorizon)
        guard case let .object(fields) = without.json() else {
            Issue.record("the JSON document is not an object")
            return
        }
        let keys = fields.map(\.0)
        #expect(keys.contains("baselines") && keys.contains("skill"))
        for (key, value) in fields where key == "baselines" || key == "skill" { #expect(value == .null, "\(key)") }
        let table = without.table()
        #expect(!table.contains("seasonal naive") && table.contains("Baselines not scored."))
        #expect(with.table().contains("seasonal naive"))
    }
}

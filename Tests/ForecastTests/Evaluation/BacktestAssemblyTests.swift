import Foundation
import Testing
@testable import ForecastCore
@testable import ForecastData
@testable import ForecastModels
@testable import ForecastAnalysis
@testable import ForecastReporting
import Forecast

/// The result's scores are summed from terms made in the origins' tasks (`OriginRows`); they must equal the
/// library's metrics of the rows bit for bit, and not depend on the number of workers.
@Suite("Backtest: scores assembled from per-origin terms")
struct BacktestAssemblyTests {
    static let start = CalendarDate(year: 2024, month: 3, day: 4)!

    /// 330 days of counts with zeros (MAPE exclusions), a trend, a weekly pattern and missing days.
    static func series() -> [Double] {
        var random = SeededRandom(seed: 41)
        return (0..<330).map { t in
            if t % 37 == 5 || (t >= 200 && t < 204) { return .nan }
            let level = 2 + 0.01 * Double(t) + (t % 7 == 2 ? 4 : 0) + 3 * random.normal()
            return max(0, level.rounded())
        }
    }

    /// Every score of `evaluation` against the library's metric functions applied to its rows.
    static func checkScores(_ evaluation: BacktestResult.Evaluation, result: BacktestResult, values: [Double]) {
        let spec = result.specification
        let levels = spec.quantileLevels, h = spec.horizon
        let scales = TrainingScales(response: values, periods: [1, spec.seasonalPeriod])
        func expected(_ indices: [Int]) -> String {
            let rows = indices.map { evaluation.rows[$0] }
            let y = rows.map(\.actual), f = rows.map(\.mean)
            let columns = levels.indices.map { j in rows.map { $0.quantiles[j] } }
            func mase(_ m: Int) -> Double? {
                let scaled = indices.enumerated().map { k, i -> Double in
                    let window = result.windows[i / h]
                    let q = scales.absoluteScale(period: m, first: window.first - start, last: window.last - start)
                    return q.map { abs(y[k] - f[k]) / $0 } ?? .nan
                }
                let average = DailyAverage.mean(scaled)
                return average.count > 0 ? average.value : nil
            }
            let intervals = IntervalScores.centralIntervals(levels: levels).map { c in
                (c.nominalPercent,
                 IntervalScores.coverage(actual: y, lower: columns[c.lowerIndex], upper: columns[c.upperIndex]),
                 IntervalScores.meanIntervalScore(actual: y, lower: columns[c.lowerIndex], upper: columns[c.upperIndex],
                                                  alpha: c.alpha))
            }
            return "\(y.filter { !$0.isNaN }.count) \(PointMetrics.meanError(actual: y, forecast: f)) "
                + "\(PointMetrics.meanAbsoluteError(actual: y, forecast: f)) \(PointMetrics.rootMeanSquaredError(actual: y, forecast: f)) "
                + "\(PointMetrics.meanAbsolutePercentageError(actual: y, forecast: f)) "
                + "\(PointMetrics.symmetricMeanAbsolutePercentageError(actual: y, forecast: f)) \(String(describing: mase(1))) "
                + "\(String(describing: mase(spec.seasonalPeriod))) "
                + "\(levels.indices.map { QuantileScores.meanPinballLoss(actual: y, quantile: columns[$0], level: levels[$0]) }) "
                + "\(QuantileScores.meanPinballLossOverLevels(actual: y, quantiles: columns, levels: levels)) "
                + "\(intervals.map { "\($0.0) \($0.1) \($0.2)" }) \(DailyAverage.mean(indices.map { evaluation.crps[$0] }).value)"
        }
        func actual(_ s: BacktestScores) -> String {
            "\(s.rows) \(s.meanError) \(s.meanAbsoluteError) \(s.rootMeanSquaredError) \(s.percentageError) "
                + "\(s.symmetricPercentageError) \(String(describing: s.mase1)) \(String(describing: s.maseSeasonal)) "
                + "\(s.pinball) \(s.pinballMean) \(s.intervals.map { "\($0.percent) \($0.coverage) \($0.intervalScore)" }) \(s.crps)"
        }
        // Doubles print as their shortest round-trip form, so equal strings mean equal bits (NaN included).
        #expect(actual(evaluation.metrics) == expected(Array(evaluation.rows.indices)))
        for d in 0..<h {
            #expect(actual(evaluation.byHorizon[d]) == expected(Array(stride(from: d, to: evaluation.rows.count, by: h))), "h \(d + 1)")
        }
    }

    @Test("Scores equal PointMetrics, QuantileScores, IntervalScores, MASE and CRPS means of the rows, bit for bit")
    func scoresEqualLibraryMetrics() throws {
        let y = Self.series()
        let spec = BacktestSpecification(model: TimeSeriesModel(kind: .ols), horizon: 9,
                                         firstOrigin: Self.start.adding(days: 120), step: 4, paths: 40, concurrency: 2)
        let result = try spec.run(DatedSeries(start: Self.start, values: y))
        #expect(result.model.metrics.percentageError.zeroActuals > 0)
        for evaluation in [result.model, try #require(result.naive), try #require(result.seasonalNaive)] {
            Self.checkScores(evaluation, result: result, values: y)
        }
    }

    @Test("One and two workers give identical results, every field (updated OLS, NB2 with samples, a forecaster)")
    func workersDoNotMatter() throws {
        let y = Self.series()
        let series = DatedSeries(start: Self.start, values: y)
        var specs = [BacktestSpecification(model: TimeSeriesModel(kind: .ols), horizon: 7,
                                           firstOrigin: Self.start.adding(days: 30), step: 1, paths: 20, concurrency: 1),
                     BacktestSpecification(model: TimeSeriesModel(kind: .nb2), horizon: 5,
                                           firstOrigin: Self.start.adding(days: 150), step: 11, paths: 30,
                                           keepSamples: true, concurrency: 1)]
        specs[1].window = .sliding(days: 120)
        for var spec in specs {
            let one = try spec.run(series)
            spec.concurrency = 2
            let two = try spec.run(series)
            #expect(Set(one.methods).count > 1 || one.methods.count > 20)
            let same = Self.fields(one) == Self.fields(two)
            #expect(same, "\(spec.model.kind.map { "\($0)" } ?? "auto")")
        }
        var forecasterSpec = specs[0]
        forecasterSpec.origins = 60
        let forecaster = ForecasterKind.mean28.forecaster(regression: forecasterSpec.model)
        let one = try forecasterSpec.run(forecaster: forecaster, series: series)
        forecasterSpec.concurrency = 2
        let two = try forecasterSpec.run(forecaster: forecaster, series: series)
        let same = Self.fields(one) == Self.fields(two)
        #expect(same)
    }

    /// Every field of a result but the specification (whose `concurrency` differs), as text: Doubles print in
    /// their shortest round-trip form, so equal text means equal bits, NaN included.
    static func fields(_ r: BacktestResult) -> String {
        String(describing: (r.windows, r.methods, r.model, r.naive, r.seasonalNaive, r.skillVersusNaive,
                            r.skillVersusSeasonalNaive, r.samples, r.failedOrigins))
    }
}

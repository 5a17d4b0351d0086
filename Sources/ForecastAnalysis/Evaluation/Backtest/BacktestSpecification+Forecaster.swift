import ForecastCore
import ForecastData
import ForecastModels
import Foundation

// Backtesting any `Forecaster` (the local ensemble, the baselines, `auto`) on the same origins, windows, baselines
// and scores as the regression backtest.
//
// Policy:
// 1. Origin o's forecaster sees `series` cut at o and starting at the window's first day (`DatedSeries.through`;
//    regressors are kept whole, being known in advance). Nothing after o reaches it.
// 2. The forecaster's paths are the origin's ensemble: type-1 quantiles and the ensemble CRPS of its samples; the
//    mean is the forecaster's mean. Baselines, MASE scales and skills as in the regression backtest.
// 3. Origin o's seed is the first draw of `RandomSource(seed: seed, key: days since 1970 of o)`.
// 4. A forecaster that throws at an origin is replaced by the seasonal-naive baseline there and the origin is
//    listed in `failedOrigins`.
// 5. Origins are split into runs as in the regression backtest (`runBoundaries`), with runs as short as one
//    origin: a run's start costs only building its baselines' error window (O(n) per lag), less than one
//    forecaster's paths, so short backtests keep their parallelism. Runs execute in parallel (`ParallelMap`: one
//    BLAS thread per task, results in origin order, so they do not depend on the number of workers), and each
//    run moves its baselines' error window forward from origin to origin (`RunBaselines`).

extension BacktestSpecification {
    /// Runs the backtest with `forecaster` at every origin (`model` supplies only `from`; `refit` and `warmStarts`
    /// do not apply: every origin is forecast afresh).
    /// - Throws: `BacktestError` when the first origin is outside the series or a horizon runs past its end.
    public func run(forecaster: any Forecaster, series: DatedSeries) throws(BacktestError) -> BacktestResult {
        let (windows, data, scales, errors) = try prepare(series, vintage: nil)
        let specification = self
        let runs = Self.runBoundaries(origins: windows.count, refit: .every, minimumLength: 1)
        let outcomes = ParallelMap.map(count: runs.count, workers: concurrency) { index in
            var baselines = RunBaselines(errors: errors)
            return runs[index].map { i in
                specification.outcome(forecaster: forecaster, series: series, window: windows[i], data: data,
                                      scales: scales, baselines: &baselines)
            }
        }.flatMap { $0 }
        return BacktestResult(specification: self, windows: windows, outcomes: outcomes)
    }

    /// One origin (policies 1–4).
    func outcome(forecaster: any Forecaster, series: DatedSeries, window: DateSpan, data: BacktestData,
                 scales: TrainingScales, baselines runBaselines: inout RunBaselines) -> OriginOutcome {
        let origin = window.last
        let actual = (1...horizon).map { data.response(at: origin.adding(days: $0)) }
        let offset = window.first - series.start
        let training = Array(series.values[offset...(origin - series.start)])
        let history = DatedSeries(name: series.name, start: window.first, values: training,
                                  regressors: series.regressors.mapValues { Array($0[offset...]) })
        var random = RandomSource(seed: seed, key: UInt64(bitPattern: Int64(origin.daysSinceEpoch)))
        let settings = ForecastSettings(horizon: horizon, paths: paths, seed: random.next())
        func baseline(_ method: BaselineForecasts.Method) -> OriginForecast {
            runBaselines.forecast(method, first: offset, last: origin - series.start, training: { training },
                                  horizon: horizon, levels: quantileLevels, actual: actual)
        }
        let seasonal = baselines ? baseline(.seasonalNaive(period: seasonalPeriod)) : nil
        let naive = baselines ? baseline(.naive) : nil
        var failure: BacktestResult.FailedOrigin? = nil
        let forecast: OriginForecast
        do throws(ModelError) {
            let distribution = try forecaster.forecast(history, settings: settings)
            let members = (0..<horizon).map { t in (0..<distribution.pathCount).map { distribution.paths[t, $0] } }
            forecast = .ensemble(members: members, mean: distribution.mean, levels: quantileLevels, actual: actual,
                                 keepSamples: keepSamples)
        } catch {
            failure = BacktestResult.FailedOrigin(origin: origin, reason: "\(error)", fallback: .seasonalNaive)
            forecast = seasonal ?? baseline(.seasonalNaive(period: seasonalPeriod))
        }
        return OriginOutcome(
            window: window, method: failure == nil ? .refit : .fallback, failure: failure, model: forecast,
            naive: naive, seasonalNaive: seasonal, actual: actual,
            scale1: scale(period: 1, window: window, data: data, scales: scales, training: { training }),
            scaleSeasonal: scale(period: seasonalPeriod, window: window, data: data, scales: scales,
                                 training: { training }),
            levels: quantileLevels)
    }
}

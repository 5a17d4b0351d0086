import ForecastCore
import ForecastData
import ForecastModels
import Foundation

/// A fit and its forecast, as `TimeSeriesModel.forecastMany` returns them per series.
public struct FittedForecast: Sendable {
    public let fit: TimeSeriesFit
    public let forecast: ForecastTable
}

extension TimeSeriesModel {
    /// Fits this model to every response series and forecasts each, in parallel on `ParallelMap` (the library's
    /// one parallel loop: up to `concurrency` workers, one BLAS thread per task, results in input order). Each
    /// series has its own model choice and fit, and `seed` is used as given for every series, so a series'
    /// forecast equals the one of a single fit with the same seed. A series that fails yields `.failure` with its
    /// error; the others are unaffected.
    /// - Parameters:
    ///   - series: the dated series (response, regressors, name), one per response.
    ///   - horizon: forecast days after each series' last training day.
    ///   - levels: interval levels in percent (e.g. [80, 95]).
    ///   - paths: simulated paths per series.
    ///   - seed: the simulation seed of every series.
    ///   - concurrency: number of parallel workers (default: active processor count).
    public func forecastMany(_ series: [DatedSeries], horizon: Int, levels: [Double], paths: Int, seed: UInt64,
                             concurrency: Int = ProcessInfo.processInfo.activeProcessorCount)
        -> [Result<FittedForecast, ModelError>] {
        let model = self
        return ParallelMap.map(count: series.count, workers: concurrency) { index in
            Result { () throws(ModelError) in
                let fit = try model.fit(series[index])
                let forecast = try fit.forecast(horizon: horizon, levels: levels, paths: paths, seed: seed, keepPaths: true)
                return FittedForecast(fit: fit, forecast: forecast)
            }
        }
    }
}

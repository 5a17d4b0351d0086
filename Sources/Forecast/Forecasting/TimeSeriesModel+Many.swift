import Foundation

/// A fit and its forecast, as `TimeSeriesModel.forecastMany` returns them per series.
public struct FittedForecast: Sendable {
    public let fit: TimeSeriesFit
    public let forecast: ForecastTable
}

extension TimeSeriesModel {
    /// Fits this model to every response series and forecasts each, in parallel: series are spread over
    /// `concurrency` workers with OpenBLAS set to one thread for the duration (restored afterwards), as
    /// `CountRegression.fitMany`. Each series has its own model choice, fit and seed stream (`seed` is used as
    /// given for every series, so a series' forecast equals the one of a single fit with the same seed). A series
    /// that fails yields `.failure` with its error; the others are unaffected. Results are in input order.
    /// - Parameters:
    ///   - start: the first day of every series.
    ///   - responses: (name, daily values) per series, all aligned with `start`.
    ///   - regressors: file columns by name, shared by every series.
    public func forecastMany(start: CalendarDate, responses: [(name: String, values: [Double])],
                             regressors: [String: [Double]] = [:], horizon: Int, levels: [Double], paths: Int,
                             seed: UInt64, concurrency: Int = ProcessInfo.processInfo.activeProcessorCount)
        -> [Result<FittedForecast, ModelError>] {
        let count = responses.count
        guard count > 0 else { return [] }
        let workers = max(1, min(concurrency, count))
        let results = ResultSlots<FittedForecast>(count: count)
        let previousThreads = BLASThreads.count
        BLASThreads.set(1)
        defer { BLASThreads.set(previousThreads) }
        let model = self
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var index = worker
            while index < count {
                do throws(ModelError) {
                    let fit = try model.fit(start: start, response: responses[index].values, regressors: regressors,
                                            responseName: responses[index].name)
                    let forecast = try fit.forecast(horizon: horizon, levels: levels, paths: paths, seed: seed, keepPaths: true)
                    results.store(.success(FittedForecast(fit: fit, forecast: forecast)), at: index)
                } catch {
                    results.store(.failure(error), at: index)
                }
                index += workers
            }
        }
        return results.values
    }
}

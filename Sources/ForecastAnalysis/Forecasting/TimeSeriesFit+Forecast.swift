import ForecastCore
import ForecastData
import ForecastModels
import Foundation

// Forecasting policy:
// 1. The horizon starts the day after the last training day, whatever later rows the series has; trend, day of
//    week, Fourier terms, event windows and steps continue by the schema's rules; regressors must have values.
// 2. OLS without AR terms: analytic mean and Student-t prediction intervals (statsmodels `obs_ci`).
// 3. Count models, and anything with AR terms: N simulated paths. Per path, parameters are drawn once from their
//    estimated sampling distribution — N(θ̂, V) over the kept coefficients (and NB2's α, jointly, clamped at 0 =
//    Poisson); for OLS σ² = σ̂² ν / χ²_ν — then each day's response is drawn from the model (Poisson, NB2 or
//    Normal), simulated values feeding the AR lags. Intervals and medians are type-1 sample quantiles
//    (inverse empirical CDF), so for counts they are integers ≥ 0. Deterministic for a given seed.

extension TimeSeriesFit {
    /// Forecasts `horizon` days after the training window.
    /// - Parameters:
    ///   - horizon: number of days (≥ 1).
    ///   - levels: central interval levels in percent, each in (0, 100).
    ///   - paths: simulated paths (count models or AR terms).
    ///   - seed: simulation seed.
    ///   - keepPaths: also simulate paths where intervals are analytic (OLS without AR terms), for totals and
    ///     thresholds; the analytic means and intervals are still reported.
    public func forecast(horizon: Int, levels: [Double] = [80, 95], paths: Int = 1000, seed: UInt64 = 1,
                         keepPaths: Bool = false) throws(ModelError) -> ForecastTable {
        precondition(horizon >= 1, "horizon must be ≥ 1 day")
        precondition(levels.allSatisfy { $0 > 0 && $0 < 100 }, "levels are percentages in (0, 100)")
        precondition(paths >= 1, "paths must be ≥ 1")
        let dates = (1...horizon).map { trainingWindow.last.adding(days: $0) }
        var regressorRows: [[Double]] = []
        for date in dates {
            var values: [Double] = []
            for name in schema.specification.regressors {
                guard let v = regressorValue(name, at: date) else {
                    throw .regressorUnavailable(name: name, date: "\(date)")
                }
                values.append(v)
            }
            regressorRows.append(values)
        }
        let actuals: [Double?] = dates.map { let v = responseValue(at: $0); return v.isNaN ? nil : v }
        let lags = schema.specification.autoregressiveLags

        if let linear, lags.isEmpty {
            let rows = dates.indices.map { schema.row(for: dates[$0], lags: [], regressors: regressorRows[$0]) }
            let x = Matrix(rows: rows)
            let byLevel = try levels.map { level throws(ModelError) in try linear.predict(x, level: level / 100) }
            let days = dates.indices.map { t in
                ForecastDay(date: dates[t], mean: linear.predict(row: rows[t]), median: linear.predict(row: rows[t]),
                            intervals: levels.indices.map { PredictionInterval(level: levels[$0], lower: byLevel[$0][t].lower,
                                                                               upper: byLevel[$0][t].upper) },
                            actual: actuals[t])
            }
            let simulated = keepPaths
                ? try simulatePaths(dates: dates, regressorRows: regressorRows, paths: paths, seed: seed) : nil
            return ForecastTable(days: days, levels: levels, method: .analytic, paths: simulated)
        }

        let simulated = try simulatePaths(dates: dates, regressorRows: regressorRows, paths: paths, seed: seed)
        var days: [ForecastDay] = []
        var sorted = [Double](repeating: 0, count: paths)
        for t in dates.indices {
            for p in 0..<paths { sorted[p] = simulated[t, p] }
            sorted.sort()
            let pathMean = sorted.reduce(0, +) / Double(paths)
            var mean = pathMean
            if lags.isEmpty, let count {
                // statsmodels `predict`: exp(x′β̂), the model mean at the estimates.
                let row = schema.row(for: dates[t], lags: [], regressors: regressorRows[t])
                mean = exp(count.keptColumns.enumerated().reduce(0.0) { $0 + row[$1.element] * count.coefficients[$1.element].estimate })
            }
            let intervals = levels.map { level in
                let tail = (1 - level / 100) / 2
                return PredictionInterval(level: level, lower: Self.quantile(sorted, tail), upper: Self.quantile(sorted, 1 - tail))
            }
            days.append(ForecastDay(date: dates[t], mean: mean, median: Self.quantile(sorted, 0.5), intervals: intervals,
                                    actual: actuals[t]))
        }
        return ForecastTable(days: days, levels: levels, method: .simulation(paths: paths, seed: seed), paths: simulated)
    }

    /// Type-1 sample quantile (inverse empirical CDF) of sorted values: x[⌈qN⌉ − 1].
    static func quantile(_ sorted: [Double], _ q: Double) -> Double {
        PredictiveDistribution.quantile(sorted: sorted, q)
    }
}

extension LinearRegressionFit {
    /// x′b over the kept columns of one full design row.
    func predict(row: [Double]) -> Double {
        keptColumns.reduce(0.0) { $0 + row[$1] * coefficients[$1].estimate }
    }
}

// BaselineForecasts — the naive and seasonal-naive baselines of a backtest origin, with predictive distributions
// from their own in-sample h-step errors.
//
// Policy:
// 1. Point forecasts are `NaiveForecasts.naive` / `seasonalNaive` of the origin's training window.
// 2. The h-step forecast of the naive method is x_{t−h}, of the seasonal-naive method with period m
//    x_{t−m⌈h/m⌉}; the in-sample h-step errors of the training series x_1…x_n are therefore
//    e_t = x_t − x_{t−L_h} with L_h = h (naive) or m⌈h/m⌉ (seasonal naive), t = L_h+1…n, NaN pairs skipped.
// 3. The predictive distribution of day h is the empirical distribution of f_h + e (statsforecast's
//    conformal/`ConformalIntervals` idea with all in-sample errors instead of a hold-out); quantiles are type-1
//    sample quantiles of it, the CRPS its ensemble CRPS. Without any error the distribution is the point mass f_h.

/// Naive and seasonal-naive baselines with empirical-error predictive distributions.
import ForecastCore
import ForecastData
import ForecastModels
enum BaselineForecasts {
    /// The baseline forecast of one origin. `lag(h)` gives L_h.
    static func forecast(training x: [Double], point: [Double], lag: (Int) -> Int, levels: [Double],
                         actual: [Double]) -> OriginForecast {
        var members: [[Double]] = []
        for h in 1...point.count {
            let l = lag(h)
            var errors: [Double] = []
            if x.count > l {
                errors.reserveCapacity(x.count - l)
                for t in l..<x.count where !x[t].isNaN && !x[t - l].isNaN { errors.append(x[t] - x[t - l]) }
            }
            let f = point[h - 1]
            members.append(errors.isEmpty ? [f] : errors.map { f + $0 })
        }
        return OriginForecast.ensemble(members: members, mean: point, levels: levels, actual: actual, keepSamples: false)
    }

    /// The naive baseline (L_h = h); nil for an empty training series.
    static func naive(training x: [Double], horizon: Int, levels: [Double], actual: [Double]) -> OriginForecast? {
        guard let point = NaiveForecasts.naive(training: x, horizon: horizon) else { return nil }
        return forecast(training: x, point: point, lag: { $0 }, levels: levels, actual: actual)
    }

    /// The seasonal-naive baseline with period m (L_h = m⌈h/m⌉); nil when the series is shorter than m.
    static func seasonalNaive(training x: [Double], period m: Int, horizon: Int, levels: [Double],
                              actual: [Double]) -> OriginForecast? {
        guard let point = NaiveForecasts.seasonalNaive(training: x, period: m, horizon: horizon) else { return nil }
        return forecast(training: x, point: point, lag: { m * (($0 + m - 1) / m) }, levels: levels, actual: actual)
    }
}

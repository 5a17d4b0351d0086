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
// 4. Two computations of the same numbers. From the training values (`training:`): the members f_h + e are built
//    and sorted per day, O(n log n) per origin and day — used with vintages. From a `BaselineWindow` (`window:`):
//    the type-1 quantile of f + E is f + the same order statistic of E (x ↦ f + x is monotone in floating point,
//    so the values are identical), and the ensemble CRPS of f + E at y is that of E at y − f, read off the
//    window's `ErrorMultiset` in O(log n). The CRPS agrees with the direct one to rounding: the direct form
//    rounds each member f + e, the window's form rounds y − f once.

/// Naive and seasonal-naive baselines with empirical-error predictive distributions.
import ForecastCore
import ForecastData
import ForecastModels
enum BaselineForecasts {
    /// A baseline method.
    enum Method: Sendable, Equatable {
        /// The last value (L_h = h).
        case naive
        /// The value one period back (L_h = m⌈h/m⌉).
        case seasonalNaive(period: Int)

        /// L_h, the lag of day h's errors (policy 2).
        func lag(_ h: Int) -> Int {
            switch self {
            case .naive: return h
            case let .seasonalNaive(m): return m * ((h + m - 1) / m)
            }
        }

        /// The lags of days 1…H.
        func lags(horizon: Int) -> Set<Int> { Set((1...horizon).map(lag)) }

        /// Days at the end of the training window the point forecast reads.
        var memory: Int {
            switch self {
            case .naive: return 1
            case let .seasonalNaive(m): return m
            }
        }

        /// The point forecast (policy 1); nil when the training series is too short (empty; shorter than m).
        func point(training x: [Double], horizon: Int) -> [Double]? {
            switch self {
            case .naive: return NaiveForecasts.naive(training: x, horizon: horizon)
            case let .seasonalNaive(m): return NaiveForecasts.seasonalNaive(training: x, period: m, horizon: horizon)
            }
        }
    }

    /// The baseline forecast of one origin from its training values (policy 4, direct); nil when the series is too
    /// short for the point forecast.
    static func forecast(_ method: Method, training x: [Double], horizon: Int, levels: [Double],
                         actual: [Double]) -> OriginForecast? {
        guard let point = method.point(training: x, horizon: horizon) else { return nil }
        var members: [[Double]] = []
        for h in 1...horizon {
            let l = method.lag(h)
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

    /// The same forecast from the errors of a training window (policy 4, O(log n) per day and level); the window
    /// must hold the method's lags.
    static func forecast(_ method: Method, window: BaselineWindow, horizon: Int, levels: [Double],
                         actual: [Double]) -> OriginForecast? {
        guard let point = method.point(training: window.trailingValues(method.memory), horizon: horizon) else { return nil }
        var quantiles: [[Double]] = [], crps: [Double] = []
        for h in 1...horizon {
            let f = point[h - 1], y = actual[h - 1]
            let errors = window.multiset(lag: method.lag(h))
            if f.isNaN {
                quantiles.append([Double](repeating: .nan, count: levels.count))
                crps.append(.nan)
            } else if errors.count == 0 {  // the point mass f
                quantiles.append([Double](repeating: f, count: levels.count))
                crps.append(y.isNaN ? .nan : abs(f - y))
            } else {
                quantiles.append(levels.map {
                    f + errors.orderStatistic(PredictiveDistribution.quantileIndex(count: errors.count, level: $0))
                })
                crps.append(y.isNaN ? .nan : errors.crps(at: y - f))
            }
        }
        return OriginForecast(mean: point, quantiles: quantiles, crps: crps, samples: nil)
    }
}

/// The baselines of one run of consecutive origins: from a `BaselineWindow` moved origin by origin when the
/// backtest ranked its errors (`BaselineErrors`), else from each origin's training values (policy 4).
struct RunBaselines {
    let errors: BaselineErrors?
    private var window: BaselineWindow? = nil

    init(errors: BaselineErrors?) { self.errors = errors }

    /// The forecast of `method` at the origin whose training window is days `first…last` of the series (indices);
    /// `training` reads that window's values (called only without `errors`). NaN forecasts when the window is too
    /// short for the method.
    mutating func forecast(_ method: BaselineForecasts.Method, first: Int, last: Int, training: () -> [Double],
                           horizon: Int, levels: [Double], actual: [Double]) -> OriginForecast {
        let forecast: OriginForecast?
        if let errors {
            if window == nil {
                window = BaselineWindow(errors: errors, first: first, last: last)
            } else {
                window!.move(first: first, last: last)
            }
            forecast = BaselineForecasts.forecast(method, window: window!, horizon: horizon, levels: levels, actual: actual)
        } else {
            forecast = BaselineForecasts.forecast(method, training: training(), horizon: horizon, levels: levels, actual: actual)
        }
        return forecast ?? OriginForecast.missing(horizon: horizon, levels: levels.count)
    }
}

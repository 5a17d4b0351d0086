// NaiveForecasts — the baselines every forecast should beat: naive (last value) and seasonal naive (same day of the
// last season), as R `forecast::naive` / `snaive` and statsforecast `Naive` / `SeasonalNaive` produce them.
//
// Policy:
//  1. Naive: f_h = x_n for every h = 1…H.
//  2. Seasonal naive with period m: f_h = x_(n − m + ((h − 1) mod m) + 1), i.e. with 0-based t = h − 1,
//     f[t] = train[n − m + (t mod m)] (the reference's `f_snaive7` for m = 7).
//  3. The training series must hold at least 1 (naive) or m (seasonal naive) values; otherwise nil. NaN values are
//     copied (a missing last value gives a missing forecast).

/// Naive and seasonal-naive point forecasts from a training series.
import ForecastCore
import ForecastData
import ForecastModels
public enum NaiveForecasts {
    /// The naive forecast: the last training value repeated `horizon` times; nil for an empty series.
    /// Precondition: `horizon ≥ 0`.
    public static func naive(training: [Double], horizon: Int) -> [Double]? {
        precondition(horizon >= 0, "NaiveForecasts.naive: horizon must be ≥ 0, got \(horizon)")
        guard let last = training.last else { return nil }
        return [Double](repeating: last, count: horizon)
    }

    /// The seasonal-naive forecast with period m: f[t] = training[n − m + (t mod m)], t = 0..<horizon; nil when
    /// the series is shorter than m. Preconditions: `period ≥ 1`, `horizon ≥ 0`.
    public static func seasonalNaive(training: [Double], period m: Int, horizon: Int) -> [Double]? {
        precondition(m >= 1, "NaiveForecasts.seasonalNaive: period must be ≥ 1, got \(m)")
        precondition(horizon >= 0, "NaiveForecasts.seasonalNaive: horizon must be ≥ 0, got \(horizon)")
        let n = training.count
        guard n >= m else { return nil }
        return (0..<horizon).map { training[n - m + $0 % m] }
    }
}

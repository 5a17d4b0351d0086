// PointMetrics — accuracy of a point forecast f_t against actuals y_t, t = 1…h.
//
// Policy:
//  1. Definitions are those of Tests/Fixtures/reference/README.md ("Forecast metrics"), e_t = y_t − f_t. ME, MAE and
//     RMSE equal R `forecast::accuracy` (forecast 8.20) to rounding; MAPE differs from R on purpose: zero actuals
//     are excluded and counted instead of making the whole MAPE infinite.
//  2. Missing values: a day where y_t or f_t is NaN is skipped (R's `na.rm = TRUE`); a mean over no days is NaN.
//  3. Every function is O(h) with compensated sums; the arrays must have the same length (a precondition).

/// MAPE together with the days it could use.
import ForecastCore
import ForecastData
import ForecastModels
public struct PercentageError: Sendable, Equatable {
    /// 100 · mean |e_t|/|y_t| over the days with y_t ≠ 0 (NaN when there are none).
    public let value: Double
    /// How many days entered the mean (`MAPE_n_used` of the reference, `mapeUsed` of `forecast score`).
    public let daysUsed: Int
    /// How many days were excluded because y_t = 0.
    public let zeroActuals: Int

    /// A MAPE with its day counts.
    public init(value: Double, daysUsed: Int, zeroActuals: Int) {
        self.value = value
        self.daysUsed = daysUsed
        self.zeroActuals = zeroActuals
    }
}

/// Point-forecast accuracy measures: mean error, MAE, RMSE, MAPE and sMAPE.
///
/// Each function takes the actuals and one point forecast as arrays aligned by day. Missing values (NaN in either
/// array) drop that day, as R `forecast::accuracy` does; a mean over no days is NaN.
public enum PointMetrics {
    /// The forecast errors e_t = y_t − f_t (NaN where either is NaN).
    public static func errors(actual: [Double], forecast: [Double]) -> [Double] {
        DailyAverage.requireAligned("PointMetrics.errors", actual.count, forecast.count)
        return zip(actual, forecast).map { $0 - $1 }
    }

    /// Mean error (bias) ME = mean_t (y_t − f_t); positive when the forecast is too low.
    ///
    /// Matches R `forecast::accuracy(...)["ME"]` and numpy `mean(y - f)`.
    public static func meanError(actual: [Double], forecast: [Double]) -> Double {
        DailyAverage.requireAligned("PointMetrics.meanError", actual.count, forecast.count)
        return DailyAverage.mean(days: actual.count) { actual[$0] - forecast[$0] }.value
    }

    /// Mean absolute error MAE = mean_t |y_t − f_t|, in the units of y.
    ///
    /// Matches R `forecast::accuracy(...)["MAE"]`.
    public static func meanAbsoluteError(actual: [Double], forecast: [Double]) -> Double {
        DailyAverage.requireAligned("PointMetrics.meanAbsoluteError", actual.count, forecast.count)
        return DailyAverage.mean(days: actual.count) { abs(actual[$0] - forecast[$0]) }.value
    }

    /// Mean squared error MSE = mean_t (y_t − f_t)² (the square of RMSE; used by RMSSE).
    public static func meanSquaredError(actual: [Double], forecast: [Double]) -> Double {
        DailyAverage.requireAligned("PointMetrics.meanSquaredError", actual.count, forecast.count)
        return DailyAverage.mean(days: actual.count) { t in
            let e = actual[t] - forecast[t]
            return e * e
        }.value
    }

    /// Root mean squared error RMSE = √(mean_t (y_t − f_t)²), in the units of y.
    ///
    /// Matches R `forecast::accuracy(...)["RMSE"]`.
    public static func rootMeanSquaredError(actual: [Double], forecast: [Double]) -> Double {
        meanSquaredError(actual: actual, forecast: forecast).squareRoot()
    }

    /// Mean absolute percentage error, MAPE = 100 · mean over {t : y_t ≠ 0} of |y_t − f_t| / |y_t|, in percent.
    ///
    /// Zero actuals are EXCLUDED from the mean and counted in ``PercentageError/zeroActuals``; `daysUsed` says how
    /// many days remain (the reference's `MAPE_n_used`). With no usable day the value is NaN (JSON null), never ∞.
    /// Equals R `forecast::accuracy(...)["MAPE"]` when no actual is 0 (R includes zeros and returns Inf).
    public static func meanAbsolutePercentageError(actual: [Double], forecast: [Double]) -> PercentageError {
        DailyAverage.requireAligned("PointMetrics.meanAbsolutePercentageError", actual.count, forecast.count)
        var zeros = 0
        let mean = DailyAverage.mean(days: actual.count) { t in
            if isExcludedZero(actual: actual[t], forecast: forecast[t]) { zeros += 1 }
            return absolutePercentageError(actual: actual[t], forecast: forecast[t])
        }
        return PercentageError(value: 100 * mean.value, daysUsed: mean.count, zeroActuals: zeros)
    }

    /// One day's term of MAPE, |y − f|/|y| (not in percent); NaN when y = 0 or either value is NaN.
    static func absolutePercentageError(actual y: Double, forecast f: Double) -> Double {
        y == 0 ? .nan : abs(y - f) / abs(y)
    }

    /// Whether a day is left out of MAPE because y = 0 (and counted in ``PercentageError/zeroActuals``).
    static func isExcludedZero(actual y: Double, forecast f: Double) -> Bool { y == 0 && !f.isNaN }

    /// Symmetric MAPE in percent (0…200): sMAPE = mean_t s_t with s_t = 200 |y_t − f_t| / (|y_t| + |f_t|),
    /// and s_t = 0 when y_t = f_t = 0 (a perfect forecast of a zero day). Averaged over all (non-missing) days.
    ///
    /// This is the reference's definition (Makridakis 1993 with absolute values in the denominator); R
    /// `forecast::accuracy` does not report sMAPE.
    public static func symmetricMeanAbsolutePercentageError(actual: [Double], forecast: [Double]) -> Double {
        DailyAverage.requireAligned("PointMetrics.symmetricMeanAbsolutePercentageError", actual.count, forecast.count)
        return DailyAverage.mean(days: actual.count) { symmetricAbsolutePercentageError(actual: actual[$0], forecast: forecast[$0]) }.value
    }

    /// One day's term of sMAPE, 200 |y − f| / (|y| + |f|), 0 when y = f = 0, NaN when either value is NaN.
    static func symmetricAbsolutePercentageError(actual y: Double, forecast f: Double) -> Double {
        let denominator = abs(y) + abs(f)
        if denominator == 0 { return 0 }
        return 200 * abs(y - f) / denominator
    }
}

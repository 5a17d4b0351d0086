// ScaledErrors — MASE and RMSSE: errors scaled by the in-sample (seasonal) naive forecast of the training series.
//
// Policy:
//  1. Hyndman & Koehler (2006): Q_m = (1/(n−m)) Σ_{t=m+1..n} |x_t − x_{t−m}| over the TRAINING series x_1…x_n;
//     MASE_m = MAE / Q_m. RMSSE (Hyndman 2006; the M5 competition): S_m = (1/(n−m)) Σ (x_t − x_{t−m})²,
//     RMSSE_m = √(MSE / S_m). Q_1 and Q_7 equal R `forecast::accuracy(fc, y, d = 1, D = 0)` with
//     `fc$x = ts(train, frequency = 1)` and `accuracy(fc, y, d = 0, D = 1)` with `frequency = 7`.
//  2. Differences are taken between consecutive ROWS (the caller supplies one row per day); a difference that
//     involves a NaN is skipped (R: `mean(..., na.rm = TRUE)`).
//  3. A scale that cannot be used is nil, never 0 or ∞, and says why (`TrainingScale.Unavailable`): fewer than
//     m + 1 rows, no finite difference, or a zero scale (a constant or m-periodic training series). MASE and
//     RMSSE are then nil too (JSON null); callers turn the reason into a warning.

/// The denominator of MASE or RMSSE, computed from a training series, or why it is not available.
import ForecastCore
import ForecastData
import ForecastModels
public struct TrainingScale: Sendable, Equatable {
    /// Which mean of the m-step differences of the training series.
    public enum Statistic: Sendable, Equatable {
        /// Q_m = mean |x_t − x_{t−m}| (MASE).
        case meanAbsoluteDifference
        /// S_m = mean (x_t − x_{t−m})² (RMSSE).
        case meanSquaredDifference
    }

    /// Why a scale is not available.
    public enum Unavailable: Sendable, Equatable, CustomStringConvertible {
        /// The training series has `rows` rows; the scale needs at least `needed` = m + 1.
        case tooFewRows(rows: Int, needed: Int)
        /// Every m-step difference involves a missing value.
        case noFiniteDifferences
        /// The scale is 0: the training series is constant (m = 1) or repeats with period m.
        case zero

        public var description: String {
            switch self {
            case let .tooFewRows(rows, needed):
                return "the training series has \(rows) row\(rows == 1 ? "" : "s"), at least \(needed) are needed"
            case .noFiniteDifferences: return "every difference of the training series involves a missing value"
            case .zero: return "the in-sample naive forecast of the training series is exact (scale 0)"
            }
        }
    }

    /// The seasonal period m ≥ 1 (1 = the naive forecast, 7 = the weekly seasonal-naive forecast).
    public let period: Int
    /// Which statistic of the differences.
    public let statistic: Statistic
    /// Q_m or S_m; nil when not available (then `unavailable` says why).
    public let value: Double?
    /// Why `value` is nil (nil when it is available).
    public let unavailable: Unavailable?
    /// The number of differences that entered the mean.
    public let differenceCount: Int
}

/// MASE and RMSSE (scaled errors) and the training-series scales they divide by.
public enum ScaledErrors {
    /// Q_m = (1/(n−m)) Σ_{t=m+1..n} |x_t − x_{t−m}|, the in-sample MAE of the (seasonal) naive forecast with
    /// period `period` on `training` (one value per day, in date order). Differences involving NaN are skipped.
    ///
    /// Equals the scale inside R `forecast::accuracy` (`d = 1, D = 0` for m = 1; `d = 0, D = 1` with frequency m).
    /// Not available (value nil) with fewer than m + 1 rows, no finite difference, or a zero scale.
    /// Precondition: `period ≥ 1`.
    public static func absoluteScale(training: [Double], period: Int) -> TrainingScale {
        scale(training: training, period: period, statistic: .meanAbsoluteDifference)
    }

    /// S_m = (1/(n−m)) Σ_{t=m+1..n} (x_t − x_{t−m})², the in-sample MSE of the (seasonal) naive forecast (RMSSE's
    /// denominator, the reference's `RMSSE_scale_m1` for m = 1). Same availability rules as ``absoluteScale(training:period:)``.
    public static func squaredScale(training: [Double], period: Int) -> TrainingScale {
        scale(training: training, period: period, statistic: .meanSquaredDifference)
    }

    /// Mean absolute scaled error MASE = MAE / Q_m (Hyndman & Koehler 2006). nil when the scale is not available.
    ///
    /// Matches R `forecast::accuracy(...)["MASE"]`. Precondition: `scale` is an absolute scale.
    public static func meanAbsoluteScaledError(actual: [Double], forecast: [Double], scale: TrainingScale) -> Double? {
        precondition(scale.statistic == .meanAbsoluteDifference, "MASE divides by an absolute scale (absoluteScale)")
        guard let q = scale.value else { return nil }
        return PointMetrics.meanAbsoluteError(actual: actual, forecast: forecast) / q
    }

    /// Root mean squared scaled error RMSSE = √(MSE / S_m) (the M5 competition's measure). nil when the scale is
    /// not available. Precondition: `scale` is a squared scale.
    public static func rootMeanSquaredScaledError(actual: [Double], forecast: [Double], scale: TrainingScale) -> Double? {
        precondition(scale.statistic == .meanSquaredDifference, "RMSSE divides by a squared scale (squaredScale)")
        guard let s = scale.value else { return nil }
        return (PointMetrics.meanSquaredError(actual: actual, forecast: forecast) / s).squareRoot()
    }

    private static func scale(training x: [Double], period m: Int, statistic: TrainingScale.Statistic) -> TrainingScale {
        precondition(m >= 1, "ScaledErrors: the seasonal period must be ≥ 1, got \(m)")
        func unavailable(_ reason: TrainingScale.Unavailable, _ count: Int) -> TrainingScale {
            TrainingScale(period: m, statistic: statistic, value: nil, unavailable: reason, differenceCount: count)
        }
        guard x.count > m else { return unavailable(.tooFewRows(rows: x.count, needed: m + 1), 0) }
        let mean = DailyAverage.mean(days: x.count - m) { i in
            let d = x[i + m] - x[i]
            return statistic == .meanAbsoluteDifference ? abs(d) : d * d
        }
        if mean.count == 0 { return unavailable(.noFiniteDifferences, 0) }
        if mean.value == 0 { return unavailable(.zero, mean.count) }
        return TrainingScale(period: m, statistic: statistic, value: mean.value, unavailable: nil,
                             differenceCount: mean.count)
    }
}

import ForecastCore
import ForecastData
import ForecastModels
import Foundation

/// A rolling-origin backtest (time-series cross-validation) of a ``TimeSeriesModel``: the model is fitted at
/// every forecast origin on the days up to that origin only, forecasts the next `horizon` days, and the forecasts
/// are scored against the actuals, together with the naive and weekly seasonal-naive baselines on the same origins
/// (unless `baselines` is false).
///
/// Origins are `firstOrigin`, `firstOrigin + step`, …, `origins` of them (default: as many as leave `horizon`
/// days of the series after the origin). The training window of origin o is `[w, o]` with w = `model.from` (or
/// the series' first day), and for `.sliding(days: N)` the later of that and o − N + 1; `model.to` is ignored (the
/// origin is the last training day). Forecasts are for o + 1 … o + horizon.
///
/// Matches statsforecast `cross_validation(h, step_size, n_windows)` / fable `stretch_tsibble(.init, .step)` /
/// darts `historical_forecasts(start, forecast_horizon, stride, retrain)` in what is compared; see
/// Guides/RollingOrigin.md for the differences (updating instead of refitting, baselines in the same run).
///
/// Cost: least squares without AR terms (classical covariance) updates one QR factor of [X | y] (O(step·k²) per
/// origin instead of O(n·k²)) and scores its Student-t forecasts in closed form; everything else is refitted
/// (count models warm-started from the previous origin unless `warmStarts` is false) and simulated (`paths`
/// paths per origin). The baselines score an ensemble of all in-sample errors; the errors are ranked once and
/// kept in order-statistic trees moved from origin to origin, so their quantiles and CRPS cost O(log n) per origin,
/// day and level (O(n log n) per origin and day only with vintages).
public struct BacktestSpecification: Sendable, Equatable {
    /// How much history each origin is trained on.
    public enum TrainingWindow: Sendable, Equatable {
        /// From the series' start (or `model.from`) through the origin: the window grows.
        case expanding
        /// The last `days` days through the origin (but not before `model.from`); `days` ≥ 2.
        case sliding(days: Int)
    }

    /// When parameters are re-estimated.
    public enum RefitCadence: Sendable, Equatable {
        /// At every origin.
        case every
        /// At origins 0, k, 2k, … (k ≥ 1); in between the last estimates are kept (β̂ and NB2's α̂) and only the
        /// forecast origin moves.
        case everyK(Int)
        /// Only at the first origin ("update only"). Least squares without AR terms is always updated exactly,
        /// which costs less than re-reading the rows, so for it every cadence gives the current estimate.
        case never

        /// Whether origin number `index` (0-based) re-estimates.
        func refits(at index: Int) -> Bool {
            switch self {
            case .every: return true
            case let .everyK(k): return index % k == 0
            case .never: return index == 0
            }
        }
    }

    /// The model fitted at each origin (`kind == nil` and `automaticChangepoints` are decided per origin).
    public var model: TimeSeriesModel
    /// Days forecast from each origin (H ≥ 1).
    public var horizon: Int
    /// The first origin (its last training day).
    public var firstOrigin: CalendarDate
    /// Days between origins (≥ 1; default 7).
    public var step: Int
    /// Number of origins; nil = as many as leave `horizon` days of actuals.
    public var origins: Int?
    /// Expanding (default) or sliding training window.
    public var window: TrainingWindow
    /// Refit cadence (default every origin).
    public var refit: RefitCadence
    /// Quantile levels in (0, 1), ascending (default 0.025, 0.1, 0.5, 0.9, 0.975); central intervals come from
    /// symmetric pairs (0.1/0.9 → 80 %).
    public var quantileLevels: [Double]
    /// Predictive samples per forecast day: simulated paths of count models and AR terms (their quantiles and
    /// CRPS come from them); for least squares' Student-t forecasts, draws made only when `keepSamples` (their
    /// quantiles and CRPS are exact). Default 1000.
    public var paths: Int
    /// Simulation seed; origin o uses the stream derived from (seed, o) (`RandomSource(seed:key:)`).
    public var seed: UInt64
    /// Keep every origin's samples in the result (for `--samples`); the CRPS is computed either way.
    public var keepSamples: Bool
    /// Parallel workers (default: active processors); results never depend on it.
    public var concurrency: Int
    /// Period of the seasonal-naive baseline and of the second MASE scale (default 7).
    public var seasonalPeriod: Int
    /// Score the naive and seasonal-naive baselines (default true). False skips them — the result's
    /// ``BacktestResult/naive``, ``BacktestResult/seasonalNaive`` and skills are nil, the JSON's `baselines` and
    /// `skill` null — and saves ranking their errors and scoring their ensembles; the model's scores (MASE
    /// included: its scales come from the training window, not from a baseline) are unchanged. A failed fit still
    /// falls back to the seasonal-naive forecast.
    public var baselines: Bool
    /// Start each count-model refit's IRLS from the previous refit's β̂ in the same run (default true): Poisson's
    /// IRLS, and for NB2 the Poisson IRLS its estimation starts from (α and the joint (β, α) Newton steps start
    /// afresh, so NB2 saves less). False fits every origin cold, from IRLS's usual start, as a from-scratch
    /// `TimeSeriesModel.fit` does; both reach the same maximum-likelihood estimates (within the IRLS tolerance).
    /// No effect on least squares, which does not iterate.
    public var warmStarts: Bool

    public init(model: TimeSeriesModel, horizon: Int, firstOrigin: CalendarDate, step: Int = 7, origins: Int? = nil,
                window: TrainingWindow = .expanding, refit: RefitCadence = .every,
                quantileLevels: [Double] = [0.025, 0.1, 0.5, 0.9, 0.975], paths: Int = 1000, seed: UInt64 = 1,
                keepSamples: Bool = false, concurrency: Int = ProcessInfo.processInfo.activeProcessorCount,
                seasonalPeriod: Int = 7, baselines: Bool = true, warmStarts: Bool = true) {
        self.model = model
        self.horizon = horizon
        self.firstOrigin = firstOrigin
        self.step = step
        self.origins = origins
        self.window = window
        self.refit = refit
        self.quantileLevels = quantileLevels
        self.paths = paths
        self.seed = seed
        self.keepSamples = keepSamples
        self.concurrency = concurrency
        self.seasonalPeriod = seasonalPeriod
        self.baselines = baselines
        self.warmStarts = warmStarts
    }

    /// Programmer errors (the CLI validates user input before this).
    func checkPreconditions() {
        precondition(horizon >= 1, "BacktestSpecification: horizon must be ≥ 1, got \(horizon)")
        precondition(step >= 1, "BacktestSpecification: step must be ≥ 1, got \(step)")
        precondition(origins.map { $0 >= 1 } ?? true, "BacktestSpecification: origins must be ≥ 1")
        if case let .sliding(days) = window { precondition(days >= 2, "BacktestSpecification: sliding window ≥ 2 days") }
        if case let .everyK(k) = refit { precondition(k >= 1, "BacktestSpecification: refit every k ≥ 1 origins") }
        precondition(!quantileLevels.isEmpty && quantileLevels.allSatisfy { $0 > 0 && $0 < 1 },
                     "BacktestSpecification: quantile levels must lie in (0, 1)")
        precondition(zip(quantileLevels, quantileLevels.dropFirst()).allSatisfy { $0 < $1 },
                     "BacktestSpecification: quantile levels must be strictly increasing")
        precondition(paths >= 1 && concurrency >= 1 && seasonalPeriod >= 1, "BacktestSpecification: paths, concurrency, period ≥ 1")
    }
}

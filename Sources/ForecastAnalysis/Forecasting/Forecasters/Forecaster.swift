// Forecaster — the one seam through which `fit`, `backtest` and `effects` obtain a forecast: anything that turns
// the training days into a predictive distribution for the days after them.

/// Something that, trained on a series' days (nothing after its last day, the origin), predicts the next
/// `horizon` days as a distribution of sample paths.
///
/// Conformers: ``RegressionForecaster`` (OLS, Poisson, NB2 regressions on calendar terms), the baselines and the
/// local-level count ensemble. Contract, tested for every conformer:
/// 1. **No look-ahead.** The forecast depends only on `history` (its response through `history.end`, and its
///    regressors — inputs known in advance — on the forecast days) and on `settings`; `history.end` is the origin.
/// 2. **Determinism.** The same inputs and seed give bit-identical paths.
/// 3. **Counts stay counts.** For a response of non-negative integers, paths are non-negative integers.
/// 4. **Errors, not traps.** Data a forecaster cannot use (too short, not counts, …) throw a `ModelError`.
import ForecastCore
import ForecastData
import ForecastModels
public protocol Forecaster: Sendable {
    /// The forecaster's name in reports and JSON (`local`, `nb2`, `poisson`, `ols`, `naive`, `snaive`, `mean28`).
    var name: String { get }

    /// Trains on `history` and forecasts the `settings.horizon` days after `history.end`.
    func forecast(_ history: DatedSeries, settings: ForecastSettings) throws(ModelError) -> PredictiveDistribution
}

/// How much to forecast and how finely: the horizon, the number of sample paths and the seed.
public struct ForecastSettings: Sendable, Equatable {
    /// Days after the origin (≥ 1).
    public var horizon: Int
    /// Sample paths (≥ 1); each path is one joint scenario for days 1…horizon.
    public var paths: Int
    /// Seed of the simulation (forecasts are deterministic given it).
    public var seed: UInt64

    public init(horizon: Int, paths: Int = 1000, seed: UInt64 = 1) {
        precondition(horizon >= 1 && paths >= 1, "ForecastSettings: horizon and paths must be ≥ 1")
        self.horizon = horizon
        self.paths = paths
        self.seed = seed
    }
}

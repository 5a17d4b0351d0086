/// The outcome of a rolling-origin backtest: every origin's forecasts, their scores overall and by horizon day,
/// the naive and seasonal-naive baselines scored on the same rows, and skill relative to them (the baselines and
/// skills are nil when ``BacktestSpecification/baselines`` is false). Immutable.
import ForecastCore
import ForecastData
import ForecastModels
public struct BacktestResult: Sendable {
    /// How an origin's forecast was obtained.
    public enum OriginMethod: String, Sendable, Equatable {
        /// Least squares by updating the QR factor of the previous origin (no refactorization).
        case updated
        /// Least squares: the factor was built from the window's rows (first origin of a run, or after a failed
        /// downdate).
        case factorized
        /// A full fit of the model (`TimeSeriesModel.fit`): automatic choices, AR terms, rank deficiency, …
        case refit
        /// A count model refitted with IRLS started from the previous origin's β̂.
        case warmStarted
        /// Parameters kept from the last refit (`everyK`, `never`); only the origin moved.
        case kept
        /// The fit failed; see ``BacktestResult/failedOrigins``.
        case fallback
    }

    /// What replaced a failed fit.
    public enum Fallback: String, Sendable, Equatable {
        /// The last successful parameters, moved to this origin.
        case lastParameters = "last-parameters"
        /// The seasonal-naive baseline.
        case seasonalNaive = "seasonal-naive"
    }

    /// An origin whose fit failed.
    public struct FailedOrigin: Sendable, Equatable {
        public let origin: CalendarDate
        /// The error, in words.
        public let reason: String
        public let fallback: Fallback
    }

    /// One forecast: origin, target day (origin + h), h, mean and quantiles, and the actual.
    public struct Row: Sendable, Equatable {
        public let origin: CalendarDate
        public let date: CalendarDate
        public let h: Int
        public let mean: Double
        /// One per ``BacktestSpecification/quantileLevels``.
        public let quantiles: [Double]
        /// The observed value (NaN when missing).
        public let actual: Double
    }

    /// The forecasts of one method (the model or a baseline) and their scores.
    public struct Evaluation: Sendable {
        /// Origin-major, h-minor: row i is origin i / H, h = i % H + 1.
        public let rows: [Row]
        /// CRPS of each row: exact for least squares' Student-t forecasts, the ensemble CRPS of the samples for
        /// simulated paths and the baselines.
        public let crps: [Double]
        /// Scores over all rows.
        public let metrics: BacktestScores
        /// Scores of the rows with h = 1, 2, …, H.
        public let byHorizon: [BacktestScores]
    }

    /// Skill 1 − S/S_baseline for MAE, mean pinball loss and CRPS (nil when undefined).
    public struct Skill: Sendable, Equatable {
        public let mae: Double?, pinball: Double?, crps: Double?
    }

    public let specification: BacktestSpecification
    /// The origins, in order, and each one's training window.
    public let windows: [DateSpan]
    /// How each origin was forecast.
    public let methods: [OriginMethod]
    /// The model's forecasts and scores.
    public let model: Evaluation
    /// The naive baseline (last value; quantiles from in-sample h-step errors); nil without baselines.
    public let naive: Evaluation?
    /// The seasonal-naive baseline with `specification.seasonalPeriod`; nil without baselines.
    public let seasonalNaive: Evaluation?
    /// Skill relative to the naive and seasonal-naive baselines; nil without baselines.
    public let skillVersusNaive: Skill?, skillVersusSeasonalNaive: Skill?
    /// Samples of each model row (rows × paths) when `keepSamples`.
    public let samples: Matrix?
    /// Origins whose fit failed and what replaced it.
    public let failedOrigins: [FailedOrigin]

    /// The origins (last training days).
    public var origins: [CalendarDate] { windows.map(\.last) }
}

/// The estimated response to one trigger (or pooled kind): per-day and cumulative excess with intervals, and the
/// tests that say whether it could be chance.
///
/// Excess is on the count (or response) scale: μ̂ − μ̂⁰, where μ̂⁰ is the fit with this trigger's effect terms set to
/// zero and every other term (other events included) kept. Sums run over the effect days d₀ = max(FIRST, 0) … LAST
/// that have data in the training window.
import ForecastCore
import ForecastData
import ForecastModels
public struct EventEffect: Sendable {
    public struct Day: Sendable, Equatable {
        public let offset: Int
        public let date: CalendarDate
        public let observed: Double
        public let counterfactual: Double
        public let counterfactualLower: Double
        public let counterfactualUpper: Double
        public let excess: Double
        public let excessLower: Double
        public let excessUpper: Double
        /// y − μ̂⁰.
        public let observedExcess: Double
        /// Interval of the running total Σ (μ̂ − μ̂⁰) from the first effect day to this one (draws, or delta method).
        public let runningExcessLower: Double
        public let runningExcessUpper: Double
    }

    public struct Shift: Sendable, Equatable {
        public let shiftDays: Int
        /// NaN when the moved window is not estimable (no day of it in the data, or its terms aliased).
        public let cumulativeExcess: Double
    }

    public let term: EventTerm
    /// Interval level in percent.
    public let level: Double
    /// The effect coefficient (β for decay; nil for `free`, which has one per day).
    public let coefficient: Double?
    public let standardError: Double?
    /// Σ (μ̂ − μ̂⁰) over the effect days: expected extra counts caused by the trigger.
    public let cumulativeExcess: Double
    public let cumulativeLower: Double
    public let cumulativeUpper: Double
    /// Σ (y − μ̂⁰).
    public let observedExcess: Double
    /// 100 · Σ (μ̂ − μ̂⁰) / Σ μ̂⁰, in percent.
    public let relativeEffect: Double
    /// `simulation` or `delta`.
    public let intervalMethod: String
    /// Decay only: the estimated half-life in days and its profile-likelihood interval (nil at a bound).
    public let halfLifeDays: Double?
    public let halfLifeLower: Double?
    public let halfLifeUpper: Double?
    /// "lower" or "upper" when the half-life optimum is at the search boundary.
    public let halfLifeAtBound: String?
    /// Likelihood-ratio test that all lead terms are 0 (nil without leads).
    public let preTrendPValue: Double?
    /// One-sided placebo p-value (nil when placebos are off).
    public let placeboPValue: Double?
    /// Placebos used (excluding failed fits).
    public let placebos: Int
    /// Placebo fits that failed and were excluded.
    public let failedPlacebos: Int
    public let days: [Day]
    public let shifts: [Shift]
    /// Why the effect is not estimable (its terms aliased; a count response that is 0 on every day of the window),
    /// or nil. When set, the excess, its interval and the coefficient are NaN/nil: reports print the reason instead.
    public internal(set) var notEstimable: String? = nil
    /// Interval of the observed excess Σ (y − y⁰): the counterfactual outcome y⁰ drawn from the predictive paths (parameter
    /// draws with Poisson/NB2 observation noise), at `level`. nil for least squares, the delta method, or not estimable.
    public internal(set) var observedExcessLower: Double? = nil
    public internal(set) var observedExcessUpper: Double? = nil
}

/// The joint excess of a group of triggers whose effect windows overlap (all their terms set to zero at once).
public struct JointEffect: Sendable {
    public let ids: [String]
    public let cumulativeExcess: Double
    public let cumulativeLower: Double
    public let cumulativeUpper: Double
}

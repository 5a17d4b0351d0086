// CounterfactualEffect — what the pre-period counterfactual design says about one trigger: observed against the
// forecast from the days before it, per day and in total, with intervals from the forecast's sample paths.

/// The response to one trigger under the counterfactual design.
///
/// Sums run over the effect days d₀ = max(FIRST, 0) … LAST that have an observed value. Every interval is a pair of
/// type-1 quantiles over the forecaster's sample paths, which carry observation noise (and, for the regression
/// forecasters, parameter uncertainty): the excess of path p is Σ y − Σ pathₚ.
import ForecastCore
import ForecastData
import ForecastModels
public struct CounterfactualEffect: Sendable {
    /// One effect day: observed, the forecast mean with the central `level` % interval of the paths, and
    /// observed − counterfactual with the interval of observed − path (`observedExcess` = `excess` here).
    public typealias Day = EventEffect.Day

    /// The trigger as given (id, date, window FIRST..LAST).
    public let trigger: EventWindow
    /// The training days actually used (up to `--pre` days ending `--gap` days before the window).
    public let pre: DateSpan
    /// Interval level in percent.
    public let level: Double
    /// Σ y over the effect days with data.
    public let observedTotal: Double
    /// Σ forecast mean over the same days.
    public let counterfactualTotal: Double
    /// observedTotal − counterfactualTotal, and the interval of Σ y − Σ pathₚ.
    public let cumulativeExcess: Double
    public let cumulativeLower: Double
    public let cumulativeUpper: Double
    /// 100 · cumulativeExcess / counterfactualTotal (percent), and the interval of 100 (Σ y − Σ pathₚ)/Σ pathₚ.
    public let relativeEffect: Double
    public let relativeLower: Double
    public let relativeUpper: Double
    /// P(counterfactual total ≥ observed total) over the paths, as (1 + #)/(1 + paths): small = an increase.
    public let tailProbability: Double
    /// Two-sided model p: 2 · min(tailProbability, P(counterfactual total ≤ observed total)), at most 1.
    public let modelPValue: Double
    /// (observedTotal − mean Σ pathₚ) / sd Σ pathₚ: the statistic the placebo calibration ranks.
    public let standardizedExcess: Double
    /// Two-sided calibrated p-value from placebo triggers (nil when placebos are off or none could be run).
    public let placeboPValue: Double?
    /// Placebo triggers used, and those whose forecast failed (excluded).
    public let placebos: Int
    public let failedPlacebos: Int
    /// The name of the forecaster (`nb2`, `local`, …).
    public let forecaster: String
    public let days: [Day]
}

/// The result of a counterfactual-design analysis: one effect per trigger and the design's warnings.
public struct CounterfactualEffects: Sendable {
    public let design: CounterfactualDesign
    public let responseName: String
    public let effects: [CounterfactualEffect]
    public let warnings: [EffectsWarning]
}

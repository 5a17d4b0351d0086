// CounterfactualDesign — the pre-period counterfactual design of `forecast effects` (the default): train a
// forecaster only on the days before a trigger, forecast the response window as sample paths, compare.
//
// Policy:
// 1. No look-ahead. The forecaster sees the response up to the origin o = T + min(FIRST, 0) − GAP − 1 (T the trigger
//    day) and at most `preDays` days of it; regressors (controls) may run through the window. The effect sums run
//    over d₀ = max(FIRST, 0) … LAST; lead and gap days are forecast but only feed the pre-trend check.
// 2. Fewer than `preDays` days before the origin: use what there is, down to `minimumPreDays` (8 weeks: at least
//    seven days per coefficient of the default NB2 model — intercept, trend, six day-of-week terms), then throw.
// 3. Intervals are type-1 quantiles over the paths (observation noise included), as CausalImpact's posterior
//    intervals of the point-wise and cumulative effect; the tail probability is its one-sided p, (1 + #)/(1 + paths).
// 4. The headline p-value is calibrated: the identical design at placebo triggers (see
//    `CounterfactualDesign+Placebo.swift`), two-sided on the standardized total excess.

/// The counterfactual design: which forecaster, how many pre-trigger days, how many paths and placebo triggers.
import ForecastCore
import ForecastData
import ForecastModels
public struct CounterfactualDesign: Sendable {
    /// Where placebo triggers may fall.
    public enum PlaceboRange: String, Sendable, CaseIterable {
        /// Before the real trigger's window (each placebo trained on its own pre-period).
        case prePeriod = "before-trigger"
        /// Anywhere in the series (windows clear of every real event window).
        case wholeSeries = "whole-series"
    }

    /// The forecaster trained on the pre-trigger days (any conformer; the design never assumes which).
    public var forecaster: any Forecaster
    /// Pre-trigger training days wanted (default 180).
    public var preDays: Int
    /// Days left out between the training span and the window (default 0).
    public var gapDays: Int
    /// Sample paths per forecast.
    public var paths: Int
    public var seed: UInt64
    /// Interval level in percent.
    public var level: Double
    /// The most placebo triggers to run (0 = off); more eligible dates are subsampled (seeded).
    public var placebos: Int
    public var placeboRange: PlaceboRange

    /// The fewest pre-trigger days a forecast is trained on (policy 2).
    public static let minimumPreDays = 56

    public init(forecaster: any Forecaster, preDays: Int = 180, gapDays: Int = 0, paths: Int = 1000, seed: UInt64 = 1,
                level: Double = 95, placebos: Int = 1000, placeboRange: PlaceboRange = .prePeriod) {
        precondition(preDays >= 1 && gapDays >= 0 && paths >= 1 && placebos >= 0, "CounterfactualDesign: invalid counts")
        precondition(level > 0 && level < 100, "level is a percentage in (0, 100)")
        self.forecaster = forecaster
        self.preDays = preDays
        self.gapDays = gapDays
        self.paths = paths
        self.seed = seed
        self.level = level
        self.placebos = placebos
        self.placeboRange = placeboRange
    }

    /// The forecaster `forecast effects` uses unless told otherwise: a regression with linear trend and day of week
    /// (NB2 unless `kind` says otherwise), with `regressors` (controls) entered as they are.
    public static func defaultForecaster(kind: TimeSeriesModel.Kind = .nb2, regressors: [String] = []) -> RegressionForecaster {
        let design = DesignSpecification(intercept: true, trend: .linear, dayOfWeek: true, regressors: regressors)
        return RegressionForecaster(model: TimeSeriesModel(design: design, kind: kind))
    }

    /// The last training day for a trigger window (policy 1).
    func origin(of window: EventWindow) -> CalendarDate {
        window.date.adding(days: min(window.first, 0) - gapDays - 1)
    }

    /// Analyses every trigger. `otherEvents`: windows of the calendar's other events (kept out of placebo windows,
    /// named when they overlap a trigger's window).
    public func run(_ series: DatedSeries, triggers: [EventWindow], otherEvents: [EventWindow] = []) throws(ModelError)
        -> CounterfactualEffects {
        guard !triggers.isEmpty else { throw .invalidSpecification("no trigger given") }
        var effects: [CounterfactualEffect] = []
        var warnings: [EffectsWarning] = []
        let realWindows = triggers + otherEvents
        for trigger in triggers {
            let outcome = try comparison(series, window: trigger, seed: seed)
            let placebo = placebos > 0
                ? try placeboCalibration(series, trigger: trigger, real: outcome.standardizedExcess, avoiding: realWindows)
                : nil
            effects.append(outcome.effect(placebo: placebo))
            warnings += outcome.warnings(preDays: preDays)
            if let placebo, placebo.used < EffectsWarning.fewPlacebos {
                warnings.append(EffectsWarning(code: "few-placebos", message: "'\(trigger.id)': only \(placebo.used) placebo dates could be used; the calibrated p-value cannot go below \(TextFormat.pValue(1 / Double(1 + placebo.used)))"))
            }
            let window = trigger.span
            let effectDays = DateSpan(first: trigger.date.adding(days: max(trigger.first, 0)), last: window.last)
            for (name, column) in series.regressors.sorted(by: { $0.key < $1.key }) {
                let check = ControlShiftCheck(name: name, column: column, start: series.start, pre: outcome.pre, window: effectDays)
                if let warning = check.warning(trigger: trigger.id) { warnings.append(warning) }
            }
            for other in realWindows where other.id != trigger.id && window.contains(other.date) {
                warnings.append(EffectsWarning(code: "overlapping-event", message: "'\(trigger.id)': event '\(other.id)' (\(other.date)) falls inside its window \(window); the excess includes whatever it caused"))
            }
        }
        return CounterfactualEffects(design: self, responseName: series.name, effects: effects, warnings: warnings)
    }
}

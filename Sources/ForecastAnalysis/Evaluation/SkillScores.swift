// SkillScores — a score relative to a baseline's score on the same days: skill = 1 − S/S_baseline.
//
// Policy:
//  1. For negatively oriented scores (MAE, RMSE, pinball, CRPS, interval score: lower is better): 1 is perfect,
//     0 is no better than the baseline, negative is worse (unbounded below). A log score is not a ratio-scale
//     quantity (it can be negative), so its skill is the difference S_baseline − S (nats gained per day).
//  2. The baseline and the forecast must be scored on the same days by the same function; the usual baselines
//     are the naive and the weekly seasonal-naive forecasts (``NaiveForecasts``).
//  3. A baseline score of 0 or a non-finite score leaves the skill undefined: nil (JSON null), never ±∞.

/// Skill scores: a forecast's score relative to a baseline's.
import ForecastCore
import ForecastData
import ForecastModels
public enum SkillScores {
    /// 1 − score/baseline (e.g. 1 − MAE/MAE_naive); nil when the baseline is 0 or either score is not finite.
    public static func skill(score: Double, baseline: Double) -> Double? {
        guard score.isFinite, baseline.isFinite, baseline != 0 else { return nil }
        return 1 - score / baseline
    }

    /// The MAE skill 1 − MAE(f)/MAE(baseline) of a point forecast against a baseline point forecast on the same
    /// days (NaN days of either forecast are dropped from both). nil when the baseline's MAE is 0 or undefined.
    public static func meanAbsoluteErrorSkill(actual: [Double], forecast: [Double], baseline: [Double]) -> Double? {
        DailyAverage.requireAligned("SkillScores.meanAbsoluteErrorSkill", actual.count, forecast.count, baseline.count)
        let common = actual.indices.map { forecast[$0].isNaN || baseline[$0].isNaN ? Double.nan : actual[$0] }
        return skill(score: PointMetrics.meanAbsoluteError(actual: common, forecast: forecast),
                     baseline: PointMetrics.meanAbsoluteError(actual: common, forecast: baseline))
    }

    /// The log-score gain S_baseline − S (nats per day; positive when the forecast is better); nil when either
    /// score is not finite.
    public static func logScoreGain(score: Double, baseline: Double) -> Double? {
        guard score.isFinite, baseline.isFinite else { return nil }
        return baseline - score
    }
}

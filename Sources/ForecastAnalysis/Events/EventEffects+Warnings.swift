// EventEffects+Warnings — where the in-sample regression design is fragile (issue 14, item 3).

import ForecastCore
import ForecastData
import ForecastModels
extension EventEffects {
    /// The regression design's warnings: training days that include the response window or days after it (the
    /// baseline is then fitted partly on the response), HAC on an effect window shorter than 4 × the lag truncation
    /// (too few effect days for the kernel to estimate their autocovariance), a trigger window that another
    /// trigger's date falls in, and a pre-trend test that rejects at 5 %.
    public var warnings: [EffectsWarning] {
        var warnings: [EffectsWarning] = []
        let lags = fit.maxLags
        for effect in effects {
            let term = effect.term
            let id = term.id
            let lastEffectDay = term.dates.map { $0.adding(days: term.last) }.max() ?? trainingWindow.last
            let firstEffectDay = term.dates.map { $0.adding(days: term.effectStart) }.min() ?? trainingWindow.first
            if trainingWindow.last >= firstEffectDay {
                let after = trainingWindow.last - lastEffectDay
                warnings.append(EffectsWarning(code: "in-sample-training", message: "'\(id)': the baseline is fitted on \(trainingWindow), which includes the response window" + (after > 0 ? " and \(after) days after it" : "") + "; what happened in and after the window shapes the counterfactual (the counterfactual design trains only on days before the trigger)"))
            }
            let length = term.last - term.effectStart + 1
            if let lags, length < 4 * lags {
                warnings.append(EffectsWarning(code: "hac-short-window", message: "'\(id)': HAC with lag truncation \(lags) on an effect window of \(length) days (fewer than 4 × \(lags)): the standard error of a short event term is unreliable under HAC; prefer the placebo p-value"))
            }
            for other in effects where other.term.id != id {
                for date in other.term.dates where term.dates.contains(where: { date - $0 >= term.effectStart && date - $0 <= term.last }) {
                    warnings.append(EffectsWarning(code: "overlapping-event", message: "'\(id)': event '\(other.term.id)' (\(date)) falls inside its window; see the joint excess"))
                }
            }
            if let p = effect.preTrendPValue, p < 0.05 {
                warnings.append(EffectsWarning(code: "pre-trend", message: "'\(id)': the pre-trend test rejects (p = \(TextFormat.pValue(p))): the series already moved before the trigger"))
            }
            if let _ = effect.placeboPValue, effect.placebos < EffectsWarning.fewPlacebos {
                warnings.append(EffectsWarning(code: "few-placebos", message: "'\(id)': only \(effect.placebos) placebo dates could be used"))
            }
        }
        return warnings
    }
}

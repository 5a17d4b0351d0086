// CounterfactualDesign+Comparison — one trigger (real or placebo): train on the pre-period, forecast the window as
// paths, and read observed − counterfactual off the paths (per day, in total, relative, tail probability).

import ForecastCore
import ForecastData
import ForecastModels
import Foundation

/// Observed against forecast paths for one window, before placebo calibration.
struct CounterfactualComparison: Sendable {
    let trigger: EventWindow
    let pre: DateSpan
    let forecaster: String
    let level: Double
    let days: [CounterfactualEffect.Day]
    let observedTotal: Double
    let counterfactualTotal: Double
    let excessInterval: (lower: Double, upper: Double)
    let relativeInterval: (lower: Double, upper: Double)
    let tailProbability: Double
    let lowerTailProbability: Double
    let standardizedExcess: Double
    /// Two-sided tail probability of the lead days' total (nil without leads or data on them).
    let leadTailProbability: Double?

    func effect(placebo: PlaceboCalibration?) -> CounterfactualEffect {
        let excess = observedTotal - counterfactualTotal
        return CounterfactualEffect(
            trigger: trigger, pre: pre, level: level, observedTotal: observedTotal,
            counterfactualTotal: counterfactualTotal, cumulativeExcess: excess, cumulativeLower: excessInterval.lower,
            cumulativeUpper: excessInterval.upper,
            relativeEffect: counterfactualTotal > 0 ? 100 * excess / counterfactualTotal : .nan,
            relativeLower: relativeInterval.lower, relativeUpper: relativeInterval.upper,
            tailProbability: tailProbability, modelPValue: min(1, 2 * min(tailProbability, lowerTailProbability)),
            standardizedExcess: standardizedExcess, placeboPValue: placebo?.pValue,
            placebos: placebo?.used ?? 0, failedPlacebos: placebo?.failed ?? 0, forecaster: forecaster, days: days)
    }

    func warnings(preDays: Int) -> [EffectsWarning] {
        var warnings: [EffectsWarning] = []
        if pre.dayCount < preDays {
            warnings.append(EffectsWarning(code: "short-pre-period", message: "'\(trigger.id)': only \(pre.dayCount) days of data before the window (\(pre)); the pre-period asked for \(preDays)"))
        }
        if let p = leadTailProbability, p < 0.05 {
            warnings.append(EffectsWarning(code: "pre-trend", message: "'\(trigger.id)': the lead days \(trigger.first)..-1 already differ from the counterfactual (two-sided tail probability \(TextFormat.pValue(p))): the response may have started before the trigger, or the forecaster misses the level"))
        }
        return warnings
    }
}

extension CounterfactualDesign {
    /// Why `window` cannot be analysed on `series`, or nil (policy 1): its window must end within the series and its
    /// pre-period must hold at least `minimumPreDays` days with data. `run` refuses exactly these; a caller with a
    /// calendar can leave such events out first and list them.
    public func unanalysable(_ series: DatedSeries, window: EventWindow) -> ModelError? {
        guard window.last >= 0 else {
            return .unsuitableSetting(SettingError("'\(window.id)': the window \(window.first)..\(window.last) ends before the trigger; the counterfactual design measures days 0..LAST after it (leads are only checked beside them): give {0} a LAST ≥ 0", .eventWindow))
        }
        let origin = origin(of: window)
        let last = window.date.adding(days: window.last)
        guard last <= series.end else {
            return .invalidSpecification("the window of '\(window.id)' (\(window.first)..\(window.last) after \(window.date)) ends on \(last), after the series' last day \(series.end)")
        }
        let first = max(series.start, origin.adding(days: 1 - preDays))
        let available = origin >= series.start
            ? (0...(origin - first)).filter { !series.value(at: first.adding(days: $0)).isNaN }.count : 0
        guard available >= Self.minimumPreDays else {
            return .unsuitableSetting(SettingError("no usable training data: '\(window.id)': \(available) days with data before \(origin.adding(days: 1)) (the series starts \(series.start)); the counterfactual design needs at least \(Self.minimumPreDays) ({0} asks for \(preDays))", .prePeriod))
        }
        return nil
    }

    /// Trains on the pre-period of `window`, forecasts through its last day and compares (policy 1–3).
    func comparison(_ series: DatedSeries, window: EventWindow, seed: UInt64) throws(ModelError) -> CounterfactualComparison {
        if let error = unanalysable(series, window: window) { throw error }
        let origin = origin(of: window)
        let last = window.date.adding(days: window.last)
        let first = max(series.start, origin.adding(days: 1 - preDays))
        for (name, column) in series.regressors.sorted(by: { $0.key < $1.key }) {
            for t in max(0, first - series.start)...(last - series.start) where t >= column.count || !column[t].isFinite {
                throw .regressorUnavailable(name: name, date: "\(series.start.adding(days: t))")
            }
        }
        let training = series.span(from: first, through: origin)
        let horizon = last - origin
        let forecast = try forecaster.forecast(training, settings: ForecastSettings(horizon: horizon, paths: paths, seed: seed))
        return Self.compare(series, window: window, forecast: forecast, pre: DateSpan(first: first, last: origin),
                            forecaster: forecaster.name, level: level)
    }

    /// Reads the comparison off a forecast whose first day is the day after `pre.last`.
    static func compare(_ series: DatedSeries, window: EventWindow, forecast: PredictiveDistribution, pre: DateSpan,
                        forecaster: String, level: Double) -> CounterfactualComparison {
        let tail = (1 - level / 100) / 2
        let pathCount = forecast.pathCount
        func index(_ offset: Int) -> Int { window.date.adding(days: offset) - forecast.firstDay }
        let effectOffsets = Array(max(window.first, 0)...window.last)
        var pathTotals = [Double](repeating: 0, count: pathCount)
        var observedTotal = 0.0, meanTotal = 0.0
        var days: [CounterfactualEffect.Day] = []
        for d in effectOffsets {
            let t = index(d), date = window.date.adding(days: d)
            let y = series.value(at: date)
            let sorted = forecast.sortedValues(day: t)
            let lower = PredictiveDistribution.quantile(sorted: sorted, tail)
            let upper = PredictiveDistribution.quantile(sorted: sorted, 1 - tail)
            if !y.isNaN {
                observedTotal += y
                meanTotal += forecast.mean[t]
                for p in 0..<pathCount { pathTotals[p] += forecast.paths[t, p] }
            }
            // Running total observed − paths up to this day (a missing day adds nothing).
            let sortedTotals = pathTotals.sorted()
            days.append(.init(offset: d, date: date, observed: y, counterfactual: forecast.mean[t], counterfactualLower: lower,
                              counterfactualUpper: upper, excess: y - forecast.mean[t], excessLower: y - upper,
                              excessUpper: y - lower, observedExcess: y - forecast.mean[t],
                              runningExcessLower: observedTotal - PredictiveDistribution.quantile(sorted: sortedTotals, 1 - tail),
                              runningExcessUpper: observedTotal - PredictiveDistribution.quantile(sorted: sortedTotals, tail)))
        }
        let excesses = pathTotals.map { observedTotal - $0 }.sorted()
        let relatives = pathTotals.filter { $0 > 0 }.map { 100 * (observedTotal - $0) / $0 }.sorted()
        let reach = pathTotals.filter { $0 >= observedTotal }.count
        let under = pathTotals.filter { $0 <= observedTotal }.count
        let pathMean = pathTotals.reduce(0, +) / Double(pathCount)
        let spread = (pathTotals.reduce(0) { $0 + ($1 - pathMean) * ($1 - pathMean) } / Double(max(1, pathCount - 1))).squareRoot()
        let z = spread > 0 ? (observedTotal - pathMean) / spread : (observedTotal == pathMean ? 0 : .infinity * (observedTotal - pathMean))
        return CounterfactualComparison(
            trigger: window, pre: pre, forecaster: forecaster, level: level, days: days, observedTotal: observedTotal,
            counterfactualTotal: meanTotal,
            excessInterval: (PredictiveDistribution.quantile(sorted: excesses, tail), PredictiveDistribution.quantile(sorted: excesses, 1 - tail)),
            relativeInterval: relatives.isEmpty ? (.nan, .nan)
                : (PredictiveDistribution.quantile(sorted: relatives, tail), PredictiveDistribution.quantile(sorted: relatives, 1 - tail)),
            tailProbability: Double(1 + reach) / Double(1 + pathCount),
            lowerTailProbability: Double(1 + under) / Double(1 + pathCount), standardizedExcess: z,
            leadTailProbability: leadTail(series, window: window, forecast: forecast))
    }

    /// Two-sided tail probability of the observed lead-day total among the path totals (policy: pre-trend check).
    static func leadTail(_ series: DatedSeries, window: EventWindow, forecast: PredictiveDistribution) -> Double? {
        guard window.first < 0 else { return nil }
        var observed = 0.0, seen = false
        var totals = [Double](repeating: 0, count: forecast.pathCount)
        for d in window.first..<0 {
            let date = window.date.adding(days: d), y = series.value(at: date), t = date - forecast.firstDay
            guard !y.isNaN, t >= 0 else { continue }
            seen = true
            observed += y
            for p in totals.indices { totals[p] += forecast.paths[t, p] }
        }
        guard seen else { return nil }
        let n = Double(1 + totals.count)
        let above = Double(1 + totals.filter { $0 >= observed }.count) / n
        let below = Double(1 + totals.filter { $0 <= observed }.count) / n
        return min(1, 2 * min(above, below))
    }
}

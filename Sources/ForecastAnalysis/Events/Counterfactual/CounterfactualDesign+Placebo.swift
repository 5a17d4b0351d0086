// CounterfactualDesign+Placebo — the calibrated p-value: the identical design (same forecaster, pre-period length,
// gap and window) run at placebo triggers where nothing is known to have happened.
//
// Policy:
// 1. Eligible placebo day P: its window P + min(FIRST, 0) − GAP … P + LAST lies before the real trigger's window
//    (`prePeriod`: every day before it, not only the `preDays` the real forecast trains on) or anywhere in the
//    series (`wholeSeries`), overlaps no real event window (the triggers' and the calendar's other events'), and
//    has at least `minimumPreDays` days of data before it. Each placebo trains on its own `preDays` days.
//    Why all the days before the trigger: placebos a few days apart share most of their window, so n placebos
//    carry about (range ÷ window length) independent comparisons; a rank among too few of those rejects too
//    often (an earlier run of the simulation study in Guides/EscalationAfterTriggers.md measured 9–13 % at 5 %
//    with placebos confined to a 180-day pre-period).
// 2. More eligible days than `placebos`: a seeded sample without replacement.
// 3. Statistic: the standardized total excess z = (Σ y − mean Σ path)/sd Σ path. Two-sided p from ranks,
//    p = min(1, 2 · min((1 + #{zₚ ≤ z}), (1 + #{zₚ ≥ z})) / (1 + n)); this absorbs a forecaster's misfit
//    (intervals too narrow under drift show up as wide placebo z's) that the model-based tail probability does not.
// 4. Placebo forecasts run in parallel (`ParallelMap`); a failed forecast is excluded and counted.

import ForecastCore
import ForecastData
import ForecastModels
import Foundation

/// The outcome of a placebo calibration.
struct PlaceboCalibration: Sendable {
    let pValue: Double?
    let used: Int
    let failed: Int
}

extension CounterfactualDesign {
    /// Eligible placebo trigger days for `trigger` (policy 1), ascending.
    func placeboDays(_ series: DatedSeries, trigger: EventWindow, avoiding realWindows: [EventWindow]) -> [CalendarDate] {
        let lead = min(trigger.first, 0) - gapDays
        let range: DateSpan
        switch placeboRange {
        case .prePeriod:
            range = DateSpan(first: series.start, last: max(series.start, origin(of: trigger)))
        case .wholeSeries:
            range = DateSpan(first: series.start, last: series.end)
        }
        let blocked = realWindows.map { w in (w.date.adding(days: min(w.first, 0)), w.date.adding(days: w.last)) }
        let earliest = series.start.adding(days: Self.minimumPreDays - lead)
        let lowest = max(earliest, range.first.adding(days: -lead)), highest = range.last.adding(days: -trigger.last)
        guard lowest <= highest else { return [] }
        return (0...(highest - lowest)).map { lowest.adding(days: $0) }.filter { day in
            let first = day.adding(days: lead), last = day.adding(days: trigger.last)
            return blocked.allSatisfy { last < $0.0 || first > $0.1 }
        }
    }

    /// Runs the placebos and ranks the real statistic among them (policy 2–4).
    func placeboCalibration(_ series: DatedSeries, trigger: EventWindow, real: Double,
                            avoiding realWindows: [EventWindow]) throws(ModelError) -> PlaceboCalibration {
        var days = placeboDays(series, trigger: trigger, avoiding: realWindows)
        if days.count > placebos {
            var random = RandomSource(seed: seed, key: 0x9_1ACE_B0)
            for i in stride(from: days.count - 1, to: 0, by: -1) { days.swapAt(i, Int(random.next() % UInt64(i + 1))) }
            days = Array(days.prefix(placebos)).sorted()
        }
        guard !days.isEmpty, real.isFinite else { return PlaceboCalibration(pValue: nil, used: 0, failed: days.count) }
        let chosen = days
        let statistics = ParallelMap.map(count: chosen.count, workers: ParallelMap.defaultWorkers) { i -> Double? in
            let pseudo = EventWindow(id: "placebo", date: chosen[i], first: trigger.first, last: trigger.last)
            // A failed forecast or a non-finite statistic is excluded and counted (nil).
            guard let z = try? comparison(series, window: pseudo, seed: seed &+ UInt64(i + 1)).standardizedExcess,
                  z.isFinite else { return nil }
            return z
        }
        let values = statistics.compactMap { $0 }
        guard !values.isEmpty else { return PlaceboCalibration(pValue: nil, used: 0, failed: days.count) }
        let n = Double(1 + values.count)
        let below = Double(1 + values.filter { $0 <= real }.count), above = Double(1 + values.filter { $0 >= real }.count)
        return PlaceboCalibration(pValue: min(1, 2 * min(below, above) / n), used: values.count,
                                  failed: days.count - values.count)
    }
}

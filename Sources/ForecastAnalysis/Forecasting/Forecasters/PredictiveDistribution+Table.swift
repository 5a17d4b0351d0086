// A predictive distribution as the forecast table `fit` prints: mean, type-1 median and central intervals per day.

import ForecastCore
import ForecastData
import ForecastModels
extension PredictiveDistribution {
    /// The forecast table: per day the mean, the type-1 median and, per level (percent, in (0, 100)), the central
    /// interval between the type-1 quantiles at (1 − level/100)/2 and 1 − that; `actual(date)` gives held-out
    /// actuals (nil when unknown). Method: simulation with `seed`.
    public func table(levels: [Double], seed: UInt64, actual: (CalendarDate) -> Double?) -> ForecastTable {
        precondition(levels.allSatisfy { $0 > 0 && $0 < 100 }, "levels are percentages in (0, 100)")
        let days = (0..<horizon).map { t in
            let sorted = sortedValues(day: t)
            let intervals = levels.map { level in
                let tail = (1 - level / 100) / 2
                return PredictionInterval(level: level, lower: Self.quantile(sorted: sorted, tail),
                                          upper: Self.quantile(sorted: sorted, 1 - tail))
            }
            let date = firstDay.adding(days: t)
            return ForecastDay(date: date, mean: mean[t], median: Self.quantile(sorted: sorted, 0.5), intervals: intervals,
                               actual: actual(date))
        }
        return ForecastTable(days: days, levels: levels, method: .simulation(paths: pathCount, seed: seed), paths: paths)
    }
}

/// The distribution of the total over the forecast horizon, from the simulated paths.
import ForecastCore
import ForecastData
import ForecastModels
public struct HorizonTotal: Sendable, Equatable {
    /// Mean of the path totals.
    public let mean: Double
    /// Median of the path totals (type-1 sample quantile).
    public let median: Double
    /// Central intervals of the path totals, one per level (percent).
    public let intervals: [PredictionInterval]
}

/// When a cumulative series is expected to reach a value.
public struct ThresholdCrossing: Sendable, Equatable {
    public struct DailyProbability: Sendable, Equatable {
        public let date: CalendarDate
        /// Fraction of paths whose cumulative total has reached the threshold by this day.
        public let probability: Double
    }

    /// The threshold on the cumulative scale.
    public let value: Double
    /// The last observed cumulative value the paths start from.
    public let base: Double
    public let probabilityByDate: [DailyProbability]
    /// The first day on which at least half the paths have crossed (the median path's crossing), or nil.
    public let medianCrossingDate: CalendarDate?

    /// The last observed total is already at or above the threshold, so there is nothing to forecast: reports say
    /// so instead of a crossing on the first forecast day.
    public var alreadyReached: Bool { base >= value }
}

extension ForecastTable {
    /// The distribution of Σ over the horizon of the daily values; nil without simulated paths.
    public func total() -> HorizonTotal? {
        guard let paths else { return nil }
        var totals = (0..<paths.columns).map { p in (0..<paths.rows).reduce(0.0) { $0 + paths[$1, p] } }
        totals.sort()
        let intervals = levels.map { level in
            let tail = (1 - level / 100) / 2
            return PredictionInterval(level: level, lower: TimeSeriesFit.quantile(totals, tail),
                                      upper: TimeSeriesFit.quantile(totals, 1 - tail))
        }
        return HorizonTotal(mean: totals.reduce(0, +) / Double(totals.count),
                            median: TimeSeriesFit.quantile(totals, 0.5), intervals: intervals)
    }

    /// The probability that `base` + the cumulative sum of the daily values reaches `value` by each forecast day;
    /// nil without simulated paths.
    public func threshold(_ value: Double, base: Double) -> ThresholdCrossing? {
        guard let paths else { return nil }
        let n = paths.columns
        var crossedBy = [Int](repeating: 0, count: paths.rows)
        for p in 0..<n {
            var cumulative = base
            for t in 0..<paths.rows {
                cumulative += paths[t, p]
                if cumulative >= value {
                    for s in t..<paths.rows { crossedBy[s] += 1 }
                    break
                }
            }
        }
        let daily = days.indices.map { t in
            ThresholdCrossing.DailyProbability(date: days[t].date, probability: Double(crossedBy[t]) / Double(n))
        }
        let median = daily.first { $0.probability >= 0.5 }?.date
        return ThresholdCrossing(value: value, base: base, probabilityByDate: daily, medianCrossingDate: median)
    }
}

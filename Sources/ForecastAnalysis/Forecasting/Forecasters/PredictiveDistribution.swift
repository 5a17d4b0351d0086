// PredictiveDistribution — what a forecaster returns: sample paths for consecutive days after an origin, their
// means, and what is read off them (quantiles, intervals, exceedance probabilities).
//
// Policy:
// 1. Quantiles are type-1 sample quantiles (the inverse empirical CDF) of each day's path values, so a count
//    forecaster's quantiles are integers.
// 2. `mean` is the forecaster's mean per day: closed form where the model has one (exp(x′β̂) for a count
//    regression without AR terms), else the path mean.

/// A forecast as sample paths: `paths[t, p]` is path p on day `firstDay + t`.
import ForecastCore
import ForecastData
import ForecastModels
public struct PredictiveDistribution: Sendable {
    /// The first forecast day (the day after the origin).
    public let firstDay: CalendarDate
    /// Sample paths, horizon × paths (column p is one joint scenario for days 1…horizon).
    public let paths: Matrix
    /// Mean per day (see policy 2).
    public let mean: [Double]

    /// Precondition: `mean.count == paths.rows`, at least one day and one path.
    public init(firstDay: CalendarDate, paths: Matrix, mean: [Double]? = nil) {
        precondition(paths.rows >= 1 && paths.columns >= 1, "PredictiveDistribution: at least one day and one path")
        precondition(mean.map { $0.count == paths.rows } ?? true, "PredictiveDistribution: one mean per day")
        self.firstDay = firstDay
        self.paths = paths
        self.mean = mean ?? (0..<paths.rows).map { t in
            (0..<paths.columns).reduce(0.0) { $0 + paths[t, $1] } / Double(paths.columns)
        }
    }

    /// Days forecast.
    public var horizon: Int { paths.rows }
    /// Number of sample paths.
    public var pathCount: Int { paths.columns }
    /// The forecast days.
    public var dates: [CalendarDate] { (0..<horizon).map { firstDay.adding(days: $0) } }

    /// Day t's path values, ascending.
    public func sortedValues(day t: Int) -> [Double] {
        (0..<paths.columns).map { paths[t, $0] }.sorted()
    }

    /// Type-1 sample quantiles per day: `result[t][j]` at `levels[j]` ∈ (0, 1).
    public func quantiles(_ levels: [Double]) -> [[Double]] {
        (0..<horizon).map { t in
            let sorted = sortedValues(day: t)
            return levels.map { Self.quantile(sorted: sorted, $0) }
        }
    }

    /// The type-1 sample quantile (inverse empirical CDF) of ascending values at level q ∈ [0, 1].
    public static func quantile(sorted: [Double], _ q: Double) -> Double {
        sorted[quantileIndex(count: sorted.count, level: q)]
    }

    /// The 0-based position ⌈qN⌉ − 1 (clamped to 0…N − 1) of the type-1 sample quantile among N ≥ 1 ascending
    /// values.
    static func quantileIndex(count n: Int, level q: Double) -> Int {
        min(n - 1, max(0, Int((q * Double(n)).rounded(.up)) - 1))
    }
}

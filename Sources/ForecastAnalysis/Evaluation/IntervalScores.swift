// IntervalScores — empirical coverage and the Winkler / interval score of central prediction intervals.
//
// Policy:
//  1. A central interval with nominal coverage c = 1 − α is [l, u] = [q_{α/2}, q_{1−α/2}].
//  2. Coverage = mean 1{l ≤ y ≤ u}, BOTH ends inclusive (this matters for count forecasts: NB quantiles are
//     integers and the actual often equals one of them).
//  3. Interval score (Winkler 1972; Gneiting & Raftery 2007, eq. 43):
//     IS_α = (u − l) + (2/α)(l − y)·1{y < l} + (2/α)(y − u)·1{y > u}; lower is better.
//  4. Intervals are formed from every symmetric pair of quantile levels (τ, 1 − τ) with τ < ½; levels are
//     matched to within 1e-9, so 0.1 pairs with 0.9 although 1 − 0.9 ≠ 0.1 in binary. The key of an interval is
//     its nominal coverage as an integer percent, round(100·(1 − 2τ)); α = 2τ is used in the score.
//  5. Missing values: a day with a NaN actual or bound is skipped (NaN in per-day lists).

/// A central interval formed from a symmetric pair of quantile levels (τ, 1 − τ).
import ForecastCore
import ForecastData
import ForecastModels
public struct CentralInterval: Sendable, Equatable {
    /// Index of the lower level τ in the caller's list of levels.
    public let lowerIndex: Int
    /// Index of the upper level 1 − τ in the caller's list of levels.
    public let upperIndex: Int
    /// The lower level τ < ½.
    public let lowerLevel: Double
    /// α = 2τ = 1 − nominal coverage (the interval score's α).
    public var alpha: Double { 2 * lowerLevel }
    /// The nominal coverage as an integer percent, round(100·(1 − 2τ)) (80 for levels 0.1/0.9).
    public var nominalPercent: Int { Int((100 * (1 - 2 * lowerLevel)).rounded()) }
}

/// Coverage and interval (Winkler) scores of central prediction intervals.
public enum IntervalScores {
    /// The fraction of days with l_t ≤ y_t ≤ u_t (both ends inclusive), over the non-missing days; NaN if none.
    ///
    /// The reference's `coverage_<100c>`. Precondition: equal lengths.
    public static func coverage(actual: [Double], lower: [Double], upper: [Double]) -> Double {
        DailyAverage.requireAligned("IntervalScores.coverage", actual.count, lower.count, upper.count)
        return DailyAverage.mean(days: actual.count) { covers(actual: actual[$0], lower: lower[$0], upper: upper[$0]) }.value
    }

    /// One day's coverage term: 1 when l ≤ y ≤ u, else 0; NaN when any value is NaN.
    static func covers(actual y: Double, lower l: Double, upper u: Double) -> Double {
        if y.isNaN || l.isNaN || u.isNaN { return .nan }
        return l <= y && y <= u ? 1 : 0
    }

    /// The interval score of one day: (u − l) + (2/α)(l − y)·1{y < l} + (2/α)(y − u)·1{y > u}
    /// (Gneiting & Raftery 2007, eq. 43; Winkler 1972). NaN when any input is NaN.
    @inlinable
    public static func intervalScore(actual y: Double, lower l: Double, upper u: Double, alpha: Double) -> Double {
        if y.isNaN || l.isNaN || u.isNaN { return .nan }
        var score = u - l
        if y < l { score += 2 / alpha * (l - y) }
        if y > u { score += 2 / alpha * (y - u) }
        return score
    }

    /// The interval score of each day (the reference's `interval_score_<100c>_per_day`).
    /// Preconditions: equal lengths, α ∈ (0, 1).
    public static func intervalScorePerDay(actual: [Double], lower: [Double], upper: [Double], alpha: Double) -> [Double] {
        DailyAverage.requireAligned("IntervalScores.intervalScorePerDay", actual.count, lower.count, upper.count)
        precondition(alpha > 0 && alpha < 1, "IntervalScores: α must be in (0, 1), got \(alpha)")
        return actual.indices.map { intervalScore(actual: actual[$0], lower: lower[$0], upper: upper[$0], alpha: alpha) }
    }

    /// The mean interval score over the non-missing days (the reference's `interval_score_<100c>`).
    public static func meanIntervalScore(actual: [Double], lower: [Double], upper: [Double], alpha: Double) -> Double {
        DailyAverage.mean(intervalScorePerDay(actual: actual, lower: lower, upper: upper, alpha: alpha)).value
    }

    /// Every central interval that a set of quantile levels provides: each τ < ½ whose partner 1 − τ is also
    /// present (to within 1e-9), ordered by increasing nominal coverage (80 % before 90 %). When two pairs round
    /// to the same integer percent, only the first (in that order) is kept. Levels need not be sorted.
    public static func centralIntervals(levels: [Double]) -> [CentralInterval] {
        var intervals: [CentralInterval] = []
        for (i, tau) in levels.enumerated() where tau < 0.5 {
            guard let j = levels.firstIndex(where: { abs($0 - (1 - tau)) <= 1e-9 }) else { continue }
            intervals.append(CentralInterval(lowerIndex: i, upperIndex: j, lowerLevel: tau))
        }
        intervals.sort { $0.lowerLevel > $1.lowerLevel }
        var seen = Set<Int>()
        return intervals.filter { seen.insert($0.nominalPercent).inserted }
    }
}

import ForecastCore
import ForecastData
import ForecastModels
import Foundation

// Inner rolling validation of the local-level ensemble's tuning, on the training data only.
//
// Policy:
// 1. Inner origins: the last day that leaves H training days after it, then every 7 days back, at most
//    `innerOrigins` (26, half a year of weekly origins), each with at least `minimumInnerTraining` (56) days.
// 2. Each grid point forecasts every inner origin and is scored by the mean CRPS over the origins' days 1…H with a
//    finite actual. The forecast scored is the ensemble's marginal per day with `innerPaths` (100) values: each
//    member's day-h distribution as 100 sorted values (NB2: 100 sorted draws, the same every day; ratios: the
//    type-1 quantiles at (i − ½)/100), averaged rank by rank, day-of-week factor and rounding as in the forecast.
//    The CRPS of a day needs only that day's marginal, so no paths are drawn. The lowest mean wins; ties keep the
//    earlier grid point.
// 3. Fewer than `minimumInnerOriginCount` (6) inner origins: the documented default `Tuning()` (c = 1, no day of
//    week), and the selection says so.

/// The tuning the ensemble used and why.
public struct TuningSelection: Sendable, Equatable {
    /// The tuning used.
    public let tuning: LocalLevelEnsemble.Tuning
    /// Mean inner CRPS per grid point (empty for a fixed tuning or the short-series default).
    public let scores: [LocalLevelEnsemble.Tuning: Double]
    /// Inner origins scored (0 when no validation ran).
    public let innerOrigins: Int
    /// In words, e.g. "c = 2, day of week off: lowest inner CRPS over 26 origins".
    public let reason: String
}

extension LocalLevelEnsemble {
    static let innerOriginLimit = 26
    static let minimumInnerTraining = 56
    static let minimumInnerOriginCount = 6
    static let innerPaths = 100

    /// The inner origins of policy 1: day counts of the inner training histories, ascending.
    static func innerHistoryLengths(dayCount n: Int, horizon: Int, step: Int = 7, limit: Int = innerOriginLimit,
                                    minimumTraining: Int = minimumInnerTraining) -> [Int] {
        var lengths: [Int] = []
        var length = n - horizon
        while length >= minimumTraining && lengths.count < limit {
            lengths.append(length)
            length -= step
        }
        return lengths.reversed()
    }

    func select(grid: [Tuning], data: LevelObservations, start: CalendarDate, horizon: Int,
                seed: UInt64) -> TuningSelection {
        let lengths = Self.innerHistoryLengths(dayCount: data.count, horizon: horizon)
        guard lengths.count >= Self.minimumInnerOriginCount, !grid.isEmpty else {
            let tuning = Tuning()
            return TuningSelection(tuning: tuning, scores: [:], innerOrigins: 0,
                reason: "history too short for inner validation (\(data.count) days; needs \(Self.minimumInnerTraining + horizon + 7 * (Self.minimumInnerOriginCount - 1))): default \(tuning.description)")
        }
        var sums: [Tuning: (sum: Double, count: Int)] = [:]
        for length in lengths {
            for (tuning, score) in innerScores(data: data, start: start, length: length, horizon: horizon, grid: grid) {
                let old = sums[tuning] ?? (0, 0)
                sums[tuning] = (old.sum + score.sum, old.count + score.count)
            }
        }
        var scores: [Tuning: Double] = [:]
        for tuning in grid { scores[tuning] = sums[tuning].map { $0.count > 0 ? $0.sum / Double($0.count) : .infinity } ?? .infinity }
        let best = grid.min { (scores[$0] ?? .infinity) < (scores[$1] ?? .infinity) } ?? Tuning()
        return TuningSelection(tuning: best, scores: scores, innerOrigins: lengths.count,
            reason: "\(best.description): lowest mean CRPS (\(TextFormat.number(scores[best] ?? .nan))) over \(lengths.count) inner origins of the training data")
    }

    /// CRPS sum and count per grid point at one inner origin (the first `length` days train, the next `horizon`
    /// days score). The draws of one memory scale serve both day-of-week settings. The seed depends only on the
    /// inner origin, so the scores are the same in every validation that meets this inner origin (the cache).
    func innerScores(data: LevelObservations, start: CalendarDate, length: Int, horizon: Int,
                     grid: [Tuning]) -> [Tuning: (sum: Double, count: Int)] {
        let key = InnerScoreCache.Key(length: length, horizon: horizon, lastValue: data.values[length - 1].bitPattern)
        if let cached = cache?.scores(for: key), grid.allSatisfy({ cached[$0] != nil }) { return cached }
        let prefix = data.prefix(length)
        var result: [Tuning: (sum: Double, count: Int)] = [:]
        let firstDay = start.adding(days: length)
        let factors = grid.contains(where: \.dayOfWeek) ? Self.dayOfWeekFactors(prefix, start: start) : nil
        var negativeBinomialFits: [Double: LocalLevelMember] = [:]
        for c in Set(grid.map(\.memoryScale)).sorted() {
            // Policy 2 on the members' sorted marginals: the rank-by-rank average is the combined marginal.
            let members = self.members(prefix, memoryScale: c, horizon: horizon, negativeBinomialFits: &negativeBinomialFits)
            // Day t's combined values at combined[t·innerPaths ..< (t+1)·innerPaths].
            let width = Self.innerPaths
            var combined = [Double](repeating: 0, count: horizon * width)
            for (i, member) in members.enumerated() {
                var random = RandomSource(seed: UInt64(length), key: UInt64(i + 1))
                let marginals = member.sortedMarginals(horizon: horizon, count: width, random: &random)
                combined.withUnsafeMutableBufferPointer { out in
                    for t in 0..<horizon {
                        marginals[t].withUnsafeBufferPointer { day in
                            for j in 0..<width { out[t * width + j] += day[j] / Double(members.count) }
                        }
                    }
                }
            }
            // The combined values ascend (an average of ascending lists) and stay so under f > 0, rounding and
            // max(0, ·): the CRPS needs no sort.
            var values = [Double](repeating: 0, count: width)
            for tuning in grid where tuning.memoryScale == c {
                var sum = 0.0, count = 0
                for t in 0..<horizon {
                    let actual = data.values[length + t]
                    guard actual.isFinite else { continue }
                    let f = tuning.dayOfWeek ? factors?[firstDay.adding(days: t).weekday - 1] ?? 1 : 1
                    for j in 0..<width {
                        let value = combined[t * width + j]
                        values[j] = data.isInteger ? max(0, (value * f).rounded()) : max(0, value * f)
                    }
                    sum += CRPS.ensemble(actual: actual, sortedMembers: values)
                    count += 1
                }
                result[tuning] = (sum, count)
            }
        }
        cache?.store(result, for: key)
        return result
    }
}

/// Inner-validation scores of the local ensemble by inner origin, shared by the nested validations of one series
/// (see `LocalLevelEnsemble.cache`). Thread-safe.
final class InnerScoreCache: @unchecked Sendable {
    struct Key: Hashable {
        /// Training days before the inner origin (from the series' start) and the horizon.
        let length: Int, horizon: Int
        /// The last training value's bits: a guard against using one cache for two series.
        let lastValue: UInt64
    }

    private var table: [Key: [LocalLevelEnsemble.Tuning: (sum: Double, count: Int)]] = [:]
    private let lock = NSLock()

    func scores(for key: Key) -> [LocalLevelEnsemble.Tuning: (sum: Double, count: Int)]? {
        lock.lock(); defer { lock.unlock() }
        return table[key]
    }

    func store(_ scores: [LocalLevelEnsemble.Tuning: (sum: Double, count: Int)], for key: Key) {
        lock.lock(); defer { lock.unlock() }
        table[key] = scores
    }
}

// BarrageTest — mass barrages as discrete events: are triggers followed by a barrage within K days more often than
// dates in general? (`forecast effects --barrage auto|N`)
//
// Policy:
// 1. A barrage day is a day with y ≥ N (`.atLeast(N)`), or with y ≥ 3 × the median of the 28 days before it
//    (`.automatic`; the day itself excluded, all 28 days present, and y ≥ 1). Three times the typical day is a
//    rule fixed in advance, not fitted to the triggers.
// 2. A date D is *followed* when a barrage falls on one of the days D+1 … D+K (day 0 excluded: a barrage on the
//    trigger day cannot answer it). Eligible dates: those whose days D+1 … D+K all lie in the series (and, for
//    `.automatic`, have thresholds). The base rate is the share of eligible dates that are followed.
// 3. Null hypothesis: the triggers are a uniform random set of m eligible dates. The number followed is then
//    hypergeometric (N eligible dates, F of them followed, m drawn); p = P(X ≥ observed), exact (the permutation
//    distribution itself, no draws needed, so no seed).
// 4. Only counts: a negative or non-integer value is refused with its date.

import ForecastCore
import ForecastData
import ForecastModels
import Foundation

/// The barrage test's specification.
public struct BarrageTest: Sendable {
    /// What makes a day a barrage (policy 1).
    public enum Threshold: Sendable, Equatable {
        case atLeast(Double)
        case automatic

        /// The multiple of the trailing median and the trailing window length of `.automatic`.
        public static let multiple = 3.0, trailingDays = 28
    }

    public var threshold: Threshold
    /// K: days after a trigger in which a barrage counts (default 21).
    public var within: Int

    public init(threshold: Threshold, within: Int = 21) {
        precondition(within >= 1, "BarrageTest: within must be ≥ 1")
        self.threshold = threshold
        self.within = within
    }

    /// One trigger's outcome.
    public struct Trigger: Sendable, Equatable {
        public let id: String
        public let date: CalendarDate
        /// Days from the trigger to the first barrage in 1…K, or nil.
        public let daysToFirst: Int?
    }

    /// The test's result.
    public struct Result: Sendable {
        public let test: BarrageTest
        /// Triggers analysed (eligible dates), in input order.
        public let triggers: [Trigger]
        /// Triggers outside the eligible dates (not analysed).
        public let skipped: [String]
        public let followed: Int
        /// Eligible dates, and those followed by a barrage.
        public let eligibleDates: Int
        public let followedDates: Int
        public var baseRate: Double { eligibleDates > 0 ? Double(followedDates) / Double(eligibleDates) : .nan }
        /// Barrage days in the series.
        public let barrageDays: [CalendarDate]
        /// P(X ≥ followed) under policy 3.
        public let pValue: Double
    }
}

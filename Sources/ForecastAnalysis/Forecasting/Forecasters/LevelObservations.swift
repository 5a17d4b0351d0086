// LevelObservations — the data rules of the local-level forecasters: which days may move a level estimate.
//
// Policy (issue 13, "data rules"):
// 1. Missing days (NaN) and negative values (a cumulative total corrected downwards, spread into a daily
//    difference) are not level observations.
// 2. A zero day while the level is well above zero — the median of the previous `lookback` (28) level
//    observations is at least `zeroRuleMedian` (5) — is a truce or a missing report, not a level: it does not pull
//    the level down. (Under Poisson(5) a zero has probability e⁻⁵ < 1 %.) It remains an outcome: the ratio member's
//    empirical ratios and every score still see it.
// 3. The response is counts (`isInteger`) when every finite value is an integer; count forecasts are rounded.

import ForecastCore
import ForecastData
import ForecastModels
import Foundation

/// Which days of a history are level observations (policy above).
struct LevelObservations: Sendable {
    /// The response as given (NaN = missing), one per day.
    let values: [Double]
    /// `level[t]`: the value when day t is a level observation, else NaN.
    let level: [Double]
    /// log(1 + level[t]) (NaN where `level` is NaN), computed once for every member that smooths on the log scale.
    let logLevel: [Double]
    /// Every finite value is an integer.
    let isInteger: Bool

    static let lookback = 28
    static let zeroRuleMedian = 5.0

    init(_ values: [Double]) {
        self.values = values
        var level = [Double](repeating: .nan, count: values.count)
        var recent: [Double] = []
        recent.reserveCapacity(Self.lookback)
        for (t, y) in values.enumerated() where y.isFinite && y >= 0 {
            if y == 0 && recent.count >= 7 {
                let sorted = recent.sorted()
                if sorted[sorted.count / 2] >= Self.zeroRuleMedian { continue }
            }
            level[t] = y
            if recent.count == Self.lookback { recent.removeFirst() }
            recent.append(y)
        }
        self.level = level
        logLevel = level.map { log1p($0) }
        isInteger = values.allSatisfy { !$0.isFinite || $0 == $0.rounded() }
    }

    var count: Int { values.count }

    /// The first `days` days (the rules look only backwards, so this equals the observations of that history).
    func prefix(_ days: Int) -> LevelObservations {
        LevelObservations(values: Array(values[0..<days]), level: Array(level[0..<days]),
                          logLevel: Array(logLevel[0..<days]), isInteger: isInteger)
    }

    private init(values: [Double], level: [Double], logLevel: [Double], isInteger: Bool) {
        self.values = values
        self.level = level
        self.logLevel = logLevel
        self.isInteger = isInteger
    }

    /// Whether any day is a level observation.
    var hasLevel: Bool { level.contains { !$0.isNaN } }
}

// Exceedance probabilities read off sample paths: "how likely is a day with at least N?" (issue 13, item 5).
//
// Policy: probabilities are path frequencies — P(y_d ≥ N) is the share of paths with a value ≥ N on day d, and
// P(at least one day ≥ N within days 1…k) the share of paths whose maximum over days 1…k is ≥ N. They therefore
// use the paths' dependence across days (a path is one joint scenario), which per-day quantiles cannot.

/// Exceedance probabilities of one threshold.
import ForecastCore
import ForecastData
import ForecastModels
public struct Exceedance: Sendable, Equatable {
    /// The threshold N (a day "exceeds" when its value is ≥ N).
    public let threshold: Double
    /// P(y_d ≥ N) for d = 1…horizon.
    public let daily: [Double]
    /// (k, P(max over days 1…k ≥ N)) for each requested k ≤ horizon, ascending, without repeats.
    public let anyWithin: [(days: Int, probability: Double)]

    public static func == (a: Exceedance, b: Exceedance) -> Bool {
        a.threshold == b.threshold && a.daily == b.daily
            && a.anyWithin.map(\.days) == b.anyWithin.map(\.days)
            && a.anyWithin.map(\.probability) == b.anyWithin.map(\.probability)
    }
}

extension PredictiveDistribution {
    /// Exceedance of `threshold` by day and within the first 7, 14 and `horizon` days (those ≤ horizon).
    public func exceedance(_ threshold: Double, within windows: [Int]? = nil) -> Exceedance {
        let n = Double(pathCount)
        let daily = (0..<horizon).map { t in
            Double((0..<pathCount).filter { paths[t, $0] >= threshold }.count) / n
        }
        let ks = Array(Set((windows ?? [7, 14, horizon]).filter { $0 >= 1 && $0 <= horizon })).sorted()
        // First day each path reaches the threshold (horizon = never).
        let firstHit = (0..<pathCount).map { p in (0..<horizon).first { paths[$0, p] >= threshold } ?? horizon }
        let any = ks.map { k in (days: k, probability: Double(firstHit.filter { $0 < k }.count) / n) }
        return Exceedance(threshold: threshold, daily: daily, anyWithin: any)
    }
}

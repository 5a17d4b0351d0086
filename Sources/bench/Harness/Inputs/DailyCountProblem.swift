import Foundation

/// A seeded daily count series for the fit-and-forecast case: NB2 counts with a trend and a weekly pattern.
///
/// Day t (t = 0…n−1) is `startDay + t` (days since 1970-01-01; the default start is 2022-02-24). Its mean is
/// exp(log 20 + 0.3·t/365.25 + w(weekday)) with w = 0 (Mon), +0.05, +0.10, 0, −0.05, −0.15, −0.20 (Sun) —
/// the columns of Forecast's default design (`const`, `trend` in years, `dow_tue`…`dow_sun`, Monday the
/// reference). y ~ NB2(mean, α = 0.5) by `CountSampler`.
public struct DailyCountProblem: Sendable {
    /// Base seed of the daily series.
    public static let baseSeed: UInt64 = 20_220_227
    /// 2022-02-24 as days since 1970-01-01.
    public static let defaultStartDay = 19_047
    /// Trend per year on the log scale.
    public static let trendPerYear = 0.3
    /// Log-scale effect by ISO weekday (index 0 = Monday … 6 = Sunday).
    public static let weekdayEffects = [0, 0.05, 0.10, 0, -0.05, -0.15, -0.20]
    /// NB2 dispersion.
    public static let alpha = 0.5

    /// First day, days since 1970-01-01.
    public let startDay: Int
    /// The daily counts.
    public let y: [Double]

    public init(days n: Int, startDay: Int = DailyCountProblem.defaultStartDay) {
        precondition(n >= 1, "DailyCountProblem needs at least one day")
        var sampler = CountSampler(seed: SplitMix64.seed(Self.baseSeed, n, startDay))
        y = (0..<n).map { t in
            let eta = log(20.0) + Self.trendPerYear * Double(t) / 365.25
                + Self.weekdayEffects[Self.isoWeekday(daysSinceEpoch: startDay + t) - 1]
            return sampler.negativeBinomial(mean: exp(eta), alpha: Self.alpha)
        }
        self.startDay = startDay
    }

    /// ISO weekday of a day count: Monday = 1 … Sunday = 7 (1970-01-01 was a Thursday).
    public static func isoWeekday(daysSinceEpoch day: Int) -> Int {
        let r = (day + 3) % 7
        return (r < 0 ? r + 7 : r) + 1
    }

    /// y as an exported array (identity `daily_<n>`).
    public var exportedArrays: [ExportedArray] {
        [ExportedArray(name: "y", vector: y, identity: "daily_\(y.count)")]
    }
}

import Foundation

/// A seeded daily series with two known regressors, for the least-squares backtest case.
///
/// Day t (t = 0…n−1) is `startDay + t` (days since 1970-01-01; default 2022-02-24). Regressors: `x1` i.i.d.
/// N(0, 1); `x2` an AR(1), x2_t = 0.8·x2_{t−1} + N(0, 1), x2_0 = N(0, 1) (a slowly moving covariate).
/// Response: y_t = 50 + 10·t/365.25 + w(weekday) + 3·x1_t − 2·x2_t + 4·ε_t, ε_t ~ N(0, 1), with
/// w = 0 (Mon), +3, +5, +2, −4, −8, +1 (Sun) — the columns of Forecast's default design (`const`, `trend` in
/// years, `dow_tue`…`dow_sun`, Monday the reference) plus the two regressors: 10 columns.
/// The same (seed, n, start) always gives the same bits.
public struct DailyRegressionProblem: Sendable {
    /// Base seed of the series.
    public static let baseSeed: UInt64 = 20_220_301
    /// Level effect by ISO weekday (index 0 = Monday … 6 = Sunday).
    public static let weekdayEffects: [Double] = [0, 3, 5, 2, -4, -8, 1]

    /// First day, days since 1970-01-01.
    public let startDay: Int
    /// The daily response.
    public let y: [Double]
    /// The regressors `x1` and `x2`, one value per day.
    public let x1: [Double], x2: [Double]

    public init(days n: Int, startDay: Int = DailyCountProblem.defaultStartDay) {
        precondition(n >= 1, "DailyRegressionProblem needs at least one day")
        var normal = NormalGenerator(seed: SplitMix64.seed(Self.baseSeed, n, startDay))
        let x1 = normal.next(n)
        var x2 = [Double](repeating: 0, count: n)
        var previous = normal.next()
        for t in 0..<n {
            if t > 0 { previous = 0.8 * previous + normal.next() }
            x2[t] = previous
        }
        y = (0..<n).map { t in
            50 + 10 * Double(t) / 365.25 + Self.weekdayEffects[DailyCountProblem.isoWeekday(daysSinceEpoch: startDay + t) - 1]
                + 3 * x1[t] - 2 * x2[t] + 4 * normal.next()
        }
        self.x1 = x1
        self.x2 = x2
        self.startDay = startDay
    }

    /// y, x1 and x2 as exported arrays (identity `daily_reg_<n>`).
    public var exportedArrays: [ExportedArray] {
        let identity = "daily_reg_\(y.count)"
        return [ExportedArray(name: "y", vector: y, identity: identity),
                ExportedArray(name: "x1", vector: x1, identity: identity),
                ExportedArray(name: "x2", vector: x2, identity: identity)]
    }
}

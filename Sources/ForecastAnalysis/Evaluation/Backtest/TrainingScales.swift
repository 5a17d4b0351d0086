// TrainingScales — the MASE scales Q_m of every backtest origin's training window, in O(1) per window.
//
// Policy:
// 1. Q_m of the window of days a…b (indices into the series) is `ScaledErrors.absoluteScale` of the window's
//    values: the mean of the finite d_t = |x_t − x_{t−m}| with both days in the window (t = a+m…b); nil when the
//    window has ≤ m days, no finite difference, or the mean is 0.
// 2. Prefix sums S_i = d_0 + … + d_{i−1} (non-finite d counted as 0) and counts C_i are computed once per period
//    over the whole series, S in double-double (`CompensatedSum`), and a window's sum S_{b+1} − S_{a+m} is formed
//    in double-double too, so its error is about 2⁻¹⁰⁶·S_n before the final rounding — the value equals the
//    compensated mean of the window's own differences to the last bit or so. Rebuilding the window and summing it
//    would cost O(n) per origin.
// 3. A series with an infinite value (which the compensated mean carries as ±∞) is scored directly from the
//    window's values instead.

/// Q_1 and Q_m of training windows of one daily series (policy 1–3).
import ForecastCore
import ForecastData
import ForecastModels
struct TrainingScales: Sendable {
    /// Prefix sums of one period: `high[i] + low[i]` = S_i, `count[i]` = C_i (n + 1 entries each).
    private struct Prefix: Sendable {
        let high: [Double], low: [Double], count: [Int]
    }

    private let response: [Double]
    private let prefixes: [Int: Prefix]
    private let hasInfinity: Bool

    /// Scales of `response` (one value per day, NaN = missing) for the seasonal periods `periods` (each ≥ 1).
    init(response: [Double], periods: [Int]) {
        self.response = response
        hasInfinity = response.contains { $0.isInfinite }
        var prefixes: [Int: Prefix] = [:]
        for m in Set(periods) {
            precondition(m >= 1, "TrainingScales: the seasonal period must be ≥ 1, got \(m)")
            let n = response.count
            var high = [Double](repeating: 0, count: n + 1), low = high, count = [Int](repeating: 0, count: n + 1)
            var sum = CompensatedSum(), used = 0
            for t in 0..<n {
                if t >= m {
                    let d = abs(response[t] - response[t - m])
                    if d.isFinite {
                        sum.add(d)
                        used += 1
                    }
                }
                high[t + 1] = sum.high
                low[t + 1] = sum.low
                count[t + 1] = used
            }
            prefixes[m] = Prefix(high: high, low: low, count: count)
        }
        self.prefixes = prefixes
    }

    /// Q_m of the days `first…last` (indices into the series, inclusive); nil when unavailable (policy 1).
    /// Precondition: m is one of the periods given at `init`; 0 ≤ first ≤ last < n.
    func absoluteScale(period m: Int, first a: Int, last b: Int) -> Double? {
        guard let prefix = prefixes[m] else { preconditionFailure("TrainingScales: period \(m) was not prepared") }
        precondition(a >= 0 && a <= b && b < response.count, "TrainingScales: window \(a)…\(b) outside the series")
        if hasInfinity { return ScaledErrors.absoluteScale(training: Array(response[a...b]), period: m).value }
        guard b - a + 1 > m else { return nil }
        let count = prefix.count[b + 1] - prefix.count[a + m]
        guard count > 0 else { return nil }
        // S_{b+1} − S_{a+m} in double-double: the high parts' difference is split exactly (TwoSum).
        var sum = CompensatedSum(prefix.high[b + 1])
        sum.add(-prefix.high[a + m])
        sum.low += prefix.low[b + 1] - prefix.low[a + m]
        let mean = sum.value / Double(count)
        return mean == 0 ? nil : mean
    }
}

// RankedErrors — every in-sample error of a series at one lag, sorted once: the universe an `ErrorMultiset`
// draws its members from.
//
// Policy:
// 1. e_t = x_t − x_{t−L} for t = L…n−1 where neither value is missing (NaN), as `BaselineForecasts` defines the
//    baselines' errors; each error has its own rank (ties broken by t), so a window's errors are a set of ranks.
// 2. Built in O(n log n) per lag, once per backtest, and shared read-only by its parallel runs.

/// The errors of one series at one lag, ascending, and the rank of each day's error (policy 1).
struct RankedErrors: Sendable {
    /// The lag L ≥ 1.
    let lag: Int
    /// Every error, ascending (ties in day order).
    let sorted: [Double]
    /// rank[t] = the position of e_t in `sorted`, −1 when there is no error on day t (t < L or a missing value);
    /// one entry per day of the series.
    let rank: [Int32]

    /// The errors of `x` (NaN = missing) at lag `lag` ≥ 1.
    init(series x: [Double], lag: Int) {
        precondition(lag >= 1, "RankedErrors: the lag must be ≥ 1, got \(lag)")
        precondition(x.count < Int(Int32.max), "RankedErrors: \(x.count) days exceed the rank range")
        self.lag = lag
        var errors: [(value: Double, day: Int32)] = []
        if lag < x.count {
            errors.reserveCapacity(x.count - lag)
            for t in lag..<x.count where !x[t].isNaN && !x[t - lag].isNaN { errors.append((x[t] - x[t - lag], Int32(t))) }
        }
        errors.sort { $0.value < $1.value || ($0.value == $1.value && $0.day < $1.day) }
        sorted = errors.map(\.value)
        var rank = [Int32](repeating: -1, count: x.count)
        for (position, e) in errors.enumerated() { rank[Int(e.day)] = Int32(position) }
        self.rank = rank
    }

    /// The number of errors ≤ c (binary search).
    func rankCount(atMost c: Double) -> Int {
        var low = 0, high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] <= c { low = middle + 1 } else { high = middle }
        }
        return low
    }
}

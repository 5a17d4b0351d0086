// BaselineWindow — the baselines' in-sample errors of one training window, kept as order-statistic multisets
// (`ErrorMultiset`) and moved from origin to origin, so a run of origins pays O(log n) per error that enters or
// leaves the window instead of sorting all n errors per origin and day.
//
// Policy:
// 1. `BaselineErrors` ranks the final series' errors at every lag the baselines use, once per backtest; it is
//    nil — and the baselines are computed from each origin's training values — when values are infinite or so
//    large (|x| ≥ 2⁹⁰⁰) that sums of errors could overflow. Vintages (earlier days revised per origin) never use
//    it: their errors change from origin to origin.
// 2. The window of days a…b holds, per lag L, the errors e_t with a + L ≤ t ≤ b (both days in the window).
//    Windows only move forward (a and b never decrease: expanding and sliding training windows alike); a move
//    removes the errors that left and inserts those that entered, so a run's cost is O((n + moves) log n) per
//    lag. The first window of a run is built in O(n).

import ForecastCore

/// The series' errors at the baselines' lags, ranked once and shared by a backtest's runs (policy 1).
struct BaselineErrors: Sendable {
    /// The final series (NaN = missing).
    let values: [Double]
    /// Indexed by lag: the ranked errors, nil for a lag the baselines do not use.
    let byLag: [RankedErrors?]

    /// The errors of `values` at `lags` (each ≥ 1), ranked in parallel on up to `workers` threads; nil when a
    /// value is infinite or |x| ≥ 2⁹⁰⁰ (policy 1).
    init?(values: [Double], lags: Set<Int>, workers: Int) {
        guard values.allSatisfy({ $0.isNaN || abs($0) < 0x1p900 }) else { return nil }
        self.values = values
        let ordered = lags.sorted()
        let ranked = ParallelMap.map(count: ordered.count, workers: workers) { RankedErrors(series: values, lag: ordered[$0]) }
        var byLag = [RankedErrors?](repeating: nil, count: (ordered.last ?? 0) + 1)
        for r in ranked { byLag[r.lag] = r }
        self.byLag = byLag
    }
}

/// The errors of one training window at every lag of a `BaselineErrors` (policy 2).
struct BaselineWindow: Sendable {
    let errors: BaselineErrors
    /// By lag, as `errors.byLag`.
    private var multisets: [ErrorMultiset?]
    /// The window's first and last day (indices into the series).
    private(set) var first: Int, last: Int

    /// The window of days `first…last` (indices into `errors.values`).
    init(errors: BaselineErrors, first a: Int, last b: Int) {
        precondition(a >= 0 && a <= b && b < errors.values.count, "BaselineWindow: window \(a)…\(b) outside the series")
        self.errors = errors
        first = a
        last = b
        multisets = errors.byLag.map { ranked in
            ranked.map { r in
                let days = stride(from: a + r.lag, through: b, by: 1)
                return ErrorMultiset(universe: r, ranks: days.compactMap { r.rank[$0] >= 0 ? Int(r.rank[$0]) : nil })
            }
        }
    }

    /// Moves the window to `first…last` (not before the current window's first and last day).
    mutating func move(first a: Int, last b: Int) {
        precondition(a >= first && b >= last && a <= b && b < errors.values.count,
                     "BaselineWindow: \(first)…\(last) cannot move to \(a)…\(b)")
        guard a != first || b != last else { return }
        for lag in multisets.indices where multisets[lag] != nil {
            let rank = errors.byLag[lag]!.rank
            // Left: t in first + L … min(last, a + L − 1); entered: t in max(a + L, last + 1) … b.
            for t in stride(from: first + lag, through: min(last, a + lag - 1), by: 1) where rank[t] >= 0 {
                multisets[lag]!.remove(rank: Int(rank[t]))
            }
            for t in stride(from: max(a + lag, last + 1), through: b, by: 1) where rank[t] >= 0 {
                multisets[lag]!.insert(rank: Int(rank[t]))
            }
        }
        first = a
        last = b
    }

    /// The window's errors at lag L (one of `errors`' lags).
    func multiset(lag: Int) -> ErrorMultiset {
        guard lag < multisets.count, let set = multisets[lag] else { preconditionFailure("BaselineWindow: lag \(lag) was not ranked") }
        return set
    }

    /// The window's last `days` values (fewer when the window is shorter): what a point forecast reads.
    func trailingValues(_ days: Int) -> [Double] {
        Array(errors.values[max(first, last - days + 1)...last])
    }
}

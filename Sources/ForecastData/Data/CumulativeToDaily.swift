// CumulativeToDaily — running totals (one per calendar day, NaN = unknown) → daily values, with every
// correction, gap and first appearance recorded.
//
// Policy (issue 3, item 3; matches Tests/Fixtures/reference/series/personnel_daily.csv):
//  1. daily[t] = total[t] − total[t−1] when both are known.
//  2. No daily value (NaN) on: the first day (unless `baseline` gives the total before it: daily[0] = total[0] −
//     baseline); a column's first known day after the series' first day (a category that appears mid-series
//     starts with a to-date total, not one day's losses); the day after unknown days. A difference across
//     unknown days is a MULTI-DAY TOTAL, reported with the days it covers and assigned to no single day.
//  3. Every negative day-to-day difference is a CORRECTION (day, size), handled by `CorrectionPolicy`:
//     keep (default), missing, or spread:K — the day becomes 0 and the amount is spread over those of the K
//     previous days that have a daily value (integer amounts stay integers: equal shares rounded toward zero,
//     the remainder one unit each on the latest days). Corrections are handled in date order; a spread can make
//     an earlier day negative, which the quality report then lists as a negative value.
//  4. Differences are exact for integer totals below 2^53 (one floating subtraction, no accumulation).
// Cost: O(days + K × corrections).

/// Converts one column of running totals into daily values (rules at the top of CumulativeToDaily.swift).
import ForecastCore
public struct CumulativeToDaily: Sendable {
    /// The running total before day 0, if known.
    public var baseline: Double?
    /// What to do with negative differences.
    public var corrections: CorrectionPolicy

    public init(baseline: Double? = nil, corrections: CorrectionPolicy = .keep) {
        self.baseline = baseline
        self.corrections = corrections
    }

    /// A correction found at day index `day` (0-based), with the day indices a spread went to.
    public struct Correction: Sendable, Equatable {
        public let day: Int
        /// The (negative) difference.
        public let size: Double
        /// Day indices that received a share (empty unless spread).
        public let spreadOver: [Int]

        public init(day: Int, size: Double, spreadOver: [Int]) { (self.day, self.size, self.spreadOver) = (day, size, spreadOver) }
    }

    /// A difference across unknown days: the total of days `firstDay ... lastDay` (indices).
    public struct MultiDayTotal: Sendable, Equatable {
        public let firstDay: Int
        public let lastDay: Int
        public let total: Double

        public init(firstDay: Int, lastDay: Int, total: Double) { (self.firstDay, self.lastDay, self.total) = (firstDay, lastDay, total) }
    }

    /// The daily values and what was found.
    public struct Result: Sendable, Equatable {
        /// One value per day (same length as the input); NaN = no daily value.
        public var daily: [Double]
        public var corrections: [Correction]
        public var multiDayTotals: [MultiDayTotal]
        /// The first known day and its total when it is not day 0 (the column appears mid-series).
        public var firstAppearance: (day: Int, total: Double)?

        public static func == (a: Result, b: Result) -> Bool {
            a.daily.elementsEqual(b.daily) { $0 == $1 || ($0.isNaN && $1.isNaN) } && a.corrections == b.corrections
                && a.multiDayTotals == b.multiDayTotals && a.firstAppearance?.day == b.firstAppearance?.day
                && a.firstAppearance?.total == b.firstAppearance?.total
        }

        /// Rebuilds the running totals from the daily values, multi-day totals and the first known total
        /// `first` (the total on the first known day): the inverse of ``CumulativeToDaily/daily(from:)`` for
        /// `keep` (exact for integer totals). Days with no total stay NaN.
        public func runningTotals(firstKnownTotal first: Double, firstKnownDay: Int) -> [Double] {
            var totals = [Double](repeating: .nan, count: daily.count)
            guard firstKnownDay < daily.count else { return totals }
            totals[firstKnownDay] = first
            var spans: [Int: MultiDayTotal] = [:]
            for m in multiDayTotals { spans[m.lastDay] = m }
            var last = first
            for t in (firstKnownDay + 1)..<max(daily.count, firstKnownDay + 1) {
                if let span = spans[t] {
                    last += span.total
                    totals[t] = last
                } else if !daily[t].isNaN, !totals[t - 1].isNaN {
                    last += daily[t]
                    totals[t] = last
                }
            }
            return totals
        }
    }

    /// Daily values of `totals` (one running total per consecutive calendar day; NaN = unknown).
    public func daily(from totals: [Double]) -> Result {
        var daily = [Double](repeating: .nan, count: totals.count)
        var found: [Correction] = []
        var multiDay: [MultiDayTotal] = []
        var firstAppearance: (day: Int, total: Double)?
        var previous: Int?  // last day with a known total
        for t in totals.indices where !totals[t].isNaN {
            defer { previous = t }
            guard let p = previous else {
                if t == 0, let baseline { daily[0] = totals[0] - baseline }
                if t > 0 { firstAppearance = (t, totals[t]) }
                continue
            }
            if p == t - 1 {
                daily[t] = totals[t] - totals[p]
            } else {
                multiDay.append(MultiDayTotal(firstDay: p + 1, lastDay: t, total: totals[t] - totals[p]))
            }
        }
        for t in daily.indices where daily[t] < 0 {
            let size = daily[t]
            switch corrections {
            case .keep:
                found.append(Correction(day: t, size: size, spreadOver: []))
            case .missing:
                daily[t] = .nan
                found.append(Correction(day: t, size: size, spreadOver: []))
            case .spread(let k):
                let window = (max(0, t - k)..<t).filter { !daily[$0].isNaN }
                guard !window.isEmpty else {
                    found.append(Correction(day: t, size: size, spreadOver: []))
                    continue
                }
                daily[t] = 0
                for (day, share) in zip(window, Self.shares(of: size, over: window.count)) { daily[day] += share }
                found.append(Correction(day: t, size: size, spreadOver: window))
            }
        }
        return Result(daily: daily, corrections: found, multiDayTotals: multiDay, firstAppearance: firstAppearance)
    }

    /// `amount` split into `n` shares, oldest first: integers when `amount` is an integer (equal shares rounded
    /// toward zero, the remainder as ±1 on the latest shares), else `amount / n` each. The shares add up to `amount`.
    static func shares(of amount: Double, over n: Int) -> [Double] {
        guard amount == amount.rounded(), abs(amount) < 9e15 else { return Array(repeating: amount / Double(n), count: n) }
        let total = Int(amount)
        let base = total / n            // rounded toward zero
        let remainder = total - base * n  // same sign as total, |remainder| < n
        let unit = remainder < 0 ? -1 : 1
        return (0..<n).map { i in Double(base + (i >= n - abs(remainder) ? unit : 0)) }
    }
}

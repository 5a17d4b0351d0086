// DailyAverage — the evaluation layer's one rule for averaging per-day values.
//
// Policy (shared by every metric in Evaluation/):
//  1. A day on which any input is NaN (a missing actual, forecast or parameter) is skipped in a mean and is NaN in
//     a per-day list — R `forecast::accuracy` does the same with `na.rm = TRUE`. A mean over no days is NaN.
//  2. ±∞ is not missing: it propagates (a forecast of +∞ has an infinite error).
//  3. Sums are compensated (double-double), so a mean over many days is correctly rounded in practice and the
//     order of the days does not matter.

/// Means of per-day scores with the evaluation layer's missing-value rule: NaN days are skipped (R's
/// `na.rm = TRUE`), ±∞ propagates, a mean over no days is NaN. Compensated summation.
import ForecastCore
import ForecastData
import ForecastModels
public enum DailyAverage {
    /// The mean of the non-NaN values, and how many there were; (NaN, 0) when none.
    ///
    /// Use it to average the per-day lists of ``CRPS``, ``LogScore`` or ``IntervalScores``.
    public static func mean(_ values: [Double]) -> (value: Double, count: Int) {
        mean(days: values.count) { values[$0] }
    }

    /// The mean of `term(t)` over t in 0..<days, skipping NaN terms, and how many terms entered it.
    public static func mean(days: Int, _ term: (Int) -> Double) -> (value: Double, count: Int) {
        var running = Running()
        for t in 0..<days { running.add(term(t)) }
        return running.mean
    }

    /// A mean built one value at a time with the rule above (for several means filled in one pass; the same
    /// operations in the same order as `mean(days:_:)`).
    struct Running {
        private var sum = CompensatedSum()
        private var plain = 0.0  // carries ±∞ (the compensation term of an infinite sum is NaN)
        private var count = 0

        /// Adds a value (NaN is skipped).
        mutating func add(_ value: Double) {
            if value.isNaN { return }
            sum.add(value)
            plain += value
            count += 1
        }

        /// The mean of the values added and their number; (NaN, 0) when none.
        var mean: (value: Double, count: Int) {
            if count == 0 { return (.nan, 0) }
            return ((plain.isFinite ? sum.value : plain) / Double(count), count)
        }
    }

    /// Traps unless every array has `first`'s length (a programmer error: the caller aligns the days).
    static func requireAligned(_ function: StaticString, _ counts: Int...) {
        guard let first = counts.first else { return }
        precondition(counts.allSatisfy { $0 == first },
                     "\(function): arrays must have one value per day and the same length, got lengths \(counts)")
    }
}

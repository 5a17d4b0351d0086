// QuantileScores — the pinball (quantile) loss of quantile forecasts, and the check that quantiles do not cross.
//
// Policy:
//  1. ρ_τ(u) = max(τ·u, (τ − 1)·u) with u = y − q_τ (Koenker & Bassett 1978), WITHOUT the factor 2 that some
//     authors use (so that 2·mean pinball over a dense grid of levels approximates the CRPS). This is the
//     reference's `pinball[tau]` and scikit-learn's `mean_pinball_loss(y, q, alpha=tau)`.
//  2. The mean over levels is a plain (unweighted) mean of the per-level means.
//  3. Quantile forecasts of one day must be non-decreasing in the level. Equal values are valid (the quantiles of
//     a count distribution are integers and tie); a value strictly below that of a lower level is a crossing.
//  4. Missing values: a day with a NaN actual or quantile is skipped (NaN in per-day lists).

/// Where quantile forecasts cross: on `day`, the quantile of level index `upper` is strictly below that of
/// level index `lower` (indices into the caller's level-ordered columns; `lower < upper`).
import ForecastCore
import ForecastData
import ForecastModels
public struct QuantileCrossing: Sendable, Equatable {
    /// 0-based day (row) index.
    public let day: Int
    /// Index of the lower level whose value is larger.
    public let lower: Int
    /// Index of the higher level whose value is smaller.
    public let upper: Int

    /// A crossing on `day` between the level indices `lower` < `upper`.
    public init(day: Int, lower: Int, upper: Int) {
        self.day = day
        self.lower = lower
        self.upper = upper
    }
}

/// Pinball loss of quantile forecasts (per day, mean, mean over levels) and the crossing check.
public enum QuantileScores {
    /// The pinball (check) loss ρ_τ(u) = max(τ·u, (τ − 1)·u) of the error u = y − q at level τ ∈ (0, 1):
    /// τ·u when the actual is above the quantile, (1 − τ)·|u| when below. No factor 2.
    @inlinable
    public static func pinball(_ u: Double, level tau: Double) -> Double {
        max(tau * u, (tau - 1) * u)
    }

    /// ρ_τ(y_t − q_t) for each day (NaN where y_t or q_t is NaN). Precondition: equal lengths, τ ∈ (0, 1).
    public static func pinballLossPerDay(actual: [Double], quantile: [Double], level tau: Double) -> [Double] {
        DailyAverage.requireAligned("QuantileScores.pinballLossPerDay", actual.count, quantile.count)
        precondition(tau > 0 && tau < 1, "QuantileScores: the level must be in (0, 1), got \(tau)")
        return zip(actual, quantile).map { pinball($0 - $1, level: tau) }
    }

    /// Mean pinball loss, mean_t ρ_τ(y_t − q_t), over the non-missing days (the reference's `pinball[tau]`;
    /// scikit-learn `mean_pinball_loss(y, q, alpha=tau)`). Precondition: equal lengths, τ ∈ (0, 1).
    public static func meanPinballLoss(actual: [Double], quantile: [Double], level tau: Double) -> Double {
        DailyAverage.mean(pinballLossPerDay(actual: actual, quantile: quantile, level: tau)).value
    }

    /// The plain mean over levels of the per-level mean pinball losses (the reference's
    /// `pinball_mean_over_levels`). `quantiles[j]` holds the forecasts of level `levels[j]`, one per day.
    /// A level whose mean is NaN (no usable day) makes the result NaN; no levels gives NaN.
    public static func meanPinballLossOverLevels(actual: [Double], quantiles: [[Double]], levels: [Double]) -> Double {
        precondition(quantiles.count == levels.count, "QuantileScores: one quantile column per level")
        return meanOverLevels(zip(quantiles, levels).map { meanPinballLoss(actual: actual, quantile: $0, level: $1) })
    }

    /// The plain mean of per-level mean pinball losses (compensated sum; NaN for none).
    static func meanOverLevels(_ levelMeans: [Double]) -> Double {
        guard !levelMeans.isEmpty else { return .nan }
        var sum = CompensatedSum()
        for mean in levelMeans { sum.add(mean) }
        return sum.value / Double(levelMeans.count)
    }

    /// The first day (then the first level) on which the quantile forecasts strictly decrease with the level.
    ///
    /// `quantiles[j]` holds level j's forecasts, one per day, with the levels in increasing order. On each day a
    /// value is compared with the largest value of the lower levels; equal values are fine, NaN values are
    /// ignored. Returns nil when nothing crosses. O(days × levels).
    public static func firstCrossing(quantiles: [[Double]]) -> QuantileCrossing? {
        guard let days = quantiles.first?.count else { return nil }
        precondition(quantiles.allSatisfy { $0.count == days }, "QuantileScores.firstCrossing: columns of unequal length")
        for t in 0..<days {
            var largest: (value: Double, level: Int)?
            for (j, column) in quantiles.enumerated() where !column[t].isNaN {
                if let largest, column[t] < largest.value {
                    return QuantileCrossing(day: t, lower: largest.level, upper: j)
                }
                if largest == nil || column[t] > largest!.value { largest = (column[t], j) }
            }
        }
        return nil
    }
}

// PIT — probability integral transform values F(y) of the actuals under their predictive distributions, and PIT
// histograms. For a calibrated continuous forecast the PIT values are uniform on [0, 1]; a ∪-shaped histogram means
// intervals too narrow (under-dispersion), ∩-shaped too wide, a slope a biased mean.
//
// Policy:
//  1. Continuous (Gaussian): u = Φ((y − μ)/σ).
//  2. Discrete (Poisson, NB2) — a count has a PIT interval [F(y − 1), F(y)], F(−1) = 0:
//     - mid-PIT (F(y − 1) + F(y))/2: non-random and reproducible; the reference's `pit_mid_nb`. It is NOT uniform
//       under calibration (it avoids the ends), so judge it with the non-randomised histogram below.
//     - randomised PIT F(y − 1) + U·(F(y) − F(y − 1)), U ~ Uniform(0, 1) (Smith 1985; Brockwell 2007): uniform
//       under calibration; reproducible here because U comes from `RandomSource(seed:)`, one draw per day in day
//       order (also for a day that is NaN, so later days do not shift).
//  3. Histograms give the fraction of days per bin, B equal bins of [0, 1] (a value of exactly 1 goes to the last
//     bin); 1/B in every bin is perfect calibration. The non-randomised histogram of Czado, Gneiting & Held (2009)
//     spreads each day uniformly over its PIT interval instead of drawing a point from it — the expected
//     randomised histogram, without the noise.
//  4. F comes from `CountTable` (exact summation). NaN where an input is NaN or y is not a non-negative integer.

/// PIT values (Gaussian, mid and randomised for counts) and PIT histograms.
import ForecastCore
import ForecastData
import ForecastModels
public enum PIT {
    /// Φ((y_t − μ_t)/σ_t) per day: the PIT of Gaussian forecasts (NaN when σ_t ≤ 0 or an input is NaN).
    public static func gaussian(actual: [Double], mean: [Double], standardDeviation: [Double]) -> [Double] {
        DailyAverage.requireAligned("PIT.gaussian", actual.count, mean.count, standardDeviation.count)
        return actual.indices.map { t in
            let (y, mu, sigma) = (actual[t], mean[t], standardDeviation[t])
            guard sigma > 0, !y.isNaN, !mu.isNaN else { return .nan }
            return Normal.standardCDF((y - mu) / sigma)
        }
    }

    /// The PIT interval [F(y − 1), F(y)] of a count y (F(−1) = 0); (NaN, NaN) when y is not a non-negative
    /// integer or the parameters are invalid.
    public static func interval(actual y: Double, distribution: CountDistribution) -> (lower: Double, upper: Double) {
        guard CountDistribution.isCount(y), y < 0x1p52, let table = CountTable(distribution) else { return (.nan, .nan) }
        let k = Int(y)
        return (table.cdf(k - 1), table.cdf(k))
    }

    /// The mid-PIT (F(y − 1) + F(y))/2 of a count y, F(−1) = 0 (the reference's `pit_mid_nb`).
    public static func mid(actual y: Double, distribution: CountDistribution) -> Double {
        let (lower, upper) = interval(actual: y, distribution: distribution)
        return (lower + upper) / 2
    }

    /// Mid-PIT values per day. Precondition: one distribution per day.
    public static func mid(actual: [Double], distributions: [CountDistribution]) -> [Double] {
        DailyAverage.requireAligned("PIT.mid", actual.count, distributions.count)
        return actual.indices.map { mid(actual: actual[$0], distribution: distributions[$0]) }
    }

    /// Randomised PIT values F(y − 1) + U·(F(y) − F(y − 1)) per day, U uniform from `RandomSource(seed: seed)`, one
    /// draw per day in order (drawn also on NaN days). The same seed always gives the same values.
    public static func randomized(actual: [Double], distributions: [CountDistribution], seed: UInt64) -> [Double] {
        DailyAverage.requireAligned("PIT.randomized", actual.count, distributions.count)
        var random = RandomSource(seed: seed)
        return actual.indices.map { t in
            let u = random.uniform()
            let (lower, upper) = interval(actual: actual[t], distribution: distributions[t])
            return lower + u * (upper - lower)
        }
    }

    /// The fraction of the (non-NaN) values in each of `bins` equal bins of [0, 1]; values outside [0, 1] are
    /// ignored. All NaN when no value is usable. Precondition: `bins ≥ 1`.
    public static func histogram(_ values: [Double], bins: Int = 10) -> [Double] {
        precondition(bins >= 1, "PIT.histogram: bins must be ≥ 1, got \(bins)")
        var counts = [Double](repeating: 0, count: bins)
        var total = 0.0
        for v in values where v >= 0 && v <= 1 {
            counts[min(bins - 1, Int(v * Double(bins)))] += 1
            total += 1
        }
        return counts.map { total == 0 ? .nan : $0 / total }
    }

    /// The non-randomised PIT histogram of count forecasts (Czado, Gneiting & Held 2009): day t contributes
    /// F_t(b_j) − F_t(b_(j−1)) to bin j, where F_t(u) is 0 below F(y − 1), 1 above F(y) and linear between — the
    /// uniform spread of the day over its PIT interval. Fractions of days per bin; days with NaN PIT intervals are
    /// skipped; all NaN when none is usable. Precondition: `bins ≥ 1`, one distribution per day.
    public static func nonrandomizedHistogram(actual: [Double], distributions: [CountDistribution],
                                              bins: Int = 10) -> [Double] {
        DailyAverage.requireAligned("PIT.nonrandomizedHistogram", actual.count, distributions.count)
        let intervals = actual.indices.map { interval(actual: actual[$0], distribution: distributions[$0]) }
        return nonrandomizedHistogram(intervals: intervals, bins: bins)
    }

    /// The Czado–Gneiting–Held histogram from precomputed PIT intervals [F(y − 1), F(y)] (NaN intervals skipped).
    public static func nonrandomizedHistogram(intervals: [(lower: Double, upper: Double)], bins: Int = 10) -> [Double] {
        precondition(bins >= 1, "PIT.nonrandomizedHistogram: bins must be ≥ 1, got \(bins)")
        var mass = [Double](repeating: 0, count: bins)
        var days = 0.0
        for (lower, upper) in intervals where !lower.isNaN && !upper.isNaN {
            days += 1
            if upper <= lower {  // an outcome of probability 0: a point mass at F(y)
                mass[min(bins - 1, max(0, Int(upper * Double(bins))))] += 1
                continue
            }
            func spread(_ u: Double) -> Double { min(1, max(0, (u - lower) / (upper - lower))) }
            for j in 0..<bins {
                mass[j] += spread(Double(j + 1) / Double(bins)) - spread(Double(j) / Double(bins))
            }
        }
        return mass.map { days == 0 ? .nan : $0 / days }
    }
}

// DescriptiveStatistics — accurate summary statistics of one daily column (NaN = missing, skipped).
//
// Accuracy policy (tested against the NIST StRD univariate datasets, LRE ≥ 8 on all, NumAcc1–4 included):
//  1. Mean: compensated (double-double) sum / n, then one refinement step m += Σ(x − m)/n, the residual sum
//     again compensated. Error: a few ulps of the mean, whatever the magnitude of the data.
//  2. Variance (denominator n − 1): the corrected two-pass algorithm of Chan, Golub & LeVeque (1983, "Algorithms
//     for computing the sample variance", Am. Stat. 37), Σ(x − m)² − (Σ(x − m))²/n, with both sums compensated
//     and the squares formed exactly (FMA). The one-pass Σx² − n m² is NOT used: it loses every digit on NumAcc4.
//     What remains is the representation error of the input decimals (for NumAcc4, 1e7 + 0.1 is stored to
//     ~1e-9, i.e. ~1e-8 of the SD 0.1): that limit is the data's, not the algorithm's.
//  3. Lag-k autocorrelation, as NIST (and Box & Jenkins, R `acf`, statsmodels `acf(adjusted=False)`) define it:
//     r(k) = Σ_t (x_t − m)(x_{t+k} − m) / Σ_t (x_t − m)², m the mean of all present values. With missing days,
//     the numerator runs over pairs where both days are present and the denominator over all present days
//     (R's `acf(na.action = na.pass)` convention).
//  4. Quantiles: R's type 7 / numpy's default (linear interpolation between order statistics x_(⌊h⌋), h = (n−1)p).
//  5. Dispersion index = variance / mean (1 for Poisson counts; ≫ 1 means overdispersion); NaN when mean ≤ 0.
// Cost: O(n) for the moments and each lag, O(n log n) for the quantiles (one sort).

/// Summary statistics of one column; missing values (NaN) are skipped (rules at the top of this file).
import ForecastCore
public struct DescriptiveStatistics: Sendable {
    /// Present (non-NaN) values and missing ones.
    public let count: Int
    public let missing: Int
    public let sum: Double
    public let mean: Double
    /// Sample variance and standard deviation, denominator n − 1 (NaN when n < 2).
    public let variance: Double
    public let standardDeviation: Double
    public let minimum: Double
    public let maximum: Double
    /// Quantiles at ``probabilities`` (type 7), in the same order.
    public let quantiles: [Double]
    public let probabilities: [Double]
    /// `autocorrelations[k − 1]` = r(k), k = 1 ... maxLag (NaN when no pair or zero variance).
    public let autocorrelations: [Double]
    /// variance / mean (NaN when mean ≤ 0 or n < 2).
    public let dispersionIndex: Double
    /// Values equal to 0.
    public let zeros: Int

    /// The median (type-7 quantile at 0.5).
    public let median: Double

    /// Statistics of `values` (one per day, NaN = missing); autocorrelations up to lag `maxLag`.
    public init(_ values: [Double], maxLag: Int = 7, probabilities: [Double] = [0.05, 0.25, 0.5, 0.75, 0.95]) {
        precondition(maxLag >= 0, "DescriptiveStatistics: maxLag must be ≥ 0")
        precondition(probabilities.allSatisfy { $0 >= 0 && $0 <= 1 }, "DescriptiveStatistics: probabilities in [0, 1]")
        let present = values.filter { !$0.isNaN }
        let sorted = present.sorted()
        count = present.count
        missing = values.count - present.count
        var total = CompensatedSum()
        for x in present { total.add(x) }
        sum = total.value
        mean = DescriptiveStatistics.mean(present)
        // Scale-robust spread: the values are divided by a power of two near their largest magnitude (exact), so
        // squares neither overflow (values near 1e300) nor underflow (values near 1e-300); the SD is scaled back.
        let scale = DescriptiveStatistics.powerOfTwoScale(present)
        let scaled = present.map { $0 / scale }
        let scaledVariance = DescriptiveStatistics.variance(scaled, mean: DescriptiveStatistics.mean(scaled))
        variance = scaledVariance * scale * scale
        standardDeviation = scaledVariance.squareRoot() * scale
        minimum = sorted.first ?? .nan
        maximum = sorted.last ?? .nan
        self.probabilities = probabilities
        quantiles = probabilities.map { DescriptiveStatistics.quantile(sorted: sorted, $0) }
        median = DescriptiveStatistics.quantile(sorted: sorted, 0.5)
        let scaledValues = values.map { $0 / scale }, m = DescriptiveStatistics.mean(scaled)
        autocorrelations = maxLag == 0 ? [] : (1...maxLag).map { DescriptiveStatistics.autocorrelation(scaledValues, lag: $0, mean: m) }
        dispersionIndex = count >= 2 && mean > 0 ? variance / mean : .nan
        zeros = present.reduce(0) { $0 + ($1 == 0 ? 1 : 0) }
    }

    /// 2^e with e the binary exponent of the largest finite |value| (1 when there is none or it is 0): dividing by
    /// it is exact and brings the values to [−2, 2].
    static func powerOfTwoScale(_ values: [Double]) -> Double {
        let largest = values.reduce(0.0) { $1.isFinite ? max($0, abs($1)) : $0 }
        guard largest > 0 else { return 1 }
        return Double(sign: .plus, exponent: largest.exponent, significand: 1)
    }

    /// The mean of the non-NaN `values` (compensated sum and one refinement step); NaN when there are none.
    public static func mean(_ values: [Double]) -> Double {
        var total = CompensatedSum(), n = 0
        for x in values where !x.isNaN { total.add(x); n += 1 }
        guard n > 0 else { return .nan }
        let first = total.value / Double(n)
        var residual = CompensatedSum()
        for x in values where !x.isNaN { residual.add(x - first) }
        return first + residual.value / Double(n)
    }

    /// The sample variance (n − 1) of the non-NaN `values` about `mean` (corrected two-pass); NaN when n < 2.
    public static func variance(_ values: [Double], mean: Double) -> Double {
        var squares = CompensatedSum(), deviations = CompensatedSum(), n = 0
        for x in values where !x.isNaN {
            let d = x - mean
            squares.addProduct(d, d)
            deviations.add(d)
            n += 1
        }
        guard n >= 2 else { return .nan }
        let correction = deviations.value * deviations.value / Double(n)
        return max(0, (squares.value - correction) / Double(n - 1))
    }

    /// r(lag) about `mean` (NIST definition; pairs with a missing day are skipped). NaN when no pair remains
    /// or all present values equal `mean`.
    public static func autocorrelation(_ values: [Double], lag: Int, mean: Double) -> Double {
        precondition(lag >= 0, "DescriptiveStatistics.autocorrelation: lag must be ≥ 0")
        var numerator = CompensatedSum(), denominator = CompensatedSum(), pairs = 0
        for (t, x) in values.enumerated() where !x.isNaN {
            let d = x - mean
            denominator.addProduct(d, d)
            if t + lag < values.count, !values[t + lag].isNaN {
                numerator.addProduct(d, values[t + lag] - mean)
                pairs += 1
            }
        }
        guard pairs > 0, denominator.value > 0 else { return .nan }
        return numerator.value / denominator.value
    }

    /// The type-7 quantile of ascending `sorted` values at probability `p` (NaN for no values).
    public static func quantile(sorted: [Double], _ p: Double) -> Double {
        guard !sorted.isEmpty else { return .nan }
        let h = Double(sorted.count - 1) * p
        let lo = Int(h.rounded(.down))
        let hi = min(lo + 1, sorted.count - 1)
        return sorted[lo] + (h - Double(lo)) * (sorted[hi] - sorted[lo])
    }
}

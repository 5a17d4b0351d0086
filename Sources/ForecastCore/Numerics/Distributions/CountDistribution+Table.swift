// CountDistribution+Table — the pmf, CDF and survival function of a count distribution by exact summation.
//
// Policy (what the CRPS, the PIT and the CDF of a count forecast are computed from):
//  1. The pmf is computed by the recursion p(k+1) = p(k)·r_k, r_k = (k+θ)/(k+1)·μ/(θ+μ) (NB2) or μ/(k+1)
//     (Poisson), started in log space: p(0) = exp(θ ln(θ/(θ+μ))) = exp(−θ ln(1+αμ)) (Poisson: e^(−μ)). When that
//     start would underflow (ln p(0) < −700, e.g. Poisson μ > 700), the recursion starts at the mode from the
//     closed-form log pmf instead and also runs downwards, p(k−1) = p(k)/r_(k−1).
//  2. The table ends where the neglected tail is provably below 1e-20 × the largest probability: from the
//     current k, every later ratio is at most R = max(r_k, lim r) < 1, so the tail is ≤ p(k)·R/(1 − R). The lower
//     end (mode start only) uses the same bound on the downward ratios. Width is O(σ·log(1/1e-20)) — about 46·αμ
//     for a heavy NB2 tail; tables wider than 2^23 entries (αμ beyond ~10^5, Poisson μ beyond ~10^11) are refused
//     (up front where predictable) and the scores are NaN. Memory: two doubles per entry.
//  3. The probabilities are divided by their computed total. That removes the rounding of the start value (and of
//     the neglected < 1e-20 tails), which is common to every term, so F(last) = 1 exactly by construction.
//  4. F(k) = Σ_{j≤k} p(j) and S(k) = 1 − F(k) = Σ_{j>k} p(j) are both accumulated with compensated sums, from the
//     bottom and from the top; whichever is below ½ is used directly and the other is 1 minus it, so S(k) keeps
//     its relative accuracy far in the upper tail (the README's stopping rule compares S(k) with 1e-12).
//  5. The recursion's own error grows like (number of steps)·ε: about 1e-12 relative after 5,000 steps,
//     against the reference's 1e-9 tolerance.

import Foundation

/// The probabilities of a ``CountDistribution`` on the stretch of the support carrying all but a negligible mass.
package struct CountTable: Sendable {
    /// The first count held (0 unless the start from 0 would underflow).
    package let first: Int
    /// lowerSums[i] = F(first + i) = Σ_{j ≤ first+i} p(j).
    let lowerSums: [Double]
    /// upperSums[i] = S(first + i) = Σ_{j > first+i} p(j).
    let upperSums: [Double]

    /// The last count held; F(k) = 1 and S(k) = 0 from here on (to within 1e-20).
    package var last: Int { first + lowerSums.count - 1 }

    /// Neglected tail mass relative to the largest probability.
    static let tailTolerance = 1e-20
    /// Below this, exp(ln p(0)) loses precision to underflow; start at the mode instead.
    static let logUnderflow = -700.0
    /// Tables wider than this are refused (nil).
    static let maximumWidth = 1 << 23

    /// The table of `distribution`, or nil when its parameters are invalid or it would be wider than 2^23 entries.
    package init?(_ distribution: CountDistribution) {
        guard distribution.isValid else { return nil }
        let limit = distribution.limitingRatio
        // A geometric NB2 tail needs about ln(1e20)/(−ln q) terms past the mode; refuse before allocating.
        if limit > 0 && 46.1 / -log(limit) > Double(Self.maximumWidth) { return nil }
        let logZero = distribution.logProbabilityOfZero
        let start = logZero >= Self.logUnderflow ? 0 : distribution.mode
        let startProbability = start == 0 ? exp(logZero) : exp(distribution.logProbability(of: start))
        guard startProbability > 0, start < 0x1p53 else { return nil }

        // Downwards from the mode (only when starting there): p(k−1) = p(k)/r_(k−1); ratios p(j−1)/p(j) shrink as
        // j decreases, so the mass below k is at most p(k)·s/(1 − s), s = 1/r_(k−1).
        var below: [Double] = []
        var k = start, p = startProbability
        while k > 0 {
            let s = 1 / distribution.ratio(after: k - 1)
            if s < 1 && p * s / (1 - s) < Self.tailTolerance * startProbability { break }
            p *= s
            k -= 1
            below.append(p)
            if below.count > Self.maximumWidth { return nil }
        }
        var probabilities = Array(below.reversed())
        probabilities.append(startProbability)

        // Upwards until the tail bound p(k)·R/(1 − R) is negligible against the largest probability.
        var largest = startProbability
        k = start
        p = startProbability
        while true {
            let r = distribution.ratio(after: k)
            let bound = max(r, limit)
            if bound < 1 && p * bound / (1 - bound) < Self.tailTolerance * largest { break }
            p *= r
            if p == 0 { break }
            k += 1
            largest = max(largest, p)
            probabilities.append(p)
            if probabilities.count > Self.maximumWidth { return nil }
        }

        var total = CompensatedSum()
        for value in probabilities { total.add(value) }
        let scale = 1 / total.value
        // Upper sums S from the top, then the probabilities become the lower sums F in place.
        var upper = [Double](repeating: 0, count: probabilities.count)
        var running = CompensatedSum()
        for i in probabilities.indices.reversed() {
            upper[i] = running.value
            running.add(probabilities[i] * scale)
        }
        running = CompensatedSum()
        for i in probabilities.indices {
            running.add(probabilities[i] * scale)
            probabilities[i] = running.value
        }
        self.first = Int(start) - below.count
        self.lowerSums = probabilities
        self.upperSums = upper
    }

    /// F(k) = P(X ≤ k): 0 below the table (and for k < 0), 1 from its last entry on.
    package func cdf(_ k: Int) -> Double {
        if k < first { return 0 }
        if k >= last { return 1 }
        let i = k - first
        return lowerSums[i] <= 0.5 ? lowerSums[i] : 1 - upperSums[i]
    }

    /// S(k) = P(X > k) = 1 − F(k), computed from the upper tail.
    package func survival(_ k: Int) -> Double {
        if k < first { return 1 }
        if k >= last { return 0 }
        let i = k - first
        return upperSums[i] <= 0.5 ? upperSums[i] : 1 - lowerSums[i]
    }
}

extension CountDistribution {
    /// F(k) = P(X ≤ k) by exact summation of the pmf (policy at the top of CountDistribution+Table.swift).
    /// A step function: F(k) = F(⌊k⌋), 0 for k < 0. NaN for invalid parameters or a NaN k.
    /// Cost O(width of the support) per call; score many values of one distribution with ``PIT`` or ``CRPS``.
    public func cdf(_ k: Double) -> Double {
        guard !k.isNaN, let table = CountTable(self) else { return .nan }
        let floor = k.rounded(.down)
        if floor < 0 { return 0 }
        if floor >= Double(table.last) { return 1 }
        return table.cdf(Int(floor))
    }
}

// WeightedCounts — the sufficient statistics of a count response for the terms of the Poisson and NB2 likelihoods
// and deviances that depend on y alone: sums over n observations in O(min(max y, 4096)) operations, once per
// parameter value, instead of O(n).
//
// Policy:
// 1. For an integer count y, lnΓ(y+θ) − lnΓ(θ) = Σ_{j<y} ln(θ+j), ψ(y+θ) − ψ(θ) = Σ_{j<y} 1/(θ+j) and
//    ψ′(y+θ) − ψ′(θ) = −Σ_{j<y} 1/(θ+j)². Summed over observations with prior weights wᵢ, each becomes
//    Σ_j T_j g(θ+j) with the weighted tail counts T_j = Σ_{i: yᵢ > j} wᵢ, built once per data set.
// 2. Counts above `limit` (4096) contribute their first `limit` terms through T and the rest per observation:
//    lnΓ(y+θ) − lnΓ(limit+θ) = `logGammaRatio(y − limit, θ + limit)` (Stirling-error form) and likewise
//    `polygammaDifferences(y − limit, θ + limit)`.
// 3. Any other function of y alone is summed once per distinct count (`sum(_:)`, from the weighted histogram).
// 4. Accuracy: every term is computed to a few ulps and summed with compensation (`CompensatedSum`), so the sums
//    are accurate to a few ε relative to the sum of |terms|; they are not bit-identical to per-observation sums
//    (tests compare at 1e-13). ln y! is the θ = 1 case of policy 1.
// 5. Counts must be non-negative integers (the count models validate them before any numerics).
import Foundation

/// A count response with its prior weights, summarised for sums over observations of functions of y alone:
/// Σᵢ wᵢ[lnΓ(yᵢ+θ) − lnΓ(θ)], Σᵢ wᵢ[ψ(yᵢ+θ) − ψ(θ)], Σᵢ wᵢ[ψ′(yᵢ+θ) − ψ′(θ)], Σᵢ wᵢ ln yᵢ! and Σᵢ wᵢ f(yᵢ), each
/// in O(min(max y, 4096)) instead of O(n).
package struct WeightedCounts: Sendable {
    /// Counts above this contribute their excess per observation (policy 2).
    package static let limit = 4096
    /// Logarithms taken together in `logGammaRatioSum` (a stack buffer of this many doubles).
    private static let logarithmBlock = 256
    /// Σ wᵢ over the observations with yᵢ = v, for v = 0…min(max y, `limit`).
    private let histogram: [Double]
    /// T_j = Σ_{i: yᵢ > j} wᵢ for j = 0…m−1, m = min(max y, `limit`).
    private let tail: [Double]
    /// (yᵢ, wᵢ) of the observations with yᵢ > `limit`.
    private let beyond: [(count: Double, weight: Double)]

    /// The weighted counts of non-negative integer `counts` with prior `weights` (nil: all 1).
    package init(counts: [Double], weights: [Double]?) {
        let limit = Double(Self.limit)
        var largest = 0
        for y in counts { largest = max(largest, Int(min(y, limit))) }
        var histogram = [Double](repeating: 0, count: largest + 1)
        var beyond: [(count: Double, weight: Double)] = []
        var beyondWeight = 0.0
        for (i, y) in counts.enumerated() {
            let w = weights?[i] ?? 1
            if y > limit {
                beyond.append((y, w))
                beyondWeight += w
            } else {
                histogram[Int(y)] += w
            }
        }
        var tail = [Double](repeating: 0, count: largest)
        var above = beyondWeight
        for j in stride(from: largest - 1, through: 0, by: -1) {
            above += histogram[j + 1]
            tail[j] = above
        }
        self.histogram = histogram
        self.tail = tail
        self.beyond = beyond
    }

    /// Σᵢ wᵢ [lnΓ(yᵢ+θ) − lnΓ(θ)], θ > 0.
    package func logGammaRatioSum(theta: Double) -> Double {
        var sum = CompensatedSum()
        let path = KernelPath.current
        tail.withUnsafeBufferPointer { t in
            // ln(θ + j) a block at a time, over the whole block (`ElementwiseFunctions`).
            withUnsafeTemporaryAllocation(of: Double.self, capacity: Self.logarithmBlock) { logs in
                var start = 0
                while start < t.count {
                    let count = min(Self.logarithmBlock, t.count - start)
                    let block = UnsafeMutableBufferPointer(rebasing: logs[0..<count])
                    for j in 0..<count { block[j] = theta + Double(start + j) }
                    ElementwiseFunctions.apply(.logarithm, to: block, path: path)
                    for j in 0..<count { sum.add(t[start + j] * block[j]) }
                    start += count
                }
            }
        }
        let top = theta + Double(tail.count)
        for (count, weight) in beyond {
            sum.add(weight * NegativeBinomial.logGammaRatio(count - Double(Self.limit), top))
        }
        return sum.value
    }

    /// (Σᵢ wᵢ [ψ(yᵢ+θ) − ψ(θ)], Σᵢ wᵢ [ψ′(yᵢ+θ) − ψ′(θ)]), θ > 0.
    package func polygammaSums(theta: Double) -> (digamma: Double, trigamma: Double) {
        var digamma = CompensatedSum(), trigamma = CompensatedSum()
        tail.withUnsafeBufferPointer { t in
            for j in 0..<t.count {
                let inverse = 1 / (theta + Double(j))
                digamma.add(t[j] * inverse)
                trigamma.add(-t[j] * inverse * inverse)
            }
        }
        let top = theta + Double(tail.count)
        for (count, weight) in beyond {
            let rest = NegativeBinomial.polygammaDifferences(count - Double(Self.limit), top)
            digamma.add(weight * rest.digamma)
            trigamma.add(weight * rest.trigamma)
        }
        return (digamma.value, trigamma.value)
    }

    /// Σᵢ wᵢ ln yᵢ! (= `logGammaRatioSum(theta: 1)`).
    package var logFactorialSum: Double { logGammaRatioSum(theta: 1) }

    /// Σᵢ wᵢ f(yᵢ), with f evaluated once per distinct count.
    package func sum(_ f: (Double) -> Double) -> Double {
        var total = CompensatedSum()
        for (count, weight) in histogram.enumerated() where weight != 0 { total.add(weight * f(Double(count))) }
        for (count, weight) in beyond { total.add(weight * f(count)) }
        return total.value
    }
}

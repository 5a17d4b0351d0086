// CountDistribution+Quantile — quantiles of, and draws from, a Poisson or NB2 predictive distribution.
//
// Policy:
//  1. The quantile of level p is the smallest count k with F(k) ≥ p (R's `qpois`/`qnbinom`, scipy's `ppf`),
//     found by bisection on the exact-summation table of CountDistribution+Table.swift; O(width) to build the
//     table, O(log width) per level, so ask for many levels at once with `quantiles(_:)`.
//  2. Draws are `RandomSource.poisson` / `RandomSource.negativeBinomial` (inversion / PTRS; gamma–Poisson
//     mixture): the one sampler of both distributions.

import Foundation

extension CountDistribution {
    /// The quantile of level `p` ∈ (0, 1]: the smallest count k with P(X ≤ k) ≥ p. NaN for a level outside (0, 1],
    /// invalid parameters, or a table wider than 2^23 entries.
    public func quantile(_ p: Double) -> Double {
        quantiles([p])[0]
    }

    /// The quantiles of several levels from one table (each as in ``quantile(_:)``).
    public func quantiles(_ levels: [Double]) -> [Double] {
        guard let table = CountTable(self) else { return levels.map { _ in .nan } }
        return levels.map { p in
            guard p > 0 && p <= 1 else { return .nan }
            if table.cdf(table.first) >= p { return Double(table.first) }
            // Invariant: F(low) < p ≤ F(high); F(last) = 1.
            var low = table.first, high = table.last
            while high - low > 1 {
                let middle = low + (high - low) / 2
                if table.cdf(middle) >= p { high = middle } else { low = middle }
            }
            return Double(high)
        }
    }

    /// One draw: Poisson(μ) or NB2(μ, α) (α = 0 draws Poisson). The distribution must be valid.
    public func sample(using random: inout RandomSource) -> Double {
        switch self {
        case .poisson(let mu): return random.poisson(mu)
        case let .negativeBinomial(mu, alpha): return random.negativeBinomial(mean: mu, alpha: alpha)
        }
    }
}

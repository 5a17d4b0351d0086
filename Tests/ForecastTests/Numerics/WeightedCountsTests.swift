import Foundation
import Testing
@testable import ForecastCore
import Forecast

/// `WeightedCounts` against one evaluation per observation of the per-count functions it replaces.
@Suite("Weighted counts: likelihood sums over a count response")
struct WeightedCountsTests {
    /// Counts 0…300 with repeats, one 0-only stretch, and two counts beyond the 4096 limit.
    func sample(seed: UInt64) -> (counts: [Double], weights: [Double]) {
        var random = SeededRandom(seed: seed)
        var counts = (0..<700).map { _ in Double(Int(random.uniform() * random.uniform() * 300)) }
        counts += [0, 0, 0, 4096, 4097, 9000.0]
        let weights = counts.map { _ in 0.25 + 2 * random.uniform() }
        return (counts, weights)
    }

    func relative(_ a: Double, _ b: Double) -> Double { abs(a - b) / max(abs(b), 1e-300) }

    @Test("lnΓ ratio, ψ and ψ′ difference sums and Σ w ln y! equal per-observation sums (1e-13; 1e-12 at θ = 1e7)", arguments: [nil, 1] as [Int?])
    func sums(weighted: Int?) {
        let (counts, allWeights) = sample(seed: 41)
        let weights = weighted == nil ? nil : allWeights
        let summary = WeightedCounts(counts: counts, weights: weights)
        for theta in [1e-3, 0.7, 2, 55, 1e7] {
            var ratio = 0.0, digamma = 0.0, trigamma = 0.0, factorials = 0.0
            for (i, y) in counts.enumerated() {
                let w = weights?[i] ?? 1
                ratio += w * NegativeBinomial.logGammaRatio(y, theta)
                // ψ, ψ′ differences by their definition (finite sums; `polygammaDifferences` switches to asymptotic
                // series above 4096, whose ψ(θ) loses ~1e-13 relative at θ = 1e-3).
                var d = 0.0, t = 0.0
                for j in 0..<Int(y) { let inverse = 1 / (theta + Double(j)); d += inverse; t -= inverse * inverse }
                digamma += w * d
                trigamma += w * t
                factorials += w * SpecialFunctions.logGamma(y + 1)
            }
            let sums = summary.polygammaSums(theta: theta)
            // Counts above 4096 add ψ(y+θ) − ψ(4096+θ) from asymptotic series (as `polygammaDifferences` does): at
            // θ = 1e7 that difference of two ≈ 16.1 values keeps ~12 digits, so the total is compared at 1e-12 there.
            let polygammaTolerance = theta > 1e6 ? 1e-12 : 1e-13
            #expect(relative(summary.logGammaRatioSum(theta: theta), ratio) < 1e-13, "lnΓ ratio, θ \(theta)")
            #expect(relative(sums.digamma, digamma) < polygammaTolerance, "ψ, θ \(theta)")
            #expect(relative(sums.trigamma, trigamma) < polygammaTolerance, "ψ′, θ \(theta)")
            #expect(relative(summary.logFactorialSum, factorials) < 1e-13, "ln y!")
        }
        var direct = 0.0
        for (i, y) in counts.enumerated() { direct += (weights?[i] ?? 1) * (y * y + 1) }
        #expect(relative(summary.sum { $0 * $0 + 1 }, direct) < 1e-14)
    }
}

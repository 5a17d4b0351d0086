import Foundation

/// Gamma, Poisson and NB2 draws over `SplitMix64`, for seeded count-model inputs.
///
/// Policy (the bench's own sampler, independent of Forecast's `RandomSource`, so a suite never checks the
/// library against data the library itself drew):
/// 1. Gamma(shape a, scale 1): Marsaglia & Tsang (2000), "A simple method for generating gamma variables",
///    with the squeeze; the normal comes from `NormalGenerator` (Box–Muller). a < 1 uses Gamma(a + 1)·u^(1/a).
/// 2. Poisson(λ): inversion by sequential search for λ < 10; Hörmann's PTRS transformed rejection
///    (1993, "The transformed rejection method for generating Poisson random variables") for λ ≥ 10.
/// 3. NB2 with mean μ and Var = μ + αμ²: the gamma–Poisson mixture Poisson(Gamma(1/α, scale αμ)).
/// All three are exact in distribution; libm's `log`/`exp`/`lgamma` may differ in the last bit across
/// platforms, which only matters for bit-identical inputs (exported inputs are written exactly).
public struct CountSampler: Sendable {
    @usableFromInline var normal: NormalGenerator

    public init(seed: UInt64) {
        normal = NormalGenerator(seed: seed)
    }

    /// A uniform draw in (0, 1) from the same stream.
    public mutating func uniform() -> Double { normal.uniform.nextOpenUnit() }

    /// A N(0, 1) draw from the same stream.
    public mutating func standardNormal() -> Double { normal.next() }

    /// Gamma(shape, scale) with shape > 0, scale > 0 (mean shape·scale).
    public mutating func gamma(shape: Double, scale: Double = 1) -> Double {
        precondition(shape > 0 && scale > 0, "gamma needs shape > 0 and scale > 0")
        if shape < 1 { return gamma(shape: shape + 1, scale: scale) * pow(uniform(), 1 / shape) }
        let d = shape - 1.0 / 3, c = 1 / (9 * d).squareRoot()
        while true {
            var x = 0.0, v = 0.0
            repeat {
                x = normal.next()
                v = 1 + c * x
            } while v <= 0
            v = v * v * v
            let u = uniform()
            if u < 1 - 0.0331 * x * x * x * x { return d * v * scale }
            if log(u) < 0.5 * x * x + d * (1 - v + log(v)) { return d * v * scale }
        }
    }

    /// Poisson(λ), λ ≥ 0 and finite.
    public mutating func poisson(_ lambda: Double) -> Double {
        precondition(lambda >= 0 && lambda.isFinite, "Poisson mean must be finite and ≥ 0, got \(lambda)")
        if lambda == 0 { return 0 }
        if lambda < 10 {
            var k = 0.0, p = exp(-lambda)
            var cumulative = p
            let u = uniform()
            while u > cumulative && k < 1000 {
                k += 1
                p *= lambda / k
                cumulative += p
            }
            return k
        }
        let root = lambda.squareRoot(), logLambda = log(lambda)
        let b = 0.931 + 2.53 * root, a = -0.059 + 0.02483 * b
        let inverseAlpha = 1.1239 + 1.1328 / (b - 3.4), vr = 0.9277 - 3.6224 / (b - 2)
        while true {
            let u = uniform() - 0.5, v = uniform()
            let us = 0.5 - abs(u)
            let k = ((2 * a / us + b) * u + lambda + 0.43).rounded(.down)
            if us >= 0.07 && v <= vr { return k }
            if k < 0 || (us < 0.013 && v > us) { continue }
            if log(v) + log(inverseAlpha) - log(a / (us * us) + b) <= -lambda + k * logLambda - lgamma(k + 1) {
                return k
            }
        }
    }

    /// NB2 with mean μ ≥ 0 and Var = μ + αμ² (α > 0); α = 0 is Poisson(μ).
    public mutating func negativeBinomial(mean mu: Double, alpha: Double) -> Double {
        precondition(alpha >= 0, "NB2 α must be ≥ 0")
        if alpha == 0 || mu == 0 { return poisson(mu) }
        return poisson(gamma(shape: 1 / alpha, scale: alpha * mu))
    }
}

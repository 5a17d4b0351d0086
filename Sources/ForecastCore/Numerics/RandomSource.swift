// Seeded random numbers for simulation.
//
// Policy:
// 1. Generator: xoshiro256** (Blackman & Vigna 2018), seeded through SplitMix64 — fast, 2^256 − 1 period,
//    identical streams on every platform for the same seed (results never depend on thread scheduling: each
//    task derives its own stream from (seed, task key)).
// 2. Uniforms in (0, 1) from the top 53 bits; normals by the polar Box–Muller method; gamma by Marsaglia & Tsang
//    (2000); Poisson by inversion for μ < 10 and Hörmann's PTRS (1993) transformed rejection above; NB2 as a
//    gamma–Poisson mixture; χ² as gamma.

import Foundation

/// A seeded pseudo-random source (xoshiro256**). A value type: copying it forks the stream.
public struct RandomSource: RandomNumberGenerator, Sendable {
    private var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64
    private var spareNormal: Double?

    /// A stream determined by `seed`.
    public init(seed: UInt64) {
        var sm = seed
        func splitMix() -> UInt64 {
            sm &+= 0x9E37_79B9_7F4A_7C15
            var z = sm
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        s0 = splitMix(); s1 = splitMix(); s2 = splitMix(); s3 = splitMix()
    }

    /// An independent stream for a sub-task (e.g. one forecast origin), derived from (seed, key).
    public init(seed: UInt64, key: UInt64) {
        self.init(seed: seed ^ (key &* 0xD1B5_4A32_D192_ED03) &+ 0x8CB9_2BA7_2F3D_8DD7)
    }

    public mutating func next() -> UInt64 {
        let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
        let t = s1 << 17
        s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3
        s2 ^= t
        s3 = (s3 << 45) | (s3 >> 19)
        return result
    }

    /// Uniform on the open interval (0, 1).
    @inlinable public mutating func uniform() -> Double {
        (Double(next() >> 11) + 0.5) * 0x1.0p-53
    }

    /// Standard normal.
    public mutating func normal() -> Double {
        if let spare = spareNormal {
            spareNormal = nil
            return spare
        }
        while true {
            let u = 2 * uniform() - 1, v = 2 * uniform() - 1
            let s = u * u + v * v
            if s > 0 && s < 1 {
                let factor = (-2 * log(s) / s).squareRoot()
                spareNormal = v * factor
                return u * factor
            }
        }
    }

    /// Gamma(shape, scale 1), shape > 0.
    public mutating func gamma(shape: Double) -> Double {
        precondition(shape > 0, "gamma shape must be > 0")
        if shape < 1 { return gamma(shape: shape + 1) * pow(uniform(), 1 / shape) }
        let d = shape - 1.0 / 3, c = 1 / (9 * d).squareRoot()
        while true {
            var x = 0.0, v = 0.0
            repeat { x = normal(); v = 1 + c * x } while v <= 0
            v = v * v * v
            let u = uniform()
            if u < 1 - 0.0331 * x * x * x * x { return d * v }
            if log(u) < 0.5 * x * x + d * (1 - v + log(v)) { return d * v }
        }
    }

    /// χ² with `df` degrees of freedom.
    public mutating func chiSquared(_ df: Double) -> Double { 2 * gamma(shape: df / 2) }

    /// Poisson(μ), μ ≥ 0.
    public mutating func poisson(_ mu: Double) -> Double {
        precondition(mu >= 0 && mu.isFinite, "Poisson mean must be finite and ≥ 0, got \(mu)")
        if mu == 0 { return 0 }
        if mu < 10 {
            var k = 0.0, p = exp(-mu), cumulative = p
            let u = uniform()
            while u > cumulative && k < 1000 {
                k += 1
                p *= mu / k
                cumulative += p
            }
            return k
        }
        // PTRS (Hörmann 1993).
        let smu = mu.squareRoot(), b = 0.931 + 2.53 * smu, a = -0.059 + 0.02483 * b
        let inverseAlpha = 1.1239 + 1.1328 / (b - 3.4), vr = 0.9277 - 3.6224 / (b - 2)
        let logMu = log(mu)
        while true {
            let u = uniform() - 0.5, v = uniform()
            let us = 0.5 - abs(u)
            let k = ((2 * a / us + b) * u + mu + 0.43).rounded(.down)
            if us >= 0.07 && v <= vr { return k }
            if k < 0 || (us < 0.013 && v > us) { continue }
            if log(v) + log(inverseAlpha) - log(a / (us * us) + b) <= -mu + k * logMu - lgammaPositive(k + 1) {
                return k
            }
        }
    }

    /// NB2 with mean μ and Var = μ + αμ² (α > 0): Poisson with a Gamma(1/α, αμ) mean; α = 0 is Poisson.
    public mutating func negativeBinomial(mean mu: Double, alpha: Double) -> Double {
        if alpha <= 0 { return poisson(mu) }
        return poisson(gamma(shape: 1 / alpha) * alpha * mu)
    }

    private func lgammaPositive(_ x: Double) -> Double { SpecialFunctions.logGamma(x) }
}

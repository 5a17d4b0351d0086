import Foundation

extension SeededRandom {
    /// Poisson(λ) by sequential inversion (fine for the small λ used in tests).
    mutating func poisson(_ lambda: Double) -> Double {
        let u = uniform()
        var k = 0.0, p = exp(-lambda), cumulative = p
        while u > cumulative && k < 10_000 {
            k += 1
            p *= lambda / k
            cumulative += p
        }
        return k
    }

    /// Gamma(shape, scale = 1) by Marsaglia–Tsang (shape ≥ 1; boosted for shape < 1).
    mutating func gamma(shape: Double) -> Double {
        if shape < 1 { return gamma(shape: shape + 1) * pow(uniform(), 1 / shape) }
        let d = shape - 1.0 / 3, c = 1 / (9 * d).squareRoot()
        while true {
            var x = 0.0, v = 0.0
            repeat { x = normal(); v = 1 + c * x } while v <= 0
            v = v * v * v
            let u = uniform()
            if log(u) < 0.5 * x * x + d - d * v + d * log(v) { return d * v }
        }
    }

    /// NB2(μ, α): Poisson with a Gamma(1/α, αμ) mean.
    mutating func negativeBinomial(mean mu: Double, alpha: Double) -> Double {
        poisson(gamma(shape: 1 / alpha) * alpha * mu)
    }
}

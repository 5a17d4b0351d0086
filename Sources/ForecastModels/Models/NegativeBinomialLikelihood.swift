// NB2 log-likelihood pieces in (β, α), α on its natural scale (statsmodels' parameterisation).
//
// Policy:
// 1. ℓᵢ = ln P(Y = yᵢ) of NB2 with θ = 1/α: `NegativeBinomial.logProbability` (Numerics/Distributions).
// 2. ψ(y+θ) − ψ(θ) and ψ′(y+θ) − ψ′(θ): `NegativeBinomial.polygammaDifferences` (or a `PolygammaTable`).
// 3. Derivatives (per observation, prior weight w):
//    ∂ℓ/∂β = x (y−μ)/(1+αμ);  ∂²ℓ/∂β∂βᵀ = −x xᵀ μ(1+αy)/(1+αμ)²;  ∂²ℓ/∂β∂α = −x (y−μ)μ/(1+αμ)²;
//    ∂ℓ/∂α = α⁻²[ψ(θ) − ψ(y+θ) + ln(1+αμ)] + (y−μ)/(α(1+αμ));
//    ∂²ℓ/∂α² = −2α⁻³[ψ(θ) − ψ(y+θ) + ln(1+αμ)] + α⁻²{α⁻²[ψ′(y+θ) − ψ′(θ)] + μ/(1+αμ)} − (y−μ)(1+2αμ)/(α(1+αμ))².
import ForecastCore
import ForecastData
import Foundation

enum NegativeBinomialLikelihood {
    /// ∂ℓ/∂α and ∂²ℓ/∂α² of one observation.
    static func alphaDerivatives(_ y: Double, mu: Double, alpha: Double) -> (score: Double, second: Double) {
        alphaDerivatives(y, mu: mu, alpha: alpha, polygamma: NegativeBinomial.polygammaDifferences(y, 1 / alpha))
    }

    /// The same with the polygamma differences read from a table built for this α (the same values).
    @inline(__always)
    static func alphaDerivatives(_ y: Double, mu: Double, alpha: Double, table: PolygammaTable) -> (score: Double, second: Double) {
        alphaDerivatives(y, mu: mu, alpha: alpha, polygamma: table.differences(y))
    }

    @inline(__always)
    private static func alphaDerivatives(_ y: Double, mu: Double, alpha: Double,
                                         polygamma: (digamma: Double, trigamma: Double)) -> (score: Double, second: Double) {
        let (dpsi, dtrigamma) = polygamma
        let onePlus = 1 + alpha * mu
        let a = -dpsi + log1p(alpha * mu)          // ψ(θ) − ψ(y+θ) + ln(1+αμ)
        let a2 = alpha * alpha
        let score = a / a2 + (y - mu) / (alpha * onePlus)
        let second = -2 * a / (a2 * alpha) + (dtrigamma / a2 + mu / onePlus) / a2
            - (y - mu) * (1 + 2 * alpha * mu) / (a2 * onePlus * onePlus)
        return (score, second)
    }
}

/// Gradient and observed information of the NB2 log-likelihood in (β, α), α last (see NegativeBinomialLikelihood).
enum NegativeBinomialInformation {
    static func gradient(_ x: Matrix, y: [Double], mu: [Double], alpha: Double, weights: [Double]?) -> [Double] {
        let n = x.rows, k = x.columns
        var factor = [Double](repeating: 0, count: n)
        var alphaScore = 0.0
        let table = PolygammaTable(theta: 1 / alpha, counts: y)
        for i in 0..<n {
            let w = weights?[i] ?? 1
            factor[i] = w * (y[i] - mu[i]) / (1 + alpha * mu[i])
            alphaScore += w * NegativeBinomialLikelihood.alphaDerivatives(y[i], mu: mu[i], alpha: alpha, table: table).score
        }
        var g = x.transposeMultiplied(by: Matrix(rows: n, columns: 1, columnMajor: factor)).storage
        precondition(g.count == k)
        g.append(alphaScore)
        return g
    }

    /// Gradient and minus the Hessian together (one pass over the α derivatives).
    static func gradientAndObserved(_ x: Matrix, y: [Double], mu: [Double], alpha: Double, weights: [Double]?)
        -> (gradient: [Double], information: Matrix) {
        let n = x.rows, k = x.columns
        var factor = [Double](repeating: 0, count: n)
        var cross = [Double](repeating: 0, count: n)
        var rowFactor = [Double](repeating: 0, count: n)
        var alphaScore = 0.0, alphaAlpha = 0.0
        let table = PolygammaTable(theta: 1 / alpha, counts: y)
        for i in 0..<n {
            let w = weights?[i] ?? 1
            let onePlus = 1 + alpha * mu[i]
            factor[i] = w * (y[i] - mu[i]) / onePlus
            rowFactor[i] = (w * mu[i] * (1 + alpha * y[i]) / (onePlus * onePlus)).squareRoot()
            cross[i] = w * (y[i] - mu[i]) * mu[i] / (onePlus * onePlus)
            let d = NegativeBinomialLikelihood.alphaDerivatives(y[i], mu: mu[i], alpha: alpha, table: table)
            alphaScore += w * d.score
            alphaAlpha -= w * d.second
        }
        var scaled = x
        scaled.storage.withUnsafeMutableBufferPointer { s in
            for j in 0..<k { for i in 0..<n { s[i + j * n] *= rowFactor[i] } }
        }
        let betaBlock = scaled.gram()
        let vectors = x.transposeMultiplied(by: Matrix(rows: n, columns: 2, columnMajor: factor + cross))
        var information = Matrix(rows: k + 1, columns: k + 1)
        for j in 0..<k {
            for i in 0..<k { information[i, j] = betaBlock[i, j] }
            information[j, k] = vectors[j, 1]
            information[k, j] = vectors[j, 1]
        }
        information[k, k] = alphaAlpha
        return ((0..<k).map { vectors[$0, 0] } + [alphaScore], information)
    }

    /// Minus the Hessian ((k+1)×(k+1)): the information half of `gradientAndObserved`.
    static func observed(_ x: Matrix, y: [Double], mu: [Double], alpha: Double, weights: [Double]?) -> Matrix {
        gradientAndObserved(x, y: y, mu: mu, alpha: alpha, weights: weights).information
    }
}

// NB2 log-likelihood pieces in (β, α), α on its natural scale (statsmodels' parameterisation).
//
// Policy:
// 1. ℓᵢ = lnΓ(y+θ) − lnΓ(θ) − ln y! − θ ln(1+αμ) + y ln(αμ/(1+αμ)), θ = 1/α.
//    lnΓ(y+θ) − lnΓ(θ) is computed without cancelling two large log-gammas (Stirling-error form), so the
//    likelihood stays accurate as α → 0 (θ → ∞, the Poisson limit).
// 2. ψ(y+θ) − ψ(θ) and ψ′(y+θ) − ψ′(θ) are finite sums Σ_{j<y} 1/(θ+j) (and squares) for y ≤ 4096 — exact to
//    rounding — and asymptotic expansions beyond.
// 3. Derivatives (per observation, prior weight w):
//    ∂ℓ/∂β = x (y−μ)/(1+αμ);  ∂²ℓ/∂β∂βᵀ = −x xᵀ μ(1+αy)/(1+αμ)²;  ∂²ℓ/∂β∂α = −x (y−μ)μ/(1+αμ)²;
//    ∂ℓ/∂α = α⁻²[ψ(θ) − ψ(y+θ) + ln(1+αμ)] + (y−μ)/(α(1+αμ));
//    ∂²ℓ/∂α² = −2α⁻³[ψ(θ) − ψ(y+θ) + ln(1+αμ)] + α⁻²{α⁻²[ψ′(y+θ) − ψ′(θ)] + μ/(1+αμ)} − (y−μ)(1+2αμ)/(α(1+αμ))².
import Foundation

enum NegativeBinomialLikelihood {
    /// lnΓ(y + θ) − lnΓ(θ) for y ≥ 0, θ > 0.
    static func logGammaRatio(_ y: Double, _ theta: Double) -> Double {
        if y == 0 { return 0 }
        if y < 16 && y == y.rounded() {
            var sum = 0.0
            var j = 0.0
            while j < y { sum += log(theta + j); j += 1 }
            return sum
        }
        // lnΓ(z) = δ(z) + (z − ½) ln z − z + ½ ln 2π  ⇒  difference without large terms:
        return SpecialFunctions.stirlingError(y + theta) - SpecialFunctions.stirlingError(theta)
            + (theta - 0.5) * log1p(y / theta) + y * log(y + theta) - y
    }

    /// (ψ(y+θ) − ψ(θ), ψ′(y+θ) − ψ′(θ)) for y ≥ 0, θ > 0.
    static func polygammaDifferences(_ y: Double, _ theta: Double) -> (digamma: Double, trigamma: Double) {
        if y == 0 { return (0, 0) }
        if y <= 4096 && y == y.rounded() {
            var d = 0.0, t = 0.0, j = 0.0
            while j < y {
                let inverse = 1 / (theta + j)
                d += inverse
                t -= inverse * inverse
                j += 1
            }
            return (d, t)
        }
        return (digamma(y + theta) - digamma(theta), trigamma(y + theta) - trigamma(theta))
    }

    /// ψ(z), z > 0: recurrence up to z ≥ 10, then the asymptotic series (error < 1e-15).
    static func digamma(_ z: Double) -> Double {
        var x = z, shift = 0.0
        while x < 10 { shift -= 1 / x; x += 1 }
        let r = 1 / (x * x)
        let series = r * (1.0 / 12 - r * (1.0 / 120 - r * (1.0 / 252 - r * (1.0 / 240 - r * (1.0 / 132)))))
        return shift + log(x) - 0.5 / x - series
    }

    /// ψ′(z), z > 0: recurrence up to z ≥ 10, then the asymptotic series.
    static func trigamma(_ z: Double) -> Double {
        var x = z, shift = 0.0
        while x < 10 { shift += 1 / (x * x); x += 1 }
        let r = 1 / (x * x)
        let series = (1 / x) * (1 + 1 / (2 * x) + r * (1.0 / 6 - r * (1.0 / 30 - r * (1.0 / 42 - r * (1.0 / 30)))))
        return shift + series
    }

    /// Log-likelihood of one observation.
    static func logLikelihood(_ y: Double, mu: Double, alpha: Double) -> Double {
        logLikelihoodKernel(y, mu: mu, alpha: alpha) - SpecialFunctions.logGamma(y + 1)
    }

    /// ℓᵢ + ln yᵢ! (the part that depends on the parameters; iterative fits add Σ ln y! once).
    @inline(__always)
    static func logLikelihoodKernel(_ y: Double, mu: Double, alpha: Double) -> Double {
        logLikelihoodKernel(y, mu: mu, alpha: alpha, logGammaRatio: logGammaRatio(y, 1 / alpha))
    }

    /// The same with lnΓ(y+θ) − lnΓ(θ) supplied (from a `LogGammaRatioMemo`).
    @inline(__always)
    static func logLikelihoodKernel(_ y: Double, mu: Double, alpha: Double, logGammaRatio ratio: Double) -> Double {
        let theta = 1 / alpha
        let l1p = log1p(alpha * mu)
        return ratio - theta * l1p + (y == 0 ? 0 : y * (log(alpha * mu) - l1p))
    }

    /// ∂ℓ/∂α and ∂²ℓ/∂α² of one observation.
    static func alphaDerivatives(_ y: Double, mu: Double, alpha: Double) -> (score: Double, second: Double) {
        alphaDerivatives(y, mu: mu, alpha: alpha, polygamma: polygammaDifferences(y, 1 / alpha))
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

/// ψ(y+θ) − ψ(θ) and ψ′(y+θ) − ψ′(θ) for every integer count 0…m at one θ, m = the largest integer count ≤ 4096 in
/// the data: the running sums of `NegativeBinomialLikelihood.polygammaDifferences`, kept at every step, so the
/// values are bit-identical to it and a pass over n observations costs O(m + n) instead of O(Σ yᵢ) divisions
/// (daily strike counts run to the hundreds). Other counts fall back to `polygammaDifferences`.
struct PolygammaTable {
    private let theta: Double
    private var digamma: [Double]
    private var trigamma: [Double]

    init(theta: Double, counts: [Double]) {
        self.theta = theta
        var largest = 0
        for y in counts where y > 0 && y <= 4096 && Double(Int(y)) == y { largest = max(largest, Int(y)) }
        digamma = [Double](repeating: 0, count: largest + 1)
        trigamma = [Double](repeating: 0, count: largest + 1)
        var d = 0.0, t = 0.0, j = 0.0
        for count in 0..<largest {
            let inverse = 1 / (theta + j)
            d += inverse
            t -= inverse * inverse
            j += 1
            digamma[count + 1] = d
            trigamma[count + 1] = t
        }
    }

    @inline(__always)
    func differences(_ y: Double) -> (digamma: Double, trigamma: Double) {
        if y >= 0 && y < Double(digamma.count) && Double(Int(y)) == y {
            let index = Int(y)
            return (digamma[index], trigamma[index])
        }
        return NegativeBinomialLikelihood.polygammaDifferences(y, theta)
    }
}

/// lnΓ(y+θ) − lnΓ(θ) at one θ for the integer counts 0…`largest`, each computed by `logGammaRatio` on its first use
/// (bit-identical to calling it per observation). A likelihood evaluation over n observations then costs one
/// `logGammaRatio` per distinct count instead of one per observation: callgrind on the nb2 1000x10 smoke fit put
/// 36 % of its instructions in `logGammaRatio`'s Stirling terms and logs before this memo.
struct LogGammaRatioMemo {
    private let theta: Double
    private var values: [Double]

    /// A memo for counts up to the largest integer count in `counts` (at most 1,048,576; others are computed
    /// directly).
    init(theta: Double, counts: [Double]) {
        self.theta = theta
        var largest = -1
        for y in counts where y >= 0 && y <= 1_048_576 && Double(Int(y)) == y { largest = max(largest, Int(y)) }
        values = [Double](repeating: .nan, count: largest + 1)
    }

    @inline(__always)
    mutating func value(_ y: Double) -> Double {
        guard y >= 0 && y < Double(values.count) && Double(Int(y)) == y else {
            return NegativeBinomialLikelihood.logGammaRatio(y, theta)
        }
        let index = Int(y)
        if values[index].isNaN { values[index] = NegativeBinomialLikelihood.logGammaRatio(y, theta) }
        return values[index]
    }
}

// The tables' integer tests are `Double(Int(y)) == y` after the range test: `y.rounded()` is a libm call, and was
// 4 % of the instructions of an NB2 fit (callgrind).

/// ln y! = lnΓ(y+1) for the integer counts 0…`largest`, each computed on its first use (bit-identical to one
/// `SpecialFunctions.logGamma(y + 1)` per observation).
struct LogFactorialMemo {
    private var values: [Double]

    init(counts: [Double]) {
        var largest = -1
        for y in counts where y >= 0 && y <= 1_048_576 && Double(Int(y)) == y { largest = max(largest, Int(y)) }
        values = [Double](repeating: .nan, count: largest + 1)
    }

    @inline(__always)
    mutating func value(_ y: Double) -> Double {
        guard y >= 0 && y < Double(values.count) && Double(Int(y)) == y else { return SpecialFunctions.logGamma(y + 1) }
        let index = Int(y)
        if values[index].isNaN { values[index] = SpecialFunctions.logGamma(y + 1) }
        return values[index]
    }
}

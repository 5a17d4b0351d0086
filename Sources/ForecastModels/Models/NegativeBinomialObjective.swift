// NegativeBinomialObjective — the NB2 log-likelihood of one data set in (β, α) as Newton's method uses it: its value
// at trial points, and the gradient and observed information at accepted ones, on buffers reused across iterations.
//
// Policy:
// 1. A point's per-observation state is η = Xβ + offset, μ = e^η and L = ln(1 + αμ): one exp and one log1p per
//    observation, over the whole array (`ElementwiseFunctions`, four lanes on the wide path); ln(αμ) is ln α + η,
//    with no log. The count-only terms (lnΓ, ψ, ψ′ differences) are sums over the
//    data set from `WeightedCounts`, O(max y) per point instead of O(n).
// 2. The gradient and information at an evaluated point reuse its μ and L (no transcendental function per
//    observation; the per-observation terms and sums: `NegativeBinomial.derivativeTerms`, four lanes on the wide
//    path): the β block Xᵀ diag(d) X, the β–α column and the β gradient come from one `weightedGram`. Formulas: NegativeBinomialLikelihood.swift, summed over observations (α's terms as
//    Σ wL, Σ w(y−μ)/(1+αμ), Σ wμ/(1+αμ), Σ w(y−μ)(1+2αμ)/(1+αμ)² and the tail sums).
// 3. The data-set sums are compensated (`CompensatedSum`): α's second derivative is a difference of sums of size
//    O(n) that cancel to O(√n)·…, so plain summation would lose digits a per-observation sum keeps.
// 4. Values agree with per-observation sums of `NegativeBinomial.logProbabilityKernel` and
//    `NegativeBinomialLikelihood.alphaDerivatives` to rounding (tests: 1e-12 relative), not bit for bit.
import ForecastCore
import ForecastData
import Foundation

/// The NB2 log-likelihood of one data set (X n×k, integer counts y, optional offset and prior weights).
struct NegativeBinomialObjective {
    /// One evaluated point: (β, α), η, μ, L = ln(1 + αμ) (each n) and the kernel Σ wᵢ(ℓᵢ + ln yᵢ!).
    struct Point {
        var beta: [Double]
        var alpha: Double
        var eta: [Double]
        var mu: [Double]
        var logOnePlus: [Double]
        var kernel: Double

        init(rows: Int) {
            beta = []
            alpha = .nan
            eta = [Double](repeating: 0, count: rows)
            mu = eta
            logOnePlus = eta
            kernel = .nan
        }
    }

    let x: Matrix
    let y: [Double]
    let offset: [Double]?
    let weights: [Double]?
    let counts: WeightedCounts
    /// Σ wᵢ yᵢ (the coefficient of ln α in the kernel).
    private let weightedCountSum: Double
    /// dᵢ = wᵢμᵢ(1+αyᵢ)/(1+αμᵢ)² (the β block is Xᵀ diag(d) X), a scratch n-vector for `weightedGram`, and the
    /// gradient factor and the β–α factor as two consecutive n-vectors.
    private var curvature: [Double]
    private var scratch: [Double] = []
    private var factors: [Double]

    init(x: Matrix, y: [Double], offset: [Double]?, weights: [Double]?) {
        self.x = x
        self.y = y
        self.offset = offset
        self.weights = weights
        counts = WeightedCounts(counts: y, weights: weights)
        weightedCountSum = counts.sum { $0 }
        curvature = [Double](repeating: 0, count: x.rows)
        factors = [Double](repeating: 0, count: 2 * x.rows)
    }

    /// Evaluates (β, α) into `point` (its buffers are reused); the kernel is −∞ or NaN when μ overflows.
    func evaluate(beta: [Double], alpha: Double, into point: inout Point) {
        let n = x.rows
        let path = KernelPath.current
        x.multiply(beta, shift: offset, into: &point.eta)
        let theta = 1 / alpha
        var sum = CompensatedSum()
        point.eta.withUnsafeBufferPointer { eta in
            point.mu.withUnsafeMutableBufferPointer { mu in
                point.logOnePlus.withUnsafeMutableBufferPointer { l in
                    for i in 0..<n { mu[i] = eta[i] }
                    ElementwiseFunctions.apply(.exponential, to: mu, path: path)
                    for i in 0..<n { l[i] = alpha * mu[i] }
                    ElementwiseFunctions.apply(.logarithmOnePlus, to: l, path: path)
                    y.withUnsafeBufferPointer { y in
                        for i in 0..<n {
                            let term = y[i] * (eta[i] - l[i]) - theta * l[i]
                            sum.add(weights.map { $0[i] * term } ?? term)
                        }
                    }
                }
            }
        }
        point.beta = beta
        point.alpha = alpha
        point.kernel = sum.value + log(alpha) * weightedCountSum + counts.logGammaRatioSum(theta: theta)
    }

    /// The gradient in (β, α) and minus the Hessian ((k+1)×(k+1), α last) at an evaluated point.
    mutating func derivatives(at point: Point) -> (gradient: [Double], information: Matrix) {
        let n = x.rows, k = x.columns
        let alpha = point.alpha, weights = weights
        let sums = point.mu.withUnsafeBufferPointer { mu in
            point.logOnePlus.withUnsafeBufferPointer { l in
                y.withUnsafeBufferPointer { y in
                    curvature.withUnsafeMutableBufferPointer { s in
                        factors.withUnsafeMutableBufferPointer { f in
                            let gradient = UnsafeMutableBufferPointer(rebasing: f[0..<n])
                            let cross = UnsafeMutableBufferPointer(rebasing: f[n..<(2 * n)])
                            return Self.withBuffer(weights) { w in
                                NegativeBinomial.derivativeTerms(alpha: alpha, mu: mu, logOnePlus: l, counts: y, weights: w,
                                                                 gradient: gradient, cross: cross, curvature: s,
                                                                 path: KernelPath.current)
                            }
                        }
                    }
                }
            }
        }
        let (digamma, trigamma) = counts.polygammaSums(theta: 1 / alpha)
        let a2 = alpha * alpha
        let excess = sums.logOnePlus - digamma             // Σ w[ψ(θ) − ψ(y+θ) + ln(1+αμ)]
        let alphaScore = excess / a2 + sums.residual / alpha
        let alphaSecond = -2 * excess / (a2 * alpha) + (trigamma / a2 + sums.mean) / a2 - sums.curvature / a2

        let (betaBlock, vectors) = x.weightedGram(curvature, vectors: factors, count: 2, scratch: &scratch)
        var information = Matrix(rows: k + 1, columns: k + 1)
        var gradient = [Double](repeating: 0, count: k + 1)
        for j in 0..<k {
            for i in 0..<k { information[i, j] = betaBlock[i, j] }
            information[j, k] = vectors[j, 1]
            information[k, j] = vectors[j, 1]
            gradient[j] = vectors[j, 0]
        }
        information[k, k] = -alphaSecond
        gradient[k] = alphaScore
        return (gradient, information)
    }

    /// `body` with the buffer of `values` (nil when there are none).
    private static func withBuffer<Result>(_ values: [Double]?, _ body: (UnsafeBufferPointer<Double>?) -> Result) -> Result {
        guard let values else { return body(nil) }
        return values.withUnsafeBufferPointer { body($0) }
    }

    /// An estimate with what the fit reports about it: minus the Hessian, ℓ and the NB2 deviance at α̂.
    struct Optimum {
        var point: Point
        var information: Matrix
        var logLikelihood: Double
        var deviance: Double
        var iterations: Int
    }

    /// The estimate at an evaluated point: the observed information there, ℓ = kernel − Σ w ln y!, and the deviance
    /// 2 Σ w[y ln y − yη − (y+θ)(ln(1+αy) − L)] (the count-only part once per distinct count).
    mutating func optimum(at point: Point, iterations: Int) -> Optimum {
        let alpha = point.alpha, theta = 1 / alpha
        var linear = CompensatedSum()
        for i in y.indices {
            linear.add((weights?[i] ?? 1) * ((y[i] + theta) * point.logOnePlus[i] - y[i] * point.eta[i]))
        }
        let countPart = counts.sum { y in (y == 0 ? 0 : y * log(y)) - (y + theta) * log1p(alpha * y) }
        return Optimum(point: point, information: derivatives(at: point).information,
                       logLikelihood: point.kernel - counts.logFactorialSum, deviance: 2 * (countPart + linear.value),
                       iterations: iterations)
    }
}

extension NegativeBinomialObjective {
    /// One step-halving move along the Newton `step` (β components, then α): tries the scales 1, ½, ¼, … (`tries`
    /// of them), evaluating each trial with α > 0 into `trial`, and keeps the first whose likelihood kernel
    /// `accepts(trialKernel, currentKernel)` says is good enough; it is swapped into `point`. Returns the scale
    /// taken, or nil when no trial was accepted (`point` unchanged).
    func halvingStep(from point: inout Point, trial: inout Point, step: [Double], tries: Int,
                     accepts: (_ trialKernel: Double, _ currentKernel: Double) -> Bool) -> Double? {
        let k = point.beta.count
        let kernel = point.kernel
        var scale = 1.0
        for _ in 0..<tries {
            let candidateAlpha = point.alpha + scale * step[k]
            if candidateAlpha > 0 {
                evaluate(beta: point.beta.indices.map { point.beta[$0] + scale * step[$0] }, alpha: candidateAlpha,
                         into: &trial)
                if accepts(trial.kernel, kernel) {
                    swap(&point, &trial)
                    return scale
                }
            }
            scale *= 0.5
        }
        return nil
    }
}

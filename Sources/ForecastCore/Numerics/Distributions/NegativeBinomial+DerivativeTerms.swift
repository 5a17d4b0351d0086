// NegativeBinomial+DerivativeTerms — the per-observation terms of NB2's gradient and observed information at one
// point (μ, L = ln(1 + αμ)), as NegativeBinomialObjective (Models) sums them (its policy 2): three n-vectors for
// the weighted cross products with X and four data-set sums.
//
// Policy:
// 1. On the `.wide` path the terms run four observations at a time in C (CKernels/CountTerms.c); each sum is
//    compensated per lane, the lanes added in a fixed order. The portable path runs the same formulas one
//    observation at a time into one compensated sum each. They differ by rounding only (tests: NB2 fits and the
//    objective's sums to 1e-12 relative).
import Foundation

extension NegativeBinomial {
    /// Σ over observations of wL, w(y−μ)/(1+αμ), wμ/(1+αμ) and w(y−μ)(1+2αμ)/(1+αμ)², each compensated.
    package struct DerivativeSums: Sendable {
        package var logOnePlus = 0.0
        package var residual = 0.0
        package var mean = 0.0
        package var curvature = 0.0
    }

    /// Fills, for every observation i of n: `gradient[i]` = wᵢ(yᵢ − μᵢ)/(1 + αμᵢ), `cross[i]` = gradient[i]·μᵢ/(1 + αμᵢ)
    /// and `curvature[i]` = wᵢμᵢ(1 + αyᵢ)/(1 + αμᵢ)², and returns the four sums.
    /// - Parameters:
    ///   - alpha: the dispersion α > 0.
    ///   - mu, logOnePlus, counts: μ, ln(1 + αμ) and y, n each; `weights`: prior weights (n) or nil for 1.
    ///   - gradient, cross, curvature: n each, written.
    package static func derivativeTerms(alpha: Double, mu: UnsafeBufferPointer<Double>,
                                        logOnePlus: UnsafeBufferPointer<Double>, counts: UnsafeBufferPointer<Double>,
                                        weights: UnsafeBufferPointer<Double>?, gradient: UnsafeMutableBufferPointer<Double>,
                                        cross: UnsafeMutableBufferPointer<Double>,
                                        curvature: UnsafeMutableBufferPointer<Double>, path: KernelPath) -> DerivativeSums {
        let n = mu.count
        precondition(logOnePlus.count == n && counts.count == n && (weights?.count ?? n) == n && gradient.count == n
                     && cross.count == n && curvature.count == n, "NB2 derivative terms: n values each")
        guard n > 0 else { return DerivativeSums() }
        if path == .wide {
            let sums = WideKernels.negativeBinomialDerivativeTerms(
                count: n, alpha: alpha, mu: mu.baseAddress!, logOnePlus: logOnePlus.baseAddress!,
                counts: counts.baseAddress!, weights: weights?.baseAddress, gradient: gradient.baseAddress!,
                cross: cross.baseAddress!, curvature: curvature.baseAddress!)
            return DerivativeSums(logOnePlus: sums.0, residual: sums.1, mean: sums.2, curvature: sums.3)
        }
        var logSum = CompensatedSum(), residualSum = CompensatedSum(), meanSum = CompensatedSum()
        var curvatureSum = CompensatedSum()
        for i in 0..<n {
            let w = weights?[i] ?? 1
            let m = mu[i]
            let inverse = 1 / (1 + alpha * m)
            let factor = w * (counts[i] - m) * inverse
            gradient[i] = factor
            cross[i] = factor * m * inverse
            curvature[i] = w * m * (1 + alpha * counts[i]) * inverse * inverse
            logSum.add(w * logOnePlus[i])
            residualSum.add(factor)
            meanSum.add(w * m * inverse)
            curvatureSum.add(factor * (1 + 2 * alpha * m) * inverse)
        }
        return DerivativeSums(logOnePlus: logSum.value, residual: residualSum.value, mean: meanSum.value,
                              curvature: curvatureSum.value)
    }
}

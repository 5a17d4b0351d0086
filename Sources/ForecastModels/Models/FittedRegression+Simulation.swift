import ForecastCore
import ForecastData
import Foundation

// FittedRegression+Simulation — draws from a fitted regression's predictive distribution with parameter
// uncertainty, so that a simulating caller (`TimeSeriesFit`'s forecast paths) never branches on the model kind.
//
// Policy (per path, in this order of random numbers, which fixes the streams for a seed):
//  1. θ* = θ̂ + Uᵀz, z ~ N(0, I), Σ = UᵀU: θ = (β over the kept columns, α) with NB2's full covariance when α was
//     estimated (and not at the Poisson limit), β alone otherwise (α held at α̂).
//  2. OLS: σ*² = s²·df/χ²_df (the posterior of σ² under a flat prior); count models draw nothing here.
//  3. Per day: OLS y = η + σ*·N(0, 1); Poisson y ~ Poisson(exp η); NB2 y ~ NB2(exp η, max(0, α*)), exp η capped
//     at e^700 (`FittedRegression.mean(linearPredictor:)`).

/// One draw of a fitted regression's parameters (policy 1–2 of FittedRegression+Simulation.swift).
package struct RegressionParameterDraw {
    /// β* over the kept columns, in `keptColumns` order.
    package var coefficients: [Double]
    /// NB2's α* (≥ 0); α̂ or 0 when α is not drawn.
    var alpha: Double
    /// OLS σ*; 0 for count models.
    var sigma: Double
}

/// Samples a fitted regression: parameters per path, then responses given the linear predictor.
package struct RegressionSampler: Sendable {
    let fitted: FittedRegression
    /// θ̂ = (β̂ kept, α̂ when drawn).
    private let estimate: [Double]
    /// Upper Cholesky factor U of θ̂'s covariance.
    private let factor: Matrix
    private let drawsAlpha: Bool
    private let alphaHat: Double
    /// Least squares only: s² and its degrees of freedom (nil for count models).
    private let scale: (value: Double, df: Double)?

    /// - Throws: `.numerical` when the covariance has no Cholesky factor.
    package init(_ fitted: FittedRegression) throws(ModelError) {
        let fit = fitted.regression
        let kept = fit.keptColumns
        var estimate = kept.map { fit.coefficients[$0].estimate }
        var covariance = fit.covariance
        var drawsAlpha = false
        if let count = fitted.count, let alpha = count.alpha, count.alphaEstimated, !count.isPoissonLimit,
           count.fullCovariance.rows == kept.count + 1 {
            estimate.append(alpha)
            covariance = count.fullCovariance
            drawsAlpha = true
        }
        do { factor = try covariance.covarianceFactor() } catch { throw .numerical(error) }
        self.fitted = fitted
        self.estimate = estimate
        self.drawsAlpha = drawsAlpha
        self.alphaHat = fitted.count?.alpha ?? 0
        self.scale = fitted.linear.map { ($0.scale, Double($0.dfResidual)) }
    }

    /// A draw buffer of the right size.
    package func emptyDraw() -> RegressionParameterDraw {
        RegressionParameterDraw(coefficients: [Double](repeating: 0, count: fitted.regression.keptColumns.count),
                                alpha: alphaHat, sigma: 0)
    }

    /// Draws the parameters of one path into `draw` (`z` is scratch of any content, resized as needed).
    package func drawParameters(into draw: inout RegressionParameterDraw, scratch z: inout [Double],
                        random: inout RandomSource) {
        if z.count != estimate.count { z = [Double](repeating: 0, count: estimate.count) }
        for i in z.indices { z[i] = random.normal() }
        let k = draw.coefficients.count
        for i in estimate.indices {
            var sum = estimate[i]
            for j in 0...i { sum += factor[j, i] * z[j] }
            if i < k { draw.coefficients[i] = sum } else { draw.alpha = max(0, sum) }
        }
        if !drawsAlpha { draw.alpha = alphaHat }
        if let scale { draw.sigma = (scale.value * scale.df / random.chiSquared(scale.df)).squareRoot() }
    }

    /// One response given the linear predictor η and a path's parameters (policy 3).
    package func drawResponse(linearPredictor eta: Double, parameters: RegressionParameterDraw,
                      random: inout RandomSource) -> Double {
        guard let distribution = fitted.observationDistribution(mean: fitted.mean(linearPredictor: eta),
                                                                alpha: parameters.alpha) else {
            return eta + parameters.sigma * random.normal()
        }
        return distribution.sample(using: &random)
    }
}

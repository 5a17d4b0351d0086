import ForecastCore
import ForecastData
import ForecastModels
import Foundation

/// A fitted effects model reduced to what the excess computations need: the design, the estimates over every
/// column (0 for aliased), their covariance over the kept columns, the link and the likelihood.
struct EffectsFit: Sendable {
    let kind: TimeSeriesModel.Kind
    let design: DesignMatrix
    let kept: [Int]
    let beta: [Double]
    let covariance: Matrix
    let logLikelihood: Double
    let alpha: Double?
    /// The fit with its kind (mean function, observation distribution).
    let fitted: FittedRegression
    var regression: any RegressionFit { fitted.regression }

    /// Fits `design` to `y` with the given model and covariance; `start`/`startAlpha` warm-start a count model.
    static func fit(_ design: DesignMatrix, y: [Double], kind: TimeSeriesModel.Kind, covariance: CovarianceEstimator,
                    fixedAlpha: Double? = nil, start: [Double]? = nil, startAlpha: Double? = nil,
                    workspace: inout LeastSquaresWorkspace) throws(ModelError) -> EffectsFit {
        let fitted = try RegressionFactory(kind: kind, covariance: covariance, fixedAlpha: fixedAlpha)
            .fit(design, response: y, start: start, startAlpha: startAlpha, workspace: &workspace)
        let regression = fitted.regression
        let alpha = fitted.count?.alpha
        let beta = regression.coefficients.map { $0.estimate.isFinite ? $0.estimate : 0 }
        return EffectsFit(kind: kind, design: design, kept: regression.keptColumns, beta: beta,
                          covariance: regression.covariance, logLikelihood: regression.logLikelihood, alpha: alpha,
                          fitted: fitted)
    }

    /// Linear predictor of row i with coefficients `b`, leaving out the columns in `zeroed`; `columnValues` replaces
    /// the design's values of some columns (a drawn half-life's decay column), one value per data row.
    @inline(__always)
    func eta(row i: Int, _ b: [Double], zeroed: Set<Int> = [], columnValues: [Int: [Double]] = [:]) -> Double {
        var sum = 0.0
        if columnValues.isEmpty {
            for j in kept where !zeroed.contains(j) { sum += design.values[i, j] * b[j] }
        } else {
            for j in kept where !zeroed.contains(j) { sum += (columnValues[j]?[i] ?? design.values[i, j]) * b[j] }
        }
        return sum
    }

    @inline(__always)
    func mean(_ eta: Double) -> Double { fitted.mean(linearPredictor: eta) }

    /// Coefficient draws (full-length vectors) from N(β̂, V) over the kept columns.
    func draws(_ count: Int, seed: UInt64) throws(ModelError) -> [[Double]] {
        let factor: Matrix
        do { factor = try covariance.covarianceFactor() } catch { throw .numerical(error) }
        var random = RandomSource(seed: seed)
        let k = kept.count
        var z = [Double](repeating: 0, count: k)
        return (0..<count).map { _ in
            for i in 0..<k { z[i] = random.normal() }
            var b = beta
            for i in 0..<k {
                var sum = 0.0
                for j in 0...i { sum += factor[j, i] * z[j] }
                b[kept[i]] += sum
            }
            return b
        }
    }
}

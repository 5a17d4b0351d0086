/// A prediction for one new design row of a least-squares fit.
///
/// Matches statsmodels `get_prediction(x0).summary_frame(alpha)` and R `predict(lm, newdata,
/// interval = "confidence" / "prediction")`: mean = x0ᵀb; meanStandardError = √(x0ᵀ V x0) with V the fit's
/// covariance (the selected estimator); mean interval = mean ∓ t · meanStandardError; the prediction interval
/// for a new observation uses √(meanStandardError² + σ̂²/w) (w = 1 unless given), t on `dfResidual`.
import ForecastCore
import ForecastData
public struct MeanPrediction: Sendable, Equatable {
    /// Predicted mean x0ᵀb.
    public let mean: Double
    /// Standard error of the predicted mean.
    public let meanStandardError: Double
    /// Lower end of the confidence interval of the mean.
    public let meanLower: Double
    /// Upper end of the confidence interval of the mean.
    public let meanUpper: Double
    /// Lower end of the prediction interval of a new observation.
    public let lower: Double
    /// Upper end of the prediction interval of a new observation.
    public let upper: Double
}

extension LinearRegressionFit {
    /// Predictions for new rows (m×p, the same columns as the design, by position).
    ///
    /// Aliased columns are ignored (an aliased coefficient counts as 0, as R's `predict.lm`).
    /// - Parameters:
    ///   - rows: m×p new design rows.
    ///   - level: interval level (fraction); defaults to the fit's level.
    ///   - weights: prior weights of the new observations for the prediction interval (default 1).
    /// - Throws: `ModelError.dimensionMismatch` for a wrong column count, `.nonFiniteValue` for NaN/Inf cells
    ///   in kept columns.
    public func predict(_ rows: Matrix, level: Double? = nil, weights: [Double]? = nil) throws(ModelError)
        -> [MeanPrediction] {
        guard rows.columns == names.count else {
            throw .dimensionMismatch("new rows have \(rows.columns) columns, the fit has \(names.count)")
        }
        if let weights, weights.count != rows.rows {
            throw .dimensionMismatch("\(weights.count) weights for \(rows.rows) new rows")
        }
        let level = level ?? self.level
        precondition(level > 0 && level < 1, "level must be a fraction in (0, 1)")
        let critical = dfResidual > 0 ? StudentT(degreesOfFreedom: Double(dfResidual)).quantile(0.5 + level / 2) : .nan
        let kept = keptColumns
        let b = kept.map { coefficients[$0].estimate }
        var x0 = [Double](repeating: 0, count: kept.count)
        var predictions: [MeanPrediction] = []
        predictions.reserveCapacity(rows.rows)
        for i in 0..<rows.rows {
            for (position, j) in kept.enumerated() {
                let value = rows[i, j]
                guard value.isFinite else { throw .nonFiniteValue(variable: names[j], row: i) }
                x0[position] = value
            }
            var mean = 0.0
            for position in kept.indices { mean += x0[position] * b[position] }
            let vx = covariance.multiplied(by: x0)
            var variance = 0.0
            for position in kept.indices { variance += x0[position] * vx[position] }
            let meanSE = max(variance, 0).squareRoot()
            let observationSE = (variance + scale / (weights?[i] ?? 1)).squareRoot()
            predictions.append(MeanPrediction(
                mean: mean, meanStandardError: meanSE,
                meanLower: mean - critical * meanSE, meanUpper: mean + critical * meanSE,
                lower: mean - critical * observationSE, upper: mean + critical * observationSE))
        }
        return predictions
    }
}

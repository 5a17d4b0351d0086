import ForecastCore
import ForecastData
import Foundation

/// A predicted mean for one new row of a count model.
///
/// Matches statsmodels `GLM.get_prediction(x0).summary_frame()`: mean = exp(x0ᵀβ + offset);
/// meanStandardError = mean · √(x0ᵀ V x0) (delta method, V the fit's covariance); the interval transforms the
/// linear predictor's Wald interval: exp(x0ᵀβ ∓ z √(x0ᵀ V x0)). `variance` is the model variance at the mean
/// (μ for Poisson, μ + αμ² for NB2). Count prediction intervals come from simulation (forecasting).
public struct CountPrediction: Sendable, Equatable {
    public let mean: Double
    public let meanStandardError: Double
    public let meanLower: Double
    public let meanUpper: Double
    /// Var(y) at the predicted mean.
    public let variance: Double
}

extension CountRegressionFit {
    /// Predictions for new rows (m×p, the design's columns by position; aliased columns ignored).
    /// - Parameters:
    ///   - rows: m×p new design rows.
    ///   - level: Wald level (fraction), default the fit's.
    ///   - offset: m offsets (log exposure) for the new rows, or nil.
    public func predict(_ rows: Matrix, level: Double? = nil, offset: [Double]? = nil) throws(ModelError) -> [CountPrediction] {
        guard rows.columns == names.count else {
            throw .dimensionMismatch("new rows have \(rows.columns) columns, the fit has \(names.count)")
        }
        if let offset, offset.count != rows.rows { throw .dimensionMismatch("\(offset.count) offsets for \(rows.rows) new rows") }
        let level = level ?? self.level
        precondition(level > 0 && level < 1, "level must be a fraction in (0, 1)")
        let z = Normal().quantile(0.5 + level / 2)
        let b = keptColumns.map { coefficients[$0].estimate }
        var x0 = [Double](repeating: 0, count: keptColumns.count)
        var result: [CountPrediction] = []
        result.reserveCapacity(rows.rows)
        for i in 0..<rows.rows {
            for (position, j) in keptColumns.enumerated() {
                let value = rows[i, j]
                guard value.isFinite else { throw .nonFiniteValue(variable: names[j], row: i) }
                x0[position] = value
            }
            var eta = offset?[i] ?? 0
            for position in b.indices { eta += x0[position] * b[position] }
            let vx = covariance.multiplied(by: x0)
            var variance = 0.0
            for position in b.indices { variance += x0[position] * vx[position] }
            let seEta = max(variance, 0).squareRoot()
            let mean = exp(eta)
            result.append(CountPrediction(mean: mean, meanStandardError: mean * seEta,
                                          meanLower: exp(eta - z * seEta), meanUpper: exp(eta + z * seEta),
                                          variance: family.variance(mean)))
        }
        return result
    }
}

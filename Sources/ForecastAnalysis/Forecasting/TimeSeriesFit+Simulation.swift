import ForecastCore
import ForecastData
import ForecastModels
import Foundation

extension TimeSeriesFit {
    /// Simulated response paths for `dates` (horizon × paths; column p is path p). See the policy in
    /// TimeSeriesFit+Forecast.swift.
    func simulatePaths(dates: [CalendarDate], regressorRows: [[Double]], paths: Int, seed: UInt64) throws(ModelError) -> Matrix {
        let kept = regression.keptColumns
        let lags = schema.specification.autoregressiveLags
        let horizon = dates.count
        let sampler = try RegressionSampler(fitted)
        // Rows without lags are fixed across paths: precompute them (kept columns only).
        let lagPositions = lags.indices.map { schema.columnNames.firstIndex(of: "lag\(lags[$0])")! }
        var baseRows: [[Double]] = dates.indices.map { t in
            schema.row(for: dates[t], lags: [Double](repeating: 0, count: lags.count), regressors: regressorRows[t])
        }
        // History of the response (raw) for lags: the last max(lag) days up to the end of training.
        let maxLag = lags.max() ?? 0
        let historyStart = trainingWindow.last.adding(days: -maxLag + 1)
        let history = (0..<maxLag).map { responseValue(at: historyStart.adding(days: $0)) }
        // Every one of the last max(lag) days feeds some lag of the first forecast days.
        if let missing = history.firstIndex(where: { $0.isNaN }) {
            throw .noTrainingData("the response on \(historyStart.adding(days: missing)), needed by the AR lags to start the forecast, is missing")
        }
        var random = RandomSource(seed: seed)
        var output = Matrix(rows: horizon, columns: paths)
        var parameters = sampler.emptyDraw()
        var z: [Double] = []
        var pathValues = [Double](repeating: 0, count: maxLag + horizon)
        for p in 0..<paths {
            sampler.drawParameters(into: &parameters, scratch: &z, random: &random)
            for i in 0..<maxLag { pathValues[i] = history[i] }
            for t in 0..<horizon {
                if !lags.isEmpty {
                    for (l, lag) in lags.enumerated() {
                        baseRows[t][lagPositions[l]] = schema.lagTransform.apply(pathValues[maxLag + t - lag])
                    }
                }
                var eta = 0.0
                for (position, j) in kept.enumerated() { eta += baseRows[t][j] * parameters.coefficients[position] }
                let value = sampler.drawResponse(linearPredictor: eta, parameters: parameters, random: &random)
                pathValues[maxLag + t] = value
                output[t, p] = value
            }
        }
        return output
    }
}

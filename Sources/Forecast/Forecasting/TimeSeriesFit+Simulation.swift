import Foundation

extension TimeSeriesFit {
    /// Simulated response paths for `dates` (horizon × paths; column p is path p). See the policy in
    /// TimeSeriesFit+Forecast.swift.
    func simulatePaths(dates: [CalendarDate], regressorRows: [[Double]], paths: Int, seed: UInt64) throws(ModelError) -> Matrix {
        let fit = regression
        let kept = fit.keptColumns
        let k = kept.count
        let lags = schema.specification.autoregressiveLags
        let horizon = dates.count
        // Parameter vector θ = (β_kept, α?) and its covariance.
        var theta = kept.map { fit.coefficients[$0].estimate }
        var covariance = fit.covariance
        var drawsAlpha = false
        if let count, let alpha = count.alpha, count.alphaEstimated, !count.isPoissonLimit, count.fullCovariance.rows == k + 1 {
            theta.append(alpha)
            covariance = count.fullCovariance
            drawsAlpha = true
        }
        let factor: Matrix
        do { factor = try covariance.covarianceFactor() } catch { throw .numerical(error) }
        let alphaHat = count?.alpha ?? 0
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
        let scaleHat = linear?.scale ?? 0
        let dfResidual = Double(linear?.dfResidual ?? 0)
        var random = RandomSource(seed: seed)
        var output = Matrix(rows: horizon, columns: paths)
        var drawn = [Double](repeating: 0, count: theta.count)
        var z = [Double](repeating: 0, count: theta.count)
        var pathValues = [Double](repeating: 0, count: maxLag + horizon)
        for p in 0..<paths {
            for i in z.indices { z[i] = random.normal() }
            // θ* = θ̂ + Uᵀ z (U upper Cholesky factor, Σ = UᵀU).
            for i in theta.indices {
                var sum = theta[i]
                for j in 0...i { sum += factor[j, i] * z[j] }
                drawn[i] = sum
            }
            let alpha = drawsAlpha ? max(0, drawn[k]) : alphaHat
            let sigma = linear != nil ? (scaleHat * dfResidual / random.chiSquared(dfResidual)).squareRoot() : 0
            for i in 0..<maxLag { pathValues[i] = history[i] }
            for t in 0..<horizon {
                if !lags.isEmpty {
                    for (l, lag) in lags.enumerated() {
                        baseRows[t][lagPositions[l]] = schema.lagTransform.apply(pathValues[maxLag + t - lag])
                    }
                }
                var eta = 0.0
                for (position, j) in kept.enumerated() { eta += baseRows[t][j] * drawn[position] }
                let value: Double
                switch kind {
                case .ols: value = eta + sigma * random.normal()
                case .poisson: value = random.poisson(Self.safeMean(eta))
                case .nb2: value = random.negativeBinomial(mean: Self.safeMean(eta), alpha: alpha)
                }
                pathValues[maxLag + t] = value
                output[t, p] = value
            }
        }
        return output
    }

    /// exp(η) capped so that simulation never overflows (e^700 ≈ 1e304 is already absurd for daily counts).
    static func safeMean(_ eta: Double) -> Double { exp(min(eta, 700)) }
}

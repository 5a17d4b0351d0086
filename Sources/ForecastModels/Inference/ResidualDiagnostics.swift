/// Residual autocorrelation diagnostics of a time-series fit.
///
/// - Durbin–Watson: Σ (e_t − e_{t−1})² / Σ e_t² (≈ 2 without autocorrelation; statsmodels `durbin_watson`).
/// - Ljung–Box at lag h: Q = n(n+2) Σ_{k=1..h} r_k² / (n − k) with r_k the lag-k autocorrelation of the demeaned
///   residuals; p = P(χ²_h > Q) (statsmodels `acorr_ljungbox(…, model_df=0)`).
/// Residuals are taken in row (date) order; for count models pass Pearson residuals (y − μ)/√V(μ).
import ForecastCore
import ForecastData
public struct ResidualDiagnostics: Sendable, Equatable {
    public struct LjungBox: Sendable, Equatable {
        public let lag: Int
        public let statistic: Double
        public let pValue: Double
    }

    public let durbinWatson: Double
    public let ljungBox: [LjungBox]
    /// Why the statistics are not available (then `durbinWatson` is NaN and `ljungBox` empty), or nil.
    public let unavailableReason: String?

    /// - Parameter scale: the size of the data the residuals came from (root mean square, same units). Residuals
    ///   whose root mean square is below 1e-8·scale are rounding noise of a fit that reproduces the data: their
    ///   autocorrelation means nothing, so the statistics are not computed and `unavailableReason` says why.
    public init(residuals e: [Double], lags: [Int] = [7, 14], scale: Double? = nil) {
        let n = e.count
        let rms = n > 0 ? (e.reduce(0) { $0 + $1 * $1 } / Double(n)).squareRoot() : 0
        if let scale, !(rms > 1e-8 * scale) {
            durbinWatson = .nan
            ljungBox = []
            unavailableReason = "the fit reproduces the data (residuals are zero to rounding)"
            return
        }
        unavailableReason = nil
        var numerator = 0.0, denominator = 0.0
        for t in 0..<n {
            denominator += e[t] * e[t]
            if t > 0 { numerator += (e[t] - e[t - 1]) * (e[t] - e[t - 1]) }
        }
        durbinWatson = denominator > 0 ? numerator / denominator : .nan
        let mean = n > 0 ? e.reduce(0, +) / Double(n) : .nan
        let centred = e.map { $0 - mean }
        let variance = centred.reduce(0) { $0 + $1 * $1 }
        ljungBox = lags.filter { $0 >= 1 && $0 < n }.map { h in
            var q = 0.0
            for k in 1...h {
                var r = 0.0
                for t in k..<n { r += centred[t] * centred[t - k] }
                r /= variance
                q += r * r / Double(n - k)
            }
            q *= Double(n) * Double(n + 2)
            return LjungBox(lag: h, statistic: q, pValue: ChiSquared(degreesOfFreedom: Double(h)).survival(q))
        }
    }
}

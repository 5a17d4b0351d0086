import ArgumentParser
import Forecast

/// Model and covariance options shared by `fit`, `effects` and `backtest`.
struct ModelOptions: ParsableArguments {
    @Option(help: "Model: auto, local, ols, poisson, nb2, naive, snaive or mean28 (auto: for counts, the forecaster with the lowest rolling-origin CRPS inside the training data among local, the regression, mean28, naive and snaive; otherwise least squares).")
    var model: ModelArgument = .auto

    @Option(help: "Coefficient covariance: classical, hc0, hc1, hc2, hc3 (least squares only) or hac (Newey–West).")
    var covariance: CovarianceKind = .classical

    @Option(parsing: .unconditional, help: "HAC lag truncation L (default ⌊4 (n/100)^(2/9)⌋).")
    var maxLags: Int?

    @Flag(help: "Multiply the HAC covariance by n/(n−k) (statsmodels use_correction, R adjust = TRUE).")
    var hacCorrection = false

    enum ModelArgument: String, ExpressibleByArgument, CaseIterable {
        case auto, local, ols, poisson, nb2, naive, snaive, mean28
        var kind: TimeSeriesModel.Kind? { TimeSeriesModel.Kind(rawValue: rawValue) }
        /// The forecaster of this name.
        var forecaster: ForecasterKind { ForecasterKind(rawValue: rawValue) ?? .auto }
        /// A regression (or the automatic regression choice), as `effects` needs.
        var isRegression: Bool { self == .auto || kind != nil }
    }

    /// The fixed model, or nil for the automatic choice.
    var kind: TimeSeriesModel.Kind? { model.kind }

    var estimator: CovarianceEstimator { covariance.estimator(maxLags: maxLags, correction: hacCorrection) }

    func validate() throws {
        if let maxLags, maxLags < 0 { throw ValidationError("--max-lags must be ≥ 0, got \(maxLags)") }
        if let maxLags { try OptionBounds.check(maxLags, "--max-lags", in: 0...OptionBounds.maxHACLags) }
        if maxLags != nil && covariance != .hac { throw ValidationError("--max-lags applies to --covariance hac only") }
        if hacCorrection && covariance != .hac { throw ValidationError("--hac-correction applies to --covariance hac only") }
        if model.kind != .ols && model != .auto && (covariance == .hc2 || covariance == .hc3) {
            throw ValidationError("--covariance \(covariance.rawValue) is defined for least squares only")
        }
    }
}

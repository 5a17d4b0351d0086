import ArgumentParser
import Forecast

/// Model and covariance options shared by `fit`, `effects` and `backtest`.
struct ModelOptions: ParsableArguments {
    @Option(help: "Model: auto, ols, poisson or nb2 (auto: least squares unless counts; NB2 when overdispersed, else Poisson).")
    var model: ModelArgument = .auto

    @Option(help: "Coefficient covariance: classical, hc0, hc1, hc2, hc3 (least squares only) or hac (Newey–West).")
    var covariance: CovarianceKind = .classical

    @Option(help: "HAC lag truncation L (default ⌊4 (n/100)^(2/9)⌋).")
    var maxLags: Int?

    @Flag(help: "Multiply the HAC covariance by n/(n−k) (statsmodels use_correction, R adjust = TRUE).")
    var hacCorrection = false

    enum ModelArgument: String, ExpressibleByArgument, CaseIterable {
        case auto, ols, poisson, nb2
        var kind: TimeSeriesModel.Kind? { self == .auto ? nil : TimeSeriesModel.Kind(rawValue: rawValue) }
    }

    /// The fixed model, or nil for the automatic choice.
    var kind: TimeSeriesModel.Kind? { model.kind }

    var estimator: CovarianceEstimator { covariance.estimator(maxLags: maxLags, correction: hacCorrection) }

    func validate() throws {
        if let maxLags, maxLags < 0 { throw ValidationError("--max-lags must be ≥ 0, got \(maxLags)") }
        if maxLags != nil && covariance != .hac { throw ValidationError("--max-lags applies to --covariance hac only") }
        if hacCorrection && covariance != .hac { throw ValidationError("--hac-correction applies to --covariance hac only") }
        if model != .ols && model != .auto && (covariance == .hc2 || covariance == .hc3) {
            throw ValidationError("--covariance \(covariance.rawValue) is defined for least squares only")
        }
    }
}

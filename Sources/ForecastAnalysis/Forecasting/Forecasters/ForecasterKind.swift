// ForecasterKind — the forecasters by the names reports, JSON and the command line use.

/// A forecaster's name: `auto`, `local`, `nb2`, `poisson`, `ols`, `naive`, `snaive`, `mean28`.
import ForecastCore
import ForecastData
import ForecastModels
public enum ForecasterKind: String, Sendable, Equatable, CaseIterable {
    case auto, local, nb2, poisson, ols, naive, snaive, mean28

    /// The forecaster that forecasts with a regression of `kind`.
    public init(_ kind: TimeSeriesModel.Kind) {
        switch kind {
        case .ols: self = .ols
        case .poisson: self = .poisson
        case .nb2: self = .nb2
        }
    }

    /// The regression kind of `nb2`, `poisson`, `ols`; nil for the others.
    public var regressionKind: TimeSeriesModel.Kind? { TimeSeriesModel.Kind(rawValue: rawValue) }

    /// The forecaster in words, for summaries ("the local-level count ensemble (local)"); the regression kinds and
    /// `auto` by their names (a summary names the regression's model from its fit).
    public var summaryName: String {
        switch self {
        case .local: return "the local-level count ensemble (local)"
        case .mean28: return "the mean of the last 28 days with empirical quantiles (mean28)"
        case .naive: return "the naive forecast (last value, empirical errors)"
        case .snaive: return "the seasonal naive forecast (last week, empirical errors)"
        case .auto, .nb2, .poisson, .ols: return rawValue
        }
    }

    /// The forecaster; `regression` gives the terms, covariance and window of the regression kinds and of `auto`'s
    /// regression candidate (its kind is replaced for `nb2`/`poisson`/`ols`).
    public func forecaster(regression: TimeSeriesModel) -> any Forecaster {
        switch self {
        case .auto: return AutoForecaster(regression: regression)
        case .local: return LocalLevelEnsemble()
        case .nb2, .poisson, .ols:
            var model = regression
            model.kind = regressionKind
            return RegressionForecaster(model: model)
        case .naive: return BaselineForecaster(.naive)
        case .snaive: return BaselineForecaster(.snaive)
        case .mean28: return BaselineForecaster(.mean28)
        }
    }
}

// ForecasterKind — the forecasters by the names reports, JSON and the command line use.

/// A forecaster's name: `auto`, `local`, `nb2`, `poisson`, `ols`, `naive`, `snaive`, `mean28`.
import ForecastCore
import ForecastData
import ForecastModels
public enum ForecasterKind: String, Sendable, Equatable, CaseIterable {
    case auto, local, nb2, poisson, ols, naive, snaive, mean28

    /// The regression kind of `nb2`, `poisson`, `ols`; nil for the others.
    public var regressionKind: TimeSeriesModel.Kind? { TimeSeriesModel.Kind(rawValue: rawValue) }

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

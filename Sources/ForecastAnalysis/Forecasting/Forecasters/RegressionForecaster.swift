// RegressionForecaster — a `TimeSeriesModel` (OLS, Poisson or NB2 on calendar terms, events, regressors) as a
// `Forecaster`: fitted on the history's days, forecast by the model's simulated paths.

/// A time-series regression as a ``Forecaster``.
///
/// At each call the model is fitted on `history` (its `to` is the history's last day, whatever the model says)
/// and forecasts with `TimeSeriesFit.forecast(horizon:levels:paths:seed:keepPaths:)`: simulated paths with
/// parameter uncertainty; for OLS without AR terms the mean is x′β̂ and the paths are Student-t draws. The
/// forecaster's name is the model's kind (`ols`, `poisson`, `nb2`), or `regression` when the kind is chosen
/// automatically per fit.
import ForecastCore
import ForecastData
import ForecastModels
public struct RegressionForecaster: Forecaster {
    /// The regression (terms, kind, covariance); `to` is replaced by each history's last day.
    public let model: TimeSeriesModel

    public init(model: TimeSeriesModel) {
        self.model = model
    }

    public var name: String { model.kind?.rawValue ?? "regression" }

    public func forecast(_ history: DatedSeries, settings: ForecastSettings) throws(ModelError) -> PredictiveDistribution {
        try fitAndForecast(history, settings: settings).distribution
    }

    /// The fit and its forecast (for callers that also report the fit: coefficients, diagnostics).
    public func fitAndForecast(_ history: DatedSeries, settings: ForecastSettings) throws(ModelError)
        -> (fit: TimeSeriesFit, distribution: PredictiveDistribution) {
        var model = self.model
        model.to = history.end
        let fit = try model.fit(history)
        let table = try fit.forecast(horizon: settings.horizon, levels: [], paths: settings.paths, seed: settings.seed,
                                     keepPaths: true)
        guard let paths = table.paths else {
            throw .invalidSpecification("the \(fit.kind.rawValue) forecast produced no sample paths")
        }
        return (fit, PredictiveDistribution(firstDay: history.end.adding(days: 1), paths: paths,
                                            mean: table.days.map(\.mean)))
    }
}

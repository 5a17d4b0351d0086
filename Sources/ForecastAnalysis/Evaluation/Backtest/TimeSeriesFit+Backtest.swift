import ForecastCore
import ForecastData
import ForecastModels
import Foundation

// Backtest helper on TimeSeriesFit: an existing fit moved to a later origin with its parameters kept
// (`--refit K|never`). Warm starts go through `init(model:…, warmStart:)`.

extension TimeSeriesFit {
    /// This fit's parameters (β̂, α̂, covariance) with the forecast origin moved to `origin`: forecasts start the
    /// day after it, AR lags read `response` (which must hold the days through `origin`). The design schema — and
    /// so the trend origin — is kept.
    init(keeping fit: TimeSeriesFit, origin: CalendarDate, start: CalendarDate, response: [Double]) {
        self.model = fit.model
        self.schema = fit.schema
        self.kind = fit.kind
        self.modelChoice = fit.modelChoice
        self.selectedChangepoints = fit.selectedChangepoints
        self.fitted = fit.fitted
        self.responseName = fit.responseName
        self.trainingDates = fit.trainingDates
        self.trainingWindow = DateSpan(first: fit.trainingWindow.first, last: origin)
        self.droppedDates = fit.droppedDates
        self.diagnostics = fit.diagnostics
        self.start = start
        self.response = response
        self.regressors = fit.regressors
    }
}

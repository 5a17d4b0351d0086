import Foundation

// Backtest helpers on TimeSeriesFit: a count-model fit warm-started from a previous origin's β̂, and an existing
// fit moved to a later origin with its parameters kept (`--refit K|never`).

extension TimeSeriesFit {
    /// The fit `TimeSeriesModel.fit` produces for an explicit count model (`kind` Poisson or NB2, no automatic
    /// changepoints), with IRLS started from `warmStart` (design order; non-finite entries → 0; ignored when its
    /// length differs from the design's). Same schema, rows, checks and errors as `init(model:…)`.
    init(countModel model: TimeSeriesModel, kind: TimeSeriesModel.Kind, start: CalendarDate, response: [Double],
         regressors: [String: [Double]], responseName: String, warmStart: [Double]?,
         warmStartAlpha: Double? = nil) throws(ModelError) {
        precondition(kind != .ols && !model.automaticChangepoints, "warm starts are for explicit count models")
        guard !response.isEmpty else { throw .noTrainingData("the series is empty") }
        let end = start.adding(days: response.count - 1)
        let first = max(model.from ?? start, start), last = min(model.to ?? end, end)
        guard first <= last else { throw .noTrainingData("the window \(first)..\(last) does not overlap the series \(start)..\(end)") }
        for name in model.design.regressors where regressors[name] == nil {
            throw .regressorUnavailable(name: name, date: "\(first)")
        }
        let window = DateSpan(first: first, last: last)
        for event in model.design.events where !(event.span.first <= last && event.span.last >= first) {
            throw .eventWithoutTrainingDays(id: event.id, window: "\(event.span)", training: "\(window)")
        }
        let schema = DesignSchema(specification: model.design, trendOrigin: first, lagTransform: .log1p)
        let rows = try TrainingRows(schema: schema, window: window, start: start, response: response, regressors: regressors)
        let dates = rows.dates, used = rows.used, design = rows.design, y = rows.y
        let startValues = warmStart.flatMap { $0.count == design.columnCount ? $0.map { $0.isFinite ? $0 : 0 } : nil }
        let fit: CountRegressionFit
        do {
            let distribution: CountRegression.Distribution = kind == .poisson ? .poisson : .negativeBinomial(.estimated)
            fit = try CountRegression(distribution: distribution, covariance: model.covariance)
                .fit(design, response: y, start: startValues, startAlpha: startValues == nil ? nil : warmStartAlpha)
        } catch {
            if case let .notCounts(row, v) = error { throw .notCounts(row: dates[used[row]] - start, value: v) }
            throw error
        }
        self.model = model
        self.schema = schema
        self.kind = kind
        self.modelChoice = ModelChoice(kind: kind, reason: "chosen explicitly (--model \(kind.rawValue))")
        self.selectedChangepoints = []
        self.linear = nil
        self.count = fit
        self.responseName = responseName
        self.trainingDates = rows.usedDates
        self.trainingWindow = window
        self.droppedDates = rows.droppedDates
        self.diagnostics = ResidualDiagnostics(residuals: fit.pearsonResiduals)
        self.start = start
        self.response = response
        self.regressors = regressors
    }

    /// This fit's parameters (β̂, α̂, covariance) with the forecast origin moved to `origin`: forecasts start the
    /// day after it, AR lags read `response` (which must hold the days through `origin`). The design schema — and
    /// so the trend origin — is kept.
    init(keeping fit: TimeSeriesFit, origin: CalendarDate, start: CalendarDate, response: [Double]) {
        self.model = fit.model
        self.schema = fit.schema
        self.kind = fit.kind
        self.modelChoice = fit.modelChoice
        self.selectedChangepoints = fit.selectedChangepoints
        self.linear = fit.linear
        self.count = fit.count
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

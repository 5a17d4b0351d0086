import ForecastCore
import ForecastData
import ForecastModels
import Foundation

/// A fitted daily time-series model: the learned design schema, the regression fit and the data it came from.
///
/// Immutable. `forecast(horizon:levels:paths:seed:)` produces forecasts from the day after the last training day.
public struct TimeSeriesFit: Sendable {
    /// The specification this fit came from.
    public let model: TimeSeriesModel
    /// The design schema (column names, trend origin, lag transform).
    public let schema: DesignSchema
    /// The model used.
    public let kind: TimeSeriesModel.Kind
    /// Which model was used and why (explicit choice, or the automatic rule of `ModelChoice`).
    public let modelChoice: ModelChoice
    /// The regression fit with its kind.
    public let fitted: FittedRegression
    /// The least-squares fit (OLS) or nil.
    public var linear: LinearRegressionFit? { fitted.linear }
    /// The count fit (Poisson, NB2) or nil.
    public var count: CountRegressionFit? { fitted.count }
    /// The response's name.
    public let responseName: String
    /// Days used for fitting, ascending (one per design row).
    public let trainingDates: [CalendarDate]
    /// First and last day of the training window.
    public let trainingWindow: DateSpan
    /// Days in the window not used: missing response, or missing lags/regressors.
    public let droppedDates: [CalendarDate]
    /// Changepoints chosen automatically (`TimeSeriesModel.automaticChangepoints`), ascending; empty otherwise.
    public let selectedChangepoints: [CalendarDate]
    /// Residual diagnostics (Pearson residuals for count models).
    public let diagnostics: ResidualDiagnostics
    /// The whole series (for lags, regressors and held-out actuals).
    let start: CalendarDate
    let response: [Double]
    let regressors: [String: [Double]]

    /// The regression fit, whatever its model.
    public var regression: any RegressionFit { fitted.regression }

    /// - Parameter warmStart: for a count model, β (design order; non-finite entries → 0; ignored when its length
    ///   differs from the design's) and NB2's α to start the fit from — a backtest's previous origin. Same schema,
    ///   rows, checks and errors as without it.
    init(model: TimeSeriesModel, start: CalendarDate, response: [Double], regressors: [String: [Double]],
         responseName: String, warmStart: (beta: [Double], alpha: Double?)? = nil) throws(ModelError) {
        guard !response.isEmpty else { throw .noTrainingData("the series is empty") }
        try model.design.checkColumnNames()
        let end = start.adding(days: response.count - 1)
        let first = max(model.from ?? start, start), last = min(model.to ?? end, end)
        guard first <= last else {
            throw .unsuitableSetting(SettingError("{0}/{1} choose the training window \(model.from.map { "\($0)" } ?? "start")..\(model.to.map { "\($0)" } ?? "end"), which does not overlap the series \(start)..\(end)", .from, .to))
        }
        for name in model.design.regressors where regressors[name] == nil {
            throw .regressorUnavailable(name: name, date: "\(first)")
        }
        let window = DateSpan(first: first, last: last)
        for event in model.design.events where !(event.span.first <= last && event.span.last >= first) {
            throw .eventWithoutTrainingDays(id: event.id, window: "\(event.span)", training: "\(window)")
        }
        // The lag transform depends only on whether the response is counts (auto picks a count model exactly then).
        let windowSlice = (0..<window.dayCount).map { response[first.adding(days: $0) - start] }
        try TimeSeriesModel.checkScale(windowSlice, first: first)
        for name in model.design.regressors {
            let column = regressors[name] ?? []
            try TimeSeriesModel.checkScale((0..<window.dayCount).map { first - start + $0 < column.count ? column[first - start + $0] : .nan },
                                           column: name, first: first)
        }
        let windowValues = windowSlice.filter { !$0.isNaN }
        let isCount = !windowValues.isEmpty && windowValues.allSatisfy { $0 >= 0 && $0 == $0.rounded() }
        let countTransform = model.kind.map { $0 != .ols } ?? isCount
        var schema = DesignSchema(specification: model.design, trendOrigin: first,
                                  lagTransform: countTransform ? .log1p : .identity)
        let rows = try TrainingRows(schema: schema, window: window, start: start, response: response, regressors: regressors)
        let dates = rows.dates, used = rows.used, y = rows.y
        var design = rows.design
        // A count model's "design row r is not a count" names the day's index into `response` instead.
        func dayIndexed(_ error: ModelError) -> ModelError {
            guard case let .notCounts(row, value) = error else { return error }
            return .notCounts(row: dates[used[row]] - start, value: value)
        }
        let choice: ModelChoice
        var chosenFit: FittedRegression? = nil
        if let chosen = model.kind {
            choice = ModelChoice(kind: chosen, reason: "chosen explicitly (\(chosen.rawValue))")
        } else {
            do { (choice, chosenFit) = try ModelChoice.automaticWithFit(design: design, response: y) } catch {
                throw dayIndexed(error)
            }
        }
        let kind = choice.kind
        var selected: [CalendarDate] = []
        if model.automaticChangepoints && schema.specification.trend != .none {
            let usedDates = rows.usedDates
            selected = try ChangepointSelection.select(design: design, trend: usedDates.map { schema.trend(at: $0) },
                                                       dates: usedDates, response: y, kind: kind, trendOrigin: first)
            if !selected.isEmpty {
                var specification = schema.specification
                specification.changepoints = (specification.changepoints + selected).sorted()
                schema = DesignSchema(specification: specification, trendOrigin: first, lagTransform: schema.lagTransform)
                design = try TrainingRows(schema: schema, window: window, start: start, response: response,
                                          regressors: regressors).design
            }
        }
        let fitted: FittedRegression
        // The automatic choice's fit is handed on when nothing changed since: the same design (no changepoints
        // added), the factory's default covariance, no warm start.
        if let chosenFit, selected.isEmpty, model.covariance == .classical, warmStart == nil {
            fitted = chosenFit
        } else { do {
            let startValues = warmStart.flatMap { start in
                start.beta.count == design.columnCount ? start.beta.map { $0.isFinite ? $0 : 0 } : nil
            }
            fitted = try RegressionFactory(kind: kind, covariance: model.covariance)
                .fit(design, response: y, start: startValues,
                     startAlpha: startValues == nil ? nil : warmStart?.alpha)
        } catch {
            throw dayIndexed(error)
        } }
        self.model = model
        self.schema = schema
        self.kind = kind
        self.modelChoice = choice
        self.selectedChangepoints = selected
        self.fitted = fitted
        self.responseName = responseName
        self.trainingDates = rows.usedDates
        self.trainingWindow = window
        self.droppedDates = rows.droppedDates
        let rms = (y.reduce(0) { $0 + $1 * $1 } / Double(max(y.count, 1))).squareRoot()
        self.diagnostics = ResidualDiagnostics(residuals: fitted.pearsonResiduals, scale: kind == .ols ? rms : rms.squareRoot())
        self.start = start
        self.response = response
        self.regressors = regressors
    }

    /// The response on a day (NaN when missing or outside the series).
    package func responseValue(at date: CalendarDate) -> Double {
        DatedSeries.value(in: response, start: start, at: date)
    }

    /// A regressor's value on a day, or nil.
    func regressorValue(_ name: String, at date: CalendarDate) -> Double? {
        DatedSeries.regressor(in: regressors[name], start: start, at: date)
    }
}

import ForecastCore
import ForecastData
import ForecastModels
import ForecastAnalysis
import Foundation

/// What `forecast fit` prints: the `regress` keys plus the schema, data quality, model choice, diagnostics and
/// the forecast (JSON), or a summary a non-statistician can read (table), or the forecast as CSV.
///
/// JSON keys added to `RegressionReport`'s: `modelChoice` {`model`, `reason`, `likelihoodRatio`, `pValue`},
/// `schema` {`terms`, `columns`, `trendOrigin`, `lagTransform`}, `trainingWindow` {`first`, `last`},
/// `changepoints` {`automatic`, `dates`, `selected`}, `droppedDays`, `skippedEvents` [{`id`, `date`, `first`, `last`, `reason`}], `dataQuality`, `diagnostics` {`durbinWatson`, `ljungBox`: [{`lag`, `statistic`, `pValue`}]},
/// `forecast` [{`date`, `mean`, `median`, `intervals`: [{`level`, `lower`, `upper`}], `actual`?}],
/// `forecastMethod` {`kind`: "analytic"|"simulation", `paths`, `seed`}, `total`, `threshold`,
/// `heldOutAccuracy` (null without held-out actuals) {`days`, `mae`, `pinball`, `crps` (null for analytic
/// forecasts), `coverage`: [{`level`, `coverage`}]} (``HeldOutAccuracy``), and `fitted`: one
/// {`date`, `y`, `fitted`, `residual` = y − fitted} per training day used in the fit.
///
/// When the regression could not be fitted and the forecast comes from a forecaster that needs none (`local`, the
/// baselines, `auto` without its regression candidate), `fit` is nil: JSON has `regression` null with
/// `regressionUnavailable` (the reason) and no regression keys; the summary says why the regression is not shown.
public struct FitReport: Sendable {
    /// The regression on the calendar terms; nil when it could not be fitted (`regressionUnavailable` says why).
    public let fit: TimeSeriesFit?
    /// Why the regression is not shown (nil when it is).
    public let regressionUnavailable: String?
    /// The response column.
    public let responseName: String
    /// The training window (first and last day).
    public let trainingWindow: DateSpan
    public let forecast: ForecastTable
    /// The data-quality report as JSON (from ingestion), if any.
    public let dataQuality: JSONValue?
    /// Data-quality notes in words (the ingestion report's summary lines), shown in the summary.
    public let qualityWarnings: [String]
    public let threshold: ThresholdCrossing?
    /// The forecaster that produced `forecast` and why, when it was not simply the regression `fit` (`--model auto`
    /// on counts, `local`, the baselines); nil: the regression forecast.
    public let forecaster: ForecasterChoice?
    /// Exceedance probabilities (`--exceed`), from the forecast's paths.
    public let exceedance: [Exceedance]
    /// Calendar events left out because their windows have no day in the training window.
    public let skippedEvents: [SkippedEvent]

    public init(fit: TimeSeriesFit, forecast: ForecastTable, dataQuality: JSONValue? = nil, qualityWarnings: [String] = [],
                threshold: ThresholdCrossing? = nil, forecaster: ForecasterChoice? = nil, exceedance: [Exceedance] = [],
                skippedEvents: [SkippedEvent] = []) {
        self.skippedEvents = skippedEvents
        self.fit = fit
        self.regressionUnavailable = nil
        self.responseName = fit.responseName
        self.trainingWindow = fit.trainingWindow
        self.forecast = forecast
        self.dataQuality = dataQuality
        self.qualityWarnings = qualityWarnings
        self.threshold = threshold
        self.forecaster = forecaster
        self.exceedance = exceedance
    }

    /// A forecast by `forecaster` without the regression, which could not be fitted for `regressionUnavailable`.
    public init(forecast: ForecastTable, forecaster: ForecasterChoice, regressionUnavailable: String, responseName: String,
                trainingWindow: DateSpan, dataQuality: JSONValue? = nil, qualityWarnings: [String] = [],
                threshold: ThresholdCrossing? = nil, exceedance: [Exceedance] = [], skippedEvents: [SkippedEvent] = []) {
        self.fit = nil
        self.regressionUnavailable = regressionUnavailable
        self.responseName = responseName
        self.trainingWindow = trainingWindow
        self.forecast = forecast
        self.forecaster = forecaster
        self.dataQuality = dataQuality
        self.qualityWarnings = qualityWarnings
        self.threshold = threshold
        self.exceedance = exceedance
        self.skippedEvents = skippedEvents
    }

    /// The name of the forecaster that produced the forecast (`local`, `nb2`, …).
    public var forecastModel: String { forecaster?.model.rawValue ?? fit?.kind.rawValue ?? "" }

    /// Whether the regression's own forecast is the one shown.
    public var regressionForecasts: Bool {
        guard let fit else { return false }
        return forecaster.map { $0.model.regressionKind == fit.kind } ?? true
    }

    // MARK: JSON

    public func json() -> JSONValue {
        guard let fit else {
            return .object([
                ("response", .string(responseName)), ("regression", .null),
                ("regressionUnavailable", .string(regressionUnavailable ?? "")),
                ("modelChoice", .object([("forecastModel", .string(forecastModel)),
                                         ("forecastReason", forecaster.map { .string($0.reason) } ?? .null),
                                         ("innerScores", innerScoresJSON)])),
                ("forecastModel", .string(forecastModel)),
                ("trainingWindow", .object([("first", .string("\(trainingWindow.first)")), ("last", .string("\(trainingWindow.last)"))])),
                ("skippedEvents", SkippedEvent.json(skippedEvents)),
                ("dataQuality", dataQuality ?? .null),
            ] + forecastMembers)
        }
        guard case var .object(members) = RegressionReport(fit: fit.regression, response: fit.responseName).json() else {
            preconditionFailure("RegressionReport.json() is an object")
        }
        let choice = fit.modelChoice
        members += [
            ("modelChoice", .object([("model", .string(choice.kind.rawValue)), ("reason", .string(choice.reason)),
                                     ("likelihoodRatio", .finite(choice.likelihoodRatio)), ("pValue", .finite(choice.pValue)),
                                     ("forecastModel", .string(forecastModel)),
                                     ("forecastReason", forecaster.map { .string($0.reason) } ?? .null),
                                     ("innerScores", innerScoresJSON)])),
            ("forecastModel", .string(forecastModel)),
            ("schema", .object([
                ("terms", .array(termDescriptions.map { .string($0) })),
                ("columns", .array(fit.schema.columnNames.map { .string($0) })),
                ("trendOrigin", .string("\(fit.schema.trendOrigin)")),
                ("lagTransform", .string(fit.schema.lagTransform.rawValue)),
            ])),
            ("changepoints", .object([
                ("automatic", .bool(fit.model.automaticChangepoints)),
                ("dates", .array(fit.schema.specification.changepoints.map { .string("\($0)") })),
                ("selected", .array(fit.selectedChangepoints.map { .string("\($0)") })),
            ])),
            ("trainingWindow", .object([("first", .string("\(fit.trainingWindow.first)")), ("last", .string("\(fit.trainingWindow.last)"))])),
            ("droppedDays", .array(fit.droppedDates.map { .string("\($0)") })),
            ("skippedEvents", SkippedEvent.json(skippedEvents)),
            ("dataQuality", dataQuality ?? .null),
            ("diagnostics", .object([
                ("durbinWatson", .finite(fit.diagnostics.durbinWatson)),
                ("unavailableReason", fit.diagnostics.unavailableReason.map { .string($0) } ?? .null),
                ("ljungBox", .array(fit.diagnostics.ljungBox.map {
                    .object([("lag", .integer($0.lag)), ("statistic", .finite($0.statistic)), ("pValue", .finite($0.pValue))])
                })),
            ])),
        ]
        members += forecastMembers
        members.append(("fitted", fittedJSON(fit)))
        return .object(members)
    }

    private var innerScoresJSON: JSONValue {
        forecaster.map { f in .object(f.innerScores.sorted { $0.key < $1.key }.map { ($0.key, .finite($0.value)) }) } ?? .null
    }

    /// The forecast, its method, total, threshold, held-out accuracy and exceedance (with or without a regression).
    private var forecastMembers: [(String, JSONValue)] {
        var members: [(String, JSONValue)] = [
            ("forecast", .array(forecast.days.map { day in
                var fields: [(String, JSONValue)] = [("date", .string("\(day.date)")), ("mean", .finite(day.mean)),
                                                     ("median", .finite(day.median)),
                                                     ("intervals", .array(day.intervals.map(Self.interval)))]
                if let actual = day.actual { fields.append(("actual", .finite(actual))) }
                return .object(fields)
            })),
            ("forecastMethod", methodJSON),
            ("total", totalJSON),
            ("threshold", thresholdJSON),
            ("heldOutAccuracy", heldOutJSON),
        ]
        if !exceedance.isEmpty { members.append(("exceedance", exceedanceJSON)) }
        return members
    }

    private var heldOutJSON: JSONValue {
        guard let accuracy = HeldOutAccuracy(forecast: forecast) else { return .null }
        return .object([
            ("days", .integer(accuracy.days)), ("mae", .finite(accuracy.meanAbsoluteError)),
            ("pinball", .finite(accuracy.pinball)), ("crps", .finite(accuracy.crps)),
            ("coverage", .array(accuracy.coverage.map {
                .object([("level", IntervalLevel.json(percent: $0.level)), ("coverage", .finite($0.coverage))])
            })),
        ])
    }

    /// The fitted value and the response residual of every training day used in the fit.
    private func fittedJSON(_ fit: TimeSeriesFit) -> JSONValue {
        .array(zip(fit.trainingDates, fit.regression.fittedValues).map { date, fitted in
            let y = fit.responseValue(at: date)
            return .object([("date", .string("\(date)")), ("y", .finite(y)), ("fitted", .finite(fitted)),
                            ("residual", .finite(y - fitted))])
        })
    }

    static func interval(_ i: PredictionInterval) -> JSONValue {
        .object([("level", IntervalLevel.json(percent: i.level)),
                 ("lower", .finite(i.lower)), ("upper", .finite(i.upper))])
    }

    private var methodJSON: JSONValue {
        switch forecast.method {
        case .analytic:
            return .object([("kind", .string("analytic")), ("paths", .null), ("seed", .null)])
        case let .simulation(paths, seed):
            return .object([("kind", .string("simulation")), ("paths", .integer(paths)), ("seed", Int(exactly: seed).map { JSONValue.integer($0) } ?? .string(String(seed)))])
        }
    }

    private var totalJSON: JSONValue {
        guard let total = forecast.total() else { return .null }
        return .object([("mean", .finite(total.mean)), ("median", .finite(total.median)),
                        ("intervals", .array(total.intervals.map(Self.interval)))])
    }

    /// `[{"threshold", "daily": [p per day], "anyWithin": {"7": p, "14": p, "<H>": p}}]`.
    private var exceedanceJSON: JSONValue {
        .array(exceedance.map { e in
            .object([("threshold", .finite(e.threshold)), ("daily", .array(e.daily.map { .finite($0) })),
                     ("anyWithin", .object(e.anyWithin.map { ("\($0.days)", .finite($0.probability)) }))])
        })
    }

    private var thresholdJSON: JSONValue {
        guard let threshold else { return .null }
        return .object([
            ("value", .finite(threshold.value)), ("base", .finite(threshold.base)),
            ("alreadyReached", .bool(threshold.alreadyReached)),
            ("probabilityByDate", .array(threshold.probabilityByDate.map {
                .object([("date", .string("\($0.date)")), ("probability", .finite($0.probability))])
            })),
            ("medianCrossingDate", threshold.medianCrossingDate.map { .string("\($0)") } ?? .null),
        ])
    }

    /// The terms in words, as the schema applies them.
    var termDescriptions: [String] {
        guard let fit else { return [] }
        let s = fit.schema.specification
        var terms: [String] = []
        if s.intercept { terms.append("const") }
        if s.trend != .none { terms.append("\(s.trend.rawValue) trend from \(fit.schema.trendOrigin) (years)") }
        if s.dayOfWeek { terms.append("day of week (Monday = reference)") }
        terms += s.fourier.map { "Fourier period \($0.periodLabel) days, order \($0.order)" }
        terms += s.changepoints.map { "trend changepoint \($0)" }
        terms += s.autoregressiveLags.map { "AR lag \($0) (\(fit.schema.lagTransform == .log1p ? "log(1+y)" : "y"))" }
        terms += s.events.map { "event \($0.id) on \($0.date), days \($0.first)..\($0.last)" }
        terms += s.steps.map { "step \($0.id) from \($0.date)" }
        terms += s.regressors.map { "regressor \($0)" }
        return terms
    }

    // MARK: CSV

    /// `date,mean,median,lower_80,upper_80,…[,y]` (y = held-out actuals; the vocabulary of Guides/ForecastFiles.md).
    public func csv() -> String {
        let hasActual = forecast.days.contains { $0.actual != nil }
        var header = ["date", "mean", "median"]
        for level in forecast.levels {
            let label = TextFormat.trimmed(level)
            header += ["lower_\(label)", "upper_\(label)"]
        }
        if hasActual { header.append("y") }  // held-out actuals (Guides/ForecastFiles.md: `score` reads this file)
        var lines = [header.joined(separator: ",")]
        for day in forecast.days {
            var cells = ["\(day.date)", JSONValue.format(day.mean), JSONValue.format(day.median)]
            for i in day.intervals { cells += [JSONValue.format(i.lower), JSONValue.format(i.upper)] }
            if hasActual { cells.append(day.actual.map(JSONValue.format) ?? "") }
            lines.append(cells.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

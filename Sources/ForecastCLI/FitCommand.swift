import ArgumentParser
import Forecast
import Foundation

/// `forecast fit FILE`: fit a daily series with calendar terms and forecast it.
struct FitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fit",
        abstract: "Fit a daily series (trend, day of week, events, …) and forecast it with honest intervals.",
        discussion: """
            With no flags: the response is the file's first value column; terms are const + linear trend + day of \
            week; for counts the forecast comes from the forecaster with the lowest rolling-origin CRPS inside the \
            training data (the local-level ensemble, the regression — NB2 when a likelihood-ratio test finds \
            overdispersion, else Poisson — or a baseline), for other series from least squares; the regression's \
            terms are always shown; 28 days are forecast with 80% and 95% intervals. --from/--to choose the \
            training window; later rows are shown as held-out actuals.
            """
    )

    @OptionGroup var input: InputOptions
    @OptionGroup var terms: TermOptions

    @OptionGroup var modelOptions: ModelOptions

    @Option(parsing: .unconditional, help: "Days to forecast after the last training day.")
    var horizon: Int = 28

    @Option(parsing: .unconditional, help: "Interval levels in percent, comma-separated.")
    var level: String = "80,95"

    @Option(parsing: .unconditional, help: "Simulated paths (count models, AR terms, totals).")
    var paths: Int = 1000

    @Option(parsing: .unconditional, help: "Simulation seed.")
    var seed: UInt64 = 1

    @Option(parsing: .unconditional, help: "For --cumulative series: probability that the running total reaches N by each forecast day.")
    var threshold: Double?

    @Option(help: "Probability of a day with at least N (per day and within 7, 14 and H days), comma-separated N > 0.")
    var exceed: String?

    @Option(help: "Write an SVG chart of history, fit and forecast.")
    var plot: String?

    @Option(help: "Write the components (trend with changepoints, weekly pattern, events) as SVG panels.")
    var components: String?

    @Option(help: "Write the forecast table as CSV.")
    var output: String?

    @Option(help: "Output format: table or json.")
    var format: ReportFormat = .table

    /// The `--level` values in percent (validated in `validate()`).
    var levels: [Double] { ((try? LevelOption.levels(level)) ?? []).map(\.percent) }

    func validate() throws {
        try input.checkValueAll()
        try OptionBounds.check(horizon, "--horizon", in: 1...OptionBounds.maxHorizon, unit: "days")
        _ = try LevelOption.levels(level)
        guard paths >= 1 else { throw ValidationError("--paths must be ≥ 1") }
        try OptionBounds.checkSimulation(rows: horizon, paths: paths, what: "--horizon \(horizon)")
        if let threshold { try OptionBounds.checkFinite(threshold, "--threshold") }
        if threshold != nil && !input.cumulative { throw ValidationError("--threshold requires --cumulative (a running-total series)") }
        if manySeries && (plot != nil || components != nil || threshold != nil || exceed != nil) {
            throw ValidationError("--plot, --components, --threshold and --exceed take one series: give --value once")
        }
        _ = try thresholds
    }

    /// `--exceed N[,M…]`: positive numbers.
    var thresholds: [Double] {
        get throws { try ExceedThresholds.parse(exceed) }
    }

    func run() throws {
        var output = CommandOutput(inputs: [input.file, terms.eventsFile])
        try output.claim(self.output, option: "--output")
        if manySeries { return try runMany(output: &output) }
        try output.claim(plot, option: "--plot")
        try output.claim(components, option: "--components")
        try output.run { output in
            let (report, history) = try reportingFailures(file: input.file) { try makeReport() }
            try output.stage(report.csv(), for: "--output")
            if let reason = report.regressionUnavailable, components != nil {
                printError("error: \(input.file): --components draws the regression's terms, which could not be fitted (\(reason))")
                throw ExitCode(1)
            }
            if plot != nil {
                // With --from the whole training window is shown; without it the plot's default (the last year).
                let window = report.trainingWindow
                let chart = ForecastPlot(title: "\(report.responseName): \(report.forecastModel) \(horizon)-day forecast",
                                         historyDays: input.from == nil ? nil : window.last - window.first + 1)
                // Without the regression (too few days, separation): the history and the forecaster's forecast.
                let svg = report.fit.map {
                    chart.render(fit: $0, forecast: report.forecast, forecaster: report.regressionForecasts ? nil : report.forecastModel)
                } ?? chart.render(history: history, trainingWindow: window, forecast: report.forecast, forecaster: report.forecastModel)
                try output.stage(svg, for: "--plot")
            }
            if components != nil, let fit = report.fit {
                let svg = ComponentsPlot(title: "\(fit.responseName): components of the \(fit.kind.rawValue) fit")
                    .render(fit: fit, forecast: report.forecast)
                try output.stage(svg, for: "--components")
            }
            switch format {
            case .json: output.print(report.json().serialized())
            case .table: output.print(report.summary(), terminator: "")
            }
        }
    }

    /// The report and the response it forecasts (for the chart when the regression could not be fitted).
    private func makeReport() throws -> (FitReport, DatedSeries) {
        let data = try ModelInput(input: input, terms: terms)
        let (series, responseName, response, regressors) = (data.series, data.responseName, data.response, data.regressors)
        let model = TimeSeriesModel(design: data.design, kind: modelOptions.kind, covariance: modelOptions.estimator,
                                    from: data.from, to: data.to,
                                    automaticChangepoints: terms.changepoints?.automatic ?? false)
        let dated = try DatedSeries(series: series, response: responseName, regressors: terms.regressor)
        // The regression is always shown; a forecaster that needs none (auto, local, the baselines) still forecasts
        // when the data defeat the regression itself (`RegressionSkip`), and the summary says why it is not shown.
        let fit: TimeSeriesFit?
        var regressionUnavailable: String? = nil
        do { fit = try model.fit(dated) } catch {
            guard let reason = RegressionSkip.reason(error, model: modelOptions.model) else {
                throw dated.located(error, expected: "a non-negative integer count (--model \(modelOptions.model.rawValue))")
            }
            (fit, regressionUnavailable) = (nil, reason)
        }
        guard let window = fit?.trainingWindow
                ?? DesignSpecification.trainingWindow(series: DateSpan(first: series.start, last: series.end), from: data.from, to: data.to)
        else { throw DataError(.invalid, file: input.file, column: responseName, expected: "training days between --from and --to", found: "none") }
        // Forecast dates must stay dates the reader accepts (years up to 9999).
        if let lastDay = CalendarDate(year: 9999, month: 12, day: 31), lastDay - window.last < horizon {
            throw DataError(.invalid, file: input.file, column: responseName,
                            expected: "a training window ending at least \(horizon) days (--horizon) before 9999-12-31",
                            found: "the last training day \(window.last)")
        }
        // The forecaster (`--model auto` on counts, `local`, the baselines) and its forecast; the regression's own
        // forecast when it is the regression.
        let last = window.last, first = window.first
        let history = DatedSeries(name: responseName, start: first,
                                  values: Array(response[(first - series.start)...(last - series.start)]),
                                  regressors: regressors.mapValues { Array($0[(first - series.start)...]) })
        let settings = ForecastSettings(horizon: horizon, paths: paths, seed: seed)
        let actual = { (date: CalendarDate) -> Double? in
            let t = date - series.start
            return t >= 0 && t < response.count && !response[t].isNaN ? response[t] : nil
        }
        var choice: ForecasterChoice? = nil
        var forecast: ForecastTable
        switch modelOptions.model {
        case .ols, .poisson, .nb2:
            guard let fit else { preconditionFailure("RegressionSkip never skips the regression that forecasts") }
            forecast = try fit.forecast(horizon: horizon, levels: levels, paths: paths, seed: seed, keepPaths: true)
        case .auto:
            let auto = AutoForecaster(regression: model)
            let chosen: (choice: ForecasterChoice, distribution: PredictiveDistribution)
            do { chosen = try auto.chooseAndForecast(history, settings: settings, regressionFit: fit) } catch {
                throw dated.located(error, expected: "a non-negative integer count (--model auto)")
            }
            choice = chosen.choice
            if let fit, chosen.choice.model.regressionKind == fit.kind {
                forecast = try fit.forecast(horizon: horizon, levels: levels, paths: paths, seed: seed, keepPaths: true)
            } else {
                forecast = chosen.distribution.table(levels: levels, seed: seed, actual: actual)
            }
        case .local, .naive, .snaive, .mean28:
            let kind = modelOptions.model.forecaster
            var reason = "chosen explicitly (--model \(kind.rawValue))"
            let distribution: PredictiveDistribution
            if kind == .local {
                let result = LocalLevelEnsemble().fitAndForecast(history, settings: settings)
                distribution = result.distribution
                reason += "; tuning \(result.selection.reason)"
            } else {
                distribution = try kind.forecaster(regression: model).forecast(history, settings: settings)
            }
            choice = ForecasterChoice(model: kind, reason: reason, innerScores: [:], innerOrigins: 0)
            forecast = distribution.table(levels: levels, seed: seed, actual: actual)
        }
        let exceedance = try thresholds.map { threshold in
            PredictiveDistribution(firstDay: last.adding(days: 1), paths: forecast.paths ?? Matrix(rows: horizon, columns: 1, repeating: .nan),
                                   mean: forecast.days.map(\.mean)).exceedance(threshold)
        }
        var crossing: ThresholdCrossing? = nil
        if let threshold {
            // The running total the paths start from: the raw (cumulative) value on the last training day.
            let base = try DailySeries.runningTotal(of: responseName, path: input.file, options: input.ingestOptions(),
                                                    through: last)
            crossing = forecast.threshold(threshold, base: base)
        }
        guard let fit else {
            guard let choice else { preconditionFailure("a forecast without the regression has a forecaster") }
            return (FitReport(forecast: forecast, forecaster: choice, regressionUnavailable: regressionUnavailable ?? "",
                              responseName: responseName, trainingWindow: window, dataQuality: series.quality.json(),
                              qualityWarnings: series.quality.summary().split(separator: "\n").map(String.init),
                              threshold: crossing, exceedance: exceedance, skippedEvents: data.skippedEvents), history)
        }
        return (FitReport(fit: fit, forecast: forecast, dataQuality: series.quality.json(),
                          qualityWarnings: series.quality.summary().split(separator: "\n").map(String.init),
                          threshold: crossing, forecaster: choice, exceedance: exceedance,
                          skippedEvents: data.skippedEvents), history)
    }
}

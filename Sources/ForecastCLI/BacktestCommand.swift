import ArgumentParser
import Forecast
import Foundation

/// `forecast backtest FILE`: rolling-origin evaluation of the `fit` model against naive baselines (the statistics
/// live in the library: `BacktestSpecification.run` and `BacktestResult`).
struct BacktestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backtest",
        abstract: "Rolling-origin backtest: refit (or update) at every origin, score the forecasts against naive baselines.",
        discussion: """
            Origins are --first, then every --step days, --origins of them (default: as many as leave --horizon days \
            of actuals). Each origin is trained on the days from --from (or the series' start; sliding:N → the last N \
            days) through the origin and forecasts origin+1 … origin+H. Least squares without AR terms updates its QR \
            factor instead of refitting; count models warm-start from the previous origin; --refit K|never keeps the \
            estimates between refits. Scores: MAE, RMSE, MASE (each origin's own training scale), pinball loss, \
            coverage and interval score of the central intervals, CRPS (exact for least squares' Student-t forecasts, \
            ensemble CRPS of the simulated paths otherwise); the naive and seasonal-naive (7-day) \
            baselines are scored on the same rows and skill = 1 − S/S_baseline. The step term of `fit` is --step-term.
            """
    )

    @OptionGroup var input: InputOptions
    @OptionGroup var terms: TermOptions

    /// Model and covariance (with `--model auto` the choice is made at every origin).
    @OptionGroup var modelOptions: ModelOptions

    @Option(help: "Compare forecasters on the same origins, comma-separated (auto, local, nb2, poisson, ols, naive, snaive, mean28); --details/--samples then need {model} in the file name.")
    var models: String?

    @Option(help: "Score P(day ≥ N) from the samples: Brier score and reliability table; comma-separated N > 0.")
    var exceed: String?

    @Option(parsing: .unconditional, help: "Days forecast from each origin.")
    var horizon: Int

    @Option(help: "The first origin (last training day), YYYY-MM-DD.")
    var first: DayArgument

    @Option(parsing: .unconditional, help: "Days between origins (default 7).")
    var step: Int = 7

    @Option(parsing: .unconditional, help: "Number of origins (default: as many as leave --horizon days of actuals).")
    var origins: Int?

    @Option(help: "Training window: expanding or sliding:N (the last N days).")
    var trainingWindow: TrainingWindowArgument = TrainingWindowArgument(window: .expanding)

    @Option(help: "Refit cadence: every, K (every K-th origin) or never.")
    var refit: RefitArgument = RefitArgument(cadence: .every)

    @Option(help: "Quantile levels in (0, 1), comma-separated.")
    var quantiles: String = "0.025,0.1,0.5,0.9,0.975"

    @Option(help: "Write every origin's forecasts as CSV (origin,date,h,mean,q_<level>…,y), readable by score.")
    var details: String?

    @Option(help: "Draw CRPS and coverage by horizon per method and the forecast fans at four origins as SVG.")
    var plot: String?

    @Option(help: "Write every origin's predictive samples as CSV (origin,date,h,s0001…).")
    var samples: String?

    @Option(parsing: .unconditional, help: "Predictive samples per day (simulated paths; Student-t draws for least squares).")
    var paths: Int = 1000

    @Option(parsing: .unconditional, help: "Simulation seed (each origin derives its own stream from it).")
    var seed: UInt64 = 1

    @Option(help: "Output format: table or json.")
    var format: ReportFormat = .table

    var levels: [Double] {
        Array(Set(quantiles.split(separator: ",").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) })).sorted()
    }

    func validate() throws {
        try input.checkValueAll()
        try OptionBounds.check(horizon, "--horizon", in: 1...OptionBounds.maxHorizon, unit: "days")
        try OptionBounds.check(step, "--step", in: 1...OptionBounds.maxHorizon, unit: "days")
        if let origins, origins < 1 { throw ValidationError("--origins must be at least 1, got \(origins)") }
        if let origins { try OptionBounds.check(origins, "--origins", in: 1...OptionBounds.maxOrigins) }
        guard paths >= 1 else { throw ValidationError("--paths must be ≥ 1") }
        try OptionBounds.checkSimulation(rows: horizon, paths: paths, what: "--horizon \(horizon)")
        if case let .sliding(days) = trainingWindow.window {
            try OptionBounds.check(days, "--training-window sliding:N", in: 2...OptionBounds.maxTrainingDays, unit: "days")
        }
        if case let .everyK(k) = refit.cadence { try OptionBounds.check(k, "--refit", in: 1...OptionBounds.maxOrigins, unit: "origins") }
        let parsed = quantiles.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard !parsed.isEmpty, parsed.allSatisfy({ $0 != nil }) else {
            throw ValidationError("--quantiles takes levels in (0, 1), e.g. 0.025,0.1,0.5,0.9,0.975")
        }
        for value in parsed.map({ $0! }) where !(value > 0 && value < 1) {
            throw ValidationError("--quantiles values are levels in (0, 1), got \(value)")
        }
        if manySeries && (plot != nil || models != nil || exceed != nil) {
            throw ValidationError("--plot, --models and --exceed take one series: give --value once")
        }
        _ = try thresholds
        if let models {
            // Empty items ("naive,", ",,") are refused as unknown names, as --exceed refuses them.
            let names = models.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            for name in names where ForecasterKind(rawValue: name) == nil {
                throw ValidationError("--models: unknown forecaster '\(name)' (expected \(ForecasterKind.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            guard !names.isEmpty, Set(names).count == names.count else {
                throw ValidationError("--models takes distinct forecaster names, e.g. auto,local,nb2,naive,snaive,mean28")
            }
            if names.count > 1 {
                for (flag, path) in [("--details", details), ("--samples", samples), ("--plot", plot)] where path.map({ !$0.contains("{model}") }) ?? false {
                    throw ValidationError("\(flag) needs {model} in the file name when --models names several forecasters")
                }
            }
        }
        // local and the baselines forecast from the response alone: a regression option would change nothing.
        if forecasterKinds.allSatisfy({ $0 != .auto && $0.regressionKind == nil }) {
            let reason = "changes only a regression, and \(models == nil ? "--model" : "--models") "
                + "\(forecasterKinds.map(\.rawValue).joined(separator: ",")) runs none (they forecast from the response alone)"
            try UnusedOption.refuse(
                terms.regressionTermsGiven.map { UnusedOption($0.given, $0.option, reason) }
                + [UnusedOption(terms.ar != nil, "--ar", reason), UnusedOption(!terms.events.isEmpty, "--event", reason),
                   UnusedOption(terms.eventsFile != nil, "--events", reason), UnusedOption(!terms.regressor.isEmpty, "--regressor", reason),
                   UnusedOption(modelOptions.covariance != .classical, "--covariance", reason)])
        }
    }

    /// `--exceed N[,M…]`: positive numbers.
    var thresholds: [Double] {
        get throws { try ExceedThresholds.parse(exceed) }
    }

    /// The forecasters to run: --models, else --model.
    var forecasterKinds: [ForecasterKind] {
        guard let models else { return [modelOptions.model.forecaster] }
        return models.split(separator: ",").compactMap { ForecasterKind(rawValue: $0.trimmingCharacters(in: .whitespaces)) }
    }

    func run() throws {
        var output = CommandOutput(inputs: [input.file, terms.eventsFile])
        if manySeries {
            try output.claim(details, option: "--details")
            try output.claim(samples, option: "--samples")
            return try runMany(output: &output)
        }
        let kinds = forecasterKinds
        // One claimed path per forecaster ({model} in the name is each forecaster's name).
        let name = { (path: String, model: String) in path.replacingOccurrences(of: "{model}", with: model) }
        let plotted = kinds.count == 1 || plot?.contains("{model}") == true
        for kind in kinds {
            let suffix = kinds.count > 1 ? " (\(kind.rawValue))" : ""
            try output.claim(details.map { name($0, kind.rawValue) }, option: "--details" + suffix)
            try output.claim(samples.map { name($0, kind.rawValue) }, option: "--samples" + suffix)
            if plotted { try output.claim(plot.map { name($0, kind.rawValue) }, option: "--plot" + suffix) }
        }
        try output.run { output in
            let entries = try reportingFailures(file: input.file) { try makeResults(kinds) }
            for entry in entries {
                let prefix = kinds.count > 1 ? "\(entry.name): " : ""
                for failure in entry.result.failedOrigins {
                    printError("warning: \(prefix)origin \(failure.origin): \(failure.reason); forecast with the \(failure.fallback.rawValue) fallback")
                }
                let suffix = kinds.count > 1 ? " (\(entry.name))" : ""
                if details != nil { try output.stage(entry.result.detailsCSV(), for: "--details" + suffix) }
                if samples != nil, let text = entry.result.samplesCSV() { try output.stage(text, for: "--samples" + suffix) }
                if plot != nil && plotted {
                    let title = "Rolling-origin backtest of \(entry.name): \(entry.result.windows.count) origins, horizon \(horizon)"
                    try output.stage(BacktestPlot(title: title).render(entry.result), for: "--plot" + suffix)
                }
            }
            let thresholds = try self.thresholds
            if kinds.count == 1 && models == nil || entries.count == 1 {
                let result = entries[0].result
                switch format {
                case .json:
                    var json = result.json()
                    if !thresholds.isEmpty, case let .object(members) = json {
                        json = .object(members + [("exceedance", result.exceedanceJSON(thresholds))])
                    }
                    output.print(json.serialized())
                case .table:
                    output.print(result.table(), terminator: "")
                    for score in thresholds.compactMap(result.exceedanceScore) { output.print("\n" + score.lines().joined(separator: "\n")) }
                }
                return
            }
            let comparison = BacktestComparison(entries: entries)
            switch format {
            case .json: output.print(comparison.json(exceedance: thresholds).serialized())
            case .table:
                output.print(comparison.table(), terminator: "")
                for entry in entries {
                    for score in thresholds.compactMap(entry.result.exceedanceScore) {
                        output.print("\n\(entry.name): " + score.lines().joined(separator: "\n"))
                    }
                }
            }
        }
    }

    /// - Parameter keptSeries: how many series' results are held at once (`--value` several: all of them), for the
    ///   memory bound on kept samples.
    func makeResults(_ kinds: [ForecasterKind], keptSeries: Int = 1) throws -> [BacktestComparison.Entry] {
        let data = try ModelInput(input: input, terms: terms, lastDay: .data)
        let (series, responseName, from) = (data.series, data.responseName, data.from)
        if samples != nil || exceed != nil {
            // --samples and --exceed keep every origin's paths, for every forecaster and series: bound
            // forecasters × series × origins × horizon × paths by the memory budget.
            let available = max(1, (series.end - first.date - horizon) / step + 1)
            let kept = min(origins ?? available, available)
            let copies = kinds.count * keptSeries
            try OptionBounds.checkSimulation(
                rows: horizon * kept * copies, paths: paths,
                what: "\(samples != nil ? "--samples" : "--exceed") over \(kept) origins of --horizon \(horizon) days" + (copies > 1 ? " for \(copies) forecasters and series" : "")
                    + ", kept in memory")
        }
        // Every data option is applied to the data as known at each origin (`DailySeries.vintage`).
        let vintage = data.vintage()
        let dated = try DatedSeries(series: series, response: responseName, regressors: terms.regressor)
        // Calendar events entirely before the first training day or after the last day of data never enter a fit
        // (ModelInput leaves them out of the design).
        let timeSeriesModel = TimeSeriesModel(design: data.design, kind: modelOptions.kind, covariance: modelOptions.estimator,
                                              from: from, automaticChangepoints: terms.changepoints?.automatic ?? false)
        let specification = BacktestSpecification(
            model: timeSeriesModel, horizon: horizon, firstOrigin: first.date, step: step, origins: origins,
            window: trainingWindow.window, refit: refit.cadence, quantileLevels: levels, paths: paths, seed: seed,
            keepSamples: samples != nil || exceed != nil)
        let trainingValues = Array(dated.values[max(0, (from ?? series.start) - series.start)...])
        if vintage != nil, let kind = kinds.first(where: { $0.regressionKind == nil && ($0 != .auto || AutoForecaster.isCountLike(trainingValues)) }) {
            throw ValidationError("--corrections spread revises earlier days per origin; --model \(kind.rawValue) needs another --corrections mode")
        }
        func backtest(_ kind: ForecasterKind) throws(BacktestError) -> BacktestResult {
            // The regressions keep the regression backtest (updating, warm starts, vintages); `auto` is
            // forecast-driven for counts only (`AutoForecaster.isCountLike`), else the regression's choice.
            if kind.regressionKind != nil || (kind == .auto && !AutoForecaster.isCountLike(trainingValues)) {
                var regression = specification
                regression.model.kind = kind.regressionKind
                return try regression.run(dated, vintage: vintage)
            }
            return try specification.run(forecaster: kind.forecaster(regression: timeSeriesModel), series: dated)
        }
        var entries: [BacktestComparison.Entry] = []
        for kind in kinds {
            let clock = ContinuousClock.now
            let result: BacktestResult
            do throws(BacktestError) {
                result = try backtest(kind)
            } catch {
                switch error {
                case .originOutsideSeries:
                    throw ValidationError("--first: \(error)")
                case .horizonBeyondData:
                    // With --origins given, its count (with --step) placed the late origin; else --first and --horizon.
                    let options = origins.map { "--origins \($0) every --step \(step) days from --first \(first.date)" }
                        ?? "--first \(first.date) with --horizon \(horizon)"
                    throw DataError(.invalid, file: input.file, column: responseName,
                                    expected: "\(horizon) days of actuals after every origin (\(options))", found: "\(error)")
                }
            }
            let elapsed = ContinuousClock.now - clock
            entries.append(BacktestComparison.Entry(
                name: kind.rawValue, result: result,
                seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18))
        }
        return entries
    }
}

/// `--training-window expanding|sliding:N`.
struct TrainingWindowArgument: ExpressibleByArgument {
    let window: BacktestSpecification.TrainingWindow
    init(window: BacktestSpecification.TrainingWindow) { self.window = window }
    init?(argument: String) {
        if argument == "expanding" { window = .expanding; return }
        let parts = argument.split(separator: ":")
        guard parts.count == 2, parts[0] == "sliding", let days = Int(parts[1]), days >= 2 else { return nil }
        window = .sliding(days: days)
    }
    var defaultValueDescription: String { "expanding" }
    static var allValueStrings: [String] { ["expanding", "sliding:N"] }
}

/// `--refit every|K|never`.
struct RefitArgument: ExpressibleByArgument {
    let cadence: BacktestSpecification.RefitCadence
    init(cadence: BacktestSpecification.RefitCadence) { self.cadence = cadence }
    init?(argument: String) {
        switch argument {
        case "every": cadence = .every
        case "never": cadence = .never
        default:
            guard let k = Int(argument), k >= 1 else { return nil }
            cadence = k == 1 ? .every : .everyK(k)
        }
    }
    var defaultValueDescription: String { "every" }
    static var allValueStrings: [String] { ["every", "K", "never"] }
}

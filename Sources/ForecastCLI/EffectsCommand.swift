import ArgumentParser
import Forecast
import Foundation

/// `forecast effects FILE --event DATE:ID …`: did the series respond to triggers, by how much, for how long?
struct EffectsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "effects",
        abstract: "Measure the response of a daily series to trigger events: excess per day and in total, tests.",
        discussion: """
            --design counterfactual (the default) trains a forecaster (--model nb2|poisson|ols|local|naive|snaive|mean28; \
            default NB2 with trend and day of week) only on the --pre days before each trigger (ending --gap days before it), forecasts the window as \
            sample paths and reports observed − counterfactual per day and in total with intervals from the paths, the \
            relative effect, the tail probability and a p-value calibrated on placebo triggers before the trigger \
            (--placebo-range: the whole series). Controls (--control FILE:COL) enter as regressors. \
            --design regression: the baseline is fit's model (same input, window, term, model and covariance options; AR terms are refused). \
            Each trigger gets a response shape (pulse, step, decay with an estimated half-life, or free per-day terms); \
            the excess is μ̂ − μ̂⁰ with the trigger's terms set to zero, other events kept. Leads (negative window \
            offsets) feed a likelihood-ratio pre-trend test; placebo dates give a one-sided p-value.
            """
    )

    @Option(help: "Design: counterfactual (forecast from pre-trigger days only) or regression (in-sample event terms).")
    var design: DesignArgument = .counterfactual

    @Option(parsing: .unconditional, help: "Counterfactual design: pre-trigger training days (fewer are used when the data start later, down to \(CounterfactualDesign.minimumPreDays)).")
    var pre: Int = 180

    @Option(parsing: .unconditional, help: "Counterfactual design: days left out between the training days and the window.")
    var gap: Int = 0

    @Option(help: "Counterfactual design: a control series FILE:COLUMN observed through the window, assumed unaffected (repeatable).")
    var control: [ControlArgument] = []

    @Flag(help: "Counterfactual design: placebo triggers anywhere in the series (default: only before the trigger).")
    var placeboRange = false

    @Flag(help: "Analyse the one trigger over a fixed grid of designs (windows, pre-periods, shapes, covariances); verdict first. With --plot: a specification-curve SVG.")
    var robustness = false

    @Option(help: "Mass barrages as events: a barrage day has ≥ N per day, or (auto) ≥ 3 × the median of the 28 days before; counts triggers followed by one within --within days against all dates (exact permutation p).")
    var barrage: BarrageArgument?

    @Option(parsing: .unconditional, help: "With --barrage: days after a trigger in which a barrage counts.")
    var within: Int = 21

    @OptionGroup var input: InputOptions
    @OptionGroup var terms: TermOptions

    @Option(help: "Response shape: pulse (the window), step (from the window's first day to the end of the data; excess summed over the window), decay (within the window, 0 after its last day) or free.")
    var shape: ShapeArgument = .pulse

    @Option(help: "Pool events of the same kind (from --events) into one term: kind.")
    var pool: PoolArgument?

    @OptionGroup var modelOptions: ModelOptions

    @Option(parsing: .unconditional, help: "Placebo fits (0 turns them off).")
    var placebos: Int = 1000

    @Option(parsing: .unconditional, help: "Date-shift robustness: cumulative excess with the trigger moved by −D..+D days.")
    var shift: Int = 0

    @Option(parsing: .unconditional, help: "Coefficient draws for simulation intervals.")
    var paths: Int = 1000

    @Option(parsing: .unconditional, help: "Seed for draws and placebo dates.")
    var seed: UInt64 = 1

    @Option(parsing: .unconditional, help: "Interval level in percent.")
    var level: Double = 95

    @Option(help: "Intervals of the excess: simulation or delta.")
    var intervalMethod: IntervalArgument = .simulation

    @Option(help: "Output format: table or json.")
    var format: ReportFormat = .table

    @Option(help: "Write an SVG: observed vs counterfactual around each event, and the cumulative excess.")
    var plot: String?

    enum DesignArgument: String, ExpressibleByArgument, CaseIterable { case counterfactual, regression }
    enum ShapeArgument: String, ExpressibleByArgument, CaseIterable { case pulse, step, decay, free }
    enum PoolArgument: String, ExpressibleByArgument, CaseIterable { case kind }
    enum IntervalArgument: String, ExpressibleByArgument, CaseIterable { case simulation, delta }

    func validate() throws {
        if design == .regression && !modelOptions.model.isRegression {
            throw ValidationError("--design regression fits a regression: --model auto, ols, poisson or nb2, got \(modelOptions.model.rawValue)")
        }
        if terms.ar != nil {
            throw ValidationError("AR terms are refused in effects: observed lags would carry the event into the counterfactual")
        }
        if terms.events.isEmpty && terms.eventsFile == nil { throw ValidationError("give triggers with --event DATE:ID or --events FILE") }
        _ = try LevelOption.level(level)
        guard placebos >= 0, shift >= 0, paths >= 1 else { throw ValidationError("--placebos and --shift must be ≥ 0, --paths ≥ 1") }
        try OptionBounds.check(placebos, "--placebos", in: 0...OptionBounds.maxPlacebos)
        try OptionBounds.check(shift, "--shift", in: 0...OptionBounds.maxOffset, unit: "days")
        try OptionBounds.check(paths, "--paths", in: 1...OptionBounds.maxDraws)
        if pool != nil && terms.eventsFile == nil { throw ValidationError("--pool kind pools events from --events FILE") }
        guard within >= 1 else { throw ValidationError("--within must be ≥ 1 day, got \(within)") }
        try OptionBounds.check(within, "--within", in: 1...OptionBounds.maxOffset, unit: "days")
        try UnusedOption.refuse(unusedOptions)
        if design == .counterfactual && barrage == nil {
            guard pre >= CounterfactualDesign.minimumPreDays else {
                throw ValidationError("--pre must be at least \(CounterfactualDesign.minimumPreDays) days, got \(pre)")
            }
            guard gap >= 0 else { throw ValidationError("--gap must be ≥ 0, got \(gap)") }
            try OptionBounds.check(gap, "--gap", in: 0...OptionBounds.maxOffset, unit: "days")
            try OptionBounds.check(pre, "--pre", in: CounterfactualDesign.minimumPreDays...OptionBounds.maxTrainingDays, unit: "days")
            try OptionBounds.checkPlaceboWork(placebos: placebos, paths: paths)
            if robustness && (terms.events.count + (terms.eventsFile == nil ? 0 : 1) != 1 || terms.eventsFile != nil && terms.ids?.contains(",") != false) {
                throw ValidationError("--robustness analyses one trigger: give one --event DATE:ID or --events FILE --ids ID")
            }
        }
        if modelOptions.covariance == .hc2 || modelOptions.covariance == .hc3 {
            throw ValidationError("--covariance \(modelOptions.covariance.rawValue) is not available in effects")
        }
    }

    /// The options each analysis ignores (`UnusedOption`): the barrage test uses only the triggers, `--barrage` and
    /// `--within`; the regression design has no pre-period; the counterfactual design's forecaster has fixed terms
    /// (const, trend, day of week, regressors and controls) and its own training days (`--pre`, `--gap`), so the term
    /// options and `--from/--to` reach only the regression rows of `--robustness`.
    var unusedOptions: [UnusedOption] {
        if barrage != nil {
            let barrageTest = "changes nothing in the --barrage test (it counts barrage days after each trigger)"
            return [UnusedOption(design != .counterfactual, "--design", barrageTest),
                    UnusedOption(pre != 180, "--pre", barrageTest), UnusedOption(gap != 0, "--gap", barrageTest),
                    UnusedOption(!control.isEmpty, "--control", barrageTest), UnusedOption(placeboRange, "--placebo-range", barrageTest),
                    UnusedOption(robustness, "--robustness", barrageTest), UnusedOption(shape != .pulse, "--shape", barrageTest),
                    UnusedOption(pool != nil, "--pool", barrageTest), UnusedOption(modelOptions.model != .auto, "--model", barrageTest),
                    UnusedOption(modelOptions.covariance != .classical, "--covariance", barrageTest),
                    UnusedOption(placebos != 1000, "--placebos", barrageTest), UnusedOption(shift != 0, "--shift", barrageTest),
                    UnusedOption(paths != 1000, "--paths", barrageTest), UnusedOption(level != 95, "--level", barrageTest),
                    UnusedOption(intervalMethod != .simulation, "--interval-method", barrageTest),
                    UnusedOption(plot != nil, "--plot", barrageTest + " and draws no chart"),
                    UnusedOption(!terms.regressor.isEmpty, "--regressor", barrageTest)]
                + terms.regressionTermsGiven.map { UnusedOption($0.given, $0.option, barrageTest) }
        }
        var rules = [UnusedOption(within != 21, "--within", "applies to --barrage only (the days after a trigger in which a barrage counts)"),
                     UnusedOption(placeboRange && placebos == 0, "--placebo-range", "chooses where placebo triggers go, and --placebos 0 turns them off")]
        switch design {
        case .regression:
            let preTrigger = "applies to --design counterfactual (the pre-trigger training days); --design regression fits the whole series"
            rules += [UnusedOption(pre != 180, "--pre", preTrigger), UnusedOption(gap != 0, "--gap", preTrigger),
                      UnusedOption(!control.isEmpty, "--control", "applies to --design counterfactual (the default)"),
                      UnusedOption(placeboRange, "--placebo-range", "applies to --design counterfactual (the default)"),
                      UnusedOption(robustness, "--robustness", "applies to --design counterfactual (the default)")]
        case .counterfactual:
            let regressionOnly = "applies to --design regression (the counterfactual design forecasts from the pre-trigger days)"
            rules += [UnusedOption(shape != .pulse, "--shape", regressionOnly), UnusedOption(pool != nil, "--pool", regressionOnly),
                      UnusedOption(shift > 0, "--shift", regressionOnly),
                      UnusedOption(modelOptions.covariance != .classical, "--covariance", regressionOnly),
                      UnusedOption(intervalMethod != .simulation, "--interval-method", regressionOnly),
                      UnusedOption(plot != nil && !robustness, "--plot (without --robustness)", regressionOnly)]
            if !robustness {
                let fixedTerms = "changes only a regression's terms: the counterfactual design's forecaster has fixed terms " +
                    "(const, trend, day of week) — use --design regression, or --robustness whose regression rows use it"
                let ownDays = "chooses a regression's training window: the counterfactual design trains on --pre days before " +
                    "each trigger — use --design regression, or --robustness whose regression rows use it"
                rules += terms.regressionTermsGiven.map { UnusedOption($0.given, $0.option, fixedTerms) }
                rules += [UnusedOption(input.from != nil, "--from", ownDays), UnusedOption(input.to != nil, "--to", ownDays)]
            }
        }
        return rules
    }

    func run() throws {
        var output = CommandOutput(inputs: [input.file, terms.eventsFile] + control.map(\.file))
        try output.claim(plot, option: "--plot")
        try output.run { output in
            if let barrage {
                let report = try reportingFailures(file: input.file) { try makeBarrageReport(barrage) }
                switch format {
                case .json:
                    output.print(JSONValue.object([("design", .string("barrage")), ("warnings", .array([])),
                                                   ("barrage", report.json())]).serialized())
                case .table: output.print(report.table(), terminator: "")
                }
                return
            }
            if design == .counterfactual {
                let (report, grid) = try reportingFailures(file: input.file) { try makeCounterfactualReport() }
                if plot != nil, let grid {
                    let title = "\(report.result.responseName): '\(grid.trigger.id)' over \(grid.rows.count) specifications"
                    try output.stage(SpecificationCurvePlot(title: title).render(grid), for: "--plot")
                }
                switch format {
                case .json:
                    guard case let .object(members) = report.json() else { preconditionFailure("CounterfactualReport.json() is an object") }
                    output.print(JSONValue.object((grid.map { [("robustness", RobustnessReport(grid: $0).json())] } ?? []) + members).serialized())
                case .table:
                    if let grid { output.print(RobustnessReport(grid: grid).table()) }
                    output.print(report.table(), terminator: "")
                }
                return
            }
            let (report, series, responseName) = try reportingFailures(file: input.file) { try makeReport() }
            if plot != nil {
                let values = try reportingFailures { try series.column(named: responseName) }
                let svg = EffectsPlot(title: "\(responseName): response to events").render(report.result) { date in
                    series.index(of: date).map { values[$0] } ?? .nan
                }
                try output.stage(svg, for: "--plot")
            }
            switch format {
            case .json: output.print(report.json().serialized())
            case .table: output.print(report.table(), terminator: "")
            }
        }
    }

    private func makeReport() throws -> (EffectsReport, DailySeries, String) {
        let data = try ModelInput(input: input, terms: terms)
        let (series, responseName, response, regressors, calendar) =
            (data.series, data.responseName, data.response, data.regressors, data.calendar)
        if shift > 0, let training = DesignSpecification.trainingWindow(series: DateSpan(first: series.start, last: series.end),
                                                                         from: data.from, to: data.to) {
            try OptionBounds.checkShift(shift, trainingWindow: training)
        }
        var design = data.design
        let windows = try analysable(design.events, skipped: data.skippedEvents)
        design.events = []
        let responseShape: EventResponseShape
        switch shape {
        case .pulse: responseShape = .pulse
        case .step: responseShape = .step
        case .decay: responseShape = .decay(halfLife: 7)
        case .free: responseShape = .free
        }
        let triggers: [EventTerm]
        if pool == .kind, let calendar {
            triggers = try EventTerm.pooledByKind(windows, calendar: calendar, shape: responseShape)
        } else {
            triggers = try EventTerm.separate(windows, shape: responseShape)
        }
        let base = TimeSeriesModel(design: design, kind: modelOptions.kind, covariance: modelOptions.estimator,
                                   from: data.from, to: data.to)
        let analysis = EventEffectsAnalysis(model: base, triggers: triggers, placebos: placebos, shift: shift, paths: paths,
                                            seed: seed, level: level,
                                            intervalMethod: intervalMethod == .delta ? .delta : .simulation)
        let result = try analysis.run(DatedSeries(name: responseName, start: series.start, values: response, regressors: regressors))
        var names: [CalendarDate: String] = [:]
        for w in windows { names[w.date] = names[w.date].map { "\($0)+\(w.id)" } ?? w.id }
        return (EffectsReport(result: result, dataQuality: series.quality.json(), skippedEvents: data.skippedEvents,
                              eventNames: names),
                series, responseName)
    }
}

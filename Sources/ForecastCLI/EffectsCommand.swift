import ArgumentParser
import Forecast
import Foundation

/// `forecast effects FILE --event DATE:ID …`: did the series respond to triggers, by how much, for how long?
struct EffectsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "effects",
        abstract: "Measure the response of a daily series to trigger events: excess per day and in total, tests.",
        discussion: """
            The baseline is fit's model (same input, window, term, model and covariance options; AR terms are refused). \
            Each trigger gets a response shape (pulse, step, decay with an estimated half-life, or free per-day terms); \
            the excess is μ̂ − μ̂⁰ with the trigger's terms set to zero, other events kept. Leads (negative window \
            offsets) feed a likelihood-ratio pre-trend test; placebo dates give a one-sided p-value.
            """
    )

    @OptionGroup var input: InputOptions
    @OptionGroup var terms: TermOptions

    @Option(help: "Response shape: pulse, step, decay or free.")
    var shape: ShapeArgument = .pulse

    @Option(help: "Pool events of the same kind (from --events) into one term: kind.")
    var pool: PoolArgument?

    @OptionGroup var modelOptions: ModelOptions

    @Option(help: "Placebo fits (0 turns them off).")
    var placebos: Int = 1000

    @Option(help: "Date-shift robustness: cumulative excess with the trigger moved by −D..+D days.")
    var shift: Int = 0

    @Option(help: "Coefficient draws for simulation intervals.")
    var paths: Int = 1000

    @Option(help: "Seed for draws and placebo dates.")
    var seed: UInt64 = 1

    @Option(help: "Interval level in percent.")
    var level: Double = 95

    @Option(help: "Intervals of the excess: simulation or delta.")
    var intervalMethod: IntervalArgument = .simulation

    @Option(help: "Output format: table or json.")
    var format: ReportFormat = .table

    @Option(help: "Write an SVG: observed vs counterfactual around each event, and the cumulative excess.")
    var plot: String?

    enum ShapeArgument: String, ExpressibleByArgument, CaseIterable { case pulse, step, decay, free }
    enum PoolArgument: String, ExpressibleByArgument, CaseIterable { case kind }
    enum IntervalArgument: String, ExpressibleByArgument, CaseIterable { case simulation, delta }

    func validate() throws {
        if !modelOptions.model.isRegression {
            throw ValidationError("effects fits a regression: --model auto, ols, poisson or nb2, got \(modelOptions.model.rawValue)")
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
        if modelOptions.covariance == .hc2 || modelOptions.covariance == .hc3 {
            throw ValidationError("--covariance \(modelOptions.covariance.rawValue) is not available in effects")
        }
    }

    func run() throws {
        var output = CommandOutput(inputs: [input.file, terms.eventsFile])
        try output.claim(plot, option: "--plot")
        try output.run { output in
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
        var design = data.design
        let windows = design.events
        design.events = []
        let responseShape: EventResponseShape
        switch shape {
        case .pulse: responseShape = .pulse
        case .step: responseShape = .step
        case .decay: responseShape = .decay(halfLife: 7)
        case .free: responseShape = .free
        }
        var triggers: [EventTerm]
        if pool == .kind, let calendar {
            let fromFile = Set(calendar.events.map(\.id))
            let adHoc = windows.filter { !fromFile.contains($0.id) }
            let pooled = windows.filter { fromFile.contains($0.id) }
            let kinds = Dictionary(grouping: pooled) { w in calendar.events.first { $0.id == w.id }?.kind ?? "" }
            triggers = adHoc.map { EventTerm(id: $0.id, dates: [$0.date], first: $0.first, last: $0.last, shape: responseShape) }
            for kind in kinds.keys.sorted() {
                let members = kinds[kind]!
                triggers.append(EventTerm(id: kind, dates: members.map(\.date).sorted(), first: members[0].first,
                                          last: members[0].last, shape: responseShape))
            }
        } else {
            triggers = windows.map { EventTerm(id: $0.id, dates: [$0.date], first: $0.first, last: $0.last, shape: responseShape) }
        }
        let base = TimeSeriesModel(design: design, kind: modelOptions.kind, covariance: modelOptions.estimator,
                                   from: data.from, to: data.to)
        let analysis = EventEffectsAnalysis(model: base, triggers: triggers, placebos: placebos, shift: shift, paths: paths,
                                            seed: seed, level: level,
                                            intervalMethod: intervalMethod == .delta ? .delta : .simulation)
        let result = try analysis.run(start: series.start, response: response, regressors: regressors, responseName: responseName)
        return (EffectsReport(result: result, dataQuality: series.quality.json(), skippedEvents: data.skippedEvents),
                series, responseName)
    }
}

import ArgumentParser
import Forecast

extension EffectsCommand {
    /// The counterfactual design's report: the response and regressors as a `DatedSeries` (controls aligned by
    /// date), the triggers, the calendar's other events (kept out of placebo windows), one library call.
    func makeCounterfactualReport() throws -> (CounterfactualReport, RobustnessGrid?) {
        let data = try ModelInput(input: input, terms: terms)
        var regressors = data.regressors
        let series = data.series
        for control in control {
            var options = IngestOptions()
            options.valueColumns = [control.column]  // a text column is then refused at its first cell, by line
            let other = try DailySeries.ingest(path: control.file, options: options)
            let name = control.column
            if let a = FileIdentity(path: control.file), let b = FileIdentity(path: input.file), a.sameFile(as: b),
               name == data.responseName {
                throw ValidationError("--control \(control.file):\(name) is the response itself; a control must be another series")
            }
            guard regressors[name] == nil else {
                throw ValidationError("--control \(control.file):\(name): a regressor named '\(name)' is already in use")
            }
            // Aligned with the response's first day; NaN where the control has no row (reported if the design needs it).
            regressors[name] = try other.column(named: name, from: series.start, atLeast: series.dayCount)
        }
        let dated = DatedSeries(name: data.responseName, start: series.start, values: data.response, regressors: regressors)
        let range = terms.window ?? WindowArgument(first: 0, last: 13)
        // auto and the regression kinds: the NB2 (or the named) regression with trend and day of week — fixed rather
        // than chosen by inner validation, because every placebo trigger refits it; the other forecasters by name.
        let regression = CounterfactualDesign.defaultForecaster(kind: modelOptions.kind ?? .nb2,
                                                                regressors: regressors.keys.sorted())
        let forecaster = modelOptions.model.isRegression
            ? regression : modelOptions.model.forecaster.forecaster(regression: regression.model)
        let design = CounterfactualDesign(forecaster: forecaster, preDays: pre, gapDays: gap, paths: paths, seed: seed,
                                          level: level, placebos: placebos,
                                          placeboRange: placeboRange ? .wholeSeries : .prePeriod)
        // Calendar events the design cannot analyse are skipped and listed, as events outside the data are; an
        // --event given by hand stays an error.
        var skipped = data.skippedEvents
        let fromCalendar = Set(data.calendar?.events.map(\.id) ?? []).subtracting(terms.events.map(\.window.id))
        let triggers = try analysable(data.design.events.filter { window in
            guard fromCalendar.contains(window.id), let error = design.unanalysable(dated, window: window) else { return true }
            skipped.append(SkippedEvent(id: window.id, date: window.date, window: window.span, reason: "\(error)"))
            return false
        }, skipped: skipped)
        // The calendar's other events (skipped ones included) are kept out of placebo windows.
        let ids = Set(triggers.map(\.id))
        let others = (data.calendar?.events ?? []).filter { !ids.contains($0.id) }
            .map { EventWindow(id: $0.id, date: $0.date, first: 0, last: max(range.last, 0)) }
        let result = try runNamingControls(design, dated, triggers: triggers, others: others)
        var grid: RobustnessGrid? = nil
        if robustness, let trigger = triggers.first {
            var baseline = data.design
            baseline.events = []
            // A press-dated decision (kind `policy` in the calendar) is news on day 0: its windows start on day 1.
            let pressDated = data.calendar?.events.first { $0.id == trigger.id }?.kind == "policy"
            grid = RobustnessGrid.run(dated, trigger: trigger, pressDated: pressDated, counterfactual: design,
                                      regression: TimeSeriesModel(design: baseline, kind: modelOptions.kind, from: data.from, to: data.to),
                                      otherEvents: others)
        }
        return (CounterfactualReport(result: result, dataQuality: series.quality.json(), skippedEvents: skipped), grid)
    }

    /// Runs the design; a control missing a day the design needs is the control file's fault, so the error names it
    /// and the option rather than the input.
    private func runNamingControls(_ design: CounterfactualDesign, _ series: DatedSeries, triggers: [EventWindow],
                                   others: [EventWindow]) throws -> CounterfactualEffects {
        switch Result(catching: { () throws(ModelError) in try design.run(series, triggers: triggers, otherEvents: others) }) {
        case .success(let effects): return effects
        case .failure(.regressorUnavailable(let name, let date)):
            if let file = control.first(where: { $0.column == name })?.file {
                throw DataError(.missingValue, file: file, column: name,
                                expected: "a value on \(date) for --control (every training and window day)")
            }
            throw ModelError.regressorUnavailable(name: name, date: date)
        case .failure(.unusableScale(let name?, let largest, let day)) where control.contains(where: { $0.column == name }):
            let file = control.first { $0.column == name }!.file
            throw DataError(.outOfDomain, file: file, column: name,
                            expected: "--control values within 1e-150 … 1e150 (their squares must not under- or overflow)",
                            found: "|value| \(largest)\(day.map { " on \($0)" } ?? "")")
        case .failure(let error): throw error
        }
    }
}

/// `FILE:COLUMN` — a control series for the counterfactual design.
struct ControlArgument: ExpressibleByArgument {
    let file: String
    let column: String
    init?(argument: String) {
        guard let colon = argument.lastIndex(of: ":") else { return nil }
        file = String(argument[..<colon])
        column = String(argument[argument.index(after: colon)...])
        guard !file.isEmpty, !column.isEmpty else { return nil }
    }
}

extension EffectsCommand {
    /// The barrage test over the triggers given (`--event`, or `--events FILE` with `--kind`/`--ids`).
    func makeBarrageReport(_ argument: BarrageArgument) throws -> BarrageReport {
        let data = try ModelInput(input: input, terms: terms)
        let series = DatedSeries(name: data.responseName, start: data.series.start, values: data.response)
        let test = BarrageTest(threshold: argument.threshold, within: within)
        let windows = try analysable(data.design.events, skipped: data.skippedEvents)
        let result = try test.run(series, triggers: windows.map { ($0.id, $0.date) })
        return BarrageReport(result: result, responseName: data.responseName)
    }
}

extension EffectsCommand {
    /// `windows`, unless every selected event was skipped: then a data error naming the events file and why each
    /// was left out (instead of the library's "no trigger given").
    func analysable(_ windows: [EventWindow], skipped: [SkippedEvent]) throws -> [EventWindow] {
        guard windows.isEmpty, !skipped.isEmpty else { return windows }
        throw DataError(.invalid, file: terms.eventsFile ?? input.file,
                        expected: "at least one selected event the analysis can use",
                        found: "every one skipped: " + skipped.map { "\($0.summary): \($0.reason)" }.joined(separator: "; "))
    }
}

/// `auto` or a number N ≥ 1.
struct BarrageArgument: ExpressibleByArgument {
    let threshold: BarrageTest.Threshold
    init?(argument: String) {
        if argument == "auto" { threshold = .automatic; return }
        guard let n = Double(argument), n >= 1, n.isFinite else { return nil }
        threshold = .atLeast(n)
    }
}

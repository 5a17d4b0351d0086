import Forecast

/// The series a modelling command (`fit`, `effects`) works on, read once from the input and term options: the file
/// ingested with --from/--to cleared (they choose the training window, not the rows read, so lags and held-out
/// actuals stay available), the response (`--value` or the first value column), the regressors, and the design terms
/// (events from `--events FILE` filtered by `--kind`/`--ids`; those whose window has no day in the training window are
/// left out and listed in `skippedEvents`, while an event given with `--event` must touch the training data).
struct ModelInput {
    let series: DailySeries
    let responseName: String
    let response: [Double]
    let regressors: [String: [Double]]
    let design: DesignSpecification
    let calendar: EventCalendar?
    /// Calendar events left out because their windows miss the training window.
    let skippedEvents: [SkippedEvent]
    let from: CalendarDate?
    let to: CalendarDate?

    init(input: InputOptions, terms: TermOptions) throws {
        var options = try input.ingestOptions(regressors: terms.regressor)
        from = options.from
        to = options.to
        options.from = nil
        options.to = nil
        series = try DailySeries.ingest(path: input.file, options: options)
        responseName = try input.responseName(in: series, regressors: terms.regressor)
        response = try series.column(named: responseName)
        var regressors: [String: [Double]] = [:]
        for name in terms.regressor { regressors[name] = try series.column(named: name) }
        self.regressors = regressors
        calendar = try terms.eventsFile.map { try EventCalendar.read(contentsOf: $0) }
        try EventSelection.check(terms, calendar: calendar)
        let full = terms.specification(calendar: calendar?.events.map { ($0.id, $0.date, $0.kind) } ?? []).0
        let fromCalendar = Set(calendar?.events.map(\.id) ?? []).subtracting(terms.events.map(\.window.id))
        if let training = DesignSpecification.trainingWindow(series: DateSpan(first: series.start, last: series.end),
                                                             from: from, to: to) {
            (design, skippedEvents) = full.droppingEvents(outside: training, among: fromCalendar)
        } else {
            (design, skippedEvents) = (full, [])
        }
    }
}

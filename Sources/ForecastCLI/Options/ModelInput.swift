import Forecast

/// The series a modelling command (`fit`, `effects`, `backtest`) works on, read once from the input and term options:
/// the file ingested with --from cleared, and --to too unless it ends the data (``LastDay``) — they choose the training
/// window, not the rows read, so lags and held-out actuals stay available — the response (`--value` or the first value column), the regressors, and the design terms
/// (events from `--events FILE` filtered by `--kind`/`--ids`; those whose window has no day in the training window are
/// left out and listed in `skippedEvents`, while an event given with `--event` must touch the training data).
struct ModelInput {
    /// What `--to` means for the command.
    enum LastDay {
        /// The last training day (`fit`, `effects`): later rows are still read, for held-out actuals.
        case training
        /// The last day of data (`backtest`): no origin or actual lies after it.
        case data
    }

    let series: DailySeries
    let responseName: String
    let response: [Double]
    let regressors: [String: [Double]]
    let design: DesignSpecification
    let calendar: EventCalendar?
    /// Calendar events left out because their windows miss the training window.
    let skippedEvents: [SkippedEvent]
    let from: CalendarDate?
    /// The last training day when `--to` is `.training` (nil under `.data`: the series ends there).
    let to: CalendarDate?
    /// The parsed file and the options the series was ingested with (for ``vintage()``).
    private let table: CSVTable
    private let tableFormat: DataQualityReport.InputFormat
    private let ingestOptions: IngestOptions

    init(input: InputOptions, terms: TermOptions, lastDay: LastDay = .training) throws {
        var options = try input.ingestOptions(regressors: terms.regressor)
        from = options.from
        options.from = nil
        if lastDay == .training {
            to = options.to
            options.to = nil
        } else {
            to = nil
        }
        ingestOptions = options
        (table, tableFormat) = try DailySeries.readTable(path: input.file)
        series = try DailySeries.ingest(table: table, options: options, format: tableFormat)
        responseName = try input.responseName(in: series, regressors: terms.regressor)
        response = try series.column(named: responseName)
        var regressors: [String: [Double]] = [:]
        for name in terms.regressor { regressors[name] = try series.column(named: name) }
        self.regressors = regressors
        calendar = try terms.eventsFile.map { try EventCalendar.read(contentsOf: $0) }
        try EventSelection.check(terms, calendar: calendar)
        let full = terms.specification(calendar: calendar?.events.map { ($0.id, $0.date, $0.kind) } ?? [])
        let fromCalendar = Set(calendar?.events.map(\.id) ?? []).subtracting(terms.events.map(\.window.id))
        if let training = DesignSpecification.trainingWindow(series: DateSpan(first: series.start, last: series.end),
                                                             from: from, to: to) {
            (design, skippedEvents) = full.droppingEvents(outside: training, among: fromCalendar)
        } else {
            (design, skippedEvents) = (full, [])
        }
    }

    /// The response as known at each backtest origin, when the ingest options revise earlier days (`--corrections
    /// spread`); nil otherwise (`DailySeries.vintage`: every data option applied to the rows known then).
    func vintage() -> (@Sendable (CalendarDate) -> [Double]?)? {
        DailySeries.vintage(of: responseName, table: table, options: ingestOptions, format: tableFormat, start: series.start)
    }
}

import ArgumentParser
import Forecast

/// Design-term options shared by `fit`, `effects` and `backtest`: each flag changes only its own term.
/// Defaults: const + linear trend + day of week; nothing else is added implicitly.
struct TermOptions: ParsableArguments {
    @Option(help: "Trend: none, linear or quadratic (trend = years since the first training day).")
    var trend: TrendArgument = .linear

    @Flag(inversion: .prefixedNo, help: "Day-of-week terms dow_tue … dow_sun (Monday is the reference).")
    var dayOfWeek = true

    @Flag(help: "Leave out the constant term.")
    var noIntercept = false

    @Option(help: "Fourier seasonality PERIOD:ORDER (e.g. 365.25:3; repeatable).")
    var fourier: [FourierArgument] = []

    @Option(help: "Trend changepoints DATE,DATE,… (hinge terms cp_DATE), or auto (forward selection by BIC, ≥ 60 days apart).")
    var changepoints: ChangepointsArgument?

    @Option(parsing: .unconditional, help: "AR lags LAG,LAG,… in days on the response (log(1+y) for count models).")
    var ar: IntegerListArgument?

    @Option(name: .customLong("event"), help: "Event window DATE:ID[:FIRST..LAST] (default 0..13; e.g. 2024-08-06:kursk:-7..30 for leads; repeatable).")
    var events: [EventArgument] = []

    @Option(name: .customLong("events"), help: "Events calendar CSV (id, date, kind, … as datasets/events.csv).")
    var eventsFile: String?

    @Option(parsing: .unconditional, help: "Window FIRST..LAST for every event without its own (default 0..13; e.g. -7..30 for leads).")
    var window: WindowArgument?

    @Option(help: "Only events of this kind from --events.")
    var kind: String?

    @Option(help: "Only these event ids from --events (comma-separated).")
    var ids: String?

    @Option(name: .customLong("step-term"), help: "Level shift DATE:ID (step_ID = 1 from DATE on; repeatable).")
    var steps: [StepArgument] = []

    @Option(help: "A numeric column of the file entered as it is (repeatable).")
    var regressor: [String] = []

    /// The ids `--ids` lists, in its order, each trimmed (nil without `--ids`).
    var listedIDs: [String]? {
        ids.map { $0.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) } }
    }

    /// The calendar ids `--ids` selects (nil: every event of `--kind`, or all).
    var wantedIDs: Set<String>? { listedIDs.map(Set.init) }

    /// The specification these options describe: the `--event` windows, then the calendar's events filtered by
    /// `--kind`/`--ids` (`EventWindow.windows(calendar:kind:ids:offsets:)`), all with `--window` unless given their
    /// own. No event is dropped here: events outside the training window are dropped later, by
    /// `DesignSpecification.droppingEvents(outside:among:)` in `ModelInput`, and reported by the fit.
    func specification(calendar: [(id: String, date: CalendarDate, kind: String)]) -> DesignSpecification {
        let range = window ?? WindowArgument(first: 0, last: 13)
        var windows = events.map { $0.explicitWindow ? $0.window
            : EventWindow(id: $0.window.id, date: $0.window.date, first: range.first, last: range.last) }
        windows += EventWindow.windows(calendar: calendar, kind: kind, ids: wantedIDs, offsets: range.first...range.last)
        return DesignSpecification(intercept: !noIntercept, trend: trend.trend, dayOfWeek: dayOfWeek,
                                   fourier: fourier.map(\.term), changepoints: changepoints?.dates ?? [],
                                   autoregressiveLags: ar?.values ?? [], events: windows,
                                   steps: steps.map(\.term), regressors: regressor)
    }

    func validate() throws {
        try UnusedOption.refuse(unusedEventOptions)
        if let listed = listedIDs, listed.allSatisfy(\.isEmpty) {
            throw ValidationError("--ids names no event id (it would select none of --events); give ids, e.g. --ids a,b, or leave it out")
        }
        if let twice = regressor.first(where: { name in regressor.filter { $0 == name }.count > 1 }) {
            throw ValidationError("--regressor \(twice) is given twice")
        }
        let ids = events.map(\.window.id)
        if let duplicate = ids.first(where: { id in ids.filter { $0 == id }.count > 1 }) {
            throw ValidationError("--event id '\(duplicate)' is used twice")
        }
        let windows = events.map { "\($0.window.date) \($0.window.first) \($0.window.last)" }
        if Set(windows).count != windows.count {
            throw ValidationError("two --event options have identical windows: their effects cannot be told apart")
        }
        if let lags = ar?.values, lags.contains(where: { $0 < 1 }) { throw ValidationError("--ar lags must be ≥ 1") }
        for lag in ar?.values ?? [] { try OptionBounds.check(lag, "--ar", in: 1...OptionBounds.maxOffset, unit: "days") }
        if let lags = ar?.values, Set(lags).count != lags.count { throw ValidationError("--ar lists a lag twice") }
        let offsets = -OptionBounds.maxOffset...OptionBounds.maxOffset
        for event in events {
            try OptionBounds.check(event.window.first, "--event \(event.window.id) window start", in: offsets, unit: "days")
            try OptionBounds.check(event.window.last, "--event \(event.window.id) window end", in: offsets, unit: "days")
        }
        if let window {
            try OptionBounds.check(window.first, "--window start", in: offsets, unit: "days")
            try OptionBounds.check(window.last, "--window end", in: offsets, unit: "days")
        }
        for term in fourier.map(\.term) {
            let periods = OptionBounds.fourierPeriods
            guard periods.contains(term.period) else {
                throw ValidationError("--fourier period must be in \(TextNumber.format(periods.lowerBound))...\(TextNumber.format(periods.upperBound)) days, got \(term.period)")
            }
            let highest = Int((term.period / 2).rounded(.down))
            try OptionBounds.check(term.order, "--fourier \(term.periodLabel) order", in: 1...highest,
                                   unit: "(each harmonic's period \(term.periodLabel)/k must be at least 2 days)")
        }
        var seen = Set<CalendarDate>()
        for date in changepoints?.dates ?? [] where !seen.insert(date).inserted {
            throw ValidationError("--changepoints lists \(date) twice")
        }
    }
}

enum TrendArgument: String, ExpressibleByArgument, CaseIterable {
    case none, linear, quadratic
    var trend: DesignSpecification.Trend { DesignSpecification.Trend(rawValue: rawValue)! }
}

struct FourierArgument: ExpressibleByArgument {
    let term: FourierTerm
    init?(argument: String) {
        let parts = argument.split(separator: ":")
        guard parts.count == 2, let period = Double(parts[0]), period > 0, let order = Int(parts[1]), order >= 1 else { return nil }
        term = FourierTerm(period: period, order: order)
    }
}

/// `--changepoints auto` or `DATE,DATE,…`.
struct ChangepointsArgument: ExpressibleByArgument {
    let automatic: Bool
    let dates: [CalendarDate]
    init?(argument: String) {
        if argument == "auto" {
            automatic = true
            dates = []
            return
        }
        guard let list = DateListArgument(argument: argument) else { return nil }
        automatic = false
        dates = list.dates
    }
}

struct DateListArgument: ExpressibleByArgument {
    let dates: [CalendarDate]
    init?(argument: String) {
        let parsed = argument.split(separator: ",").map { CalendarDate(iso: String($0).trimmingCharacters(in: .whitespaces)) }
        guard !parsed.isEmpty, parsed.allSatisfy({ $0 != nil }) else { return nil }
        dates = parsed.map { $0! }
    }
}

struct IntegerListArgument: ExpressibleByArgument {
    let values: [Int]
    init?(argument: String) {
        let parsed = argument.split(separator: ",").map { Int(String($0).trimmingCharacters(in: .whitespaces)) }
        guard !parsed.isEmpty, parsed.allSatisfy({ $0 != nil }) else { return nil }
        values = parsed.map { $0! }
    }
}

/// `FIRST..LAST` day offsets.
struct WindowArgument: ExpressibleByArgument {
    let first: Int
    let last: Int
    init(first: Int, last: Int) { (self.first, self.last) = (first, last) }
    init?(argument: String) {
        let parts = argument.components(separatedBy: "..")
        guard parts.count == 2, let first = Int(parts[0]), let last = Int(parts[1]), first <= last else { return nil }
        (self.first, self.last) = (first, last)
    }
}

/// `DATE:ID[:FIRST..LAST]`.
struct EventArgument: ExpressibleByArgument {
    let window: EventWindow
    /// Whether FIRST..LAST was written (else `--window` or 0..13 applies).
    let explicitWindow: Bool
    init?(argument: String) {
        let parts = argument.split(separator: ":", maxSplits: 2).map(String.init)
        guard parts.count >= 2, let date = CalendarDate(iso: parts[0]), !parts[1].isEmpty,
              parts[1].allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else { return nil }
        var range = WindowArgument(first: 0, last: 13)
        explicitWindow = parts.count == 3
        if parts.count == 3 {
            guard let parsed = WindowArgument(argument: parts[2]) else { return nil }
            range = parsed
        }
        window = EventWindow(id: parts[1], date: date, first: range.first, last: range.last)
    }
}

/// `DATE:ID`.
struct StepArgument: ExpressibleByArgument {
    let term: StepTerm
    init?(argument: String) {
        let parts = argument.split(separator: ":").map(String.init)
        guard parts.count == 2, let date = CalendarDate(iso: parts[0]), !parts[1].isEmpty else { return nil }
        term = StepTerm(id: parts[1], date: date)
    }
}

import ArgumentParser
import Forecast

/// Event calendar options: a calendar file (the events.csv format) and/or ad-hoc `DATE:ID` events.
struct EventOptions: ParsableArguments {
    @Option(name: .customLong("events"), help: "Events calendar CSV (id, date, kind, ... as datasets/events.csv).")
    var eventsFile: String?

    @Option(name: .customLong("event"), help: "An ad-hoc event DATE:ID, e.g. 2024-08-06:kursk-incursion (repeatable).")
    var adHoc: [String] = []

    /// The calendar, or nil when no event option was given (data errors are `DataError`).
    func calendar() throws -> EventCalendar? {
        if eventsFile == nil && adHoc.isEmpty { return nil }
        let extra = try EventCalendar.adHoc(adHoc)
        if let eventsFile { return try EventCalendar.read(contentsOf: eventsFile).adding(extra) }
        return try EventCalendar(events: extra)
    }
}

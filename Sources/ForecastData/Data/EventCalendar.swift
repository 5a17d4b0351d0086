// EventCalendar — dated trigger/response events (datasets/raw/events/events.csv) and ad-hoc `DATE:ID` events.
//
// Format rules (the events.csv format, see its SOURCE.md):
//  1. A CSV file with a header; required columns `id` and `date`; optional `kind`, `actor`, `title`, `description`,
//     `related_to`, `certainty`, `source` (missing ones read as empty; other columns are ignored).
//  2. `id`: a non-empty slug of ASCII letters, digits, `-`, `_`, `.`; unique in the calendar (including ad-hoc
//     events). `date`: `YYYY-MM-DD` (a calendar day, Kyiv time by the dataset's convention).
//  3. `related_to`, when not empty, must be the id of an event in the same file.
//  4. Ad-hoc events are `DATE:ID`, e.g. `2024-08-06:kursk-incursion` (kind, actor and text empty).
//  5. Events outside a series' days are not an error when read: ``outside(_:)`` lists them (the quality report
//     notes them); ``requireWithin(_:)`` makes them one when a caller needs every event inside.

/// One dated event of a calendar.
import ForecastCore
public struct Event: Sendable, Equatable {
    /// Unique slug, e.g. `kursk-incursion`.
    public let id: String
    /// First day of the event.
    public let date: CalendarDate
    /// `trigger`, `response`, `policy`, `other` in the shipped calendar (free text; empty for ad-hoc events).
    public let kind: String
    public let actor: String
    public let title: String
    public let description: String
    /// For a response: the id of the trigger it is said to answer; nil otherwise.
    public let relatedTo: String?
    public let certainty: String
    public let source: String
    /// The file line it was read from; nil for an ad-hoc event.
    public let line: Int?

    public init(id: String, date: CalendarDate, kind: String = "", actor: String = "", title: String = "",
                description: String = "", relatedTo: String? = nil, certainty: String = "", source: String = "",
                line: Int? = nil) {
        (self.id, self.date, self.kind, self.actor, self.title, self.description) = (id, date, kind, actor, title, description)
        (self.relatedTo, self.certainty, self.source, self.line) = (relatedTo, certainty, source, line)
    }
}

/// A validated list of events with unique ids, in input order (file rows, then ad-hoc events).
public struct EventCalendar: Sendable {
    /// The events, in input order.
    public let events: [Event]
    /// The file they came from, if any (for error messages).
    public let source: String?

    /// Reads an events file (format rules at the top of EventCalendar.swift).
    public static func read(contentsOf path: String) throws(DataError) -> EventCalendar {
        try EventCalendar(table: CSVReader.read(contentsOf: path))
    }

    /// Validates the rows of a parsed events table.
    public init(table: CSVTable) throws(DataError) {
        let idColumn = try table.columnIndex(named: "id")
        let dateColumn = try table.columnIndex(named: "date")
        let optional = ["kind", "actor", "title", "description", "related_to", "certainty", "source"]
            .map { name in table.header.firstIndex(of: name) }
        func text(_ row: Int, _ k: Int?) -> String { k.map { table.cell(row: row, column: $0).trimmingASCIIWhitespace() } ?? "" }
        var events: [Event] = []
        for row in 0..<table.rowCount {
            let line = table.line(ofRow: row)
            let id = text(row, idColumn)
            try EventCalendar.checkID(id, file: table.source, line: line)
            let dateText = text(row, dateColumn)
            guard let date = CalendarDate(iso: dateText) else {
                throw DataError(dateText.isEmpty ? .missingValue : .invalidDate, file: table.source, line: line,
                                column: "date", expected: "a date (YYYY-MM-DD)",
                                found: dateText.isEmpty ? "an empty cell" : "'\(dateText)'")
            }
            let related = text(row, optional[4])
            events.append(Event(id: id, date: date, kind: text(row, optional[0]), actor: text(row, optional[1]),
                                title: text(row, optional[2]), description: text(row, optional[3]),
                                relatedTo: related.isEmpty ? nil : related, certainty: text(row, optional[5]),
                                source: text(row, optional[6]), line: line))
        }
        try self.init(events: events, source: table.source)
    }

    /// A calendar of the given events; throws on a repeated id or a `relatedTo` that names no event.
    public init(events: [Event], source: String? = nil) throws(DataError) {
        var firstOf: [String: Event] = [:]
        for event in events {
            if let first = firstOf[event.id] {
                throw DataError(.invalid, file: event.line == nil ? nil : source, line: event.line,
                                column: event.line == nil ? nil : "id", expected: "a unique event id",
                                found: "'\(event.id)' again (first " + (first.line.map { "on line \($0)" } ?? "given as {0}") + ")",
                                settings: first.line == nil ? [.adHocEvents] : [])
            }
            firstOf[event.id] = event
        }
        for event in events {
            if let related = event.relatedTo, firstOf[related] == nil {
                throw DataError(.invalid, file: source, line: event.line, column: "related_to",
                                expected: "the id of an event in the calendar", found: "'\(related)'")
            }
        }
        self.events = events
        self.source = source
    }

    /// Parses ad-hoc `DATE:ID` specifications (e.g. `2024-08-06:kursk-incursion`, from `--event`); an error names the
/// setting ``SettingError/Setting/adHocEvents``.
    public static func adHoc(_ specifications: [String]) throws(DataError) -> [Event] {
        var events: [Event] = []
        for spec in specifications {
            let parts = spec.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, let date = CalendarDate(iso: String(parts[0])) else {
                throw DataError(.invalidDate, expected: "{0} DATE:ID with DATE as YYYY-MM-DD (e.g. 2024-08-06:kursk-incursion)",
                                found: "'\(spec)'", settings: [.adHocEvents])
            }
            let id = String(parts[1]).trimmingASCIIWhitespace()
            try checkID(id, file: nil, line: nil)
            events.append(Event(id: id, date: date))
        }
        return events
    }

    /// This calendar plus `more` events (ids must stay unique).
    public func adding(_ more: [Event]) throws(DataError) -> EventCalendar {
        try EventCalendar(events: events + more, source: source)
    }

    /// The event with this id, if any.
    public func event(id: String) -> Event? { events.first { $0.id == id } }

    /// Events whose date is outside `span`, in calendar order.
    public func outside(_ span: DateSpan) -> [Event] { events.filter { !span.contains($0.date) } }

    /// Throws `.outOfDomain` for the first event outside `span` (line and column `date` for file events).
    public func requireWithin(_ span: DateSpan) throws(DataError) {
        guard let event = outside(span).first else { return }
        throw DataError(.outOfDomain, file: event.line == nil ? nil : source, line: event.line,
                        column: event.line == nil ? nil : "date", expected: "a date within the series (\(span))",
                        found: "\(event.date) (event '\(event.id)')")
    }

    private static func checkID(_ id: String, file: String?, line: Int?) throws(DataError) {
        let allowed = id.unicodeScalars.allSatisfy {
            $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" || $0 == ".")
        }
        guard !id.isEmpty, allowed else {
            throw DataError(id.isEmpty ? .missingValue : .invalid, file: file, line: line, column: line == nil ? nil : "id",
                            expected: "an event id of ASCII letters, digits, '-', '_' or '.'",
                            found: id.isEmpty ? "an empty id" : "'\(id)'")
        }
    }
}

/// A calendar event left out of an analysis, with the reason: by default its window has no day in the training window
/// (an event from a calendar file that predates or postdates the data); the counterfactual design also skips calendar
/// events it cannot analyse (too few days with data before them, a window past the data). Events given one by one are
/// never skipped: an explicit event the analysis cannot use stays an error.
import ForecastCore
import ForecastData
public struct SkippedEvent: Sendable, Equatable {
    /// The event's id.
    public let id: String
    /// The trigger day.
    public let date: CalendarDate
    /// The days its window covers.
    public let window: DateSpan
    /// Why it was left out.
    public let reason: String

    /// The reason of events outside the training window.
    public static let outsideTraining = "no day of its window is in the training window"

    public init(id: String, date: CalendarDate, window: DateSpan, reason: String = SkippedEvent.outsideTraining) {
        (self.id, self.date, self.window, self.reason) = (id, date, window, reason)
    }

    /// "id (date, window first..last)".
    public var summary: String { "\(id) (\(date), window \(window))" }
}

extension DesignSpecification {
    /// The training window a model with this design fits on: `from`/`to` clipped to the series' days, or nil when
    /// they do not overlap (the fit then reports that).
    public static func trainingWindow(series: DateSpan, from: CalendarDate?, to: CalendarDate?) -> DateSpan? {
        let first = max(from ?? series.first, series.first), last = min(to ?? series.last, series.last)
        return first <= last ? DateSpan(first: first, last: last) : nil
    }

    /// This design without the events among `candidates` (ids) whose windows have no day in `training`, and those
    /// events in design order. O(events).
    public func droppingEvents(outside training: DateSpan, among candidates: Set<String>) -> (DesignSpecification, skipped: [SkippedEvent]) {
        var kept = self
        var skipped: [SkippedEvent] = []
        kept.events = events.filter { event in
            let span = event.span
            guard candidates.contains(event.id), span.last < training.first || span.first > training.last else { return true }
            skipped.append(SkippedEvent(id: event.id, date: event.date, window: span))
            return false
        }
        return (kept, skipped)
    }
}

extension SkippedEvent {
    /// JSON of skipped events: [{`id`, `date`, `first`, `last`, `reason`}].
    public static func json(_ skipped: [SkippedEvent]) -> JSONValue {
        .array(skipped.map {
            .object([("id", .string($0.id)), ("date", .string("\($0.date)")), ("first", .string("\($0.window.first)")),
                     ("last", .string("\($0.window.last)")), ("reason", .string($0.reason))])
        })
    }
}

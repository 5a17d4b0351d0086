// EventWindow+Calendar — the event windows a model gets from a calendar of dated events.

import ForecastCore
import ForecastData
extension EventWindow {
    /// One window per calendar event that matches the filters, in calendar order, each spanning `offsets` days
    /// around its date.
    /// - Parameters:
    ///   - calendar: events as (id, date, kind), e.g. the rows of an events file.
    ///   - kind: keep only events of this kind (nil: every kind).
    ///   - ids: keep only these ids (nil: every id).
    ///   - offsets: first…last offset in days from each event's date.
    public static func windows(calendar: [(id: String, date: CalendarDate, kind: String)], kind: String? = nil,
                               ids: Set<String>? = nil, offsets: ClosedRange<Int>) -> [EventWindow] {
        calendar.filter { event in (kind == nil || event.kind == kind) && (ids?.contains(event.id) ?? true) }
            .map { EventWindow(id: $0.id, date: $0.date, first: offsets.lowerBound, last: offsets.upperBound) }
    }
}

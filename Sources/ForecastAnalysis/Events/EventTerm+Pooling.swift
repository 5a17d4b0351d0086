// EventTerm+Pooling — event windows become the terms the effects analysis estimates: one per window, or one per
// event kind of a calendar (every event of a kind shares one coefficient: its indicator is the maximum over them).

import ForecastCore
import ForecastData
import ForecastModels

extension EventTerm {
    /// One term per window, in the order given: the window's id, its trigger date, its offsets and `shape`.
    ///
    /// Throws what ``init(id:dates:first:last:shape:)`` throws (a window that ends before day 0).
    public static func separate(_ windows: [EventWindow], shape: EventResponseShape) throws(ModelError) -> [EventTerm] {
        var terms: [EventTerm] = []
        for w in windows { terms.append(try EventTerm(id: w.id, dates: [w.date], first: w.first, last: w.last, shape: shape)) }
        return terms
    }

    /// The windows of `calendar`'s events pooled into one term per kind; windows of events not in the calendar
    /// (given one by one) stay terms of their own.
    ///
    /// Order: the unpooled windows first, in the order given, then the kinds sorted by name. A pooled term's id is
    /// the kind (an event without a kind pools under the empty kind), its dates the members' trigger dates in
    /// ascending order, and its offsets those of its first member in `windows` order. Cost O(windows + events).
    public static func pooledByKind(_ windows: [EventWindow], calendar: EventCalendar,
                                    shape: EventResponseShape) throws(ModelError) -> [EventTerm] {
        var kindOf: [String: String] = [:]
        for event in calendar.events where kindOf[event.id] == nil { kindOf[event.id] = event.kind }
        var unpooled: [EventWindow] = []
        var members: [String: [EventWindow]] = [:]
        for w in windows {
            if let kind = kindOf[w.id] { members[kind, default: []].append(w) } else { unpooled.append(w) }
        }
        var terms = try separate(unpooled, shape: shape)
        for (kind, group) in members.sorted(by: { $0.key < $1.key }) {
            terms.append(try EventTerm(id: kind, dates: group.map(\.date).sorted(), first: group[0].first,
                                       last: group[0].last, shape: shape))
        }
        return terms
    }
}

import ArgumentParser
import Forecast

/// Checks `--kind` and `--ids` against the events calendar: a kind or id the file does not have is an error that
/// names the events file and suggests the nearest spelling (as column errors do).
enum EventSelection {
    static func check(_ terms: TermOptions, calendar: EventCalendar?) throws {
        guard let calendar, let file = terms.eventsFile else { return }
        if let kind = terms.kind, !calendar.events.contains(where: { $0.kind == kind }) {
            let kinds = Array(Set(calendar.events.map(\.kind))).sorted()
            throw ValidationError("\(file): no event of kind '\(kind)'" +
                (NearestName.nearest(to: kind, in: kinds).map { " (did you mean '\($0)'?)" } ?? "") +
                "; kinds: \(kinds.joined(separator: ", "))")
        }
        let ids = calendar.events.map(\.id)
        for id in (terms.ids ?? "").split(separator: ",").map({ String($0).trimmingCharacters(in: .whitespaces) }) where !ids.contains(id) {
            throw ValidationError("\(file): no event with id '\(id)'" +
                (NearestName.nearest(to: id, in: ids).map { " (did you mean '\($0)'?)" } ?? ""))
        }
    }
}

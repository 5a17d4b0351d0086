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
        for id in terms.listedIDs ?? [] where !ids.contains(id) {
            throw ValidationError("\(file): no event with id '\(id)'" +
                (NearestName.nearest(to: id, in: ids).map { " (did you mean '\($0)'?)" } ?? ""))
        }
        let selected = Set(EventWindow.windows(calendar: calendar.events.map { ($0.id, $0.date, $0.kind) }, kind: terms.kind,
                                               ids: terms.wantedIDs, offsets: 0...0).map(\.id))
        if let twice = terms.events.map(\.window.id).first(where: selected.contains) {
            throw ValidationError("--event '\(twice)' repeats an event that --events \(file) also selects; give it once "
                + "(drop the --event, or leave the calendar's event out with --ids or --kind)")
        }
    }
}

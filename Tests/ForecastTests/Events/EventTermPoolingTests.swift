// Tests for EventTerm.separate / pooledByKind: which windows share a term, in which order, with which dates and window.

import Testing
import Forecast

@Suite("EventTerm pooling: events of one kind share a term; events given one by one keep their own")
struct EventTermPoolingTests {
    static func day(_ text: String) -> CalendarDate { CalendarDate(iso: text)! }

    // Calendar order differs from date order and from kind order, so each rule below is seen separately.
    static let calendar = try! EventCalendar(table: CSVReader.parse(
        "id,date,kind\nlate-strike,2024-03-10,strike\nraid,2024-03-05,raid\nearly-strike,2024-03-01,strike\n",
        source: "events.csv"))
    static let windows = [
        EventWindow(id: "late-strike", date: day("2024-03-10"), first: -2, last: 5),
        EventWindow(id: "adhoc", date: day("2024-03-07"), first: 0, last: 3),
        EventWindow(id: "raid", date: day("2024-03-05"), first: 0, last: 13),
        EventWindow(id: "early-strike", date: day("2024-03-01"), first: 0, last: 9),
    ]

    @Test("separate: one term per window, in the order given, with its own date and offsets")
    func separate() throws {
        let terms = try EventTerm.separate(Self.windows, shape: .pulse)
        #expect(terms.map(\.id) == ["late-strike", "adhoc", "raid", "early-strike"])
        #expect(terms.map(\.dates) == Self.windows.map { [$0.date] })
        #expect(terms.map(\.first) == [-2, 0, 0, 0] && terms.map(\.last) == [5, 3, 13, 9])
    }

    @Test("pooledByKind: ad-hoc windows first, then kinds by name; dates ascending; the first member's window")
    func pooled() throws {
        let terms = try EventTerm.pooledByKind(Self.windows, calendar: Self.calendar, shape: .decay(halfLife: 7))
        #expect(terms.map(\.id) == ["adhoc", "raid", "strike"])
        #expect(terms[0].dates == [Self.day("2024-03-07")])
        #expect(terms[2].dates == [Self.day("2024-03-01"), Self.day("2024-03-10")])
        #expect(terms[2].first == -2 && terms[2].last == 5, "late-strike comes first in the windows")
        #expect(terms.allSatisfy { $0.shape == .decay(halfLife: 7) })
    }

    @Test("A window ending before day 0 is a typed error, pooled or not")
    func badWindow() {
        let bad = [EventWindow(id: "raid", date: Self.day("2024-03-05"), first: -9, last: -2)]
        #expect(throws: ModelError.self) { try EventTerm.separate(bad, shape: .pulse) }
        #expect(throws: ModelError.self) { try EventTerm.pooledByKind(bad, calendar: Self.calendar, shape: .pulse) }
    }
}

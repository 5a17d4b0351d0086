import Foundation
import Testing
@testable import ForecastCore
@testable import ForecastData
@testable import ForecastModels
@testable import ForecastAnalysis
@testable import ForecastReporting
import Forecast

@Suite("EventWindow.windows: events from a calendar, filtered by kind and id")
struct EventWindowCalendarTests {
    static let day = CalendarDate(year: 2024, month: 3, day: 1)!
    static let calendar: [(id: String, date: CalendarDate, kind: String)] = [
        ("a", day, "strike"), ("b", day.adding(days: 9), "holiday"), ("c", day.adding(days: 20), "strike"),
    ]

    @Test("Kind and id filters keep the matching events in calendar order, each with the given offsets")
    func filters() {
        let all = EventWindow.windows(calendar: Self.calendar, offsets: -1...6)
        #expect(all == [EventWindow(id: "a", date: Self.day, first: -1, last: 6),
                        EventWindow(id: "b", date: Self.day.adding(days: 9), first: -1, last: 6),
                        EventWindow(id: "c", date: Self.day.adding(days: 20), first: -1, last: 6)])
        #expect(EventWindow.windows(calendar: Self.calendar, kind: "strike", offsets: 0...13).map(\.id) == ["a", "c"])
        #expect(EventWindow.windows(calendar: Self.calendar, ids: ["b", "c"], offsets: 0...13).map(\.id) == ["b", "c"])
        #expect(EventWindow.windows(calendar: Self.calendar, kind: "holiday", ids: ["a"], offsets: 0...13).isEmpty)
    }
}

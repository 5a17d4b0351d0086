// Tests for EventCalendar: the events.csv format, ad-hoc DATE:ID events, validation, coverage of a series.

import Forecast
import Testing

@Suite("Event calendar") struct EventCalendarTests {
    /// Three rows in the shipped format (RFC 4180 quoting with commas and doubled quotes, as events.csv has).
    static let text = """
        id,date,kind,actor,title,description,related_to,certainty,source
        kursk-incursion,2024-08-06,trigger,ukraine,Kursk incursion,"Ukrainian forces crossed into Kursk oblast, Russia.",,high,"Reuters, 'Ukraine ""pushes"" into Kursk', 2024-08-07"
        mass-strike-2024-08-26,2024-08-26,response,russia,Mass strike,One of the largest combined strikes.,kursk-incursion,high,AP
        us-atacms-permission,2024-11-17,policy,us,ATACMS permission,Leak of the decision.,,medium,NYT
        """

    @Test func readsTheFormat() throws {
        let calendar = try EventCalendar(table: CSVReader.parse(Self.text, source: "events.csv"))
        #expect(calendar.events.map(\.id) == ["kursk-incursion", "mass-strike-2024-08-26", "us-atacms-permission"])
        let kursk = try #require(calendar.event(id: "kursk-incursion"))
        #expect(kursk.date == day("2024-08-06") && kursk.kind == "trigger" && kursk.actor == "ukraine" && kursk.line == 2)
        #expect(kursk.description == "Ukrainian forces crossed into Kursk oblast, Russia.")
        #expect(kursk.source == "Reuters, 'Ukraine \"pushes\" into Kursk', 2024-08-07")
        #expect(kursk.relatedTo == nil)
        #expect(calendar.event(id: "mass-strike-2024-08-26")?.relatedTo == "kursk-incursion")
        #expect(calendar.event(id: "us-atacms-permission")?.certainty == "medium")
    }

    @Test("Only id and date are required; ad-hoc events join the calendar")
    func minimalAndAdHoc() throws {
        let minimal = try EventCalendar(table: CSVReader.parse("date,id\n2025-06-01,spiderweb\n"))
        let adHoc = try EventCalendar.adHoc(["2024-08-06:kursk-incursion", "2024-11-17:atacms"])
        #expect(adHoc.map(\.id) == ["kursk-incursion", "atacms"] && adHoc[0].date == day("2024-08-06") && adHoc[0].line == nil)
        let merged = try minimal.adding(adHoc)
        #expect(merged.events.map(\.id) == ["spiderweb", "kursk-incursion", "atacms"])
        #expect(throws: DataError.self) { try EventCalendar.adHoc(["2024-08-06:"]) }
        #expect(throws: DataError.self) { try EventCalendar.adHoc(["2024-08-06:has space"]) }
    }

    @Test("Events outside a series are listed (not an error) and noted in the quality report")
    func coverage() throws {
        let calendar = try EventCalendar(table: CSVReader.parse(Self.text, source: "events.csv"))
        let span = DateSpan(first: day("2024-08-01"), last: day("2024-10-31"))
        #expect(calendar.outside(span).map(\.id) == ["us-atacms-permission"])
        let series = DailySeries(start: day("2024-08-01"), names: ["n"], values: [Array(repeating: 1, count: 92)])
        let noted = series.noting(events: calendar)
        #expect(noted.quality.events == .init(total: 3, outside: [("us-atacms-permission", day("2024-11-17"))]))
        #expect(noted.quality.summary().contains("events: 3 in the calendar, 1 outside 2024-08-01 .. 2024-10-31: us-atacms-permission 2024-11-17"))
        #expect(throws: DataError.self) { try calendar.requireWithin(span) }
        try calendar.requireWithin(DateSpan(first: day("2024-01-01"), last: day("2024-12-31")))
    }
}

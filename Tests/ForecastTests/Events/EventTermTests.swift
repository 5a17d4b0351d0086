import Testing
@testable import ForecastCore
@testable import ForecastData
@testable import ForecastModels
@testable import ForecastAnalysis
@testable import ForecastReporting
import Forecast

@Suite("EventTerm: a bad window is a typed error, not a trap")
struct EventTermTests {
    static let day = CalendarDate(year: 2024, month: 8, day: 6)!

    @Test("first > last, a window ending before day 0 and no dates each throw invalidSpecification naming the term")
    func badWindows() {
        for (first, last, dates) in [(5, 2, [Self.day]), (-9, -2, [Self.day]), (0, 13, [CalendarDate]())] {
            do {
                _ = try EventTerm(id: "k", dates: dates, first: first, last: last, shape: .pulse)
                Issue.record("\(first)..\(last) must throw")
            } catch {
                guard case let .invalidSpecification(text) = error else { Issue.record("\(error)"); continue }
                #expect(text.contains("'k'"))
            }
        }
        #expect((try? EventTerm(id: "ok", dates: [Self.day], first: -7, last: 13, shape: .pulse)) != nil)
    }
}

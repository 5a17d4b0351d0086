import Foundation
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

    @Test("decay is 0 after the window's last day; step acts to the end of the data and says so")
    func shapesHonourTheWindow() throws {
        let days = (0..<80).map { Self.day.adding(days: $0) }
        let decay = try EventTerm(id: "d", dates: [Self.day], first: 0, last: 30, shape: .decay(halfLife: 7))
        let column = decay.effectColumns(on: days)[0].values
        // Direct computation: exp(−ln 2 · d / 7) on d = 0…30, 0 after.
        for d in 0..<80 {
            let expected = d <= 30 ? exp(-M_LN2 * Double(d) / 7) : 0
            #expect(abs(column[d] - expected) <= 1e-12, "day \(d): \(column[d]) vs \(expected)")
        }
        let longer = try EventTerm(id: "d", dates: [Self.day], first: 0, last: 60, shape: .decay(halfLife: 7))
        #expect(longer.effectColumns(on: days)[0].values[45] > 0, "0..60 must reach day 45")
        let end = Self.day.adding(days: 79)
        let step = try EventTerm(id: "s", dates: [Self.day], first: 1, last: 13, shape: .step)
        #expect(step.coefficientEnd(dataEnd: end) == end && step.effectColumns(on: days)[0].values[79] == 1)
        let pulse = try EventTerm(id: "p", dates: [Self.day], first: 1, last: 13, shape: .pulse)
        #expect(pulse.coefficientEnd(dataEnd: end) == Self.day.adding(days: 13))
    }
}

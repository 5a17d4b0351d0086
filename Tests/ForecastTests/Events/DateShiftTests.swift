import Foundation
import Testing
@testable import ForecastCore
@testable import ForecastData
@testable import ForecastModels
@testable import ForecastAnalysis
import Forecast

/// The date-shift table (regression design): its warm-started refits against cold analyses of the moved trigger.
@Suite("Date-shift table")
struct DateShiftTests {
    static let start = EventEffectsTests.start
    static let model = TimeSeriesModel(design: DesignSpecification(dayOfWeek: false), kind: .nb2)

    static func analysis(_ trigger: EventTerm, shift: Int = 0) -> EventEffectsAnalysis {
        EventEffectsAnalysis(model: model, triggers: [trigger], placebos: 0, shift: shift, paths: 1, intervalMethod: .delta)
    }

    @Test("Each row equals the cumulative excess of a cold analysis with the trigger moved by that many days")
    func rowsMatchColdFits() throws {
        let y = EventEffectsTests.simulate(days: 300, pulses: [(150, 0.5)], seed: 7)
        let trigger = try EventTerm(id: "t", dates: [Self.start.adding(days: 150)], first: 0, last: 13, shape: .pulse)
        let table = try Self.analysis(trigger, shift: 5).run(DatedSeries(start: Self.start, values: y)).effects[0].shifts
        #expect(table.map(\.shiftDays) == Array(-5...5))
        for row in table {
            let moved = try Self.analysis(trigger.shifted(by: row.shiftDays)).run(DatedSeries(start: Self.start, values: y)).effects[0]
            #expect(abs(row.cumulativeExcess - moved.cumulativeExcess) <= 1e-7 * abs(moved.cumulativeExcess),
                    "shift \(row.shiftDays): table \(row.cumulativeExcess), cold \(moved.cumulativeExcess)")
        }
    }

    @Test("A shift as long as the training window is refused, naming the window")
    func shiftBeyondTheWindowIsRefused() throws {
        let y = EventEffectsTests.simulate(days: 120, pulses: [(60, 0.5)], seed: 8)
        let trigger = try EventTerm(id: "t", dates: [Self.start.adding(days: 60)], first: 0, last: 13, shape: .pulse)
        #expect(throws: ModelError.self) { try Self.analysis(trigger, shift: 120).run(DatedSeries(start: Self.start, values: y)) }
        do {
            _ = try Self.analysis(trigger, shift: 120).run(DatedSeries(start: Self.start, values: y))
        } catch {
            #expect("\(error)".contains("120 days"))
        }
        #expect(try Self.analysis(trigger, shift: 119).run(DatedSeries(start: Self.start, values: y)).effects[0].shifts.count == 239)
    }
}

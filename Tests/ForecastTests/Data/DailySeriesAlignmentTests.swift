// Tests for DailySeries.column(named:from:atLeast:): a column put on another series' days.

import Forecast
import Testing

@Suite("Daily series: a column aligned to other days") struct DailySeriesAlignmentTests {
    // A control with days 2024-01-03 … 2024-01-06 (values 3, 4, 5, 6).
    static let control = DailySeries(start: day("2024-01-03"), names: ["control"], values: [[3, 4, 5, 6]])

    @Test("Starting earlier: NaN before the control's first day, then its values through its last day")
    func startsEarlier() throws {
        let aligned = try Self.control.column(named: "control", from: day("2024-01-01"), atLeast: 3)
        #expect(sameValues(aligned, [.nan, .nan, 3, 4, 5, 6]))
    }

    @Test("Starting later and running longer: the control's later days, then NaN up to the length asked for")
    func runsLonger() throws {
        let aligned = try Self.control.column(named: "control", from: day("2024-01-05"), atLeast: 4)
        #expect(sameValues(aligned, [5, 6, .nan, .nan]))
    }

    @Test("Entirely after the control: all NaN; an unknown column is a data error")
    func disjointAndMissing() throws {
        #expect(sameValues(try Self.control.column(named: "control", from: day("2024-02-01"), atLeast: 2), [.nan, .nan]))
        #expect(throws: DataError.self) { try Self.control.column(named: "contrl", from: day("2024-01-01"), atLeast: 1) }
    }
}

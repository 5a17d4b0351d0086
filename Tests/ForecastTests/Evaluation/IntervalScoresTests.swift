import Testing
@testable import ForecastCore
@testable import ForecastData
@testable import ForecastModels
@testable import ForecastAnalysis
@testable import ForecastReporting
import Forecast

@Suite("Interval scores: coverage and Winkler score")
struct IntervalScoresTests {
    @Test("Coverage counts both ends as inside")
    func coverage() {
        #expect(IntervalScores.coverage(actual: [2, 5, 6, 1], lower: [2, 3, 3, 2], upper: [4, 5, 5, 4]) == 0.5)
    }

    @Test("Interval score by hand: width, plus 2/α times the miss")
    func score() {
        // α = 0.2 (80 %): inside → width 4; below by 1 → 4 + 10·1 = 14; above by 3 → 4 + 10·3 = 34.
        let perDay = IntervalScores.intervalScorePerDay(actual: [3, 1, 9], lower: [2, 2, 2], upper: [6, 6, 6], alpha: 0.2)
        #expect(perDay == [4, 14, 34])
        #expect(IntervalScores.meanIntervalScore(actual: [3, 1, 9], lower: [2, 2, 2], upper: [6, 6, 6], alpha: 0.2) == 52.0 / 3)
        #expect(IntervalScores.intervalScore(actual: .nan, lower: 0, upper: 1, alpha: 0.1).isNaN)
    }

    @Test("Central intervals from symmetric level pairs (0.1 pairs with 0.9 despite binary rounding), by coverage")
    func pairs() {
        let intervals = IntervalScores.centralIntervals(levels: [0.5, 0.9, 0.05, 0.1, 0.95, 0.3, 0.025])
        #expect(intervals.map(\.nominalPercent) == [80, 90])
        #expect(intervals[0].lowerIndex == 3 && intervals[0].upperIndex == 1 && intervals[0].alpha == 0.2)
        #expect(IntervalScores.centralIntervals(levels: [0.025, 0.975]).map(\.nominalPercent) == [95])
        // Two pairs that round to the same percent: the first by coverage is kept.
        #expect(IntervalScores.centralIntervals(levels: [0.049, 0.951, 0.05, 0.95]).count == 1)
    }
}

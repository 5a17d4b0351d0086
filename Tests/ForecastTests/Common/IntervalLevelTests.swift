// IntervalLevel: one unit (percent) for interval levels, with a defined rule for fraction-style input.
import Testing
@testable import ForecastCore
@testable import ForecastData
@testable import ForecastModels
@testable import ForecastAnalysis
@testable import ForecastReporting
import Forecast

@Suite("IntervalLevel")
struct IntervalLevelTests {
    @Test("Percentages in (1, 100) are accepted; fraction = percent / 100")
    func accepted() throws {
        let levels = try IntervalLevel.list(parsing: "80, 95,99.5")
        #expect(levels.map(\.percent) == [80, 95, 99.5])
        #expect(levels.map(\.fraction) == [0.8, 0.95, 0.995])
        #expect(levels.map(\.description) == ["80", "95", "99.5"])
    }

    @Test("Fractions are refused with the percentage that was meant; 0, 100, 150 and text are refused",
          arguments: [
            ("0.95", IntervalLevel.Problem.fraction(0.95)), ("1", .fraction(1)), ("0", .outOfRange(0)),
            ("100", .outOfRange(100)), ("150", .outOfRange(150)), ("-5", .outOfRange(-5)), ("inf", .outOfRange(.infinity)),
            ("x", .notANumber("x")), ("", .empty), ("80,", .notANumber("")), ("80,95,80", .repeated(80)),
          ])
    func refused(text: String, problem: IntervalLevel.Problem) {
        #expect(throws: problem) { try IntervalLevel.list(parsing: text) }
    }

    @Test("The fraction message shows the right form")
    func message() {
        #expect(IntervalLevel.Problem.fraction(0.95).description.contains("did you mean 95?"))
        #expect(IntervalLevel.Problem.fraction(0.995).description.contains("did you mean 99.5?"))
    }

    @Test("JSON: whole percentages are integers, a fraction × 100 is rounded back to its percentage")
    func json() {
        #expect(IntervalLevel.json(percent: 95) == .integer(95))
        #expect(IntervalLevel.json(percent: 0.57 * 100) == .integer(57))  // 56.99999999999999 in binary
        #expect(IntervalLevel.json(percent: 99.5) == .finite(99.5))
    }
}

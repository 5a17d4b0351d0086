// DesignSchema term by term against values worked out by hand (dates, weekdays and angles in the comments).
import Foundation
import Testing
@testable import ForecastCore
@testable import ForecastData
@testable import ForecastModels
@testable import ForecastAnalysis
@testable import ForecastReporting
import Forecast

@Suite("DesignSchema: each term's columns and values")
struct DesignSchemaTermsTests {
    static let monday = CalendarDate(year: 2024, month: 1, day: 1)!  // 2024-01-01 was a Monday

    @Test("Two terms making one column name are a setting error naming both sources, not a trap")
    func uniqueNames() throws {
        try DesignSpecification(fourier: [FourierTerm(period: 7, order: 1)], regressors: ["x"]).checkColumnNames()
        #expect(throws: ModelError.unsuitableSetting(SettingError(
            "{0} gives one term twice: two design columns would be named 'sin1_7'; give each term once", .fourier))) {
            try DesignSpecification(fourier: [FourierTerm(period: 7, order: 2), FourierTerm(period: 7, order: 1)]).checkColumnNames()
        }
        #expect(throws: ModelError.unsuitableSetting(SettingError(
            "{0} and {1} both make a design column named 'trend'; every column needs its own name (rename the file column or drop one term)",
            .calendarTerms, .regressors))) {
            try DesignSpecification(regressors: ["trend"]).checkColumnNames()
        }
        #expect(throws: ModelError.self) {
            try DesignSpecification(steps: [StepTerm(id: "s", date: Self.monday), StepTerm(id: "s", date: Self.monday.adding(days: 9))])
                .checkColumnNames()
        }
    }

    @Test("Column names follow the documented convention and order")
    func names() {
        let specification = DesignSpecification(
            trend: .quadratic, fourier: [FourierTerm(period: 7, order: 2)], changepoints: [Self.monday.adding(days: 10)],
            autoregressiveLags: [1, 7], events: [EventWindow(id: "x", date: Self.monday)],
            steps: [StepTerm(id: "s", date: Self.monday)], regressors: ["temp"])
        let schema = DesignSchema(specification: specification, trendOrigin: Self.monday, lagTransform: .identity)
        #expect(schema.columnNames == ["const", "trend", "trend_sq", "dow_tue", "dow_wed", "dow_thu", "dow_fri", "dow_sat",
                                       "dow_sun", "sin1_7", "cos1_7", "sin2_7", "cos2_7", "cp_2024-01-11", "lag1", "lag7",
                                       "event_x", "step_s", "temp"])
        let bare = DesignSchema(specification: DesignSpecification(intercept: false, trend: .none, dayOfWeek: false),
                                trendOrigin: Self.monday, lagTransform: .identity)
        #expect(bare.columnNames.isEmpty)
    }

    @Test("Trend in years of 365.25 days, its square, and hinges max(0, t − t_cp)")
    func trendAndHinges() {
        let cp = Self.monday.adding(days: 100)
        let schema = DesignSchema(specification: DesignSpecification(trend: .quadratic, dayOfWeek: false, changepoints: [cp]),
                                  trendOrigin: Self.monday, lagTransform: .identity)
        // 2024-12-31 is day 365 after the origin: t = 365/365.25; the hinge is (365 − 100)/365.25.
        let row = schema.row(for: Self.monday.adding(days: 365), lags: [], regressors: [])
        #expect(row == [1, 365 / 365.25, (365 / 365.25) * (365 / 365.25), 365 / 365.25 - 100 / 365.25])
        #expect(schema.row(for: Self.monday.adding(days: 50), lags: [], regressors: [])[3] == 0)  // before the hinge
        #expect(schema.row(for: Self.monday.adding(days: -1), lags: [], regressors: [])[1] == -1 / 365.25)  // before the origin
    }

    @Test("Day of week: Monday is the reference; Sunday sets dow_sun only")
    func weekdays() {
        let schema = DesignSchema(specification: DesignSpecification(intercept: false, trend: .none),
                                  trendOrigin: Self.monday, lagTransform: .identity)
        #expect(schema.row(for: Self.monday, lags: [], regressors: []) == [0, 0, 0, 0, 0, 0])
        #expect(schema.row(for: Self.monday.adding(days: 6), lags: [], regressors: []) == [0, 0, 0, 0, 0, 1])
        #expect(schema.row(for: Self.monday.adding(days: 2), lags: [], regressors: []) == [0, 1, 0, 0, 0, 0])
    }

    @Test("Fourier terms have their phase from 1970-01-01: sin(2πk·d/P), cos(2πk·d/P), d = days since the epoch")
    func fourier() {
        let schema = DesignSchema(specification: DesignSpecification(intercept: false, trend: .none, dayOfWeek: false,
                                                                     fourier: [FourierTerm(period: 7, order: 2)]),
                                  trendOrigin: Self.monday, lagTransform: .identity)
        let epoch = CalendarDate(year: 1970, month: 1, day: 1)!
        #expect(schema.row(for: epoch, lags: [], regressors: []) == [0, 1, 0, 1])
        let d = 3.0  // 1970-01-04
        let row = schema.row(for: epoch.adding(days: 3), lags: [], regressors: [])
        let expected = [sin(2 * Double.pi * d / 7), cos(2 * Double.pi * d / 7), sin(4 * Double.pi * d / 7), cos(4 * Double.pi * d / 7)]
        for (a, e) in zip(row, expected) { #expect(abs(a - e) < 1e-15) }
        // Period 7: the same values a week later (up to the rounding of the larger angle).
        let weekLater = schema.row(for: epoch.adding(days: 10), lags: [], regressors: [])
        for (a, e) in zip(weekLater, expected) { #expect(abs(a - e) < 1e-14) }
    }

    @Test("Event windows cover FIRST..LAST days after the trigger (leads when negative); steps switch on for good")
    func eventsAndSteps() {
        let trigger = Self.monday.adding(days: 20)
        let schema = DesignSchema(specification: DesignSpecification(intercept: false, trend: .none, dayOfWeek: false,
                                                                     events: [EventWindow(id: "e", date: trigger, first: -2, last: 3)],
                                                                     steps: [StepTerm(id: "s", date: trigger)]),
                                  trendOrigin: Self.monday, lagTransform: .identity)
        let columns = (-4...6).map { schema.row(for: trigger.adding(days: $0), lags: [], regressors: []) }
        #expect(columns.map { $0[0] } == [0, 0, 1, 1, 1, 1, 1, 1, 0, 0, 0])   // offsets −2..3
        #expect(columns.map { $0[1] } == [0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1])   // from the trigger on
    }

    @Test("design(for:): lags on log(1+y) for count models, regressors by name; missing values flag the row")
    func designRows() {
        let schema = DesignSchema(specification: DesignSpecification(intercept: true, trend: .none, dayOfWeek: false,
                                                                     autoregressiveLags: [1], regressors: ["u"]),
                                  trendOrigin: Self.monday, lagTransform: .log1p)
        let response: [Double] = [3, .nan, 7, 0]   // days 0..3
        let dates = (1...3).map { Self.monday.adding(days: $0) }
        let (design, incomplete) = schema.design(for: dates, response: { response[$0 - Self.monday] },
                                                 regressor: { _, date in date == dates[2] ? nil : Double(date - Self.monday) * 10 })
        #expect(design.names == ["const", "lag1", "u"])
        #expect(design.values.row(0) == [1, log1p(3), 10])   // day 1: lag = y(day 0) = 3
        #expect(design.values.row(1)[1].isNaN)                // day 2: y(day 1) is missing
        #expect(incomplete == [1, 2])                          // missing lag; missing regressor on day 3
    }

    @Test("DesignMatrix from a table: columns in the given order; const clash and empty cells are located errors")
    func fromTable() throws {
        let table = try CSVReader.parse("b,a,c\n1,2,3\n4,5,6\n", source: "d.csv")
        let design = try DesignMatrix(table: table, columns: ["a", "b"], addIntercept: true)
        #expect(design.names == ["const", "a", "b"] && design.values.row(1) == [1, 5, 4])
        #expect(design.constantColumns == [0])
        #expect(throws: DataError(.invalid, file: "c.csv", line: 1, column: "const",
                                  expected: "no column named 'const' when an intercept is added",
                                  found: "a column named 'const'")) {
            try DesignMatrix(table: CSVReader.parse("const,a\n1,2\n", source: "c.csv"), columns: ["const", "a"], addIntercept: true)
        }
        let empty = #expect(throws: DataError.self) {
            try DesignMatrix(table: CSVReader.parse("a,b\n1,2\n3,\n", source: "e.csv"), columns: ["a", "b"], addIntercept: false)
        }
        #expect(empty?.file == "e.csv" && empty?.line == 3 && empty?.column == "b", "\(String(describing: empty))")
    }
}

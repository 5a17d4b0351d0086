import Foundation
import Testing
@testable import ForecastCore
@testable import ForecastData
@testable import ForecastModels
@testable import ForecastAnalysis
@testable import ForecastReporting
import Forecast

@Suite("DesignSchema.fillDesign: column by column, the same bits as row(for:)")
struct DesignSchemaColumnsTests {
    @Test("Every term (quadratic trend, weekdays, Fourier, hinges, events, steps, regressors) equals the rows exactly")
    func equalsRows() {
        let start = CalendarDate(year: 2024, month: 2, day: 26)!
        let specification = DesignSpecification(
            trend: .quadratic, fourier: [FourierTerm(period: 7, order: 2), FourierTerm(period: 365.25, order: 1)],
            changepoints: [start.adding(days: 40)], events: [EventWindow(id: "a", date: start.adding(days: 10), first: -2, last: 5)],
            steps: [StepTerm(id: "s", date: start.adding(days: 77))], regressors: ["u", "v"])
        let schema = DesignSchema(specification: specification, trendOrigin: start.adding(days: -3), lagTransform: .identity)
        let dates = (0..<120).filter { $0 % 5 != 3 }.map { start.adding(days: $0) }  // gaps, as skipped days leave
        func regressor(_ r: Int, _ i: Int) -> Double { r == 0 ? Double(i) * 0.25 - 3 : sin(Double(i)) }
        var matrix = Matrix(rows: dates.count + 4, columns: schema.columnNames.count, repeating: .nan)
        schema.fillDesign(&matrix, dates: dates, regressor: regressor)
        for (i, date) in dates.enumerated() {
            let row = schema.row(for: date, lags: [], regressors: [regressor(0, i), regressor(1, i)])
            #expect(row == matrix.row(i), "row \(i) (\(date))")
        }
        let untouched = matrix.row(dates.count).allSatisfy { $0.isNaN }
        #expect(untouched)  // rows past the dates are left alone
    }
}

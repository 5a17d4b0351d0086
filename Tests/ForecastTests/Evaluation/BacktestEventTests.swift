import Foundation
import Testing
@testable import ForecastCore
@testable import ForecastData
@testable import ForecastModels
@testable import ForecastAnalysis
import Forecast

@Suite("Backtest origins before an event fit without it (BacktestSpecification+Run policy 7)")
struct BacktestEventTests {
    static let start = CalendarDate(year: 2024, month: 1, day: 1)!

    /// Counts with a level shift from day 200 on (the event's window).
    static func series() -> [Double] {
        var random = SeededRandom(seed: 57)
        return (0..<300).map { t in random.negativeBinomial(mean: t >= 200 ? 30 : 12, alpha: 0.1) }
    }

    @Test("No origin fails because the event has not happened yet; before it, forecasts equal the event-free model's",
          arguments: [TimeSeriesModel.Kind.ols, .poisson, .nb2])
    func eventAfterEarlyOrigins(kind: TimeSeriesModel.Kind) throws {
        let y = Self.series()
        let event = EventWindow(id: "shift", date: Self.start.adding(days: 200), first: 0, last: 60)
        let withEvent = TimeSeriesModel(design: DesignSpecification(events: [event]), kind: kind)
        let without = TimeSeriesModel(design: DesignSpecification(), kind: kind)
        func run(_ model: TimeSeriesModel) throws -> BacktestResult {
            try BacktestSpecification(model: model, horizon: 7, firstOrigin: Self.start.adding(days: 120), step: 10,
                                      paths: 50, concurrency: 1).run(DatedSeries(start: Self.start, values: y))
        }
        let a = try run(withEvent), b = try run(without)
        // Before this policy every origin before day 200 failed (no training day of the event) and fell back.
        #expect(a.failedOrigins.isEmpty, "\(a.failedOrigins.map(\.reason))")
        let eventDay = Self.start.adding(days: 200)
        let early = a.model.rows.indices.filter { a.model.rows[$0].origin < eventDay }
        #expect(early.count == 8 * 7)
        // Equal up to rounding: updated least squares keeps the event's column (all zero, aliased) in its factor.
        func close(_ u: Double, _ v: Double) -> Bool { abs(u - v) <= 1e-12 * max(1, abs(v)) }
        for i in early {
            #expect(close(a.model.rows[i].mean, b.model.rows[i].mean), "row \(i)")
            #expect(zip(a.model.rows[i].quantiles, b.model.rows[i].quantiles).allSatisfy(close), "row \(i)")
        }
        // Once the event's window has begun it is estimated: the forecasts after day 200 differ.
        let late = a.model.rows.indices.filter { a.model.rows[$0].origin >= eventDay.adding(days: 20) }
        #expect(late.contains { a.model.rows[$0].mean != b.model.rows[$0].mean })
    }
}

import Foundation
import Testing
@testable import ForecastCore
@testable import ForecastData
@testable import ForecastModels
@testable import ForecastAnalysis
@testable import ForecastReporting
import Forecast

@Suite("Automatic changepoints")
struct ChangepointSelectionTests {
    @Test("A series with a known trend break gets a changepoint within ±14 days of it", arguments: [(UInt64(1), 300), (2, 420)])
    func knownBreak(seed: UInt64, breakDay: Int) throws {
        var random = SeededRandom(seed: seed)
        let start = CalendarDate(year: 2023, month: 1, day: 1)!
        // log μ rises 0.6/year, then falls 1.5/year after the break (NB2 noise, α = 0.05).
        let y = (0..<700).map { t -> Double in
            let years = Double(t) / 365.25, knot = Double(breakDay) / 365.25
            return random.negativeBinomial(mean: exp(3.5 + 0.6 * years - 2.1 * max(0, years - knot)), alpha: 0.05)
        }
        let fit = try TimeSeriesModel(kind: .nb2, automaticChangepoints: true).fit(DatedSeries(start: start, values: y))
        let truth = start.adding(days: breakDay)
        #expect(fit.selectedChangepoints.contains { abs($0 - truth) <= 14 }, "chosen \(fit.selectedChangepoints), truth \(truth)")
        #expect(fit.schema.columnNames.contains { $0.hasPrefix("cp_") })
    }

    @Test("A straight trend gets no changepoint")
    func noBreak() throws {
        var random = SeededRandom(seed: 5)
        let y = (0..<500).map { t in random.negativeBinomial(mean: exp(3 + 0.3 * Double(t) / 365.25), alpha: 0.05) }
        let fit = try TimeSeriesModel(kind: .nb2, automaticChangepoints: true)
            .fit(DatedSeries(start: CalendarDate(year: 2023, month: 1, day: 1)!, values: y))
        #expect(fit.selectedChangepoints.isEmpty, "chosen \(fit.selectedChangepoints)")
    }
}

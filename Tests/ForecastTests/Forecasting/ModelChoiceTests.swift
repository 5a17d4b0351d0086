import Foundation
import Testing
@testable import ForecastCore
@testable import ForecastData
@testable import ForecastModels
@testable import ForecastAnalysis
@testable import ForecastReporting
import Forecast

@Suite("Automatic model choice")
struct ModelChoiceTests {
    func series(_ draw: (inout SeededRandom, Double) -> Double, seed: UInt64) -> [Double] {
        var random = SeededRandom(seed: seed)
        let start = CalendarDate(year: 2024, month: 1, day: 1)!
        return (0..<300).map { t in draw(&random, exp(2.5 + 0.3 * Double(t) / 365.25 + (start.adding(days: t).weekday == 7 ? -0.2 : 0))) }
    }

    @Test("Overdispersed counts → NB2; equidispersed counts → Poisson; non-integers → OLS", arguments: 0..<5)
    func choice(seed: Int) throws {
        let start = CalendarDate(year: 2024, month: 1, day: 1)!
        let overdispersed = series({ $0.negativeBinomial(mean: $1, alpha: 0.3) }, seed: UInt64(10 + seed))
        let equidispersed = series({ $0.poisson($1) }, seed: UInt64(20 + seed))
        let nb = try TimeSeriesModel().fit(DatedSeries(start: start, values: overdispersed))
        #expect(nb.kind == .nb2 && nb.modelChoice.reason.contains("overdispersed"), "\(nb.modelChoice.reason)")
        #expect(nb.modelChoice.pValue! < 0.05)
        let poisson = try TimeSeriesModel().fit(DatedSeries(start: start, values: equidispersed))
        #expect(poisson.kind == .poisson, "\(poisson.modelChoice.reason)")
        let ols = try TimeSeriesModel().fit(DatedSeries(start: start, values: overdispersed.map { $0 + 0.5 }))
        #expect(ols.kind == .ols && ols.modelChoice.reason.contains("not all non-negative integers"))
    }
}

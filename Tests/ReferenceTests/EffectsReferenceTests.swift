// `forecast effects` with the nb2-strikes reference design (--model nb2, default terms, pulse, the three events at
// 0..6, no placebos): the events' coefficients and standard errors equal Tests/Fixtures/reference/nb2-strikes
// (statsmodels NegativeBinomial nb2, observed information), within its tolerances.
import Foundation
import Testing
@testable import ForecastCore
@testable import ForecastData
@testable import ForecastModels
@testable import ForecastAnalysis
@testable import ForecastReporting
import Forecast

@Suite("Reference: effects on nb2-strikes")
struct EffectsReferenceTests {
    @Test("Pulse coefficients and SEs of kursk, atacms, spiderweb")
    func pulse() throws {
        let reference = try ReferenceCase("nb2-strikes")
        let series = try referenceSeries("strikes_daily.csv", column: "launched")
        let triggers = try [("kursk", "2024-08-06"), ("atacms", "2024-11-17"), ("spiderweb", "2025-06-01")].map {
            try EventTerm(id: $0.0, dates: [isoDate($0.1)], first: 0, last: 6, shape: .pulse)
        }
        let analysis = EventEffectsAnalysis(model: TimeSeriesModel(kind: .nb2, from: isoDate("2024-01-01"), to: isoDate("2025-06-30")),
                                            triggers: triggers, placebos: 0, paths: 400)
        let result = try analysis.run(DatedSeries(name: "launched", start: series.start, values: series.values))
        #expect(result.fit.names == reference.columns)
        let params = reference.byColumn("params"), bse = reference.byColumn("bse")
        for (k, effect) in result.effects.enumerated() {
            let column = 8 + k
            reference.check(effect.coefficient!, params[column], "params", element: reference.columns[column])
            reference.check(effect.standardError!, bse[column], "bse", element: reference.columns[column])
            // The cumulative excess is the sum of the daily excess; its interval contains it.
            #expect(abs(effect.days.reduce(0) { $0 + $1.excess } - effect.cumulativeExcess) < 1e-9 * max(1, abs(effect.cumulativeExcess)))
            #expect(effect.cumulativeLower <= effect.cumulativeExcess && effect.cumulativeExcess <= effect.cumulativeUpper)
            #expect(effect.days.count == 7 && effect.days.first?.offset == 0)
        }
    }
}

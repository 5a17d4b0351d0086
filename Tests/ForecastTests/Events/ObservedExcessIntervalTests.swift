import Foundation
import Testing
@testable import ForecastCore
@testable import ForecastData
@testable import ForecastModels
@testable import ForecastAnalysis
import Forecast

@Suite("Observed excess: predictive interval from the paths (observation noise included)")
struct ObservedExcessIntervalTests {
    @Test("With no effect the truth Σ(y − y⁰) is 0: the 95% predictive interval covers it at a rate consistent with 95% (60 replicates); without the noise (μ⁰ uncertainty only) it would be far too narrow")
    func coverageWithoutEffect() throws {
        var covered = 0
        let replicates = 60
        for r in 0..<replicates {
            // β = 0: y is its own counterfactual outcome, so the observed excess's truth is exactly 0.
            let y = EventEffectsTests.simulate(days: 300, pulses: [(150, 0)], seed: UInt64(1_700 + r))
            let analysis = EventEffectsAnalysis(model: TimeSeriesModel(design: DesignSpecification(dayOfWeek: false), kind: .nb2),
                                                triggers: [try EventTerm(id: "t", dates: [EventEffectsTests.start.adding(days: 150)],
                                                                         first: 0, last: 13, shape: .pulse)],
                                                placebos: 0, paths: 300, seed: UInt64(r))
            let effect = try analysis.run(DatedSeries(start: EventEffectsTests.start, values: y)).effects[0]
            let lower = try #require(effect.observedExcessLower), upper = try #require(effect.observedExcessUpper)
            if lower <= 0 && 0 <= upper { covered += 1 }
        }
        // Binomial(60, 0.95): 99.9% of replicates cover ≥ 52 times.
        #expect(covered >= 52, "covered \(covered) of \(replicates)")
    }
}

import Foundation
import Testing
@testable import ForecastCore
@testable import ForecastData
@testable import ForecastModels
@testable import ForecastAnalysis
import Forecast

@Suite("Running-total interval of the excess (the effects SVG's right panel)")
struct RunningExcessIntervalTests {
    @Test("By definition: on the first day it is that day's interval, on the last day the cumulative interval — not a sum of daily bands", arguments: [
        EventEffectsAnalysis.IntervalMethod.simulation, .delta,
    ])
    func endpoints(method: EventEffectsAnalysis.IntervalMethod) throws {
        let y = EventEffectsTests.simulate(days: 300, pulses: [(150, 0.5)], seed: 31)
        let analysis = EventEffectsAnalysis(model: TimeSeriesModel(design: DesignSpecification(dayOfWeek: false), kind: .nb2),
                                            triggers: [try EventTerm(id: "t", dates: [EventEffectsTests.start.adding(days: 150)],
                                                                     first: 0, last: 13, shape: .pulse)],
                                            placebos: 0, paths: 300, seed: 5, intervalMethod: method)
        let effect = try analysis.run(DatedSeries(start: EventEffectsTests.start, values: y)).effects[0]
        let first = try #require(effect.days.first), last = try #require(effect.days.last)
        #expect(abs(first.runningExcessLower - first.excessLower) <= 1e-9 * abs(first.excessLower) + 1e-9)
        #expect(abs(first.runningExcessUpper - first.excessUpper) <= 1e-9 * abs(first.excessUpper) + 1e-9)
        #expect(abs(last.runningExcessLower - effect.cumulativeLower) <= 1e-9 * abs(effect.cumulativeLower) + 1e-9)
        #expect(abs(last.runningExcessUpper - effect.cumulativeUpper) <= 1e-9 * abs(effect.cumulativeUpper) + 1e-9)
        // The sum of daily bands is wider than the joint interval of the total (the days share the coefficients'
        // uncertainty only partly): the plot must not draw it.
        let summedWidth = effect.days.reduce(0.0) { $0 + $1.excessUpper - $1.excessLower }
        #expect(summedWidth > last.runningExcessUpper - last.runningExcessLower)
    }
}

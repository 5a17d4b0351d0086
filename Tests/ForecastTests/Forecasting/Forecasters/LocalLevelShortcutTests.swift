import Foundation
import Testing
@testable import ForecastCore
@testable import ForecastData
@testable import ForecastModels
@testable import ForecastAnalysis
@testable import ForecastReporting
import Forecast

/// The speed shortcuts of the local-level ensemble must return exactly what the direct computations return:
/// each test compares bit for bit with the plain form (standard-library sort, one lnΓ per day, the sorting CRPS).
@Suite("Local-level ensemble shortcuts equal the direct computations")
struct LocalLevelShortcutTests {
    @Test("Binary-insertion sort of ratio lists equals sorted(), incl. ties, empty and one-element lists")
    func ascendingEqualsSorted() {
        var random = SeededRandom(seed: 7)
        for count in [0, 1, 2, 17, 91] {
            // Ties: values drawn from few distinct counts, divided by a level as the ratios are.
            let values = (0..<count).map { _ in (1 + Double(Int(random.uniform() * 6))) / 3.7 }
            #expect(LocalLevelMember.ascending(values) == values.sorted())
        }
    }

    @Test("lnΓ(y + θ) per distinct count equals one lnΓ per day")
    func logGammaByValueEqualsDirect() {
        let y: [Double] = [0, 3, 3, 17, 0, 250, 3, 17, 1]
        var table = LogGammaByValue(y)
        for theta in [1e-4, 0.37, 2, 1e4] {
            table.evaluate(shift: theta)
            for i in y.indices {
                #expect(table.value(at: i).bitPattern == SpecialFunctions.logGamma(y[i] + theta).bitPattern)
            }
        }
    }

    @Test("CRPS of sorted members without re-sorting equals the sorting form")
    func sortedCRPSEqualsSortingForm() {
        let members: [Double] = [0, 1, 1, 2, 5, 8, 8, 13]
        for actual in [0.0, 1, 4.5, 20] {
            let direct = CRPS.ensemble(actual: actual, members: members.reversed())
            #expect(CRPS.ensemble(actual: actual, sortedMembers: members).bitPattern == direct.bitPattern)
        }
    }
}

@Suite("Quantile averaging's counting sorts equal the comparison sorts")
struct QuantileAveragingCountingTests {
    @Test("Integer draws with ties: countingSort equals sort(), countingOrder equals the stable sorted(by:)")
    func countingEqualsComparison() {
        var random = SeededRandom(seed: 11)
        let draws = (0..<500).map { _ in Double(Int(random.uniform() * 40)) }
        var counted = draws
        #expect(QuantileAveraging.countingSort(&counted))
        #expect(counted == draws.sorted())
        let order = QuantileAveraging.countingOrder(draws)
        #expect(order == (0..<draws.count).sorted { draws[$0] < draws[$1] })
        // Ties in index order (what a stable sort gives), checked directly.
        if let order {
            for k in 1..<order.count where draws[order[k]] == draws[order[k - 1]] { #expect(order[k] > order[k - 1]) }
        }
    }

    @Test("Non-counts (fractions, −0, values past 4·count) fall back to the comparison sort")
    func fallBack() {
        for values in [[0.5, 1, 2], [-0.0, 1, 2], [0, 1, 100]] {
            var copy = values
            #expect(!QuantileAveraging.countingSort(&copy))
            #expect(copy.map(\.bitPattern) == values.map(\.bitPattern))
            #expect(QuantileAveraging.countingOrder(values) == nil)
        }
    }
}

import Foundation
import Testing
@testable import ForecastCore
@testable import ForecastData
@testable import ForecastModels
@testable import ForecastAnalysis
@testable import ForecastReporting
import Forecast

@Suite("PIT: mid, randomised, Gaussian; PIT histograms")
struct PITTests {
    let geometric = CountDistribution.negativeBinomial(mean: 1, alpha: 1)  // F(k) = 1 − 2^−(k+1)

    @Test("Mid-PIT by hand, with F(−1) = 0 at y = 0")
    func mid() {
        #expect(PIT.interval(actual: 0, distribution: geometric) == (0, 0.5))
        #expect(PIT.mid(actual: 0, distribution: geometric) == 0.25)          // (0 + 1/2)/2
        #expect(PIT.mid(actual: 2, distribution: geometric) == 13.0 / 16)     // (3/4 + 7/8)/2
        #expect(PIT.mid(actual: [0, 1], distributions: [geometric, geometric]) == [0.25, 0.625])
        #expect(PIT.mid(actual: 0, distribution: .poisson(mean: 0)) == 0.5)   // point mass: [0, 1]
        #expect(PIT.mid(actual: 0.5, distribution: geometric).isNaN)
    }

    @Test("Randomised PIT: reproducible for a seed, inside [F(y − 1), F(y)], different for another seed")
    func randomized() {
        let y: [Double] = [0, 1, 2, 3, 0, 5]
        let d = [CountDistribution](repeating: geometric, count: y.count)
        let first = PIT.randomized(actual: y, distributions: d, seed: 42)
        #expect(first == PIT.randomized(actual: y, distributions: d, seed: 42))
        #expect(first != PIT.randomized(actual: y, distributions: d, seed: 43))
        for (t, value) in first.enumerated() {
            let (lower, upper) = PIT.interval(actual: y[t], distribution: geometric)
            #expect(lower <= value && value <= upper)
        }
        // A NaN day still consumes its draw: later days do not shift.
        let withGap = PIT.randomized(actual: [.nan] + y.dropFirst(), distributions: d, seed: 42)
        #expect(withGap[0].isNaN && Array(withGap.dropFirst()) == Array(first.dropFirst()))
    }

    @Test("Histograms: fractions per bin; the non-randomised one spreads each day over its PIT interval")
    func histograms() {
        #expect(PIT.histogram([0.05, 0.15, 0.95, 1.0, .nan, 1.5], bins: 2) == [0.5, 0.5])
        #expect(PIT.histogram([], bins: 3).allSatisfy { $0.isNaN })
        let spread = PIT.nonrandomizedHistogram(intervals: [(0.1, 0.3), (0.2, 0.4)], bins: 5)
        // Day 1: half in [0, 0.2), half in [0.2, 0.4); day 2: all in [0.2, 0.4).
        #expect(zip(spread, [0.25, 0.75, 0, 0, 0]).allSatisfy { abs($0 - $1) <= 1e-15 })
    }

    @Test("Calibrated Poisson forecasts: randomised and non-randomised histograms are flat (5,000 seeded days)")
    func calibration() {
        var random = RandomSource(seed: 7)
        let means = (0..<5000).map { Double($0 % 13) + 0.5 }
        let y = means.map { random.poisson($0) }
        let d = means.map { CountDistribution.poisson(mean: $0) }
        let randomized = PIT.histogram(PIT.randomized(actual: y, distributions: d, seed: 11), bins: 10)
        let nonrandomized = PIT.nonrandomizedHistogram(actual: y, distributions: d, bins: 10)
        #expect(randomized.allSatisfy { abs($0 - 0.1) < 0.02 }, "\(randomized)")
        #expect(nonrandomized.allSatisfy { abs($0 - 0.1) < 0.015 }, "\(nonrandomized)")
        // The mid-PIT alone is not uniform for small means (its values avoid 0 and 1).
        let mid = PIT.histogram(PIT.mid(actual: y, distributions: d), bins: 10)
        #expect(mid[0] < 0.09)
    }

    @Test("Gaussian PIT is Φ(z)")
    func gaussian() {
        #expect(PIT.gaussian(actual: [1, 3], mean: [1, 1], standardDeviation: [2, 2])[0] == 0.5)
        #expect(abs(PIT.gaussian(actual: [3], mean: [1], standardDeviation: [2])[0] - 0.8413447460685429) <= 1e-15)
        #expect(PIT.gaussian(actual: [3], mean: [1], standardDeviation: [0])[0].isNaN)
    }
}

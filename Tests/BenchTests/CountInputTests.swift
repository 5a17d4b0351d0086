import Foundation
import Testing
import BenchHarness

/// Mean and unbiased variance of `draws`.
private func moments(_ draws: [Double]) -> (mean: Double, variance: Double) {
    let n = Double(draws.count)
    let mean = draws.reduce(0, +) / n
    return (mean, draws.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1))
}

@Suite("Seeded count inputs")
struct CountInputTests {
    // Moment checks: sample mean within 5 standard errors √(Var/n); sample variance within 5 % (n = 200000
    // gives a relative standard error of the variance of about √((κ + 2)/n) < 1 % for these laws).
    static let draws = 200_000

    @Test("gamma draws have mean ka·s and variance k·s² (shapes 0.5, 2, 7.5)", arguments: [0.5, 2.0, 7.5])
    func gammaMoments(shape: Double) {
        var sampler = CountSampler(seed: 11)
        let scale = 3.0
        let (mean, variance) = moments((0..<Self.draws).map { _ in sampler.gamma(shape: shape, scale: scale) })
        let expectedVariance = shape * scale * scale
        #expect(abs(mean - shape * scale) < 5 * (expectedVariance / Double(Self.draws)).squareRoot())
        #expect(abs(variance / expectedVariance - 1) < 0.05)
    }

    @Test("Poisson draws are integers with mean = variance = λ (inversion below 10, PTRS above)",
          arguments: [0.3, 3.0, 9.9, 10.0, 50.0, 700.0])
    func poissonMoments(lambda: Double) {
        var sampler = CountSampler(seed: 12)
        let draws = (0..<Self.draws).map { _ in sampler.poisson(lambda) }
        #expect(draws.allSatisfy { $0 >= 0 && $0 == $0.rounded() })
        let (mean, variance) = moments(draws)
        #expect(abs(mean - lambda) < 5 * (lambda / Double(Self.draws)).squareRoot())
        #expect(abs(variance / lambda - 1) < 0.05)
    }

    @Test("NB2 draws have mean μ and variance μ + αμ² (μ = 20, α = 0.5: variance 220)")
    func negativeBinomialMoments() {
        var sampler = CountSampler(seed: 13)
        let (mu, alpha) = (20.0, 0.5)
        let (mean, variance) = moments((0..<Self.draws).map { _ in sampler.negativeBinomial(mean: mu, alpha: alpha) })
        let expectedVariance = mu + alpha * mu * mu
        #expect(abs(mean - mu) < 5 * (expectedVariance / Double(Self.draws)).squareRoot())
        #expect(abs(variance / expectedVariance - 1) < 0.05)
    }

    @Test("Poisson(0) is 0 and NB2 with α = 0 is Poisson")
    func boundaries() {
        var a = CountSampler(seed: 14), b = CountSampler(seed: 14)
        #expect(a.poisson(0) == 0)
        #expect(a.negativeBinomial(mean: 5, alpha: 0) == b.poisson(5))
    }

    @Test("count problems are deterministic, have an intercept, N(0, 0.3²) regressors and the documented β")
    func countProblem() {
        let size = CaseSize(rows: 20_000, columns: 4)
        let a = CountProblem(size: size), b = CountProblem(size: size)
        #expect(a.x == b.x && a.y == b.y)
        #expect(a.x[0..<20_000].allSatisfy { $0 == 1 })
        let (mean, variance) = moments(Array(a.x[20_000...]))
        #expect(abs(mean) < 5 * 0.3 / (60_000.0).squareRoot())
        #expect(abs(variance.squareRoot() / 0.3 - 1) < 0.02)
        #expect(a.trueCoefficients == [log(20.0), 0.5, -0.5, 0.5])
        #expect(a.y.allSatisfy { $0 >= 0 && $0 == $0.rounded() })
        // The mean of y is E exp(x′β) = 20·exp(½·0.09·0.25·3) ≈ 20.68.
        let expected = 20 * exp(0.5 * 0.09 * 0.25 * 3)
        #expect(abs(moments(a.y).mean - expected) < 5 * ((expected + 0.5 * 25 * expected * expected) / 20_000).squareRoot())
        #expect(a.exportedArrays.map(\.fileName) == ["count_20000x4_x.npy", "count_20000x4_y.npy"])
        #expect(a.exportedArrays.map(\.shape) == [[20_000, 4], [20_000]])
    }

    @Test("many series share X, are independent streams, and the first one is the single-series y")
    func manySeries() {
        let size = CaseSize(rows: 300, columns: 3)
        let single = CountProblem(size: size)
        let many = CountProblem(size: size, series: 5)
        let more = CountProblem(size: size, series: 7)
        #expect(many.x == single.x)
        #expect(many.responses[0] == single.y)
        #expect(Array(more.responses.prefix(5)) == many.responses)
        #expect(Set(many.responses.map { $0 }).count == 5)
        #expect(many.exportedArrays.map(\.fileName) == ["counts5_300x3_x.npy", "counts5_300x3_y.npy"])
        #expect(many.exportedArrays.map(\.shape) == [[300, 3], [300, 5]])
        #expect(Array(many.exportedArrays[1].values[300..<600]) == many.responses[1])
    }

    @Test("the daily series starts on a Thursday (2022-02-24), is deterministic and has its weekly pattern")
    func dailySeries() {
        #expect(DailyCountProblem.isoWeekday(daysSinceEpoch: 0) == 4)
        #expect(DailyCountProblem.isoWeekday(daysSinceEpoch: DailyCountProblem.defaultStartDay) == 4)
        #expect(DailyCountProblem.isoWeekday(daysSinceEpoch: -1) == 3)
        let a = DailyCountProblem(days: 7000), b = DailyCountProblem(days: 7000)
        #expect(a.y == b.y && a.y.count == 7000)
        #expect(a.y.allSatisfy { $0 >= 0 && $0 == $0.rounded() })
        // Sundays (effect −0.20) average below Wednesdays (+0.10) over 1000 weeks.
        func average(weekday: Int) -> Double {
            let days = a.y.indices.filter { DailyCountProblem.isoWeekday(daysSinceEpoch: a.startDay + $0) == weekday }
            return days.reduce(0) { $0 + a.y[$1] } / Double(days.count)
        }
        #expect(average(weekday: 7) < average(weekday: 3))
    }
}

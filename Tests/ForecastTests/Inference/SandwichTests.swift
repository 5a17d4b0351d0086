import Testing
@testable import ForecastCore
@testable import ForecastData
@testable import ForecastModels
@testable import ForecastAnalysis
@testable import ForecastReporting
import Forecast

@Suite("Sandwich meat")
struct SandwichTests {
    // u_t rows: (1, 2), (3, -1), (0, 4); hand-computed sums.
    let scores = Matrix(rows: [[1, 2], [3, -1], [0, 4]])

    @Test("Lag 0 is Σ u_t u_tᵀ")
    func heteroskedasticOnly() {
        #expect(Sandwich.meat(scores: scores, maxLags: 0) == Matrix(rows: [[10, -1], [-1, 21]]))
    }

    @Test("Bartlett lag 1: Σ u u' + (1/2) Σ (u_t u_{t−1}' + u_{t−1} u_t')")
    func bartlettLagOne() {
        // Γ₁ = u₂u₁' + u₃u₂' = [[3,6],[-1,-2]] + [[0,0],[12,-4]] = [[3,6],[11,-6]]; S = Γ₀ + ½(Γ₁ + Γ₁').
        let expected = Matrix(rows: [[10 + 3, -1 + 8.5], [-1 + 8.5, 21 - 6]])
        #expect(Sandwich.meat(scores: scores, maxLags: 1) == expected)
    }

    @Test("Lag 2 weights 2/3 and 1/3")
    func bartlettLagTwo() {
        // Γ₁ as above (weight 2/3); Γ₂ = u₃u₁' = [[0,0],[4,8]] (weight 1/3).
        let s = Sandwich.meat(scores: scores, maxLags: 2)
        let g1 = [[3.0, 6], [11, -6]], g2 = [[0.0, 0], [4, 8]], g0 = [[10.0, -1], [-1, 21]]
        for i in 0..<2 {
            for j in 0..<2 {
                let e = g0[i][j] + 2.0 / 3 * (g1[i][j] + g1[j][i]) + 1.0 / 3 * (g2[i][j] + g2[j][i])
                #expect(abs(s[i, j] - e) < 1e-14)
            }
        }
    }

    @Test("Least-squares meats in row blocks equal Sandwich.meat of the full score matrix (block edges, halos, kept columns)",
          arguments: [(1, 0), (255, 0), (256, 7), (257, 7), (700, 0), (700, 3), (700, 300), (1000, 7)])
    func blockedMeats(rows n: Int, lags: Int) {
        var random = SeededRandom(seed: UInt64(n * 31 + lags))
        let p = 4, kept = [0, 2, 3]
        let x = Matrix(rows: n, columns: p, columnMajor: (0..<(n * p)).map { _ in random.uniform() - 0.5 })
        let factor = (0..<n).map { _ in random.uniform() * 2 - 1 }
        var u = Matrix(rows: n, columns: kept.count)
        for (position, j) in kept.enumerated() { for i in 0..<n { u[i, position] = x[i, j] * factor[i] } }
        let expected = Sandwich.meat(scores: u, maxLags: lags)
        var workspace = LeastSquaresWorkspace()
        let blocked = workspace.scoreCrossProduct(x, kept: kept, rowFactor: factor, maxLags: lags)
        let scale = expected.storage.map(abs).max() ?? 1
        for i in 0..<kept.count {
            for j in 0..<kept.count {
                #expect(abs(blocked[i, j] - expected[i, j]) <= 1e-12 * scale, "n \(n) L \(lags) (\(i), \(j))")
            }
        }
    }

    @Test("Window-sum meat equals the lag-by-lag Bartlett definition (block edges, windows not a power of two, L ≥ n)",
          arguments: [(1, 0), (1, 3), (2, 5), (5, 4), (5, 9), (300, 1), (300, 2), (300, 5), (300, 6), (1023, 7),
                      (1024, 7), (1025, 7), (1031, 7), (2100, 12), (1500, 1100)])
    func windowSumsMatchDefinition(rows n: Int, lags: Int) {
        var random = SeededRandom(seed: UInt64(n * 17 + lags))
        let k = 3
        // Scores with a common offset, so that the lagged terms do not cancel.
        let u = Matrix(rows: n, columns: k, columnMajor: (0..<(n * k)).map { _ in random.uniform() - 0.3 })
        // The definition, term by term: Σ u_t u_tᵀ + Σ_{j=1..min(L, n−1)} (1 − j/(L+1)) (Γ_j + Γ_jᵀ).
        var expected = [Double](repeating: 0, count: k * k)
        for a in 0..<k {
            for b in 0..<k {
                var total = 0.0
                for t in 0..<n { total += u[t, a] * u[t, b] }
                if lags > 0 && n > 1 {
                    for j in 1...min(lags, n - 1) {
                        let w = 1 - Double(j) / Double(lags + 1)
                        for t in j..<n { total += w * (u[t, a] * u[t - j, b] + u[t - j, a] * u[t, b]) }
                    }
                }
                expected[a + b * k] = total
            }
        }
        let meat = Sandwich.meat(scores: u, maxLags: lags)
        let scale = expected.map(abs).max() ?? 1
        for a in 0..<k {
            for b in 0..<k {
                #expect(abs(meat[a, b] - expected[a + b * k]) <= 1e-13 * scale, "n \(n) L \(lags) (\(a), \(b))")
            }
        }
    }
}

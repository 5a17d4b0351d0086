import Foundation
import Testing
@testable import ForecastCore
@testable import ForecastData
@testable import ForecastModels
@testable import ForecastAnalysis
@testable import ForecastReporting
import Forecast

/// The tall-skinny (row-blocked) QR route against the plain Householder route on the same inputs: estimates,
/// standard errors under every covariance, residuals, leverages and the aliased columns, to 1e-12 relative —
/// with the block edges forced on small inputs (n not a multiple of the block, a last block with fewer rows than
/// columns, blocks all shorter than the column count, an aliased column that shows only in the stacked R).
@Suite("Tall-skinny QR equals the plain route")
struct TallSkinnyQRTests: LeastSquaresRouteComparison {
    static let covariances: [CovarianceEstimator] = [
        .classical, .hc0, .hc1, .hc2, .hc3, .neweyWest(maxLags: 4, smallSampleCorrection: true),
    ]

    func expectEqualRoutes(_ design: DesignMatrix, _ y: [Double], weights: [Double]? = nil, blockRows: Int,
                           _ label: String) throws {
        for covariance in Self.covariances {
            let plain = try fit(design, y, weights: weights, covariance: covariance, route: .never)
            let blocked = try fit(design, y, weights: weights, covariance: covariance, route: .always(blockRows: blockRows))
            #expect(blocked.usedBlocks && !plain.usedBlocks)
            #expect(blocked.fit.aliasedColumns == plain.fit.aliasedColumns, "\(label) \(covariance)")
            let tag = "\(label) \(covariance.kindName)"
            #expect(relativeDifference(blocked.fit.estimates, plain.fit.estimates) <= 1e-12, "\(tag) β")
            #expect(relativeDifference(blocked.fit.standardErrors, plain.fit.standardErrors) <= 1e-12, "\(tag) SE")
            #expect(relativeDifference(blocked.fit.residuals, plain.fit.residuals) <= 1e-12, "\(tag) residuals")
            #expect(relativeDifference(blocked.leverages, plain.leverages) <= 1e-12, "\(tag) leverages")
            #expect(abs(blocked.fit.ssr - plain.fit.ssr) <= 1e-12 * plain.fit.ssr, "\(tag) SSR")
        }
    }

    @Test("Random designs: n a multiple of the block, n not a multiple, a last block shorter than the columns",
          arguments: [(1000, 6, 100), (1003, 6, 100), (1005, 8, 250), (997, 12, 61)])
    func random(rows: Int, columns: Int, blockRows: Int) throws {
        let (design, y) = design(rows: rows, columns: columns, seed: UInt64(rows * 31 + columns))
        try expectEqualRoutes(design, y, blockRows: blockRows, "\(rows)x\(columns)/\(blockRows)")
    }

    @Test("Weighted least squares by blocks equals the plain route")
    func weighted() throws {
        let (design, y) = design(rows: 777, columns: 5, seed: 9)
        var random = SeededRandom(seed: 10)
        let weights = (0..<777).map { _ in 0.2 + random.uniform() * 3 }
        try expectEqualRoutes(design, y, weights: weights, blockRows: 64, "weighted")
    }

    @Test("Every block shorter than the column count; a later column that is the sum of two earlier ones is aliased")
    func aliasedOnlyInStackedR() throws {
        let (base, y) = design(rows: 103, columns: 5, seed: 4)
        var columns = (0..<5).map { base.values.column($0) }
        columns.insert(zip(columns[1], columns[3]).map { $0 + $1 }, at: 3)   // x1 + x3, before x3: x3 is aliased
        let names = ["c0", "c1", "c2", "sum", "c3", "c4"]
        let design = DesignMatrix(names: names, values: Matrix(columns: columns))
        // Blocks of 4 rows < 7 factored columns: no block's triangle reaches the aliased column's diagonal.
        try expectEqualRoutes(design, y, blockRows: 4, "short blocks")
        let blocked = try fit(design, y, covariance: .classical, route: .always(blockRows: 4))
        #expect(blocked.fit.aliasedColumns == [4])
    }

    @Test("A dummy that is zero in whole blocks is degenerate there but not aliased overall")
    func degenerateInsideBlocks() throws {
        var (base, y) = design(rows: 600, columns: 4, seed: 12)
        var columns = (0..<4).map { base.values.column($0) }
        columns.append((0..<600).map { $0 >= 450 && $0 % 2 == 0 ? 1 : 0 })
        base = DesignMatrix(names: ["c0", "c1", "c2", "c3", "late"], values: Matrix(columns: columns))
        for i in 450..<600 where i % 2 == 0 { y[i] += 3 }
        try expectEqualRoutes(base, y, blockRows: 100, "zero in blocks")
        #expect(try fit(base, y, covariance: .classical, route: .always(blockRows: 100)).fit.aliasedColumns.isEmpty)
    }

    @Test("Automatic choice: blocks from 20,000 rows and up to 64 columns, the plain route below")
    func automatic() {
        #expect(TallSkinnyChoice.automatic.blocks(rows: 10_000, columns: 21) == nil)
        #expect(TallSkinnyChoice.automatic.blocks(rows: 1_000_000, columns: 21) != nil)
        #expect(TallSkinnyChoice.automatic.blocks(rows: 1_000_000, columns: 200) == nil)
        let blocks = TallSkinnyChoice.automatic.blocks(rows: 100_000, columns: 51)!
        #expect(blocks.stackedRows == (blocks.count - 1) * 51 + min(blocks.rows(blocks.count - 1), 51))
    }

    @Test("Refinement and a second right-hand side go through the blocked Q")
    func refinementAndSecondResponse() throws {
        let (design, y) = design(rows: 501, columns: 6, seed: 15)
        var plainWorkspace = LeastSquaresWorkspace(), blockedWorkspace = LeastSquaresWorkspace()
        plainWorkspace.tallSkinny = .never
        blockedWorkspace.tallSkinny = .always(blockRows: 40)
        let model = LinearRegression(refineSolution: true)
        let plain = try model.fit(design, response: y, workspace: &plainWorkspace)
        let blocked = try model.fit(design, response: y, workspace: &blockedWorkspace)
        #expect(relativeDifference(blocked.estimates, plain.estimates) <= 1e-13)
        // Qᵀ then Q returns the vector; Q₁ᵀ y's solve equals the response factored along.
        let layout = blockedWorkspace.layout!
        var v = y
        blockedWorkspace.applyQ(transpose: true, to: &v, layout: layout)
        blockedWorkspace.applyQ(transpose: false, to: &v, layout: layout)
        #expect(relativeDifference(v, y) <= 1e-13)
        let second = try blockedWorkspace.solve(y, layout: layout)
        #expect(relativeDifference(second, try blockedWorkspace.solve(layout: layout)) <= 1e-12)
    }

    @Test("Poisson and NB2 fits (IRLS and Newton on the blocked factor) equal the plain route's to 1e-9", arguments: [false, true])
    func countModels(negativeBinomial: Bool) throws {
        let n = 700
        var random = SeededRandom(seed: 31)
        var columns: [(name: String, values: [Double])] = [("const", [Double](repeating: 1, count: n))]
        for j in 1..<5 { columns.append(("x\(j)", (0..<n).map { _ in 0.3 * random.normal() })) }
        let design = DesignMatrix(columns: columns)
        let y = (0..<n).map { i in
            random.negativeBinomial(mean: exp(2 + 0.5 * design.values[i, 1] - 0.4 * design.values[i, 3]), alpha: 0.4)
        }
        let model = negativeBinomial ? CountRegression.negativeBinomial() : CountRegression.poisson()
        var plainWorkspace = LeastSquaresWorkspace(), blockedWorkspace = LeastSquaresWorkspace()
        plainWorkspace.tallSkinny = .never
        blockedWorkspace.tallSkinny = .always(blockRows: 97)
        let plain = try model.fit(design, response: y, workspace: &plainWorkspace)
        let blocked = try model.fit(design, response: y, workspace: &blockedWorkspace)
        #expect(blockedWorkspace.layout?.blocks != nil)
        #expect(relativeDifference(blocked.estimates, plain.estimates) <= 1e-9)
        #expect(relativeDifference(blocked.standardErrors, plain.standardErrors) <= 1e-9)
        if negativeBinomial { #expect(abs(blocked.alpha! - plain.alpha!) <= 1e-9 * plain.alpha!) }
    }
}

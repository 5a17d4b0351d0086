import Testing
@testable import ForecastCore
@testable import ForecastData
@testable import ForecastModels
@testable import ForecastAnalysis
@testable import ForecastReporting
import Forecast

/// Property tests on seeded random designs: the QR solution satisfies the normal equations (residuals
/// orthogonal to every kept column), leverages sum to the rank, and the aliasing rule names R's column.
@Suite("Householder QR with R's aliasing rule")
struct LeastSquaresWorkspaceTests {
    func randomDesign(rows: Int, columns: Int, seed: UInt64) -> (Matrix, [Double]) {
        var random = SeededRandom(seed: seed)
        var x = Matrix(rows: rows, columns: columns)
        for j in 0..<columns { for i in 0..<rows { x[i, j] = j == 0 ? 1 : random.normal() * Double(j * j + 1) } }
        let y = (0..<rows).map { i in (0..<columns).reduce(0.0) { $0 + x[i, $1] * Double($1 + 1) } + random.normal() }
        return (x, y)
    }

    @Test("Residuals are orthogonal to the columns; leverages sum to the rank", arguments: [(50, 3), (400, 12), (97, 30)])
    func normalEquations(rows: Int, columns: Int) throws {
        let (x, y) = randomDesign(rows: rows, columns: columns, seed: UInt64(rows * 1000 + columns))
        var workspace = LeastSquaresWorkspace()
        let layout = workspace.factor(x, rowScale: nil, tolerance: 1e-10)
        #expect(layout.rank == columns && layout.aliased.isEmpty)
        let b = try workspace.solve(y, layout: layout)
        let residuals = zip(y, x.multiplied(by: b)).map { $0 - $1 }
        let xtr = x.transposeMultiplied(by: Matrix(rows: rows, columns: 1, columnMajor: residuals))
        let scale = y.map(abs).max()! * Double(rows)
        for j in 0..<columns { #expect(abs(xtr[j, 0]) <= 1e-10 * scale * Double(j * j + 1)) }
        let h = workspace.leverages(layout: layout)
        #expect(abs(h.reduce(0, +) - Double(columns)) < 1e-10)
        // (XᵀX)⁻¹ · XᵀX = I
        let product = try workspace.unscaledCovariance(layout: layout).multiplied(by: x.gram())
        for i in 0..<columns { for j in 0..<columns { #expect(abs(product[i, j] - (i == j ? 1 : 0)) < 1e-9) } }
    }

    @Test("A later column that is the sum of two earlier ones is aliased (R's choice: the later one)")
    func sumOfTwoColumns() throws {
        let (x, _) = randomDesign(rows: 60, columns: 4, seed: 7)
        var columns = (0..<4).map { x.column($0) }
        columns.insert(zip(columns[1], columns[3]).map { $0 + $1 }, at: 4)   // a4 = a1 + a3, last
        var workspace = LeastSquaresWorkspace()
        #expect(workspace.factor(Matrix(columns: columns), rowScale: nil, tolerance: 1e-10).aliased == [4])
        // Put the sum first among the three: then the last of the three (original column 3) is the aliased one.
        let reordered = [columns[0], columns[4], columns[1], columns[2], columns[3]]
        #expect(workspace.factor(Matrix(columns: reordered), rowScale: nil, tolerance: 1e-10).aliased == [4])
    }

    @Test("Duplicate, zero and more-columns-than-rows cases")
    func degenerate() {
        let (x, _) = randomDesign(rows: 20, columns: 3, seed: 11)
        var workspace = LeastSquaresWorkspace()
        let duplicate = Matrix(columns: [x.column(0), x.column(1), x.column(1), x.column(2)])
        #expect(workspace.factor(duplicate, rowScale: nil, tolerance: 1e-10).aliased == [2])
        let zero = Matrix(columns: [x.column(0), [Double](repeating: 0, count: 20), x.column(2)])
        let layout = workspace.factor(zero, rowScale: nil, tolerance: 1e-10)
        #expect(layout.aliased == [1] && layout.kept == [0, 2])
        // Scaling a column by 1e-200 or 1e200 does not make it aliased (unit-norm test is scale-free).
        let tiny = Matrix(columns: [x.column(0), x.column(1).map { $0 * 1e-200 }, x.column(2).map { $0 * 1e200 }])
        #expect(workspace.factor(tiny, rowScale: nil, tolerance: 1e-10).aliased.isEmpty)
    }

    @Test("A near-collinear column above the tolerance is kept; below it, aliased")
    func tolerance() {
        var random = SeededRandom(seed: 3)
        let a = (0..<50).map { _ in random.normal() }
        let noise = (0..<50).map { _ in random.normal() }
        let norm = noise.map { $0 * $0 }.reduce(0, +).squareRoot()
        let aNorm = a.map { $0 * $0 }.reduce(0, +).squareRoot()
        func design(_ epsilon: Double) -> Matrix {
            Matrix(columns: [a, zip(a, noise).map { $0 + epsilon * aNorm * $1 / norm }])
        }
        var workspace = LeastSquaresWorkspace()
        #expect(workspace.factor(design(1e-8), rowScale: nil, tolerance: 1e-10).aliased.isEmpty)
        #expect(workspace.factor(design(1e-12), rowScale: nil, tolerance: 1e-10).aliased == [1])
    }
}

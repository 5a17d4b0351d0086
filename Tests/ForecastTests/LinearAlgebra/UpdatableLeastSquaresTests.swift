import Foundation
import Testing
@testable import ForecastCore
@testable import ForecastData
@testable import ForecastModels
@testable import ForecastAnalysis
@testable import ForecastReporting
import Forecast

/// Property tests on seeded random designs: rows absorbed one at a time (Givens) or in blocks (Householder), and
/// rows removed again (downdates), give the least-squares solution, residual sum of squares and x′(XᵀX)⁻¹x of a
/// from-scratch QR of the same rows.
@Suite("Updatable least squares: Givens and block updates, downdates, reading the factor")
struct UpdatableLeastSquaresTests {
    static func design(rows: Int, columns: Int, seed: UInt64) -> (x: Matrix, y: [Double]) {
        var random = SeededRandom(seed: seed)
        var x = Matrix(rows: rows, columns: columns)
        for j in 0..<columns { for i in 0..<rows { x[i, j] = j == 0 ? 1 : 10 * random.normal() + Double(j) } }
        let y = (0..<rows).map { i in (0..<columns).reduce(0.0) { $0 + x[i, $1] * Double($1 + 1) } + random.normal() }
        return (x, y)
    }

    /// β̂, RSS and (XᵀX)⁻¹ of the rows `rows` by `LeastSquaresWorkspace` (the library's refit path).
    static func direct(_ x: Matrix, _ y: [Double], rows: Range<Int>) throws -> (beta: [Double], rss: Double, inverse: Matrix) {
        let sub = x.selectingRows(Array(rows)), ySub = Array(y[rows])
        var workspace = LeastSquaresWorkspace()
        let layout = workspace.factor(sub, rowScale: nil, tolerance: 1e-10)
        let beta = try workspace.solve(ySub, layout: layout)
        let fitted = sub.multiplied(by: beta)
        let rss = zip(ySub, fitted).reduce(0.0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
        return (beta, rss, try workspace.unscaledCovariance(layout: layout))
    }

    func relative(_ a: [Double], _ b: [Double]) -> Double {
        let scale = b.map(abs).max() ?? 1
        return zip(a, b).map { abs($0 - $1) }.max()! / scale
    }

    @Test("One row at a time (Givens) equals a block update and a fresh QR; x′(XᵀX)⁻¹x equals the inverse's form",
          arguments: [(60, 4), (300, 10)])
    func givensRows(rows: Int, columns: Int) throws {
        let (x, y) = Self.design(rows: rows, columns: columns, seed: UInt64(rows + columns))
        var givens = UpdatableLeastSquares(columns: columns), block = UpdatableLeastSquares(columns: columns)
        let half = rows / 2
        block.add(rows: x.selectingRows(Array(0..<half)), responses: Array(y[0..<half]))
        givens.add(rows: x.selectingRows(Array(0..<half)), responses: Array(y[0..<half]))
        for i in half..<rows { givens.add(row: x.row(i), response: y[i]) }
        block.add(rows: x.selectingRows(Array(half..<rows)), responses: Array(y[half..<rows]))
        let reference = try Self.direct(x, y, rows: 0..<rows)
        #expect(givens.rowCount == rows && block.rowCount == rows)
        for solver in [givens, block] {
            #expect(relative(try solver.coefficients(), reference.beta) < 1e-10)
            #expect(abs(solver.residualSumOfSquares - reference.rss) <= 1e-10 * reference.rss)
            for i in [0, rows / 3, rows - 1] {
                let row = x.row(i)
                let q = try solver.inverseGramQuadraticForm(row)
                let expected = (0..<columns).reduce(0.0) { sum, a in
                    sum + (0..<columns).reduce(0.0) { $0 + row[a] * reference.inverse[a, $1] * row[$1] }
                }
                #expect(abs(q - expected) <= 1e-10 * expected, "row \(i): \(q) vs \(expected)")
            }
        }
    }

    @Test("Removing the first rows (downdates) after Givens additions equals a fresh QR of the rest")
    func slidingWindow() throws {
        let (x, y) = Self.design(rows: 200, columns: 6, seed: 11)
        var solver = UpdatableLeastSquares(columns: 6)
        for i in 0..<150 { solver.add(row: x.row(i), response: y[i]) }
        for i in 0..<40 {
            let removed = solver.remove(row: x.row(i), response: y[i])
            #expect(removed, "row \(i)")
        }
        for i in 150..<200 { solver.add(row: x.row(i), response: y[i]) }
        let reference = try Self.direct(x, y, rows: 40..<200)
        #expect(solver.rowCount == 160)
        #expect(relative(try solver.coefficients(), reference.beta) < 1e-9)
    }

    @Test("A zero row leaves the factor unchanged; an all-zero column is singular")
    func degenerate() throws {
        var solver = UpdatableLeastSquares(columns: 2)
        solver.add(row: [1, 0], response: 3)
        solver.add(row: [1, 0], response: 5)
        #expect(!solver.isFullRank)
        #expect(throws: LinearAlgebraError.self) { try solver.coefficients() }
        #expect(throws: LinearAlgebraError.self) { try solver.inverseGramQuadraticForm([1, 1]) }
        solver.add(row: [0, 0], response: 0)
        #expect(solver.rowCount == 3 && abs(solver.residualSumOfSquares - 2) < 1e-14)  // y − mean: ±1
    }
}

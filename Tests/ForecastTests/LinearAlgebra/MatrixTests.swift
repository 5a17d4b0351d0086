import Testing
@testable import ForecastCore
@testable import ForecastData
@testable import ForecastModels
@testable import ForecastAnalysis
@testable import ForecastReporting
import Forecast

@Suite("Matrix and BLAS wrappers")
struct MatrixTests {
    // Small products computed by hand.
    let a = Matrix(rows: [[1, 2, 3], [4, 5, 6]])          // 2×3
    let b = Matrix(rows: [[7, 8], [9, 10], [11, 12]])     // 3×2

    @Test("Column-major layout and subscripts")
    func layout() {
        #expect(a.storage == [1, 4, 2, 5, 3, 6])
        #expect(a[1, 2] == 6)
        #expect(a.column(1) == [2, 5])
        #expect(a.row(0) == [1, 2, 3])
        #expect(a.transposed == Matrix(rows: [[1, 4], [2, 5], [3, 6]]))
    }

    @Test("dgemm, dgemv and dsyrk wrappers")
    func products() {
        #expect(a.multiplied(by: b) == Matrix(rows: [[58, 64], [139, 154]]))
        #expect(b.transposeMultiplied(by: b) == Matrix(rows: [[251, 278], [278, 308]]))
        #expect(a.multiplied(by: [1, 0, -1]) == [-2, -2])
        #expect(b.gram() == Matrix(rows: [[251, 278], [278, 308]]))
    }

    @Test("Selecting columns and rows")
    func selecting() {
        #expect(a.selectingColumns([2, 0]) == Matrix(rows: [[3, 1], [6, 4]]))
        #expect(b.selectingRows([2, 0]) == Matrix(rows: [[11, 12], [7, 8]]))
    }

    @Test("(RᵀR)⁻¹ from an upper-triangular R: exact on an integer case, an inverse on a 40×40 one")
    func inverseGram() throws {
        // By hand: R = [1 2 3; 0 1 4; 0 0 1] has R⁻¹ = [1 −2 5; 0 1 −4; 0 0 1], and R⁻¹R⁻ᵀ has rows
        // (30, −22, 5), (−22, 17, −4), (5, −4, 1); RᵀR = [1 2 3; 2 5 10; 3 10 26] has Cholesky factor R exactly.
        let r = Matrix(rows: [[1, 2, 3], [0, 1, 4], [0, 0, 1]])
        let expected = Matrix(rows: [[30, -22, 5], [-22, 17, -4], [5, -4, 1]])
        #expect(try Matrix.inverseGram(ofUpperTriangular: r) == expected)
        #expect(try Matrix(rows: [[1, 2, 3], [2, 5, 10], [3, 10, 26]]).inverseOfPositiveDefinite() == expected)
        // A zero on R's diagonal is reported with its index, not returned as infinities.
        #expect(throws: LinearAlgebraError.singular(routine: "dtrtri", index: 1)) {
            try Matrix.inverseGram(ofUpperTriangular: Matrix(rows: [[1, 2], [0, 0]]))
        }
        var random = SeededRandom(seed: 5)
        let g = Matrix(rows: (0..<120).map { _ in (0..<40).map { _ in random.uniform() - 0.5 } })
        let a = g.gram()
        let inverse = try a.inverseOfPositiveDefinite()
        let product = a.multiplied(by: inverse)
        for i in 0..<40 {
            for j in 0..<40 {
                #expect(abs(product[i, j] - (i == j ? 1 : 0)) < 1e-10)
                #expect(inverse[i, j] == inverse[j, i])
            }
        }
    }
}

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
}

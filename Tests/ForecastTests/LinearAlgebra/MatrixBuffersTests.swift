import Foundation
import Testing
@testable import ForecastCore
import Forecast

/// The buffer-reusing products of Matrix+Buffers.swift against the BLAS products of Matrix+BLAS.swift.
@Suite("Matrix products into buffers")
struct MatrixBuffersTests {
    @Test("weightedGram = Xᵀ diag(d) X and Xᵀ V (dsyrk/dgemm) to 1e-13, for row and column counts around the 4-blocks",
          arguments: [(1, 1), (3, 2), (7, 5), (9, 4), (64, 8), (1001, 15), (250, 21)])
    func weightedGram(rows n: Int, columns k: Int) {
        var random = SeededRandom(seed: UInt64(17 * n + k))
        let x = Matrix(rows: n, columns: k, columnMajor: (0..<(n * k)).map { _ in random.normal() })
        let d = (0..<n).map { _ in 0.1 + random.uniform() }
        let vectors = (0..<(2 * n)).map { _ in random.normal() }
        var scratch: [Double] = []
        let (gram, products) = x.weightedGram(d, vectors: vectors, count: 2, scratch: &scratch)
        var scaled = x
        for j in 0..<k { for i in 0..<n { scaled[i, j] *= d[i].squareRoot() } }
        let expectedGram = scaled.gram()
        let expectedProducts = x.transposeMultiplied(by: Matrix(rows: n, columns: 2, columnMajor: vectors))
        let gramScale = expectedGram.storage.map(abs).max()!
        for index in gram.storage.indices {
            #expect(abs(gram.storage[index] - expectedGram.storage[index]) <= 1e-13 * gramScale, "gram \(index)")
        }
        for j in 0..<k {
            for c in 0..<2 {
                var magnitude = 0.0
                for i in 0..<n { magnitude += abs(x[i, j] * vectors[c * n + i]) }
                #expect(abs(products[j, c] - expectedProducts[j, c]) <= 1e-14 * magnitude, "product \(j), \(c)")
            }
        }
    }

    @Test("multiply(_:shift:into:) = X β (+ offset)")
    func multiply() {
        var random = SeededRandom(seed: 5)
        let x = Matrix(rows: 37, columns: 4, columnMajor: (0..<148).map { _ in random.normal() })
        let beta = [0.5, -1, 2, 0.25], offset = (0..<37).map { Double($0) }
        var result = [Double](repeating: .nan, count: 37)
        x.multiply(beta, shift: nil, into: &result)
        #expect(result == x.multiplied(by: beta))
        x.multiply(beta, shift: offset, into: &result)
        let expected = x.multiplied(by: beta)
        for i in 0..<37 { #expect(abs(result[i] - (expected[i] + offset[i])) <= 1e-13 * (1 + abs(offset[i]))) }
    }
}

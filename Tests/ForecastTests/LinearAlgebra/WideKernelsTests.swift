import Foundation
import Testing
@testable import ForecastCore
@testable import ForecastData
@testable import ForecastModels
import Forecast

/// The wide (AVX2 + FMA, C) kernels against the portable Swift kernels on the same inputs (`WideKernels.swift`
/// policy 2): least-squares fits on the plain and the row-blocked route (estimates, standard errors under every
/// covariance, residuals, leverages, aliased columns), the meat and NB2's weighted Gram matrix, and Poisson/NB2
/// fits, to 1e-12 relative (residuals: relative to the response). On a CPU without AVX2 + FMA both sides run the
/// portable kernels.
@Suite("Wide kernels equal the portable kernels")
struct WideKernelsTests: LeastSquaresRouteComparison {
    static let covariances: [CovarianceEstimator] = [
        .classical, .hc0, .hc1, .hc2, .hc3, .neweyWest(maxLags: 7, smallSampleCorrection: true),
    ]

    /// `body` on the wide path (when this CPU has it) and on the portable path.
    func bothPaths<T>(_ body: () throws -> T) rethrows -> (wide: T, portable: T) {
        let wide = try body()
        let portable = try KernelPath.$portableOnly.withValue(true) {
            #expect(KernelPath.current == .portable)
            return try body()
        }
        return (wide, portable)
    }

    func expectEqualPaths(_ design: DesignMatrix, _ y: [Double], weights: [Double]? = nil, route: TallSkinnyChoice,
                          _ label: String) throws {
        for covariance in Self.covariances {
            let (wide, portable) = try bothPaths { () throws -> (LinearRegressionFit, [Double], Bool) in
                try fit(design, y, weights: weights, covariance: covariance, route: route)
            }
            let tag = "\(label) \(covariance.kindName)"
            #expect(wide.2 == portable.2, "\(tag) route")
            #expect(wide.0.aliasedColumns == portable.0.aliasedColumns, "\(tag) aliased")
            #expect(relativeDifference(wide.0.estimates, portable.0.estimates) <= 1e-12, "\(tag) β")
            #expect(relativeDifference(wide.0.standardErrors, portable.0.standardErrors) <= 1e-12, "\(tag) SE")
            // Residuals e = y − Xβ̂ carry rounding of the size of y, not of e (here ‖y‖ / ‖e‖ reaches 5,000): they
            // are compared relative to max |y| (relative to max |e| the 3000x20 case differs by 2.7e-12).
            let scale = y.map(abs).max()!
            #expect(zip(wide.0.residuals, portable.0.residuals).allSatisfy { abs($0 - $1) <= 1e-12 * scale },
                    "\(tag) residuals")
            #expect(relativeDifference(wide.1, portable.1) <= 1e-12, "\(tag) leverages")
        }
    }

    @Test("This CPU's choice: wide exactly when the CPU has AVX2 and FMA and no task asked for the portable path")
    func choice() {
        #expect(KernelPath.current == (KernelPath.wideAvailable ? .wide : .portable))
        KernelPath.$portableOnly.withValue(true) {
            #expect(KernelPath.current == .portable)
            // ParallelMap's workers run with the calling task's choice.
            let seen = ParallelMap.map(count: 4, workers: 2) { _ in KernelPath.current }
            #expect(seen.allSatisfy { $0 == .portable })
        }
    }

    @Test("Plain route: random designs (row counts around the 4- and 8-lane loops, odd and even column counts)",
          arguments: [(9, 3), (17, 4), (203, 5), (1000, 10), (1001, 11), (3000, 20)])
    func plainRoute(rows: Int, columns: Int) throws {
        let (design, y) = design(rows: rows, columns: columns, seed: UInt64(rows * 7 + columns))
        try expectEqualPaths(design, y, route: .never, "\(rows)x\(columns)")
    }

    @Test("Row-blocked route: n not a multiple of the block, a last block shorter than the columns, weights",
          arguments: [(1003, 6, 100), (1005, 8, 250), (997, 12, 61)])
    func blockedRoute(rows: Int, columns: Int, blockRows: Int) throws {
        let (design, y) = design(rows: rows, columns: columns, seed: UInt64(rows * 31 + columns))
        try expectEqualPaths(design, y, route: .always(blockRows: blockRows), "\(rows)x\(columns)/\(blockRows)")
        var random = SeededRandom(seed: UInt64(rows))
        let weights = (0..<rows).map { _ in 0.2 + random.uniform() * 3 }
        try expectEqualPaths(design, y, weights: weights, route: .always(blockRows: blockRows), "weighted \(rows)x\(columns)")
    }

    @Test("An aliased column that shows only in the stacked R, and one aliased on the plain route")
    func aliased() throws {
        let (base, y) = design(rows: 103, columns: 5, seed: 4)
        var columns = (0..<5).map { base.values.column($0) }
        columns.insert(zip(columns[1], columns[3]).map { $0 + $1 }, at: 3)   // x1 + x3, before x3: x3 is aliased
        let design = DesignMatrix(names: ["c0", "c1", "c2", "sum", "c3", "c4"], values: Matrix(columns: columns))
        try expectEqualPaths(design, y, route: .always(blockRows: 4), "short blocks")
        try expectEqualPaths(design, y, route: .never, "plain")
        let fits = try bothPaths { try LinearRegression().fit(design, response: y).aliasedColumns }
        #expect(fits.wide == [4] && fits.portable == [4])
    }

    @Test("Meat (upper-triangle cross product of window sums) on both paths, block edges and lags",
          arguments: [(1, 0), (7, 3), (1023, 0), (1025, 7), (2100, 12)])
    func meat(rows n: Int, lags: Int) {
        var random = SeededRandom(seed: UInt64(n * 13 + lags))
        for k in [1, 3, 6, 10] {
            let u = Matrix(rows: n, columns: k, columnMajor: (0..<(n * k)).map { _ in random.uniform() - 0.3 })
            let (wide, portable) = bothPaths {
                u.storage.withUnsafeBufferPointer {
                    LaggedCrossProduct.compute(u: $0.baseAddress!, rows: n, columns: k, maxLags: lags)
                }
            }
            #expect(relativeDifference(wide.storage, portable.storage) <= 1e-12, "n \(n) k \(k) L \(lags)")
            #expect(wide.storage == wide.transposed.storage, "symmetric")
        }
    }

    @Test("weightedGram on both paths (row blocks of 512, columns around the 2×4 tiles)",
          arguments: [(1, 1), (5, 2), (513, 7), (1500, 15), (1031, 9)])
    func weightedGram(rows n: Int, columns k: Int) {
        var random = SeededRandom(seed: UInt64(5 * n + k))
        let x = Matrix(rows: n, columns: k, columnMajor: (0..<(n * k)).map { _ in random.normal() })
        let d = (0..<n).map { _ in 0.1 + random.uniform() }
        let vectors = (0..<(2 * n)).map { _ in random.normal() }
        let (wide, portable) = bothPaths {
            var scratch: [Double] = []
            return x.weightedGram(d, vectors: vectors, count: 2, scratch: &scratch)
        }
        #expect(relativeDifference(wide.gram.storage, portable.gram.storage) <= 1e-12)
        // Xᵀ v may cancel: compared relative to Σ |x_ij v_i|.
        for j in 0..<k {
            for c in 0..<2 {
                var magnitude = 0.0
                for i in 0..<n { magnitude += abs(x[i, j] * vectors[c * n + i]) }
                #expect(abs(wide.products[j, c] - portable.products[j, c]) <= 1e-14 * magnitude, "product \(j), \(c)")
            }
        }
    }

    @Test("Poisson and NB2 fits on both paths", arguments: [false, true])
    func countModels(negativeBinomial: Bool) throws {
        let n = 1500
        var random = SeededRandom(seed: 41)
        var columns: [(name: String, values: [Double])] = [("const", [Double](repeating: 1, count: n))]
        for j in 1..<15 { columns.append(("x\(j)", (0..<n).map { _ in 0.2 * random.normal() })) }
        let design = DesignMatrix(columns: columns)
        let y = (0..<n).map { i in
            random.negativeBinomial(mean: exp(1.5 + 0.5 * design.values[i, 1] - 0.4 * design.values[i, 3]), alpha: 0.4)
        }
        let model = negativeBinomial ? CountRegression.negativeBinomial() : CountRegression.poisson()
        let (wide, portable) = try bothPaths { try model.fit(design, response: y) }
        #expect(relativeDifference(wide.estimates, portable.estimates) <= 1e-12)
        #expect(relativeDifference(wide.standardErrors, portable.standardErrors) <= 1e-12)
        if negativeBinomial { #expect(abs(wide.alpha! - portable.alpha!) <= 1e-12 * portable.alpha!) }
    }
}

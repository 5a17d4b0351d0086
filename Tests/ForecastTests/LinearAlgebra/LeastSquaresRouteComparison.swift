import Foundation
import Testing
@testable import ForecastCore
@testable import ForecastData
@testable import ForecastModels
import Forecast

/// What the suites comparing two least-squares routes or kernel paths on the same inputs share (tall-skinny vs
/// plain, wide vs portable): a seeded design, one fit on a chosen route with its leverages, and the relative
/// difference the comparisons bound.
protocol LeastSquaresRouteComparison {}

extension LeastSquaresRouteComparison {
    func design(rows n: Int, columns p: Int, seed: UInt64) -> (DesignMatrix, [Double]) {
        var random = SeededRandom(seed: seed)
        var x = Matrix(rows: n, columns: p)
        for j in 0..<p { for i in 0..<n { x[i, j] = j == 0 ? 1 : random.normal() * Double(j * j + 1) } }
        let y = (0..<n).map { i in (0..<p).reduce(0.0) { $0 + x[i, $1] * Double($1 + 1) } + random.normal() * Double(1 + i % 3) }
        return (DesignMatrix(names: (0..<p).map { "x\($0)" }, values: x), y)
    }

    func fit(_ design: DesignMatrix, _ y: [Double], weights: [Double]? = nil, covariance: CovarianceEstimator,
             route: TallSkinnyChoice) throws -> (fit: LinearRegressionFit, leverages: [Double], usedBlocks: Bool) {
        var workspace = LeastSquaresWorkspace()
        workspace.tallSkinny = route
        let fit = try LinearRegression(covariance: covariance).fit(design, response: y, weights: weights,
                                                                   workspace: &workspace)
        let layout = workspace.layout!
        return (fit, workspace.leverages(layout: layout), layout.blocks != nil)
    }

    /// max |a − b| / max |b| over the finite entries, with NaN required in the same places.
    func relativeDifference(_ a: [Double], _ b: [Double]) -> Double {
        precondition(a.count == b.count)
        var largest = 0.0, difference = 0.0
        for (u, v) in zip(a, b) {
            if u.isNaN || v.isNaN { if u.isNaN != v.isNaN { return .infinity }; continue }
            largest = max(largest, abs(v))
            difference = max(difference, abs(u - v))
        }
        return largest == 0 ? difference : difference / largest
    }
}

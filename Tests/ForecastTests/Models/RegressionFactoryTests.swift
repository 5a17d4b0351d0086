import Foundation
import Testing
@testable import ForecastCore
@testable import ForecastData
@testable import ForecastModels
@testable import ForecastAnalysis
@testable import ForecastReporting
import Forecast

@Suite("One fit factory: kind → FittedRegression, and the automatic choice hands its fit on")
struct RegressionFactoryTests {
    static let start = CalendarDate(year: 2024, month: 1, day: 1)!

    @Test("Each kind gives its fit: the same estimates as the model types fitted directly, the kind and the link")
    func kinds() throws {
        // One BLAS thread, so the fits compared bit for bit sum in one order (see `handedOn`).
        try BLASThreads.withOneThreadPerTask { try kindsAtOneThread() }
    }

    private func kindsAtOneThread() throws {
        var random = SeededRandom(seed: 21)
        let n = 200
        let x = (0..<n).map { Double($0) / Double(n) }
        let y = x.map { random.negativeBinomial(mean: exp(2 + $0), alpha: 0.3) }
        let design = DesignMatrix(columns: [("const", [Double](repeating: 1, count: n)), ("x", x)])
        let ols = try RegressionFactory(kind: .ols).fit(design, response: y)
        let poisson = try RegressionFactory(kind: .poisson).fit(design, response: y)
        let nb2 = try RegressionFactory(kind: .nb2).fit(design, response: y)
        #expect(ols.kind == .ols && poisson.kind == .poisson && nb2.kind == .nb2)
        // Direct fits through the model types (not through the factory).
        #expect(ols.regression.estimates == (try LinearRegression().fit(design, response: y)).estimates)
        #expect(nb2.regression.estimates == (try CountRegression.negativeBinomial().fit(design, response: y)).estimates)
        #expect(ols.linear != nil && ols.count == nil && nb2.count != nil && nb2.linear == nil)
        #expect(ols.mean(linearPredictor: 1.5) == 1.5 && poisson.mean(linearPredictor: 1.5) == exp(1.5))
    }

    @Test("The automatic choice's fit is handed on: auto and the explicit kind give bit-identical estimates")
    func handedOn() throws {
        var random = SeededRandom(seed: 22)
        let y = (0..<300).map { random.negativeBinomial(mean: exp(3 + 0.001 * Double($0)), alpha: 0.2) }
        // Both fits at one BLAS thread: other tests running at the same time open and close single-thread scopes,
        // and a multithreaded BLAS call may sum in another order (last-digit differences, not a handed-on fit).
        let (auto, explicit) = try BLASThreads.withOneThreadPerTask {
            (try TimeSeriesModel().fit(DatedSeries(start: Self.start, values: y)),
             try TimeSeriesModel(kind: .nb2).fit(DatedSeries(start: Self.start, values: y)))
        }
        #expect(auto.kind == .nb2)
        #expect(auto.regression.estimates == explicit.regression.estimates)
        #expect(auto.count?.alpha == explicit.count?.alpha)
    }
}

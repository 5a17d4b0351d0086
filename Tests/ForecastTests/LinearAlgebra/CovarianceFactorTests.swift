import Foundation
import Testing
@testable import ForecastCore
@testable import ForecastData
@testable import ForecastModels
@testable import ForecastAnalysis
@testable import ForecastReporting
import Forecast

@Suite("Covariance factor: Cholesky with one small ridge, an error otherwise (never a silent zero factor)")
struct CovarianceFactorTests {
    @Test("A positive-definite covariance: UᵀU reconstructs Σ and U is upper triangular")
    func positiveDefinite() throws {
        // Σ = [[4, 2], [2, 3]]: U = [[2, 1], [0, √2]] by hand (2² = 4, 2·1 = 2, 1² + √2² = 3).
        let sigma = Matrix(rows: 2, columns: 2, columnMajor: [4, 2, 2, 3])
        let u = try sigma.covarianceFactor()
        #expect(u[1, 0] == 0)
        #expect(abs(u[0, 0] - 2) < 1e-15 && abs(u[0, 1] - 1) < 1e-15 && abs(u[1, 1] - 2.0.squareRoot()) < 1e-15)
    }

    @Test("A singular but positive-semidefinite covariance gets the ridge and still reconstructs Σ")
    func semidefinite() throws {
        let sigma = Matrix(rows: 2, columns: 2, columnMajor: [1, 1, 1, 1])
        let u = try sigma.covarianceFactor()
        for i in 0..<2 {
            for j in 0..<2 {
                let value = (0..<2).reduce(0.0) { $0 + u[$1, i] * u[$1, j] }
                #expect(abs(value - sigma[i, j]) < 1e-9)
            }
        }
    }

    @Test("An indefinite matrix (eigenvalues 3 and −1) throws notPositiveDefinite")
    func indefinite() {
        let sigma = Matrix(rows: 2, columns: 2, columnMajor: [1, 2, 2, 1])
        #expect(throws: LinearAlgebraError.self) { try sigma.covarianceFactor() }
        do {
            _ = try sigma.covarianceFactor()
        } catch {
            guard case .notPositiveDefinite = error else { Issue.record("expected notPositiveDefinite, got \(error)"); return }
        }
    }
}

import ForecastCore
import ForecastData
import Foundation

/// The immutable result of a Poisson or NB2 regression.
///
/// Conventions (statsmodels / R, see `Tests/Fixtures/reference/README.md`): `statistic` is z, p-values and
/// intervals use the normal distribution; `dfResidual` = n − rank, `dfModel` = rank − 1 with a constant
/// column (α not counted); `aic` = −2 llf + 2k, `bic` = −2 llf + k ln n with k = rank (+1 for NB2's α);
/// `deviance` and `pearsonChi2` are those of the GLM at the final α; `scale` is 1.
public struct CountRegressionFit: Sendable {
    /// Design column names.
    public let names: [String]
    /// One row per design column (aliased columns: NaN).
    public let coefficients: [CoefficientEstimate]
    /// `poisson` or `negativeBinomial(alpha: α̂)` (α̂ = 0 in the Poisson limit is reported as Poisson with `isPoissonLimit`).
    public let family: ResponseFamily
    /// NB2's α̂ (nil for Poisson; 0 in the Poisson limit).
    public let alpha: Double?
    /// Standard error of α̂ under the chosen covariance (nil when not estimated or at the boundary).
    public let alphaStandardError: Double?
    /// True when NB2's α̂ reached the boundary 0 (no overdispersion): the fit is the Poisson fit.
    public let isPoissonLimit: Bool
    /// Whether α was estimated (true) or fixed (false) for NB2.
    public let alphaEstimated: Bool
    /// Indices of the kept (estimated) columns.
    public let keptColumns: [Int]
    /// Indices of aliased columns.
    public let aliasedColumns: [Int]
    /// The covariance estimator used.
    public let covarianceEstimator: CovarianceEstimator
    /// Lags used by a Newey–West covariance.
    public let maxLags: Int?
    /// Covariance of the kept coefficients (rank×rank) under `covarianceEstimator`.
    public let covariance: Matrix
    /// Covariance including α as the last row/column for NB2 with α estimated ((rank+1)², else rank²).
    public let fullCovariance: Matrix
    /// R `summary(glm.nb)` standard errors: expected information with α held fixed (NB2 only; design order).
    public let expectedInformationStandardErrors: [Double]?
    /// Wald level (fraction).
    public let level: Double
    /// Fitted means μ̂ (n).
    public let fittedValues: [Double]
    /// Linear predictor η̂ = Xβ̂ + offset (n).
    public let linearPredictor: [Double]
    /// Response residuals y − μ̂ (n).
    public let residuals: [Double]
    /// Offsets (nil when none).
    public let offset: [Double]?
    public let observationCount: Int
    public let rank: Int
    public let dfResidual: Int
    public let dfModel: Int
    public let hasConstant: Bool
    /// Full log-likelihood (including log y! and log-gamma terms).
    public let logLikelihood: Double
    public let deviance: Double
    /// Deviance of the intercept-only model (with the same offset, weights and α).
    public let nullDeviance: Double
    public let pearsonChi2: Double
    public let aic: Double
    public let bic: Double
    /// IRLS iterations of the final fit (NB2: summed over the outer loop).
    public let iterations: Int
    /// Always true for a returned fit (non-convergence throws).
    public var converged: Bool { true }
    /// Pearson residuals (y − μ̂)/√V(μ̂) (n).
    public var pearsonResiduals: [Double] {
        residuals.indices.map { residuals[$0] / family.variance(fittedValues[$0]).squareRoot() }
    }
    /// 1 for count models.
    public var scale: Double { 1 }
}

extension CountRegressionFit {
    init(fitting design: DesignMatrix, response y: [Double], offset: [Double]?, weights: [Double]?,
         start: [Double]?, startAlpha: Double? = nil, options: CountRegression,
         workspace: inout LeastSquaresWorkspace) throws(ModelError) {
        let x = design.values
        let n = x.rows
        let estimation = try CountEstimation.run(x: x, names: design.names, y: y, offset: offset, weights: weights, start: start, startAlpha: startAlpha,
                                                 options: options, workspace: &workspace)
        let layout = estimation.layout
        if options.requireFullRank && !layout.aliased.isEmpty {
            throw .rankDeficient(aliased: layout.aliased.map { design.names[$0] })
        }
        let k = layout.rank
        let keptX = layout.aliased.isEmpty ? x : x.selectingColumns(layout.kept)
        let family = estimation.family
        let alpha: Double? = { if case .negativeBinomial(let a) = family { return a }; return nil }()
        let jointAlpha = estimation.alphaEstimated && !estimation.isPoissonLimit

        // Information matrices at the optimum.
        let mu = estimation.mu
        var expectedInverse: Matrix
        do {
            expectedInverse = try Self.expectedInformationInverse(keptX, mu: mu, family: family, weights: weights,
                                                                  workspace: &workspace)
        } catch { throw .numerical(error) }
        var bread = expectedInverse
        if jointAlpha, let information = estimation.observedInformation {
            do { bread = try information.inverseOfPositiveDefinite() } catch { throw .numerical(error) }
        }
        let p = bread.rows   // k or k + 1
        let maxLags = try options.covariance.checkedMaxLags(observations: n)
        var full: Matrix
        switch options.covariance {
        case .classical:
            full = bread
        case .hc0, .hc1, .neweyWest:
            let scores = Self.scores(keptX, y: y, mu: mu, family: family, includeAlpha: jointAlpha, weights: weights)
            full = Sandwich.covariance(bread: bread, meat: Sandwich.meat(scores: scores, maxLags: maxLags ?? 0))
            if options.covariance.hasSmallSampleCorrection {
                let factor = Double(n) / Double(n - k)
                for index in full.storage.indices { full.storage[index] *= factor }
            }
        case .hc2, .hc3:
            preconditionFailure("HC2/HC3 are rejected by CountRegression.init")
        }
        var covariance = Matrix(rows: k, columns: k)
        for j in 0..<k { for i in 0..<k { covariance[i, j] = full[i, j] } }

        // Coefficient table (z, normal p-values, Wald intervals).
        let normal = Normal()
        let critical = normal.quantile(0.5 + options.level / 2)
        var table = design.names.map { CoefficientEstimate.aliased($0) }
        for (position, j) in layout.kept.enumerated() {
            let b = estimation.coefficients[position]
            let se = covariance[position, position].squareRoot()
            let z = b / se
            table[j] = CoefficientEstimate(name: design.names[j], estimate: b, standardError: se, statistic: z,
                                           pValue: 2 * normal.survival(abs(z)), lower: b - critical * se,
                                           upper: b + critical * se)
        }
        var expectedSE: [Double]? = nil
        if alpha != nil {
            var values = [Double](repeating: .nan, count: design.columnCount)
            for (position, j) in layout.kept.enumerated() { values[j] = expectedInverse[position, position].squareRoot() }
            expectedSE = values
        }

        // Fit statistics.
        var pearson = 0.0
        let logLikelihood = estimation.logLikelihood ?? family.logLikelihoodSum(y: y, mu: mu, weights: weights)
        var residuals = [Double](repeating: 0, count: n)
        for i in 0..<n {
            let w = weights?[i] ?? 1
            residuals[i] = y[i] - mu[i]
            pearson += w * residuals[i] * residuals[i] / family.variance(mu[i])
        }
        let constantColumns = Set(design.constantColumns)
        let hasConstant = layout.kept.contains { constantColumns.contains($0) }
        let parameterCount = Double(k + (alpha != nil && estimation.alphaEstimated ? 1 : 0))
        let nullDeviance = try Self.nullDeviance(y: y, offset: offset, weights: weights, family: family,
                                                 workspace: &workspace)

        self.names = design.names
        self.coefficients = table
        self.family = family
        self.alpha = estimation.isPoissonLimit ? 0 : alpha
        self.alphaStandardError = jointAlpha ? full[p - 1, p - 1].squareRoot() : nil
        self.isPoissonLimit = estimation.isPoissonLimit
        self.alphaEstimated = estimation.alphaEstimated
        self.keptColumns = layout.kept
        self.aliasedColumns = layout.aliased
        self.covarianceEstimator = options.covariance
        self.maxLags = maxLags
        self.covariance = covariance
        self.fullCovariance = full
        self.expectedInformationStandardErrors = expectedSE
        self.level = options.level
        self.fittedValues = mu
        self.linearPredictor = estimation.eta
        self.residuals = residuals
        self.offset = offset
        self.observationCount = n
        self.rank = k
        self.dfResidual = n - k
        self.dfModel = hasConstant ? k - 1 : k
        self.hasConstant = hasConstant
        self.logLikelihood = logLikelihood
        self.deviance = estimation.deviance
        self.nullDeviance = nullDeviance
        self.pearsonChi2 = pearson
        self.aic = -2 * logLikelihood + 2 * parameterCount
        self.bic = -2 * logLikelihood + parameterCount * log(Double(n))
        self.iterations = estimation.iterations
    }

    /// (X′ W X)⁻¹ with W = prior weight × working weight at μ (the expected information, α fixed).
    static func expectedInformationInverse(_ x: Matrix, mu: [Double], family: ResponseFamily, weights: [Double]?,
                                           workspace: inout LeastSquaresWorkspace) throws(LinearAlgebraError) -> Matrix {
        let rowScale = mu.indices.map { (family.workingWeight(mu[$0]) * (weights?[$0] ?? 1)).squareRoot() }
        let layout = workspace.factor(x, rowScale: rowScale, tolerance: LeastSquaresWorkspace.defaultAliasingTolerance)
        precondition(layout.aliased.isEmpty, "kept columns became aliased at the optimum")
        return try workspace.unscaledCovariance(layout: layout)
    }

    /// Per-observation scores (n × k, or n × (k+1) with α's score last).
    static func scores(_ x: Matrix, y: [Double], mu: [Double], family: ResponseFamily, includeAlpha: Bool,
                       weights: [Double]?) -> Matrix {
        let n = x.rows, k = x.columns
        var scores = Matrix(rows: n, columns: k + (includeAlpha ? 1 : 0))
        var factor = [Double](repeating: 0, count: n)
        for i in 0..<n {
            let w = weights?[i] ?? 1
            switch family {
            case .negativeBinomial(let alpha): factor[i] = w * (y[i] - mu[i]) / (1 + alpha * mu[i])
            default: factor[i] = w * (y[i] - mu[i])
            }
        }
        for j in 0..<k { for i in 0..<n { scores[i, j] = x[i, j] * factor[i] } }
        if includeAlpha, case .negativeBinomial(let alpha) = family {
            let table = PolygammaTable(theta: 1 / alpha, counts: y)
            for i in 0..<n {
                scores[i, k] = (weights?[i] ?? 1)
                    * NegativeBinomialLikelihood.alphaDerivatives(y[i], mu: mu[i], alpha: alpha, table: table).score
            }
        }
        return scores
    }

    /// Deviance of the intercept-only model with the same offset, weights and family.
    static func nullDeviance(y: [Double], offset: [Double]?, weights: [Double]?, family: ResponseFamily,
                             workspace: inout LeastSquaresWorkspace) throws(ModelError) -> Double {
        let n = y.count
        let irls = IterativelyReweightedLeastSquares(family: family)
        if offset == nil {
            // μ is the weighted mean: the deviance is a function of y alone, summed once per distinct count.
            let counts = WeightedCounts(counts: y, weights: weights)
            let mean = counts.sum { $0 } / counts.sum { _ in 1 }
            return counts.sum { family.unitDeviance($0, mean) }
        }
        let ones = Matrix(rows: n, columns: 1, repeating: 1)
        return try irls.fit(x: ones, y: y, offset: offset, priorWeights: weights, start: nil, workspace: &workspace).deviance
    }
}

import ForecastCore
import ForecastData
import Foundation

/// The immutable result of a least-squares fit: everything a user asks after `lm()` / statsmodels `OLS.fit()`.
///
/// Conventions (statsmodels; see `Tests/Fixtures/reference/README.md`): k = rank (aliased columns excluded);
/// `dfResidual` = n − k; `dfModel` = k − 1 with a constant column, else k; `scale` = SSR/dfResidual;
/// R² centred with a constant column, uncentred otherwise; `logLikelihood` = −n/2 (log 2π + log(SSR/n) + 1)
/// (+ ½ Σ log wᵢ for WLS); `aic` = −2 llf + 2k, `bic` = −2 llf + k log n (σ² not counted; R's `AIC(lm)`
/// adds one: see `aicCountingScale`). With a robust covariance, statistics, p-values and intervals use the
/// robust standard errors with Student t on `dfResidual`; the F statistic is the classical one (R `summary.lm`).
public struct LinearRegressionFit: Sendable {
    /// Design column names, in design order.
    public let names: [String]
    /// One row per design column (aliased columns: NaN, `isAliased`).
    public let coefficients: [CoefficientEstimate]
    /// Indices of the estimated (kept) columns, ascending.
    public let keptColumns: [Int]
    /// Indices of the aliased columns, ascending.
    public let aliasedColumns: [Int]
    /// The estimator behind `covariance` and the standard errors.
    public let covarianceEstimator: CovarianceEstimator
    /// The lag truncation used by a Newey–West covariance (nil otherwise).
    public let maxLags: Int?
    /// Coefficient covariance (rank×rank, kept columns in `keptColumns` order) under `covarianceEstimator`.
    public let covariance: Matrix
    /// (X_keptᵀ W X_kept)⁻¹ (rank×rank): the classical covariance divided by `scale`.
    public let unscaledCovariance: Matrix
    /// Confidence level of the intervals (a fraction).
    public let level: Double
    /// y − ŷ (n, unweighted).
    public let residuals: [Double]
    /// ŷ = X b (n).
    public let fittedValues: [Double]
    /// Prior weights (nil for OLS).
    public let weights: [Double]?
    /// Number of observations n.
    public let observationCount: Int
    /// Number of estimated coefficients k.
    public let rank: Int
    /// n − k.
    public let dfResidual: Int
    /// k − 1 with a constant column among the kept columns, else k.
    public let dfModel: Int
    /// Whether a kept column is constant and non-zero (decides centred vs uncentred R²).
    public let hasConstant: Bool
    /// Sum of squared (weighted) residuals.
    public let ssr: Double
    /// Σ w (y − ȳ_w)², ȳ_w the weighted mean.
    public let centeredTSS: Double
    /// Σ w y².
    public let uncenteredTSS: Double
    /// σ̂² = SSR / dfResidual (NaN when dfResidual = 0).
    public let scale: Double
    /// R² (centred with a constant, uncentred otherwise).
    public let rSquared: Double
    /// 1 − (n − c)/dfResidual · (1 − R²), c = 1 with a constant.
    public let adjustedRSquared: Double
    /// Classical F statistic of all non-constant coefficients being 0.
    public let fStatistic: Double
    /// P(F_{dfModel, dfResidual} > fStatistic).
    public let fPValue: Double
    /// Gaussian log-likelihood at the MLE of σ².
    public let logLikelihood: Double
    /// −2 llf + 2k.
    public let aic: Double
    /// −2 llf + k log n.
    public let bic: Double
    /// R of the QR factorization of the (weighted) kept columns (rank×rank, upper triangular).
    public let triangularFactor: Matrix

    /// Largest over smallest singular value of the (weighted) kept columns of X, unscaled (singular values of R;
    /// statsmodels `condition_number`, R `kappa(X, exact = TRUE)`). Computed on access (O(k³)).
    public var conditionNumber: Double {
        let singular = (try? LAPACK.singularValues(of: triangularFactor)) ?? []
        return singular.isEmpty ? .nan : singular.first! / singular.last!
    }

    /// −2 llf + 2(k + 1): R's `AIC()` for `lm`, which counts σ².
    public var aicCountingScale: Double { -2 * logLikelihood + 2 * Double(rank + 1) }
    /// −2 llf + (k + 1) log n: R's `BIC()` for `lm`.
    public var bicCountingScale: Double { -2 * logLikelihood + Double(rank + 1) * log(Double(observationCount)) }
}

extension LinearRegressionFit {
    init(fitting design: DesignMatrix, response y: [Double], weights: [Double]?, options: LinearRegression,
         workspace: inout LeastSquaresWorkspace) throws(ModelError) {
        let x = design.values
        let n = x.rows, p = x.columns
        let rowScale = weights.map { $0.map { $0.squareRoot() } }
        let layout = workspace.factor(x, rowScale: rowScale, tolerance: options.aliasingTolerance, response: y)
        if let column = layout.nonFiniteColumn {
            let offset = column * n
            let row = (0..<n).first { !x.storage[offset + $0].isFinite } ?? 0
            throw .nonFiniteValue(variable: design.names[column], row: row)
        }
        if options.requireFullRank && !layout.aliased.isEmpty {
            throw .rankDeficient(aliased: layout.aliased.map { design.names[$0] })
        }
        let k = layout.rank

        var kept: [Double]
        var unscaled: Matrix
        do {
            kept = try workspace.solve(layout: layout)
            if options.refineSolution {
                let weightedY = rowScale.map { s in zip(y, s).map { $0 * $1 } } ?? y
                kept = try workspace.refine(kept, x: x, rowScale: rowScale, weightedY: weightedY, layout: layout)
            }
            unscaled = try workspace.unscaledCovariance(layout: layout)
        } catch {
            throw .numerical(error)
        }
        var full = [Double](repeating: 0, count: p)
        for (position, j) in layout.kept.enumerated() { full[j] = kept[position] }
        let fitted = x.multiplied(by: full)
        var residuals = [Double](repeating: 0, count: n)
        var ssr = 0.0, sumW = 0.0, sumWY = 0.0, uncentered = 0.0, sumLogW = 0.0
        if let weights {
            for i in 0..<n {
                let w = weights[i], e = y[i] - fitted[i]
                residuals[i] = e
                ssr += w * e * e
                sumW += w
                sumWY += w * y[i]
                uncentered += w * y[i] * y[i]
                sumLogW += log(w)
            }
        } else {
            for i in 0..<n {
                let e = y[i] - fitted[i]
                residuals[i] = e
                ssr += e * e
                sumWY += y[i]
                uncentered += y[i] * y[i]
            }
            sumW = Double(n)
        }
        let meanY = sumWY / sumW
        var centered = 0.0
        if let weights {
            for i in 0..<n { let d = y[i] - meanY; centered += weights[i] * d * d }
        } else {
            for i in 0..<n { let d = y[i] - meanY; centered += d * d }
        }

        let constantColumns = Set(design.constantColumns)
        let hasConstant = layout.kept.contains { constantColumns.contains($0) }
        let dfResidual = n - k
        let dfModel = hasConstant ? k - 1 : k
        let scale = dfResidual > 0 ? ssr / Double(dfResidual) : .nan

        // Covariance under the chosen estimator.
        let maxLags = try options.covariance.checkedMaxLags(observations: n)
        var covariance: Matrix
        switch options.covariance {
        case .classical:
            covariance = unscaled
            for index in covariance.storage.indices { covariance.storage[index] *= scale }
        case .hc0, .hc1, .hc2, .hc3, .neweyWest:
            // u_i = (√w_i x_i)(√w_i e_i) = w_i e_i x_i, scaled by the HC2/HC3 leverage factor.
            var rowFactor = residuals
            if let weights {
                for i in 0..<n { rowFactor[i] *= weights[i] }
            }
            if options.covariance == .hc2 || options.covariance == .hc3 {
                let leverage = workspace.leverages(layout: layout)
                let squareRoot = options.covariance == .hc2
                for i in 0..<n { rowFactor[i] /= squareRoot ? (1 - leverage[i]).squareRoot() : (1 - leverage[i]) }
            }
            let meat = workspace.scoreCrossProduct(x, kept: layout.kept, rowFactor: rowFactor, maxLags: maxLags ?? 0)
            covariance = Sandwich.covariance(bread: unscaled, meat: meat)
            if options.covariance.hasSmallSampleCorrection {
                let factor = Double(n) / Double(dfResidual)
                for index in covariance.storage.indices { covariance.storage[index] *= factor }
            }
        }

        // Coefficient table.
        let df = Double(dfResidual)
        let tDistribution = dfResidual > 0 ? StudentT(degreesOfFreedom: df) : nil
        let critical = tDistribution?.quantile(0.5 + options.level / 2) ?? .nan
        var table: [CoefficientEstimate] = design.names.map { CoefficientEstimate.aliased($0) }
        for (position, j) in layout.kept.enumerated() {
            let b = kept[position]
            let se = covariance[position, position].squareRoot()
            let t = b / se
            let pValue = tDistribution?.twoSidedPValue(t) ?? .nan
            table[j] = CoefficientEstimate(name: design.names[j], estimate: b, standardError: se, statistic: t,
                                           pValue: pValue, lower: b - critical * se, upper: b + critical * se)
        }

        let tss = hasConstant ? centered : uncentered
        let rSquared = 1 - ssr / tss
        let adjusted = 1 - Double(n - (hasConstant ? 1 : 0)) / df * (1 - rSquared)
        let fStatistic = dfModel > 0 ? ((tss - ssr) / Double(dfModel)) / (ssr / df) : .nan
        let fPValue: Double
        if dfModel > 0 && dfResidual > 0 && fStatistic.isFinite {
            fPValue = FDistribution(numeratorDegreesOfFreedom: Double(dfModel),
                                    denominatorDegreesOfFreedom: df).survival(fStatistic)
        } else {
            fPValue = .nan
        }
        let nD = Double(n)
        let logLikelihood = -nD / 2 * (log(2 * Double.pi) + log(ssr / nD) + 1) + 0.5 * sumLogW
        let triangularFactor = workspace.triangularFactor(layout: layout)

        self.names = design.names
        self.coefficients = table
        self.keptColumns = layout.kept
        self.aliasedColumns = layout.aliased
        self.covarianceEstimator = options.covariance
        self.maxLags = maxLags
        self.covariance = covariance
        self.unscaledCovariance = unscaled
        self.level = options.level
        self.residuals = residuals
        self.fittedValues = fitted
        self.weights = weights
        self.observationCount = n
        self.rank = k
        self.dfResidual = dfResidual
        self.dfModel = dfModel
        self.hasConstant = hasConstant
        self.ssr = ssr
        self.centeredTSS = centered
        self.uncenteredTSS = uncentered
        self.scale = scale
        self.rSquared = rSquared
        self.adjustedRSquared = adjusted
        self.fStatistic = fStatistic
        self.fPValue = fPValue
        self.logLikelihood = logLikelihood
        self.aic = -2 * logLikelihood + 2 * Double(k)
        self.bic = -2 * logLikelihood + Double(k) * log(nD)
        self.triangularFactor = triangularFactor
    }
}

/// Ordinary and weighted least squares: the specification and options of a linear regression.
///
/// A `LinearRegression` holds options only; `fit(_:response:weights:)` returns an immutable
/// `LinearRegressionFit`. Options are checked before any numerics.
///
/// Numerics: Householder QR on unit-norm columns with R's aliasing rule (see `LeastSquaresWorkspace`; by row
/// blocks in parallel from 20,000 rows);
/// weighted least squares fits √w·X against √w·y. Results match R `lm()` and statsmodels `OLS`/`WLS`
/// (see `Tests/Fixtures/reference/README.md` for every definition).
import ForecastCore
import ForecastData
public struct LinearRegression: Sendable, Equatable {
    /// How coefficient standard errors are computed (default `.classical`).
    public var covariance: CovarianceEstimator
    /// Confidence level of coefficient and prediction intervals, a fraction in (0, 1) (default 0.95).
    public var level: Double
    /// Relative residual norm below which a column is aliased (default 1e-10; R's `lm()` uses 1e-7).
    public var aliasingTolerance: Double
    /// When true, aliased columns are an error (`ModelError.rankDeficient`) instead of NaN estimates.
    public var requireFullRank: Bool
    /// Iterative refinement of the solution on the augmented system with compensated residuals
    /// (recovers full precision on large-residual, ill-conditioned problems; costs O(n·p) per step).
    public var refineSolution: Bool

    public init(covariance: CovarianceEstimator = .classical, level: Double = 0.95,
                aliasingTolerance: Double = LeastSquaresWorkspace.defaultAliasingTolerance,
                requireFullRank: Bool = false, refineSolution: Bool = false) {
        precondition(level > 0 && level < 1, "level must be a fraction in (0, 1), got \(level)")
        precondition(aliasingTolerance > 0 && aliasingTolerance < 1, "aliasingTolerance must be in (0, 1)")
        if case let .neweyWest(maxLags?, _) = covariance { precondition(maxLags >= 0, "maxLags must be ≥ 0") }
        self.covariance = covariance
        self.level = level
        self.aliasingTolerance = aliasingTolerance
        self.requireFullRank = requireFullRank
        self.refineSolution = refineSolution
    }

    /// Fits y on the design (allocating a fresh workspace).
    /// - Parameters:
    ///   - design: n×p named design; no intercept is added (include a constant column for one).
    ///   - response: n values.
    ///   - weights: n finite positive weights (WLS), or nil (OLS).
    public func fit(_ design: DesignMatrix, response: [Double], weights: [Double]? = nil) throws(ModelError)
        -> LinearRegressionFit {
        var workspace = LeastSquaresWorkspace()
        return try fit(design, response: response, weights: weights, workspace: &workspace)
    }

    /// Fits y on the design reusing `workspace` (no n×p allocation when its buffers are large enough).
    public func fit(_ design: DesignMatrix, response: [Double], weights: [Double]? = nil,
                    workspace: inout LeastSquaresWorkspace) throws(ModelError) -> LinearRegressionFit {
        try validateShapes(design, response: response, weights: weights)
        return try LinearRegressionFit(fitting: design, response: response, weights: weights, options: self,
                                       workspace: &workspace)
    }

    /// Shapes, finiteness of every design cell, response and weights (count models, which refactor per iteration).
    func validate(_ design: DesignMatrix, response: [Double], weights: [Double]?) throws(ModelError) {
        try validateShapes(design, response: response, weights: weights)
        let n = design.rowCount
        for j in 0..<design.columnCount {
            let column = design.values.storage[(j * n)..<((j + 1) * n)]
            if let bad = column.firstIndex(where: { !$0.isFinite }) {
                throw .nonFiniteValue(variable: design.names[j], row: bad - j * n)
            }
        }
    }

    /// Shapes, response and weights; design cells are checked during factorization (their norms are computed anyway).
    func validateShapes(_ design: DesignMatrix, response: [Double], weights: [Double]?) throws(ModelError) {
        let n = design.rowCount, p = design.columnCount
        guard p > 0 else { throw .emptyDesign }
        guard response.count == n else {
            throw .dimensionMismatch("response has \(response.count) values, design has \(n) rows")
        }
        guard n >= p else { throw .tooFewObservations(observations: n, columns: p) }
        if let bad = response.firstIndex(where: { !$0.isFinite }) {
            throw .nonFiniteValue(variable: "response", row: bad)
        }
        if let weights {
            guard weights.count == n else {
                throw .dimensionMismatch("weights have \(weights.count) values, design has \(n) rows")
            }
            if let bad = weights.firstIndex(where: { !($0.isFinite && $0 > 0) }) {
                throw .invalidWeight(row: bad, value: weights[bad])
            }
        }
    }
}

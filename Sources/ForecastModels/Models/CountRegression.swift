/// Poisson and negative-binomial (NB2) regression with a log link: the specification and options.
///
/// `fit(_:response:)` returns an immutable `CountRegressionFit`. The linear predictor is the same Householder
/// QR with R's aliasing rule as `LinearRegression`; the response family supplies variance, deviance and
/// working weights (`ResponseFamily`).
///
/// - Poisson: IRLS to the MLE; covariance = inverse Fisher information (X′ diag(μ) X)⁻¹ (statsmodels `GLM`,
///   R `glm(family = poisson)`).
/// - NB2 (`dispersion: .estimated`): (β, α) jointly by maximum likelihood — alternating IRLS for β and Newton
///   for α, polished by Newton steps on the joint likelihood; covariance = inverse observed information in
///   (β, α) (statsmodels discrete `NegativeBinomial(loglike_method='nb2')`, matching R `MASS::glm.nb`
///   estimates). When α's estimate falls below 1e-8 the fit is the Poisson limit: `alpha` = 0, reported.
/// - NB2 with `dispersion: .fixed(α)`: the GLM with α held fixed (statsmodels `GLM(NegativeBinomial(alpha))`).
import ForecastCore
import ForecastData
public struct CountRegression: Sendable, Equatable {
    /// The largest |offset| accepted (log scale). By rule, not tuning: exp overflows past 709.78 and underflows to 0
    /// below −745, so beyond ±700 a row's mean exp(offset + x′β) leaves the doubles for almost any β; such an
    /// offset is refused with its row (`ModelError.offsetOutOfRange`) instead of ending as a diverged fit.
    public static let offsetLimit: Double = 700

    /// The count distribution.
    public enum Distribution: Sendable, Equatable {
        case poisson
        case negativeBinomial(Dispersion)
    }

    /// How NB2's α is obtained.
    public enum Dispersion: Sendable, Equatable {
        /// Maximum likelihood jointly with β.
        case estimated
        /// Held at a given value α > 0.
        case fixed(Double)
    }

    public var distribution: Distribution
    /// Covariance of the estimates (default `.classical` = inverse information; HC0/HC1/HAC sandwiches).
    public var covariance: CovarianceEstimator
    /// Wald interval level, a fraction in (0, 1).
    public var level: Double
    /// Relative deviance change that ends IRLS (R's rule; default 1e-12).
    public var tolerance: Double
    /// Iteration cap for IRLS and for the NB2 outer loop (default 100).
    public var maxIterations: Int
    /// Aliased columns are an error when true.
    public var requireFullRank: Bool

    public init(distribution: Distribution, covariance: CovarianceEstimator = .classical, level: Double = 0.95,
                tolerance: Double = 1e-12, maxIterations: Int = 100, requireFullRank: Bool = false) {
        precondition(level > 0 && level < 1, "level must be a fraction in (0, 1), got \(level)")
        precondition(tolerance > 0 && maxIterations > 0, "tolerance and maxIterations must be positive")
        if case .negativeBinomial(.fixed(let alpha)) = distribution { precondition(alpha > 0, "fixed α must be > 0") }
        if covariance == .hc2 || covariance == .hc3 {
            preconditionFailure("HC2/HC3 are defined for least squares only; use .hc0, .hc1 or .neweyWest")
        }
        self.distribution = distribution
        self.covariance = covariance
        self.level = level
        self.tolerance = tolerance
        self.maxIterations = maxIterations
        self.requireFullRank = requireFullRank
    }

    /// Poisson regression.
    public static func poisson(covariance: CovarianceEstimator = .classical, level: Double = 0.95) -> CountRegression {
        CountRegression(distribution: .poisson, covariance: covariance, level: level)
    }

    /// NB2 regression with α estimated by maximum likelihood.
    public static func negativeBinomial(covariance: CovarianceEstimator = .classical, level: Double = 0.95) -> CountRegression {
        CountRegression(distribution: .negativeBinomial(.estimated), covariance: covariance, level: level)
    }

    /// Fits the model.
    /// - Parameters:
    ///   - design: n×p named design (no intercept is added).
    ///   - response: n non-negative integer counts.
    ///   - offset: n values added to the linear predictor (log exposure), or nil.
    ///   - weights: n finite positive prior weights, or nil.
    ///   - start: a warm start β (p values, design order), or nil for R's default start.
    ///   - startAlpha: with `start`, NB2's α to start from (e.g. the previous fit's α̂ when refitting on a little
    ///     more data): the Poisson pre-fit and the moment estimate of α are then skipped. Ignored otherwise.
    /// - Throws: `ModelError` — `.notCounts` (first offending row), `.allZeroResponse`, `.noConvergence`,
    ///   `.divergence`, `.rankDeficient` (with `requireFullRank`), dimension and finiteness errors.
    public func fit(_ design: DesignMatrix, response: [Double], offset: [Double]? = nil, weights: [Double]? = nil,
                    start: [Double]? = nil, startAlpha: Double? = nil) throws(ModelError) -> CountRegressionFit {
        var workspace = LeastSquaresWorkspace()
        return try fit(design, response: response, offset: offset, weights: weights, start: start, startAlpha: startAlpha,
                       workspace: &workspace)
    }

    /// Fits the model reusing `workspace`.
    public func fit(_ design: DesignMatrix, response: [Double], offset: [Double]? = nil, weights: [Double]? = nil,
                    start: [Double]? = nil, startAlpha: Double? = nil,
                    workspace: inout LeastSquaresWorkspace) throws(ModelError) -> CountRegressionFit {
        try LinearRegression().validate(design, response: response, weights: weights)
        if let bad = response.firstIndex(where: { $0 < 0 || $0 != $0.rounded() }) {
            throw .notCounts(row: bad, value: response[bad])
        }
        if response.allSatisfy({ $0 == 0 }) { throw .allZeroResponse }
        if let offset {
            guard offset.count == design.rowCount else {
                throw .dimensionMismatch("offset has \(offset.count) values, design has \(design.rowCount) rows")
            }
            if let bad = offset.firstIndex(where: { !$0.isFinite }) { throw .nonFiniteValue(variable: "offset", row: bad) }
            if let far = offset.firstIndex(where: { abs($0) > Self.offsetLimit }) {
                throw .offsetOutOfRange(row: far, value: offset[far])
            }
        }
        if let start, start.count != design.columnCount {
            throw .dimensionMismatch("start has \(start.count) values, design has \(design.columnCount) columns")
        }
        return try CountRegressionFit(fitting: design, response: response, offset: offset, weights: weights,
                                      start: start, startAlpha: startAlpha.flatMap { $0.isFinite && $0 > 0 ? $0 : nil },
                                      options: self, workspace: &workspace)
    }
}

/// What every fitted regression offers, so reports, the CLI and backtests treat OLS, Poisson and NB2 alike.
///
/// Shapes: n = `observationCount`, p = `names.count` design columns, k = `rank` kept columns.
import ForecastCore
import ForecastData
public protocol RegressionFit: Sendable {
    /// Short model name: `ols`, `poisson` or `nb2`.
    var modelName: String { get }
    /// The name of the coefficient test statistic: `t` (least squares, Student t) or `z` (count models, normal).
    var statisticName: String { get }
    /// Design column names (p).
    var names: [String] { get }
    /// One row per design column (aliased: NaN).
    var coefficients: [CoefficientEstimate] { get }
    /// Indices of kept columns (k), ascending.
    var keptColumns: [Int] { get }
    /// Indices of aliased columns, ascending.
    var aliasedColumns: [Int] { get }
    /// Coefficient covariance over the kept columns (k×k).
    var covariance: Matrix { get }
    var covarianceEstimator: CovarianceEstimator { get }
    /// Lags of a Newey–West covariance, else nil.
    var maxLags: Int? { get }
    /// Interval level (fraction).
    var level: Double { get }
    var observationCount: Int { get }
    var rank: Int { get }
    var dfResidual: Int { get }
    var dfModel: Int { get }
    var logLikelihood: Double { get }
    var aic: Double { get }
    var bic: Double { get }
    /// σ̂² for least squares, 1 for count models.
    var scale: Double { get }
    /// Fitted means (n).
    var fittedValues: [Double] { get }
    /// Response residuals y − fitted (n).
    var residuals: [Double] { get }
}

extension RegressionFit {
    /// Names of aliased columns.
    public var aliasedNames: [String] { aliasedColumns.map { names[$0] } }
    /// Estimates in design order (NaN for aliased).
    public var estimates: [Double] { coefficients.map(\.estimate) }
    /// Standard errors in design order (NaN for aliased).
    public var standardErrors: [Double] { coefficients.map(\.standardError) }
}

extension LinearRegressionFit: RegressionFit {
    public var modelName: String { "ols" }
    public var statisticName: String { "t" }
}

extension CountRegressionFit: RegressionFit {
    public var modelName: String { family.name }
    public var statisticName: String { "z" }
}

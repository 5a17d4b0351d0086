/// One row of a coefficient table: an estimate with its standard error, test statistic, p-value and interval.
///
/// For an aliased (not estimable) column every number is NaN and `isAliased` is true; JSON writes null.
/// `statistic` is t (least squares, Student t on the residual degrees of freedom) or z (likelihood models).
import ForecastCore
import ForecastData
public struct CoefficientEstimate: Sendable, Equatable {
    /// The design column's name.
    public let name: String
    /// The estimate, on the scale of the linear predictor.
    public let estimate: Double
    /// Its standard error under the fit's covariance estimator.
    public let standardError: Double
    /// estimate / standardError.
    public let statistic: Double
    /// Two-sided p-value of the null "coefficient = 0".
    public let pValue: Double
    /// Lower end of the confidence interval at the fit's level.
    public let lower: Double
    /// Upper end of the confidence interval at the fit's level.
    public let upper: Double
    /// True when the column is a linear combination of earlier columns (R's aliasing rule).
    public let isAliased: Bool

    public init(name: String, estimate: Double, standardError: Double, statistic: Double, pValue: Double,
                lower: Double, upper: Double, isAliased: Bool = false) {
        self.name = name
        self.estimate = estimate
        self.standardError = standardError
        self.statistic = statistic
        self.pValue = pValue
        self.lower = lower
        self.upper = upper
        self.isAliased = isAliased
    }

    /// The row reported for an aliased column: all NaN.
    public static func aliased(_ name: String) -> CoefficientEstimate {
        CoefficientEstimate(name: name, estimate: .nan, standardError: .nan, statistic: .nan, pValue: .nan,
                            lower: .nan, upper: .nan, isAliased: true)
    }
}

/// A central prediction interval at one level (percent, e.g. 80, 95).
import ForecastCore
import ForecastData
import ForecastModels
public struct PredictionInterval: Sendable, Equatable {
    /// Nominal coverage in percent.
    public let level: Double
    public let lower: Double
    public let upper: Double
}

/// The forecast for one future day.
public struct ForecastDay: Sendable, Equatable {
    public let date: CalendarDate
    /// Expected value: x′β̂ (OLS), exp(x′β̂) (count models without AR terms), the mean of the paths with AR terms.
    public let mean: Double
    /// Median of the predictive distribution (integer for count models: a sample quantile of integer paths).
    public let median: Double
    /// One interval per requested level, in the order requested.
    public let intervals: [PredictionInterval]
    /// The observed value when the file has it (held-out actuals), else nil.
    public let actual: Double?
}

/// Forecasts for consecutive days after the training window.
public struct ForecastTable: Sendable {
    /// How intervals were obtained.
    public enum Method: Sendable, Equatable {
        /// Student-t prediction intervals of OLS without AR terms (statsmodels `obs_ci`).
        case analytic
        /// Sample quantiles of simulated paths (parameter draws, then response draws).
        case simulation(paths: Int, seed: UInt64)
    }

    public let days: [ForecastDay]
    /// Interval levels in percent.
    public let levels: [Double]
    public let method: Method
    /// Simulated paths, horizon × paths (column p is path p), when simulated.
    public let paths: Matrix?
}

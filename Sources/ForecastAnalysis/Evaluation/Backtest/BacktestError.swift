/// Why a backtest cannot run on a series (data errors; the CLI exits 1, or 64 for an origin outside the data).
import ForecastCore
import ForecastData
import ForecastModels
public enum BacktestError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The first origin is not a day of the series (or lies before the training start `--from`).
    case originOutsideSeries(origin: String, series: String)
    /// An origin's forecast days run past the last day of the series.
    case horizonBeyondData(origin: String, horizon: Int, lastDay: String)

    public var description: String {
        switch self {
        case let .originOutsideSeries(origin, series):
            return "the first origin \(origin) is outside the training data \(series)"
        case let .horizonBeyondData(origin, horizon, lastDay):
            return "the horizon is longer than the test span: origin \(origin) + \(horizon) days runs past the last day \(lastDay)"
        }
    }
}

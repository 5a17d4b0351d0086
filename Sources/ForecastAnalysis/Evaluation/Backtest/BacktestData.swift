/// The series a backtest runs on: the response and regressors by day from `start`, and optionally the response as
/// it was known at each origin.
import ForecastCore
import ForecastData
import ForecastModels
struct BacktestData: Sendable {
    let start: CalendarDate
    /// The response as known at the end (the actuals forecasts are scored against).
    let response: [Double]
    let regressors: [String: [Double]]
    let responseName: String
    /// The response from `start` through an origin as known on that day (nil: the final response cut at the origin).
    let vintage: BacktestSpecification.ResponseVintage?

    /// The response on a day (NaN when missing or outside the series).
    func response(at date: CalendarDate) -> Double {
        DatedSeries.value(in: response, start: start, at: date)
    }

    /// A regressor on a day, nil when missing or outside its column.
    package func regressor(_ name: String, at date: CalendarDate) -> Double? {
        DatedSeries.regressor(in: regressors[name], start: start, at: date)
    }

    /// The response through `origin` only, as known on that day (days after it are not passed on): what a fit at
    /// `origin` may see. Throws when the vintage cannot be read.
    func responseThrough(_ origin: CalendarDate) throws(ModelError) -> [Double] {
        let count = origin - start + 1
        guard let vintage else { return Array(response[0..<count]) }
        guard let known = vintage(origin) else {
            throw .noTrainingData("the data as known on \(origin) could not be read")
        }
        return (0..<count).map { $0 < known.count ? known[$0] : .nan }
    }
}

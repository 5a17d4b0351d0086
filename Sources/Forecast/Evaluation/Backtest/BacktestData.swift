/// The series a backtest runs on: the response and regressors by day from `start`.
struct BacktestData: Sendable {
    let start: CalendarDate
    let response: [Double]
    let regressors: [String: [Double]]
    let responseName: String

    /// The response on a day (NaN when missing or outside the series).
    func response(at date: CalendarDate) -> Double {
        let index = date - start
        return index >= 0 && index < response.count ? response[index] : .nan
    }

    /// A regressor on a day, nil when missing or outside its column.
    func regressor(_ name: String, at date: CalendarDate) -> Double? {
        let index = date - start
        guard let column = regressors[name], index >= 0, index < column.count, column[index].isFinite else { return nil }
        return column[index]
    }

    /// The response through `origin` only (days after it are not passed on): what a fit at `origin` may see.
    func responseThrough(_ origin: CalendarDate) -> [Double] {
        Array(response[0...(origin - start)])
    }

    /// The response over a window (NaN for missing days).
    func values(_ span: DateSpan) -> [Double] {
        (0..<span.dayCount).map { response(at: span.first.adding(days: $0)) }
    }
}

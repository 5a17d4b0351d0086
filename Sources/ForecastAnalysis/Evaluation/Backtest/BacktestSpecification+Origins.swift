import ForecastCore
import ForecastData
import ForecastModels
extension BacktestSpecification {
    /// The origins and each one's training window, checked against a series `start … start + count − 1`.
    /// - Throws: `BacktestError` — first origin outside the series (or before `model.from`), or a horizon that
    ///   runs past the series' last day.
    func originWindows(start: CalendarDate, count: Int) throws(BacktestError) -> [DateSpan] {
        let end = start.adding(days: count - 1)
        let trainingStart = max(model.from ?? start, start)
        guard firstOrigin >= trainingStart && firstOrigin <= end else {
            throw .originOutsideSeries(origin: "\(firstOrigin)", series: "\(trainingStart)..\(end)")
        }
        let available = (end - firstOrigin - horizon) >= 0 ? (end - firstOrigin - horizon) / step + 1 : 0
        let n = origins ?? available
        guard n >= 1, n <= available else {
            let last = firstOrigin.adding(days: (max(n, 1) - 1) * step)
            throw .horizonBeyondData(origin: "\(last)", horizon: horizon, lastDay: "\(end)")
        }
        return (0..<n).map { i in
            let origin = firstOrigin.adding(days: i * step)
            switch window {
            case .expanding: return DateSpan(first: trainingStart, last: origin)
            case let .sliding(days): return DateSpan(first: max(trainingStart, origin.adding(days: -(days - 1))), last: origin)
            }
        }
    }
}

// DatedSeries+Span — the days of a series between two dates (a training span), regressors kept from its first day.

import ForecastCore
extension DatedSeries {
    /// The response from `first` through `last` (clipped to the series), with every regressor cut to start on the
    /// same day and kept to its own end (so that inputs known in advance still cover days after `last`).
    /// Precondition: the clipped span holds at least one day.
    public func span(from first: CalendarDate, through last: CalendarDate) -> DatedSeries {
        let lower = max(0, first - start), upper = min(values.count - 1, last - start)
        precondition(lower <= upper, "DatedSeries.span: \(first)…\(last) holds no day of \(start)…\(end)")
        return DatedSeries(name: name, start: start.adding(days: lower), values: Array(values[lower...upper]),
                           regressors: regressors.mapValues { Array($0[lower...]) },
                           sourceLines: sourceLines.isEmpty ? [] : Array(sourceLines[lower...upper]), source: source)
    }
}

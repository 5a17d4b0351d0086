// DatedSeries+ModelError — a model error about one day of a dated series, located at its source line. It lives in
// the models layer because `ModelError` does: the data layer below knows nothing of models.

import ForecastCore
import ForecastData
extension DatedSeries {
    /// A model error about one day, located at the source: `.notCounts(row: t, value:)` (t indexing `values`)
    /// becomes a `DataError` naming the file, the input line, the response column, the value and its day; any other
    /// error is returned as it is.
    /// - Parameter expected: what was expected, in the caller's words (a CLI adds the option that asked for counts).
    public func located(_ error: ModelError, expected: String = "a non-negative integer count") -> any Error {
        guard case let .notCounts(t, value) = error, t >= 0, t < values.count else { return error }
        let date = start.adding(days: t)
        return DataError(.outOfDomain, file: source, line: sourceLine(at: date), column: name, expected: expected,
                         found: "\(TextNumber.format(value)) on \(date)")
    }
}

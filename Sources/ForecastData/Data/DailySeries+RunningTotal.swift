// DailySeries+RunningTotal — the raw running total a threshold-crossing forecast starts from.
//
// Policy: a cumulative column is modelled as daily differences, but "when does the total reach T?" counts from the
// total itself. The base is the last non-missing raw value on or before the last training day, read in levels
// mode with the other ingest options unchanged (the whole file: no --from/--to window).

import ForecastCore
extension DailySeries {
    /// The raw (undifferenced) value of column `name` on `day`, or on the last earlier day that has one.
    /// - Parameters:
    ///   - path: the input file (CSV or JSON records, as `ingest(path:options:)`).
    ///   - options: the ingest options of the modelled series; the mode is replaced by levels and the window cleared.
    /// - Throws: `DataError` when the file cannot be read or has no value for `name` on or before `day`.
    public static func runningTotal(of name: String, path: String, options: IngestOptions,
                                    through day: CalendarDate) throws(DataError) -> Double {
        var levels = options
        (levels.from, levels.to, levels.mode) = (nil, nil, .levels)
        let raw = try DailySeries.ingest(path: path, options: levels)
        let totals = try raw.column(named: name)
        guard let last = raw.index(of: day), let base = totals[...last].last(where: { !$0.isNaN }) else {
            throw DataError(.missingValue, file: path, column: name, expected: "a cumulative value on or before \(day)")
        }
        return base
    }
}
